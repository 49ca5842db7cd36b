"""Tests of the sourcing profile, the attribution table and the hand-correction round trip."""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from biaskit.errors import InputError
from biaskit.extract.sourcing_table import (
    PROFILE_KEYS,
    attribution_table,
    sourcing_features,
    sourcing_profile,
)
from biaskit.parse import parse
from biaskit.records import ATTRIBUTION_COLUMNS, SOURCE_TYPES, Attribution

KINDS = {"RIA Novosti": "agency", "Russian media reports": "media", "CNN": "media",
         "a Kremlin statement": "government", "his lawyer": "other"}


def kinds(entry: str) -> str:
    return KINDS.get(entry, "other")


def rec(text: str, *, speaker=None, source=None, cue=None, content=None, quote_form="indirect",
        source_type="person", via=(), nth_cue=0, **extra) -> Attribution:
    """An Attribution from substrings of ``text`` (offsets found by search)."""
    def find(piece, nth=0):
        if piece is None:
            return None, None
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(piece, pos + 1)
        return pos, pos + len(piece)

    s0, s1 = find(source)
    c0, c1 = find(cue, nth_cue)
    t0, t1 = find(content)
    return Attribution(
        quote_form=quote_form, construction="verb" if cue else None, speaker=speaker,
        source_type=source_type, role=None, via=tuple(via), hedged=False, rule="test",
        cue_lemma=None, source_start=s0, source_end=s1, source_text=source, cue_start=c0, cue_end=c1,
        cue_text=cue, content_start=t0, content_end=t1, content_text=content, **extra)


# --------------------------------------------------------------------------
# sourcing_features
# --------------------------------------------------------------------------

TITLE = "Kremlin denies plan, Peskov says"
BODY = ('The Kremlin denied the plan, according to Russian media reports, citing Dmitry Peskov. '
        '"There is no plan," Peskov said, quoted by RIA Novosti. '
        'Jake Sullivan told CNN an attack could come "any time now." '
        'Officials said talks would continue. '
        'A Kremlin statement said the drills had ended. '
        'The weather was cold.')
TEXT = TITLE + "\n\n" + BODY


def seed_like_records() -> list[Attribution]:
    t = TEXT
    return [
        rec(t, speaker="Dmitry Peskov", source="Peskov", cue="says", source_type="official"),  # title
        rec(t, speaker="Dmitry Peskov", source="Dmitry Peskov", cue="according to",
            content="The Kremlin denied the plan", source_type="official", via=["Russian media reports"]),
        rec(t, speaker="Dmitry Peskov", source="Peskov", cue="said", quote_form="direct",
            content='"There is no plan,"', source_type="official", via=["RIA Novosti"]),
        rec(t, speaker="Jake Sullivan", source="Jake Sullivan", cue="told", content="an attack could come",
            source_type="official", via=["CNN"], quote_form="indirect"),
        rec(t, speaker=None, source="Officials", cue="said", nth_cue=1, content="talks would continue",
            source_type="anonymous"),
        rec(t, speaker="Kremlin", source="A Kremlin statement", cue="said", nth_cue=2,
            content="the drills had ended", source_type="government", via=["a Kremlin statement"]),
        rec(t, quote_form="unattributed", content='"any time now."', source_type="unknown"),
    ]


def test_profile_of_a_seed_like_article():
    doc = parse(BODY, title=TITLE)
    f = sourcing_features(doc, seed_like_records(), via_kinds=kinds)
    assert list(f) == list(PROFILE_KEYS)
    n = 6  # the unattributed quotation is not an attribution
    assert f["attributions"] == n
    # 5 attributions in the body, 6 body sentences (the title is not counted)
    assert f["attributions_per_1000_words"] == pytest.approx(1000 * 5 / doc.word_count)
    assert doc.sentence_count == 6
    assert f["attributed_sentence_share"] == pytest.approx(5 / 6)
    # quoted words from sources: "There is no plan" (4); not the scare quote
    assert f["quoted_word_share"] == pytest.approx(4 / doc.word_count)
    assert f["speakers"] == 3  # Dmitry Peskov, Jake Sullivan, Kremlin (Officials has no speaker)
    assert f["share_official"] == pytest.approx(4 / n)
    assert f["share_anonymous"] == pytest.approx(1 / n)
    assert f["share_government"] == pytest.approx(1 / n)
    assert sum(f[f"share_{t}"] for t in SOURCE_TYPES) == pytest.approx(1.0)
    assert f["anonymous_share"] == pytest.approx(1 / n)
    assert f["second_hand_share"] == pytest.approx(3 / n)  # media reports, RIA Novosti, CNN
    assert f["via_government_share"] == pytest.approx(1 / n)
    assert f["first_source_type"] == "official"  # the headline's "Peskov says"
    # speakers: Peskov 3, Sullivan 1, Kremlin 1 of 5 with a speaker
    p = [3 / 5, 1 / 5, 1 / 5]
    assert f["source_diversity"] == pytest.approx(-sum(x * math.log2(x) for x in p))
    assert f["unsourced_quotes"] == 1


def test_profile_without_attributions():
    doc = parse("It rained. Nobody spoke.")
    f = sourcing_features(doc, [], via_kinds=kinds)
    assert list(f) == list(PROFILE_KEYS)
    assert f["attributions"] == 0 and f["speakers"] == 0 and f["unsourced_quotes"] == 0
    assert f["attributions_per_1000_words"] == 0.0 and f["attributed_sentence_share"] == 0.0
    assert f["quoted_word_share"] == 0.0
    assert f["first_source_type"] is None
    for key in ("share_official", "anonymous_share", "second_hand_share", "source_diversity"):
        assert math.isnan(f[key])
    empty = sourcing_features(parse(""), [], via_kinds=kinds)
    assert list(empty) == list(PROFILE_KEYS)
    assert math.isnan(empty["attributions_per_1000_words"])


def test_unattributed_quotes_count_only_as_unsourced():
    text = 'Critics called it a "witch hunt." Smith said it was fair.'
    doc = parse(text)
    scare = rec(text, quote_form="unattributed", content='"witch hunt."', source_type="unknown")
    smith = rec(text, speaker="Smith", source="Smith", cue="said", content="it was fair")
    with_scare = sourcing_features(doc, [scare, smith], via_kinds=kinds)
    without = sourcing_features(doc, [smith], via_kinds=kinds)
    assert with_scare["unsourced_quotes"] == 1 and without["unsourced_quotes"] == 0
    for key in PROFILE_KEYS:
        if key != "unsourced_quotes":
            assert with_scare[key] == without[key], key
    assert with_scare["first_source_type"] == "person"  # the scare quote comes first but is no source


def test_entropy_and_speaker_normalisation():
    text = "A said x. B said y. C said z. D said w."
    doc = parse(text)
    recs = [rec(text, speaker="Jake Sullivan", cue="said", nth_cue=0),
            rec(text, speaker="jake  sullivan", cue="said", nth_cue=1),
            rec(text, speaker="Peskov", cue="said", nth_cue=2),
            rec(text, speaker="Biden", cue="said", nth_cue=3)]
    f = sourcing_features(doc, recs, via_kinds=kinds)
    assert f["speakers"] == 3
    assert f["source_diversity"] == pytest.approx(1.5)  # p = 1/2, 1/4, 1/4
    one = sourcing_features(doc, recs[:2], via_kinds=kinds)
    assert one["source_diversity"] == 0.0 and one["speakers"] == 1


def test_records_and_table_rows_give_the_same_profile():
    doc = parse(BODY, title=TITLE)
    records = seed_like_records()
    rows = []
    for r in records:
        d = {k: getattr(r, k) for k in r.__slots__}
        d["via"] = list(d["via"])
        rows.append(d)
    a = sourcing_features(doc, records, via_kinds=kinds)
    b = sourcing_features(doc, rows, via_kinds=kinds)
    assert a == b or all((a[k] == b[k]) or (a[k] != a[k] and b[k] != b[k]) for k in a)


# --------------------------------------------------------------------------
# attribution_table and sourcing_profile with a simple stand-in extractor
# --------------------------------------------------------------------------

_SAID = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)*) (said|says)(?:,? citing ([A-Z][a-z]+))?")


def said_extractor(doc, wordlists=None):
    """A stand-in extractor: "Name said" / "Name said, citing X"; offsets into doc.text."""
    out = []
    for m in _SAID.finditer(doc.string):
        s0, s1 = doc.text_span(*m.span(1))
        c0, c1 = doc.text_span(*m.span(2))
        via = (m.group(3),) if m.group(3) else ()
        out.append(Attribution(
            quote_form="indirect", construction="verb", speaker=m.group(1), source_type="person",
            role=None, via=via, hedged=False, rule="test_said", cue_lemma="say", source_start=s0,
            source_end=s1, source_text=doc.text[s0:s1], cue_start=c0, cue_end=c1, cue_text=doc.text[c0:c1],
            content_start=None, content_end=None, content_text=None, sentence=doc.sentence_at(m.start()),
            cue_spans=((c0, c1),) if via else ()))
    for q in doc.quotes:
        if "now" in doc.string[q.start:q.end]:
            a, b = doc.text_span(q.start, q.end)
            out.append(Attribution(
                quote_form="unattributed", construction=None, speaker=None, source_type="unknown", role=None,
                via=(), hedged=False, rule="test_scare", cue_lemma=None, source_start=None, source_end=None,
                source_text=None, cue_start=None, cue_end=None, cue_text=None, content_start=a, content_end=b,
                content_text=doc.text[a:b]))
    return out


def articles() -> pd.DataFrame:
    texts = [
        "Maria Lopez said the port would reopen. Tom Reyes said, citing Bloomberg, that it would not.",
        "Nobody commented.\u00a0The strike went on \u201cany time now.\u201d",
        "",
        "   ",
        "Odd \u200b text \u2014 \u201cunclosed quote said Ann",
    ]
    return pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "outlet": ["X", "Y", "Y", "X", "Z"],
        "date": [None] * 5,
        "title": [None] * 5,
        "text": texts,
        "body": texts,
    })


def test_attribution_table_rows_columns_and_offsets():
    arts = articles()
    table = attribution_table(arts, extractor=said_extractor)
    assert list(table.columns[: len(ATTRIBUTION_COLUMNS)]) == list(ATTRIBUTION_COLUMNS)
    assert "source_spans" in table.columns
    assert table["id"].tolist() == ["a", "a", "b"]
    assert table["outlet"].tolist() == ["X", "X", "Y"]
    texts = dict(zip(arts["id"], arts["text"], strict=True))
    for r in table.to_dict("records"):
        text = texts[r["id"]]
        for part in ("source", "cue", "content"):
            if not pd.isna(r[f"{part}_start"]):
                assert text[r[f"{part}_start"]:r[f"{part}_end"]] == r[f"{part}_text"]
        assert isinstance(r["via"], list) and isinstance(r["cue_spans"], list)
    assert table["via"].tolist()[1] == ["Bloomberg"]
    assert str(table["source_start"].dtype) == "Int64"
    assert table["quote_form"].tolist()[2] == "unattributed"


def test_attribution_table_of_nothing_has_the_columns():
    empty = attribution_table(articles().iloc[2:4], extractor=said_extractor)
    assert len(empty) == 0 and "id" in empty.columns and "via" in empty.columns


def test_profile_from_table_has_every_article(monkeypatch):
    from biaskit.extract import sourcing_table

    monkeypatch.setattr(sourcing_table, "via_kind", lambda entry, wordlists=None: "other")
    arts = articles()
    table = attribution_table(arts, extractor=said_extractor)
    prof = sourcing_profile(table, arts)
    assert prof["id"].tolist() == ["a", "b", "c", "d", "e"]
    assert list(prof.columns) == ["id", "outlet", *(f"sourcing.{k}" for k in PROFILE_KEYS)]
    assert prof["sourcing.attributions"].tolist() == [2, 0, 0, 0, 0]
    assert prof["sourcing.unsourced_quotes"].tolist() == [0, 1, 0, 0, 0]
    assert prof.loc[0, "sourcing.speakers"] == 2
    assert prof.loc[0, "sourcing.source_diversity"] == pytest.approx(1.0)


def test_profile_rejects_bad_rows():
    arts = articles()
    table = attribution_table(arts, extractor=said_extractor)
    stray = table.copy()
    stray.loc[1, "id"] = "zzz"
    with pytest.raises(InputError, match="row 2: article id 'zzz'"):
        sourcing_profile(stray, arts)
    bad_type = table.copy()
    bad_type.loc[0, "source_type"] = "alien"
    with pytest.raises(InputError, match="row 1, column 'source_type'"):
        sourcing_profile(bad_type, arts)
    bad_offset = table.copy()
    bad_offset.loc[0, "cue_end"] = 10_000
    with pytest.raises(InputError, match="outside"):
        sourcing_profile(bad_offset, arts)
    reversed_offsets = table.copy()
    reversed_offsets.loc[0, ["cue_start", "cue_end"]] = [10, 5]
    with pytest.raises(InputError, match=r"row 1: cue offsets \[10, 5\] start after they end"):
        sourcing_profile(reversed_offsets, arts)
    half = table.copy()
    half["source_end"] = half["source_end"].astype("Int64")
    half.loc[0, "source_end"] = None
    with pytest.raises(InputError, match="row 1: source_start and source_end must both be given"):
        sourcing_profile(half, arts)
    no_id = table.copy()
    no_id.loc[1, "id"] = None
    with pytest.raises(InputError, match="row 2: the 'id' cell is empty"):
        sourcing_profile(no_id, arts)
    # a column renamed by hand would otherwise make every attribution speakerless
    for old, new in (("speaker", "Speaker"), ("source_type", "source type")):
        with pytest.raises(InputError, match=f"no '{old}' column .found '{new}': rename it '{old}'"):
            sourcing_profile(table.rename(columns={old: new}), arts)


def test_profile_via_kinds_from_table(monkeypatch):
    from biaskit.extract import sourcing_table

    monkeypatch.setattr(sourcing_table, "via_kind", lambda entry, wordlists=None: "media"
                        if entry == "Bloomberg" else "other")
    arts = articles()
    prof = sourcing_profile(attribution_table(arts, extractor=said_extractor), arts)
    assert prof.loc[0, "sourcing.second_hand_share"] == pytest.approx(0.5)


# --------------------------------------------------------------------------
# The hand-correction round trip
# --------------------------------------------------------------------------


def test_hand_correction_round_trip(tmp_path, monkeypatch):
    pytest.importorskip("biaskit.io")
    from biaskit.extract import sourcing_table
    from biaskit.extract.sourcing_table import read_attribution_table, write_attribution_table

    monkeypatch.setattr(sourcing_table, "via_kind", lambda entry, wordlists=None: "media"
                        if entry == "Bloomberg" else "other")
    arts = articles()
    table = attribution_table(arts, extractor=said_extractor)
    path = tmp_path / "attributions.csv"
    write_attribution_table(table, path)

    # the file reads back unchanged
    back = read_attribution_table(path)
    assert back["via"].tolist() == table["via"].tolist()
    assert back["cue_spans"].tolist() == table["cue_spans"].tolist()
    assert back["source_start"].tolist() == table["source_start"].tolist()
    before = sourcing_profile(back, arts)
    assert before.loc[0, "sourcing.speakers"] == 2

    # a student edits the CSV: fixes a speaker (both sources are the same
    # person), deletes the scare-quote row, adds a missed anonymous attribution
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
        fieldnames = list(rows[0])
    assert rows[1]["via"] == "Bloomberg" and json.loads(rows[1]["cue_spans"])
    rows[1]["speaker"] = "Maria Lopez"
    rows = [r for r in rows if r["quote_form"] != "unattributed"]
    text_b = arts.loc[1, "text"]
    start = text_b.index("The strike")
    added = {k: "" for k in fieldnames}
    added.update(id="b", outlet="Y", quote_form="indirect", speaker="", source_type="anonymous",
                 via="union sources > local radio", content_start=str(start),
                 content_end=str(len(text_b)))
    rows.append(added)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fieldnames)
        w.writeheader()
        w.writerows(rows)

    fixed = read_attribution_table(path)
    assert fixed["via"].tolist()[-1] == ["union sources", "local radio"]
    after = sourcing_profile(fixed, arts)
    assert after.loc[0, "sourcing.speakers"] == 1
    assert after.loc[0, "sourcing.source_diversity"] == 0.0
    assert after.loc[0, "sourcing.second_hand_share"] == pytest.approx(0.5)
    assert after.loc[1, "sourcing.unsourced_quotes"] == 0
    assert after.loc[1, "sourcing.attributions"] == 1
    assert after.loc[1, "sourcing.anonymous_share"] == 1.0
    assert after.loc[1, "sourcing.first_source_type"] == "anonymous"


def test_read_attribution_table_errors(tmp_path):
    pytest.importorskip("biaskit.io")
    from biaskit.extract.sourcing_table import read_attribution_table

    p = tmp_path / "t.csv"
    p.write_text("id,cue_start\na,12.5\n", encoding="utf-8")
    # the row a spreadsheet shows: the header is row 1, the first data row row 2
    with pytest.raises(InputError, match=r"row 2 \(the header is row 1, as in a spreadsheet\), column 'cue_start'"):
        read_attribution_table(p)
    q = tmp_path / "t.jsonl"
    q.write_text('{"id": "a", "cue_start": 3}\n{"id": "b", "cue_start": 12.5}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2, column 'cue_start'"):
        read_attribution_table(q)
    p.write_text("speaker\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match="'id' column"):
        read_attribution_table(p)
    p.write_text('id,content_spans\na,"[[1, 2], [3]]"\n', encoding="utf-8")
    with pytest.raises(InputError, match="content_spans"):
        read_attribution_table(p)



# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------


@pytest.fixture
def stand_in_extractor(monkeypatch):
    """Use the stand-in extractor inside attribution_table (whatever the real one finds)."""
    import sys
    import types

    try:
        import biaskit.extract.sourcing as module
    except ImportError:
        module = types.ModuleType("biaskit.extract.sourcing")
        monkeypatch.setitem(sys.modules, "biaskit.extract.sourcing", module)
    monkeypatch.setattr(module, "attributions", said_extractor, raising=False)
    return module


def _cli(argv, capsys):
    from biaskit.cli.main import main

    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_attributions_on_polnear_like_jsonl(tmp_path, capsys, stand_in_extractor):
    pytest.importorskip("biaskit.io")
    from biaskit.extract.sourcing_table import read_attribution_table

    rows = [{"id": "nyt_1", "outlet": "nyt", "title": "Talks", "text": "Talks\n\nMaria Lopez said talks failed.",
             "attributions": [{"source": None}], "meta": {"credit": None}},
            {"id": "nyt_2", "text": "Tom Reyes says, citing Bloomberg, it is over."}]
    src = tmp_path / "gold.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    for suffix in (".csv", ".jsonl"):
        out = tmp_path / f"attributions{suffix}"
        code, _, err = _cli(["attributions", str(src), "-o", str(out)], capsys)
        assert code == 0, err
        assert "2 attributions" in err
        table = read_attribution_table(out)
        assert table["id"].tolist() == ["nyt_1", "nyt_2"]
        assert table["via"].tolist() == [[], ["Bloomberg"]]
        text = rows[0]["text"]
        assert text[table.loc[0, "source_start"]:table.loc[0, "source_end"]] == "Maria Lopez"


def test_cli_attributions_user_errors(tmp_path, capsys, stand_in_extractor):
    code, _, err = _cli(["attributions", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv")], capsys)
    assert code != 0 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    src = tmp_path / "a.csv"
    src.write_text("id,text\n1,Ann said hi.\n", encoding="utf-8")
    code, _, err = _cli(["attributions", str(src), "-o", str(tmp_path / "o.xlsx")], capsys)
    assert code != 0 and "output format" in err


# --------------------------------------------------------------------------
# The real extractor on the bundled sample (runs once the extractor exists)
# --------------------------------------------------------------------------

SAMPLE = Path(__file__).resolve().parents[1] / "datasets" / "sample"


@pytest.mark.skipif(not (SAMPLE / "articles.csv").exists(), reason="bundled sample not found")
def test_table_and_profile_on_the_bundled_sample(tmp_path, capsys):
    pytest.importorskip("biaskit.extract.sourcing")
    from biaskit.extract.sourcing_table import read_attribution_table
    from biaskit.io import read_articles

    arts = read_articles(SAMPLE / "articles.csv")
    table = attribution_table(arts)
    assert len(table) > len(arts)  # news articles quote people: more than one row per article on average
    assert set(table["id"]) <= set(arts["id"])
    texts = dict(zip(arts["id"], arts["text"], strict=True))
    for r in table.to_dict("records"):
        text = texts[r["id"]]
        for part in ("source", "cue", "content"):
            if pd.isna(r[f"{part}_start"]):
                continue
            pieces = r.get(f"{part}_spans") or [(r[f"{part}_start"], r[f"{part}_end"])]
            assert pieces[0][0] == r[f"{part}_start"] and pieces[-1][1] == r[f"{part}_end"]
            if len(pieces) == 1:
                assert text[r[f"{part}_start"]:r[f"{part}_end"]] == r[f"{part}_text"]
            for a, b in pieces:  # a discontinuous part: each piece is written in the text column
                assert text[a:b] in r[f"{part}_text"]
        assert r["quote_form"] in ("direct", "mixed", "indirect", "unattributed")
        assert r["source_type"] in SOURCE_TYPES
    profile = sourcing_profile(table, arts)
    assert len(profile) == len(arts)
    assert (profile["sourcing.attributions"] > 0).mean() > 0.8
    # an uncorrected table gives the feature table's figures: both count the
    # corpus's outlets as media ("told the Harbor Ledger" is a media relay)
    from biaskit.features import extract_features

    feats = extract_features(arts, families=["sourcing"])
    pd.testing.assert_frame_equal(profile.reset_index(drop=True), feats[profile.columns].reset_index(drop=True),
                                  check_dtype=False)
    assert profile["sourcing.second_hand_share"].gt(0).any()

    out = tmp_path / "sample_attributions.csv"
    code, _, err = _cli(["attributions", str(SAMPLE / "articles.csv"), "-o", str(out)], capsys)
    assert code == 0, err
    back = read_attribution_table(out)
    assert len(back) == len(table)
    again = sourcing_profile(back, arts)
    pd.testing.assert_frame_equal(again, profile, check_dtype=False)


def test_cli_attributions_user_wordlists(tmp_path, capsys):
    pytest.importorskip("biaskit.extract.sourcing")
    src = tmp_path / "a.csv"
    src.write_text('id,outlet,text\n1,X,"The mayor said the bridge would open, according to Oskmark Courier."\n',
                   encoding="utf-8")
    good = tmp_path / "mine.csv"
    good.write_text("list,name,kind,country\noutlets,Oskmark Clarion,media,Oskmark\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = _cli(["attributions", str(src), "-o", str(out), "--wordlists", str(good)], capsys)
    assert code == 0, err
    bad = tmp_path / "bad.csv"
    bad.write_text("list,lemma\nno_such_list,opine\n", encoding="utf-8")
    code, _, err = _cli(["attributions", str(src), "-o", str(out), "--wordlists", str(bad)], capsys)
    assert code != 0 and "bad.csv" in err and "Traceback" not in err


def test_via_kinds_come_from_the_word_lists(tmp_path):
    pytest.importorskip("biaskit.wordlists")
    from biaskit.extract.sourcing_table import via_kind

    text = "The mayor said the bridge would open, the Oskmark Clarion reported."
    doc = parse(text)
    r = rec(text, speaker="the mayor", source="The mayor", cue="said", content="the bridge would open",
            source_type="official", via=["Oskmark Clarion"])
    assert sourcing_features(doc, [r])["second_hand_share"] == 0.0  # an unknown name (no masthead word either)
    mine = tmp_path / "mine.csv"
    mine.write_text("list,name,kind,country\noutlets,Oskmark Clarion,media,Oskmark\n", encoding="utf-8")
    assert sourcing_features(doc, [r], wordlists=mine)["second_hand_share"] == 1.0
    assert via_kind("Oskmark Clarion", wordlists=mine) == "media"
    assert [via_kind(v) for v in ("Reuters", "the Associated Press", "a White House readout",
                                  "local media", "a press release")] == \
        ["agency", "agency", "government", "media", "other"]


def test_an_outlet_is_never_its_own_intermediary_in_every_entry_point():
    from biaskit.features import extract_features

    text = "Roads Agency director Tamsin Kerrow told the Harbor Ledger that the bridge would close."
    arts = pd.DataFrame({"id": ["own", "other"], "outlet": ["The Harbor Ledger", "Daily Meridian"],
                         "text": [text, text]})
    table = attribution_table(arts)
    via = dict(zip(table["id"], table["via"], strict=True))
    assert via["own"] == [] and [v.lower() for v in via["other"]] == ["the harbor ledger"]
    feats = extract_features(arts, families=["sourcing"])
    assert feats["sourcing.second_hand_share"].tolist() == [0.0, 1.0]
    prof = sourcing_profile(table, arts)
    assert prof["sourcing.second_hand_share"].tolist() == [0.0, 1.0]
