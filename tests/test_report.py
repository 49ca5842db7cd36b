"""The report: model, builder, PDF and HTML renderers, and the report command."""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest

import biaskit
from biaskit.errors import BiaskitError
from biaskit.reporting import Report
from biaskit.reporting._format import format_value, table_cells
from biaskit.reporting.build import SECTION_HEADINGS, report
from biaskit.reporting.model import Column, Figure, Section, Table, Text

pypdf = pytest.importorskip("pypdf")

XSS_OUTLET = "<script>alert(1)</script>"
XSS_TITLE = '"><img src=x onerror=alert(1)>'
GREEK_OUTLET = "Καθημερινή Ώρα"

_SPEAKERS = [("Minister Lena Ortiz", "official"), ("Professor Amir Haddad", "expert"),
             ("union leader Tom Berg", "person")]
_CLAIMS = ["the budget would be balanced by next year", "the port strike had cost the region dearly",
           "the new bridge was safe", "inflation would fall before the winter"]
_LOADED = ["slammed", "chaos", "reckless", "disastrous", "regime", "massive"]


def _article(rng: np.random.Generator, outlet_style: int, i: int) -> str:
    """A small news text whose sourcing and wording vary with the outlet's style."""
    sents = []
    for k in range(4 + outlet_style):
        who, _ = _SPEAKERS[(i + k) % len(_SPEAKERS)]
        claim = _CLAIMS[(i + k) % len(_CLAIMS)]
        form = (k + outlet_style) % 4
        if form == 0:
            sents.append(f'"We are certain that {claim}," {who} said on Monday.')
        elif form == 1:
            sents.append(f"{who} said that {claim}.")
        elif form == 2:
            sents.append(f"Officials familiar with the talks said {claim}, according to local media reports.")
        else:
            word = _LOADED[int(rng.integers(len(_LOADED)))] if outlet_style else "criticised"
            sents.append(f"The council {word} the plan as the debate over the \"reform\" went on.")
    sents.append("The city has about " + str(int(rng.integers(20, 90))) + " thousand inhabitants.")
    return " ".join(sents)


def _corpus(outlets: list[str], n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for j, outlet in enumerate(outlets):
        for i in range(n):
            text = _article(rng, j % 3, i)
            rows.append({"id": f"{j}-{i}", "outlet": outlet, "title": f"Story {i} of {outlet}",
                         "date": f"2025-0{1 + i % 9}-1{j % 9}", "text": text})
    return pd.DataFrame(rows)


OUTLETS = ["Harbor Ledger", XSS_OUTLET, GREEK_OUTLET]


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return biaskit.read_articles(_corpus(OUTLETS, 6))


@pytest.fixture(scope="module")
def feats(corpus) -> pd.DataFrame:
    return biaskit.extract_features(corpus)


@pytest.fixture(scope="module")
def rep(corpus) -> Report:
    return report(corpus, title=XSS_TITLE, author="Test Author", n_boot=200, min_n=3)


@pytest.fixture(scope="module")
def pdf_bytes(rep) -> bytes:
    return rep.to_pdf(dpi=60)  # low resolution keeps the test fast; the layout is the same


@pytest.fixture(scope="module")
def pdf_text(pdf_bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    return " ".join(re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages)


@pytest.fixture(scope="module")
def html(rep) -> str:
    # every table and text of the report, and one figure (drawing them all again would only cost time)
    one = next(f for _, f in rep.figures())
    sections = tuple(Section(s.key, s.heading, tuple(b for b in s.blocks if not isinstance(b, Figure)), s.skipped)
                     for s in rep.sections)
    sections = (Section(sections[0].key, sections[0].heading, (*sections[0].blocks, one)), *sections[1:])
    return Report(rep.title, sections=sections, author=rep.author, created=rep.created,
                  provenance=rep.provenance).to_html(dpi=40)


# ---------------------------------------------------------------------------
# the model and the builder
# ---------------------------------------------------------------------------


def test_report_has_every_section_in_order(rep):
    assert [s.key for s in rep.sections] == list(SECTION_HEADINGS)
    assert rep.section("overview").skipped is None
    assert rep.provenance["biaskit_version"] == biaskit.__version__
    assert re.fullmatch(r"[0-9a-f]{64}", rep.provenance["input_fingerprint"])


def _plain(frame: pd.DataFrame, cols: list[str]) -> list[list]:
    def cell(v):
        if isinstance(v, (list, tuple, np.ndarray)):
            return [cell(x) for x in v]
        return None if pd.isna(v) else (int(v) if isinstance(v, (np.integer, int)) and not isinstance(v, bool)
                                         else v)

    return [[cell(v) for v in row] for row in frame[cols].astype(object).itertuples(index=False)]


def test_one_pass_extraction_equals_the_public_functions(corpus):
    """The report's single pass gives the same three tables as the public functions."""
    from biaskit.records import ATTRIBUTION_COLUMNS, VOCABULARY_COLUMNS
    from biaskit.reporting.build import _extract_all

    corpus = corpus.iloc[::2]
    feats, att, hits = _extract_all(corpus, ["readability", "sentiment", "sourcing", "vocabulary"], lexicon=None,
                                    wordlists=None, progress=False)
    pd.testing.assert_frame_equal(feats, biaskit.extract_features(corpus), check_dtype=False)
    ref = biaskit.attribution_table(corpus)
    assert len(att) == len(ref) > 0
    assert _plain(att, list(ATTRIBUTION_COLUMNS)) == _plain(ref, list(ATTRIBUTION_COLUMNS))
    ref_hits = biaskit.vocabulary_table(corpus)
    assert len(hits) == len(ref_hits) > 0
    assert _plain(hits, list(VOCABULARY_COLUMNS)) == _plain(ref_hits, list(VOCABULARY_COLUMNS))


def test_fingerprint_follows_the_input(rep, corpus):
    from biaskit.reporting.build import _fingerprint

    assert rep.provenance["input_fingerprint"] == _fingerprint(corpus, None)
    assert _fingerprint(corpus.copy(), None) == _fingerprint(corpus, None)
    changed = corpus.copy()
    changed.loc[changed.index[0], "text"] = changed["text"].iloc[0] + " One more sentence."
    assert _fingerprint(changed, None) != _fingerprint(corpus, None)
    renamed = corpus.copy()
    renamed.loc[renamed.index[0], "outlet"] = "Somebody else"
    assert _fingerprint(renamed, None) != _fingerprint(corpus, None)


def test_tables_keep_full_precision(rep, feats):
    """The model holds compare()'s estimates unrounded; only rendering rounds them."""
    table = next(t for s, t in rep.tables() if s.key == "tone" and "sentiment.mean_compound" in t.data.columns)
    for outlet, value in zip(table.data["group"], table.data["sentiment.mean_compound"], strict=True):
        expected = feats.loc[feats["outlet"] == outlet, "sentiment.mean_compound"].mean()
        assert value == pytest.approx(expected, rel=1e-12)
    cells = table_cells(table)
    col = [c.key for c in table.columns].index("sentiment.mean_compound")
    assert all(len(row[col].text.split(".")[-1]) == 3 for row in cells)  # 3 decimals when rendered


def test_feature_table_input_notes_what_needs_texts(feats):
    rep = report(feats, n_boot=100, min_n=3, classifier=False)
    distinctive = rep.section("distinctive")
    notes = " ".join(getattr(b, "text", "") for b in distinctive.blocks)
    assert "need the articles" in notes
    assert rep.provenance["input_kind"] == "feature table"


def test_missing_families_skip_their_section_with_a_note(feats):
    readability_only = feats[[c for c in feats.columns if "." not in c or c.startswith("readability.")]]
    rep = report(readability_only, n_boot=100, min_n=3, classifier=False)
    assert rep.section("sourcing").skipped
    assert rep.section("vocabulary").skipped
    assert rep.section("tone").skipped is None


def test_skipped_section_renders_its_heading_and_note():
    rep = Report("r", sections=(Section("a", "Sourcing", skipped="No attribution table was available."),
                                Section("b", "Tone", (Text(("fine",)),))))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(rep.to_pdf())).pages))
    assert "1. Sourcing No attribution table was available." in text and "2. Tone" in text
    html = rep.to_html()
    assert "No attribution table was available." in html and "(skipped)" in html


def test_many_outlets_are_folded_into_other():
    rng = np.random.default_rng(3)
    outlets = [f"Outlet {k:02d}" for k in range(30)]
    feats = pd.DataFrame({
        "id": [f"{o}-{i}" for o in outlets for i in range(4 + outlets.index(o) % 3)],
    })
    feats["outlet"] = feats["id"].str.rsplit("-", n=1).str[0]
    feats["date"] = "2025-01-01"
    feats["title"] = "t"
    feats["status"] = "ok"
    feats["readability.flesch_reading_ease"] = rng.normal(50, 10, len(feats))
    feats["sentiment.mean_compound"] = rng.normal(0, 0.2, len(feats))
    rep = report(feats, n_boot=50, classifier=False, max_groups=12)
    overview = rep.section("overview")
    per_outlet = next(b for b in overview.blocks if isinstance(b, Table))
    assert len(per_outlet.data) == 30  # the overview lists every outlet
    for _, fig in rep.figures():
        groups = set(fig.data[fig.params.get("y", "group")]) if fig.params.get("y") else set()
        assert len(groups) <= 12
    other = [g for g in next(f for s, f in rep.figures() if s.key == "tone").data["group"] if g.startswith("Other")]
    assert other and other[0] == "Other (19 outlets)"
    assert "Outlet 00" in str(rep.section("overview").blocks[0].paragraphs)  # the folded names are listed


def test_bad_arguments_are_clear_errors(corpus):
    with pytest.raises(BiaskitError, match="no column 'leaning'"):
        report(corpus, by="leaning", n_boot=50)
    with pytest.raises(BiaskitError, match="max_groups"):
        report(corpus, max_groups=1)
    with pytest.raises(BiaskitError, match="columns"):
        Table(pd.DataFrame({"a": [1]}), (Column("b", "B"),))
    with pytest.raises(BiaskitError, match=r"\.pdf or \.html"):
        Report("x").save("report.docx")


def test_hand_corrected_attributions_are_what_the_report_measures(corpus, rep):
    table = biaskit.attribution_table(corpus)
    harbor = table.index[(table["outlet"] == "Harbor Ledger") & (table["source_type"] != "anonymous")
                         & (table["quote_form"] != "unattributed")]
    corrected = table.copy()
    corrected.loc[harbor, "source_type"] = "anonymous"  # a student decides these sources are anonymous
    fixed = report(corpus, attributions=corrected, n_boot=50, min_n=3, classifier=False, stories=False)

    def anonymous(r):
        t = next(t for s, t in r.tables() if s.key == "sourcing" and "sourcing.anonymous_share" in t.data.columns)
        return t.data.set_index("group")["sourcing.anonymous_share"]

    assert anonymous(fixed)["Harbor Ledger"] == pytest.approx(1.0)
    assert anonymous(fixed)[GREEK_OUTLET] == pytest.approx(anonymous(rep)[GREEK_OUTLET])
    assert "recomputed from the attribution table" in fixed.section("sourcing").blocks[0].text


LEANINGS = pd.DataFrame({"outlet": ["Harbor Ledger", XSS_OUTLET], "leaning": ["left", "right"]})


@pytest.fixture(scope="module")
def by_leaning(corpus) -> Report:
    """Grouped by a metadata column that one outlet (the Greek one, 6 of 18 articles) lacks."""
    return report(corpus, by="leaning", outlets=LEANINGS, n_boot=50, min_n=3, classifier=False, stories=False)


def _words(rep: Report) -> str:
    """Every caption, note, label, heading and paragraph of a report, as one string."""
    parts = [rep.title, *(s.heading for s in rep.sections), *(s.skipped or "" for s in rep.sections)]
    for s in rep.sections:
        for b in s.blocks:
            parts += [getattr(b, "text", ""), getattr(b, "caption", ""), getattr(b, "note", "") or "",
                      *getattr(b, "paragraphs", ()), *getattr(b, "items", ())]
            parts += [c.label for c in getattr(b, "columns", ())]
    return " ".join(map(str, parts))


def test_outlet_metadata_groups_and_lists_unmatched_outlets(by_leaning):
    overview = by_leaning.section("overview")
    per = next(b for b in overview.blocks if isinstance(b, Table))
    assert sorted(per.data["group"]) == ["left", "right"]  # no "(none)" group
    unmatched = next(b for b in overview.blocks if isinstance(b, Table) and "not joined" in b.caption)
    assert unmatched.data["outlet"].tolist() == [GREEK_OUTLET]
    assert by_leaning.title.startswith("Articles by leaning")


def test_articles_without_a_group_are_left_out_with_a_note(by_leaning):
    note = next(b.text for b in by_leaning.section("overview").blocks if b.kind == "note" and "left out" in b.text)
    assert "6 of the 18 articles have no leaning" in note and f"{GREEK_OUTLET} (6)" in note
    assert "compares 12 of the 18 articles in the input, from 2 leanings" in \
        " ".join(by_leaning.section("overview").blocks[0].paragraphs)
    assert by_leaning.provenance["articles"] == 18 and by_leaning.provenance["articles_compared"] == 12
    for _, fig in by_leaning.figures():  # the left-out articles (and their attributions) are in no figure
        for col in ("group", "true", "predicted"):
            if col in fig.data.columns:
                assert set(fig.data[col].dropna()) <= {"left", "right"}
    for _, table in by_leaning.tables():
        if "group" in table.data.columns:
            assert set(table.data["group"].dropna()) <= {"left", "right"}
    grid = next(f for s, f in by_leaning.figures() if f.plot == "heatmap" and s.key == "sourcing")
    assert set(grid.data["group"]) == {"left", "right"}


def test_wording_follows_the_grouping(by_leaning, rep):
    words = _words(by_leaning)
    assert "Do the leanings differ in sourcing?" in words and "Do the leanings differ in tone" in words
    assert "per-leaning means" in words and "Leanings differ overall" in words
    assert by_leaning.section("models").heading == "What distinguishes the leanings"
    assert "Do the outlets" not in words and "per-outlet" not in words and "(none)" not in words
    assert "Do the outlets differ in sourcing?" in _words(rep)  # grouped by outlet: the outlets


def test_no_article_with_a_group_is_a_clear_error(feats):
    meta = pd.DataFrame({"outlet": ["Somewhere Else"], "leaning": ["left"]})
    with pytest.raises(BiaskitError, match="no article has a value in the column 'leaning'.*Harbor Ledger"):
        report(feats, by="leaning", outlets=meta, n_boot=50, classifier=False)


@pytest.fixture(scope="module")
def one_article(feats) -> Report:
    return report(feats.iloc[:1], n_boot=50, classifier=False, stories=False)


def test_one_article_is_counted_in_the_singular(one_article):
    assert one_article.title.startswith("How 1 outlet reports:")
    intro = " ".join(one_article.section("overview").blocks[0].paragraphs)
    assert "compares 1 article from 1 outlet" in intro and "It could be measured." in intro
    assert not re.search(r"\b1 (articles|outlets|words)\b", _words(one_article))


def test_tests_not_run_say_not_tested(one_article):
    tests = [t for _, t in one_article.tables() if "differ" in t.data.columns]
    assert tests
    for table in tests:
        assert table.data["flag"].astype(bool).all()  # one group: nothing can be tested
        assert set(table.data["differ"]) == {"not tested"}
        assert set(table.data["pairs_text"]) == {"not tested"}
        shown = {row[[c.key for c in table.columns].index("differ")].text for row in table_cells(table)}
        assert shown == {"not tested"}


def test_no_measured_article_is_said_on_the_first_page():
    empty = biaskit.read_articles(pd.DataFrame({"id": ["a", "b"], "outlet": ["Alpha", "Beta"], "text": ["", " "]}))
    rep = report(empty, n_boot=50, classifier=False, stories=False)
    assert "No article could be measured" in rep.notice and "status empty_text" in rep.notice
    assert "2 articles" in rep.notice
    assert all(s.skipped for s in rep.sections if s.key not in ("overview", "methods"))
    html = rep.to_html(dpi=30)
    header = html[html.index("<header>"):html.index("</header>")]
    assert "No article could be measured" in header
    first_page = pypdf.PdfReader(io.BytesIO(rep.to_pdf(dpi=30))).pages[0].extract_text()
    assert "No article could be measured" in re.sub(r"\s+", " ", first_page)


def test_the_two_anonymity_measures_are_labelled_apart(rep):
    from biaskit.reporting.metrics import describe

    unnamed, typed = describe("sourcing.anonymous_share"), describe("sourcing.share_anonymous")
    assert unnamed.label != typed.label
    assert "no resolved speaker" in unnamed.meaning and "share_anonymous" in unnamed.meaning
    profile = next(t for s, t in rep.tables() if s.key == "sourcing" and "sourcing.anonymous_share" in t.data.columns)
    assert unnamed.label in profile.note and "anonymous only" in profile.note
    grid = next(f for s, f in rep.figures() if s.key == "sourcing" and f.plot == "heatmap")
    assert "anonymous only" in grid.caption and unnamed.label in grid.caption


def test_rounded_zero_has_no_minus_sign():
    assert format_value(-0.0004, Column("x", "X", "num")) == "0.00"
    assert format_value(-0.00004, Column("x", "X", "pct")) == "0.0%"
    assert format_value(-0.004, Column("x", "X", "num")) == "0.00"
    assert format_value(-0.006, Column("x", "X", "num")) == "−0.01"
    table = Table(pd.DataFrame({"v": [0.1], "lo": [-0.001], "hi": [0.26]}),
                  (Column("v", "V", "num", low="lo", high="hi"),))
    assert table_cells(table)[0][0].interval == "[0.00, 0.26]"


def test_share_axes_use_the_tables_units():
    from biaskit.reporting.figures import draw

    data = pd.DataFrame({"group": ["A", "B", "C"], "facet": "Quoted words", "x": [-0.04, 0.02, 0.08],
                         "lo": [-0.06, 0.0, 0.05], "hi": [-0.02, 0.04, 0.11]})

    def ticks(units):
        fig = draw(Figure("pointrange", data, {"y": "group", "x": "x", "low": "lo", "high": "hi", "facet": "facet",
                                               "units": units}))
        fig.canvas.draw()
        return [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]

    pp, pct, plain = ticks({"Quoted words": "pp"}), ticks("pct"), ticks(None)
    assert any("." in t for t in plain) and "0.10" in plain  # a share drawn as is: 0.02, 0.04 ...
    assert "+10" in pp and "+2" in pp and "−6" in pp and not any("." in t for t in pp)  # percentage points
    assert "10%" in pct and "−6%" in pct


def test_save_creates_missing_folders(tmp_path):
    small = Report("Small", sections=(Section("s", "One", (Text(("text",)),)),))
    out = small.save(tmp_path / "new" / "deeper" / "r.html")
    assert out.exists() and "Small" in out.read_text(encoding="utf-8")
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(BiaskitError, match="cannot create the folder"):
        small.save(tmp_path / "a_file" / "r.html")


def test_stories_from_a_column_add_the_within_story_comparison(feats):
    with_events = feats.assign(event=[f"e{i % 4}" for i in range(len(feats))])
    rep = report(with_events, stories="event", n_boot=100, min_n=2, classifier=False)
    models = rep.section("models")
    captions = [getattr(b, "caption", "") for b in models.blocks]
    assert "Story coverage" in captions
    assert any("Within-story differences" in c for c in captions)


def test_grouping_column_is_checked_before_measuring(corpus, monkeypatch):
    import biaskit.reporting.build as build

    def no_measuring(*args, **kwargs):
        raise AssertionError("articles were measured before the grouping column was checked")

    monkeypatch.setattr(build, "_extract_all", no_measuring)
    with pytest.raises(BiaskitError, match="no column 'nope'") as err:
        report(corpus, by="nope", n_boot=50)
    assert "the input's columns are: id, outlet" in str(err.value)
    assert "readability." not in str(err.value)


def test_auto_stories_prefer_the_input_story_column(feats):
    with_events = feats.assign(event=[f"e{i % 4}" for i in range(len(feats))])
    rep = report(with_events, n_boot=100, min_n=2, classifier=False)  # stories="auto"
    assert any("column 'event'" in " ".join(getattr(b, "paragraphs", ())) for b in rep.section("models").blocks)
    methods = " ".join(" ".join(getattr(b, "paragraphs", ())) for b in rep.section("methods").blocks)
    assert "the input's column 'event'" in methods
    within = next(t for _, t in rep.tables() if t.caption.startswith("Within-story differences"))
    shares = [c for c in within.columns if c.key.endswith("_share")]
    assert shares and all(c.fmt == "pp" for c in shares)  # differences of shares are percentage points
    figure = next(f for _, f in rep.figures() if f.caption.startswith("Within-story differences"))
    for c in shares:  # ... and so is the figure's axis beside the table
        assert figure.params["units"][c.label] == "pp"
        assert "percentage points" in figure.params["xlabel"][c.label]


def test_overview_and_test_tables_explain_themselves(rep):
    intro = " ".join(rep.section("overview").blocks[0].paragraphs)
    assert "All 18 could be measured." in intro and "listed below" not in intro
    tests = next(t for s, t in rep.tables() if s.key == "sourcing" and t.caption.startswith("Do the"))
    labels = [c.label for c in tests.columns]
    assert any("differ overall" in x for x in labels) and any("Pairs that differ" in x for x in labels)
    assert "Flag" not in labels and "Mann–Whitney" in tests.note
    flagged = tests.data.assign(flag=["constant"] + [""] * (len(tests.data) - 1))
    cols, note = __import__("biaskit.reporting.build", fromlist=["x"])._flag_column(
        flagged, list(tests.columns), "N.")
    assert cols[-1].label == "Not tested because" and "constant — every article" in note


def test_source_type_grid_tells_zero_from_undefined(corpus):
    table = biaskit.attribution_table(corpus)
    harbor = table["outlet"] == "Harbor Ledger"
    table.loc[harbor, "source_type"] = "anonymous"  # Harbor Ledger: attributions, all of one type
    table = table[~((table["outlet"] == GREEK_OUTLET) & table["source_type"].notna())]  # no attributions
    rep = report(corpus, attributions=table, n_boot=50, min_n=3, classifier=False, stories=False)
    grid = next(f for s, f in rep.figures() if s.key == "sourcing" and f.plot == "heatmap")
    data = grid.data.set_index(["group", "source_type"])["share"]
    assert len(data) == 3 * data.index.get_level_values(1).nunique()  # a full grid
    assert data["Harbor Ledger", "anonymous"] == pytest.approx(1.0)
    assert (data["Harbor Ledger"].drop("anonymous") == 0).all()  # none of that type: 0
    assert data[GREEK_OUTLET].isna().all()  # no attributions: undefined (drawn as n/a)


def test_reproducibility_values_are_readable(rep):
    repro = next(t for s, t in rep.tables() if s.key == "methods" and t.caption == "How this report was made")
    values = repro.data["value"].astype(str)
    assert not values.str.contains(r"^(?:None|True|False)$|\[").any()
    assert "readability, sentiment" in " ".join(values)


# ---------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------


def test_format_rounds_only_when_rendering():
    assert format_value(0.123456, Column("x", "X", "num", 3)) == "0.123"
    assert format_value(-0.5, Column("x", "X", "num", 1)) == "−0.5"
    assert format_value(0.088, Column("x", "X", "pp")) == "+8.8 pp"
    assert format_value(-0.0001, Column("x", "X", "pp")) == "0.0 pp"
    assert format_value(0.5, Column("x", "X", "pct", 0)) == "50%"
    assert format_value(0.0123, Column("p", "p", "p")) == "0.012"
    assert format_value(pd.Timestamp("2025-03-04T10:00Z"), Column("d", "D", "date")) == "2025-03-04"
    assert format_value(None, Column("x", "X", "num")) == "–"


def test_pdf_pages_and_text(pdf_bytes, pdf_text, rep):
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    assert 4 <= len(reader.pages) <= 30
    for number, section in enumerate(rep.sections, start=1):
        assert f"{number}. {section.heading}" in pdf_text
    for outlet in ("Harbor Ledger", XSS_OUTLET, GREEK_OUTLET):
        assert outlet in pdf_text  # shown as text; Greek needs the registered DejaVu font
    assert XSS_TITLE in pdf_text
    assert reader.metadata.title == XSS_TITLE


def test_pdf_outline_has_the_sections(pdf_bytes, rep):
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [f"{n}. {s.heading}" for n, s in enumerate(rep.sections, start=1)]


def test_pdf_tables_fit_the_page():
    """A wide table of long words still fits: widths never exceed the frame."""
    from biaskit.reporting import pdf as pdfmod

    pdfmod.register_fonts()
    long = "Extraordinarily-long-hyphenated-outlet-name-that-cannot-break " * 2
    data = pd.DataFrame({f"c{k}": [long, "short"] for k in range(9)})
    table = Table(data, tuple(Column(f"c{k}", f"Column number {k}") for k in range(9)))
    flows = pdfmod._table_flowables(table, pdfmod._styles(), 480.0)
    rl = next(f for f in flows if f.__class__.__name__ == "Table")
    assert sum(rl._colWidths) <= 480.0 + 0.5
    report_ = Report("wide", sections=(Section("s", "Wide", (table,)),))
    assert report_.to_pdf()[:5] == b"%PDF-"


def test_html_is_self_contained(html):
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.replace("&lt;script", "")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "<link" not in html and "url(" not in html
    images = re.findall(r'<img src="([^"]*)"', html)
    assert images and all(src.startswith("data:image/png;base64,") for src in images)


def test_html_escapes_article_derived_text(html):
    assert XSS_OUTLET not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert XSS_TITLE not in html
    assert "<img src=x" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert GREEK_OUTLET in html


def test_jupyter_repr_is_a_fragment():
    rep = Report("Small", sections=(Section("s", "One", (Text(("text",)),)),))
    fragment = rep._repr_html_()
    assert "<!DOCTYPE" not in fragment and "<html" not in fragment
    assert 'class="biaskit-report"' in fragment


def test_text_blocks_are_escaped_in_pdf_markup():
    """reportlab reads paragraph markup: article text with tags must not break it."""
    rep = Report("<b>not bold</b> & co", sections=(Section("s", "A <i>heading</i>", (Text(("x < y & <br/> z",)),)),))
    text = pypdf.PdfReader(io.BytesIO(rep.to_pdf())).pages[0].extract_text()
    assert "<b>not bold</b> & co" in text and "x < y & <br/> z" in text


def test_unknown_figure_kind_is_an_error():
    from biaskit.reporting.figures import render

    with pytest.raises(BiaskitError, match="unknown figure"):
        render(Figure("pie", pd.DataFrame({"a": [1]})))


# ---------------------------------------------------------------------------
# the command line
# ---------------------------------------------------------------------------


def test_cli_report_html_and_errors(tmp_path, capsys):
    from biaskit.cli.main import main

    src = tmp_path / "features.csv"
    rng = np.random.default_rng(0)
    table = pd.DataFrame({"id": [f"a{i}" for i in range(12)], "outlet": ["Alpha News", "Beta Post"] * 6,
                          "date": "2025-02-03", "title": "t", "status": "ok",
                          "readability.flesch_reading_ease": rng.normal(50, 9, 12)})
    biaskit.write_table(table, src)
    out = tmp_path / "out" / "report.html"
    code = main(["report", str(src), "-o", str(out), "--n-boot", "100", "--no-classifier", "--dpi", "40",
                 "--report-title", "Class report", "--author", "A. Teacher", "--no-progress"])
    assert code == 0
    page = out.read_text(encoding="utf-8")
    assert "Class report" in page and "A. Teacher" in page and "Alpha News" in page
    capsys.readouterr()
    assert main(["report", str(src), "-o", str(tmp_path / "r.docx")]) == 2
    assert "use one of .pdf" in capsys.readouterr().err
    assert main(["report", str(src), "--by", "leaning", "-o", str(tmp_path / "r.html"), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "no column 'leaning'" in err and "Traceback" not in err
