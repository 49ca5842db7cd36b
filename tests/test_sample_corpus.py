"""Structural promises of the bundled, fictional sample corpus (``datasets/sample``).

The datasheet (``datasets/sample/README.md``) states these numbers; the tests
keep the corpus and its datasheet honest. They read the files with pandas
directly, so they test the data rather than biaskit's loader, except for the
last test, which checks that the loader returns every article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "datasets" / "sample"
COLUMNS = ["id", "outlet", "date", "title", "author", "event", "text"]
OUTLETS = {
    "The Harbor Ledger",
    "Daily Meridian",
    "The Evening Klaxon",
    "The Aster Review",
    "Worldline Dispatch",
}
SUBFOLDERS = {"scraped": ".txt", "html": ".html"}
# an ISO 8601 instant with an explicit offset, e.g. 2026-03-04T09:30:00-05:00
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.read_csv(SAMPLE / "articles.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def _sidecar(folder: str) -> pd.DataFrame:
    return pd.read_csv(SAMPLE / folder / "_outlets.csv", dtype=str, keep_default_na=False)


def test_columns_and_row_count(articles):
    assert list(articles.columns) == COLUMNS
    assert len(articles) >= 60


def test_no_empty_cells_except_author(articles):
    for column in ["id", "outlet", "date", "title", "event", "text"]:
        empty = articles.loc[articles[column].str.strip() == "", "id"].tolist()
        assert not empty, f"empty {column!r} in rows {empty}"


def test_ids_are_unique(articles):
    assert articles["id"].is_unique, articles.loc[articles["id"].duplicated(), "id"].tolist()


def test_five_invented_outlets(articles):
    assert set(articles["outlet"]) == OUTLETS


def test_twelve_events_each_covered_by_two_to_five_outlets(articles):
    per_event = articles.groupby("event")["outlet"].nunique()
    assert len(per_event) == 12
    assert per_event.between(2, 5).all(), per_event.to_dict()


def test_coverage_differs_between_outlets(articles):
    pairs = set(zip(articles["outlet"], articles["event"], strict=True))
    n_outlets, n_events = articles["outlet"].nunique(), articles["event"].nunique()
    assert len(pairs) < n_outlets * n_events, "every outlet covers every event"
    # coverage differs in kind too: not every outlet covers the same number of events
    assert articles.groupby("outlet")["event"].nunique().nunique() > 1


def test_dates_are_iso_instants_with_time_zones(articles):
    bad = [d for d in articles["date"] if not ISO_WITH_OFFSET.match(d)]
    assert not bad, bad
    parsed = pd.to_datetime(articles["date"], format="ISO8601", utc=True)
    assert parsed.notna().all()
    assert parsed.min() >= pd.Timestamp("2025-01-01", tz="UTC")
    assert parsed.max() < pd.Timestamp("2027-01-01", tz="UTC")
    # several offsets: the outlets publish from different zones (and summer time)
    assert articles["date"].str[-6:].nunique() >= 3


def test_article_lengths_between_150_and_600_words(articles):
    words = articles["text"].str.split().str.len()
    out = articles.loc[~words.between(150, 600), "id"].tolist()
    assert not out, out


def test_texts_are_paragraphed_prose_with_quotations(articles):
    # every article has paragraphs; nearly all quote someone, straight or curly
    # (a relayed wire rewrite may paraphrase everything, as worldline-005 does)
    assert articles["text"].str.contains("\n\n").all()
    assert articles["text"].str.contains('["\u201c]').mean() >= 0.9
    # both quotation styles occur in the corpus
    assert articles["text"].str.contains('"').any()
    assert articles["text"].str.contains("\u201c").any()


@pytest.mark.parametrize("folder", sorted(SUBFOLDERS))
def test_sidecars_list_existing_files_of_known_outlets(folder):
    sidecar = _sidecar(folder)
    assert {"file", "outlet"} <= set(sidecar.columns)
    assert sidecar["file"].is_unique
    on_disk = {p.name for p in (SAMPLE / folder).iterdir() if not p.name.startswith((".", "_"))}
    assert set(sidecar["file"]) == on_disk, "sidecar and folder disagree"
    assert all(name.endswith(SUBFOLDERS[folder]) for name in on_disk)
    assert set(sidecar["outlet"]) <= OUTLETS


@pytest.mark.parametrize("folder", sorted(SUBFOLDERS))
def test_raw_files_are_not_copies_of_csv_articles(articles, folder):
    # a distinctive sentence of each raw file must not appear in articles.csv
    corpus = "\n".join(articles["text"])
    for name in _sidecar(folder)["file"]:
        raw = (SAMPLE / folder / name).read_text(encoding="utf-8")
        raw = re.sub(r"<[^>]+>", " ", raw)
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", raw) if len(s.split()) >= 12]
        assert sentences, name
        copied = [s for s in sentences if s.strip() in corpus]
        assert len(copied) < len(sentences) / 2, f"{name} repeats articles.csv"


def test_sidecar_events_are_known_events(articles):
    events = set(articles["event"])
    for folder in SUBFOLDERS:
        sidecar = _sidecar(folder)
        if "event" in sidecar.columns:
            assert set(sidecar["event"]) <= events


def test_read_articles_returns_every_article(articles):
    pytest.importorskip("biaskit.io")
    import biaskit

    table = biaskit.read_articles(SAMPLE)
    n_raw = sum(len(_sidecar(folder)) for folder in SUBFOLDERS)
    assert len(table) == len(articles) + n_raw
    assert set(table["outlet"]) == OUTLETS
    # every CSV article is there under its own id
    assert set(articles["id"]) <= set(table["id"])


def test_sample_word_list_loads_and_names_the_invented_outlets(articles):
    wordlists = pytest.importorskip("biaskit.wordlists")
    wl = wordlists.load_wordlists(SAMPLE / "_wordlist.csv")
    for outlet in OUTLETS:
        assert wl.outlet(outlet) is not None, outlet
    assert wl.outlet("VPA")[1] == "agency"
    assert wl.outlet("Dravpress")[1] == "agency"
