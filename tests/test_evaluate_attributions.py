"""Tests of the attribution scorer (hand-computed cases) and ``biaskit evaluate``."""

from __future__ import annotations

import gzip
import json

import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.errors import InputError
from biaskit.evaluate.attributions import (
    annotator_agreement,
    count_attributions,
    evaluate_attributions,
    polnear_doc,
    read_polnear,
    score_attributions,
    span_errors,
)
from biaskit.records import Attribution

POLNEAR_DEV = SHARED / "datasets" / "polnear" / "dev.jsonl"


def span(text: str, piece: str, nth: int = 0) -> dict:
    """A gold span dict for the nth occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def fragments(text: str, *pieces: str) -> dict:
    frags = [span(text, p) for p in pieces]
    return {"start": frags[0]["start"], "end": frags[-1]["end"],
            "text": text[frags[0]["start"]:frags[-1]["end"]], "fragments": frags}


def att(source=None, cue=None, content=None, **extra) -> dict:
    return {"source": source, "cue": cue, "content": content, "content2": None, **extra}


def pred(text: str, source=None, cue=None, content=None, **extra) -> dict:
    """A predicted record (table-row form) from substrings of ``text``."""
    rec: dict = dict(extra)
    for role, piece in (("source", source), ("cue", cue), ("content", content)):
        if piece is None:
            continue
        if isinstance(piece, list):  # discontinuous: list of substrings
            rec[f"{role}_spans"] = [[span(text, p)["start"], span(text, p)["end"]] for p in piece]
        else:
            s = span(text, piece)
            rec[f"{role}_start"], rec[f"{role}_end"] = s["start"], s["end"]
    return rec


def article(text: str, attributions: list, aid: str = "a1", outlet: str = "nyt") -> dict:
    return {"id": aid, "outlet": outlet, "text": text, "attributions": attributions}


def prf(scores: dict, scheme: str, role: str) -> tuple[float, float, float]:
    s = scores[scheme][role]
    return s["precision"], s["recall"], s["f1"]


# --------------------------------------------------------------------------
# The protocol, case by case
# --------------------------------------------------------------------------

T1 = 'Jake Sullivan said: "Russia could invade any time now." The ministry denied it, officials said.'


def test_perfect_match_and_output_shape():
    gold = [article(T1, [
        att(span(T1, "Jake Sullivan"), span(T1, "said"), span(T1, '"Russia could invade any time now."')),
        att(span(T1, "officials"), span(T1, "said", 1), span(T1, "The ministry denied it")),
    ])]
    p = {"a1": [pred(T1, "Jake Sullivan", "said", '"Russia could invade any time now."'),
                {**pred(T1, "officials", None, "The ministry denied it"),
                 "cue_start": span(T1, "said", 1)["start"], "cue_end": span(T1, "said", 1)["end"]}]}
    s = score_attributions(gold, p)
    assert set(s) == {"exact", "overlap", "per_outlet"}
    assert set(s["per_outlet"]) == {"nyt"}
    for scheme in ("exact", "overlap"):
        assert set(s[scheme]) == {"source", "cue", "content"}
        for role in ("source", "cue", "content"):
            assert prf(s, scheme, role) == (1.0, 1.0, 1.0)
        assert s["per_outlet"]["nyt"][scheme] == s[scheme]


def test_micro_average_over_articles_and_per_outlet():
    # article 1 (nyt): 2 gold sources, prediction finds 1 of them + 1 wrong
    # article 2 (fox): 1 gold source, prediction finds it
    t2 = "Smith said it rained."
    gold = [
        article(T1, [att(span(T1, "Jake Sullivan")), att(span(T1, "officials"))], "a1", "nyt"),
        article(t2, [att(span(t2, "Smith"))], "a2", "fox"),
    ]
    p = {"a1": [pred(T1, source="Jake Sullivan"), pred(T1, source="The ministry")],
         "a2": [pred(t2, source="Smith")]}
    s = score_attributions(gold, p)
    # tp = 2, gold = 3, pred = 3
    assert prf(s, "exact", "source") == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert prf(s["per_outlet"]["nyt"], "exact", "source") == pytest.approx((0.5, 0.5, 0.5))
    assert prf(s["per_outlet"]["fox"], "exact", "source") == (1.0, 1.0, 1.0)
    # roles with nothing on either side score 0, not an error
    assert prf(s, "exact", "cue") == (0.0, 0.0, 0.0)
    c = count_attributions(gold, p)
    assert c["exact"]["source"] == (2, 3, 3)
    assert c["per_outlet"]["nyt"]["exact"]["source"] == (1, 2, 2)


def test_micro_not_macro():
    # a1: 1 of 1 gold found with 1 prediction; a2: 0 of 3 found with 1 prediction
    t2 = "Ann said x. Bob said y. Cy said z. Dee did."
    gold = [article(T1, [att(span(T1, "officials"))], "a1"),
            article(t2, [att(span(t2, "Ann")), att(span(t2, "Bob")), att(span(t2, "Cy"))], "a2")]
    p = {"a1": [pred(T1, source="officials")], "a2": [pred(t2, source="Dee")]}
    s = score_attributions(gold, p)
    precision, recall, f1 = prf(s, "exact", "source")
    assert precision == 0.5 and recall == 0.25  # micro: 1/2 and 1/4 (macro recall would be 0.5)
    assert f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


def test_trimming_whitespace_punctuation_quotes_and_dashes():
    text = "He said \u2014 \u201cWe will win\u2026\u201d \u2014 and left. \u00abNon,\u00bb dit-il."
    g = span(text, "\u201cWe will win\u2026\u201d")
    gold = [article(text, [att(None, span(text, "said"), g),
                           att(None, None, span(text, "\u00abNon,\u00bb"))])]
    # predicted spans include the dashes and spaces around, or leave out the marks
    p = {"a1": [pred(text, cue="said \u2014", content="\u2014 \u201cWe will win\u2026\u201d \u2014 "),
                pred(text, content="Non")]}
    s = score_attributions(gold, p)
    assert prf(s, "exact", "content") == (1.0, 1.0, 1.0)
    assert prf(s, "exact", "cue") == (1.0, 1.0, 1.0)


def test_span_empty_after_trimming_is_left_out_on_both_sides():
    text = "Trump: We will build it. Clinton \u2014 no way."
    gold = [article(text, [att(span(text, "Trump"), span(text, ":"), span(text, "We will build it.")),
                           att(span(text, "Clinton"), span(text, "\u2014"), span(text, "no way."))])]
    # prediction: the colon cue (left out), and a dash cue at the wrong place (also left out)
    p = {"a1": [pred(text, "Trump", ":", "We will build it"), {**pred(text, "Clinton"), "cue_start": 24, "cue_end": 25}]}
    c = count_attributions(gold, p)
    assert c["exact"]["cue"] == (0, 0, 0)  # neither ":" nor "—" nor "." counts
    assert c["exact"]["source"] == (2, 2, 2)
    assert c["exact"]["content"] == (1, 2, 1)


def test_deduplication_per_article_and_role():
    # one source shared by two cues (a PolNeAR pattern) counts once on each side
    text = "Clinton said she would win and added that Trump would lose."
    gold = [article(text, [
        att(span(text, "Clinton"), span(text, "said"), span(text, "she would win")),
        att(span(text, "Clinton"), span(text, "added"), span(text, "that Trump would lose")),
    ])]
    p = {"a1": [pred(text, "Clinton", "said", "she would win"),
                pred(text, "Clinton", "said", "she would win"),  # an exact duplicate row
                pred(text, "Clinton", "added", "Trump would lose")]}
    c = count_attributions(gold, p)
    assert c["exact"]["source"] == (1, 1, 1)
    assert c["exact"]["cue"] == (2, 2, 2)
    assert c["exact"]["content"] == (1, 2, 2)
    assert c["overlap"]["content"] == (2, 2, 2)  # 3 of 4 words: Jaccard 0.75


def test_fragments_count_as_their_union():
    text = "CNN quoted Sullivan as saying the risk was high."
    cue = fragments(text, "quoted", "as saying")
    gold = [article(text, [att(span(text, "Sullivan"), cue, span(text, "the risk was high"))])]
    same = {"a1": [pred(text, cue=["as saying", "quoted"])]}  # pieces in any order
    assert count_attributions(gold, same)["exact"]["cue"] == (1, 1, 1)
    # one continuous span over the gap: not exact; overlap 3 of 4 tokens
    whole = {"a1": [pred(text, cue="quoted Sullivan as saying")]}
    c = count_attributions(gold, whole)
    assert c["exact"]["cue"] == (0, 1, 1)
    assert c["overlap"]["cue"] == (1, 1, 1)
    # a record's *_spans as JSON text (as read back from a CSV)
    as_json = {"a1": [{"cue_spans": json.dumps(same["a1"][0]["cue_spans"])}]}
    assert count_attributions(gold, as_json)["exact"]["cue"] == (1, 1, 1)


def test_touching_pieces_merge():
    text = "Officials said on Monday that the talks failed."
    gold = [article(text, [att(content=fragments(text, "that the", " talks failed"))])]
    p = {"a1": [pred(text, content="that the talks failed")]}
    assert count_attributions(gold, p)["exact"]["content"] == (1, 1, 1)


def test_overlap_threshold_is_inclusive_and_counts_touched_tokens():
    text = "one two three four five six seven eight nine ten"
    gold = [article(text, [att(content=span(text, "one two three four"))])]
    # 2 of 4 tokens: Jaccard 0.5 -> a match
    half = {"a1": [pred(text, content="one two")]}
    assert count_attributions(gold, half)["overlap"]["content"] == (1, 1, 1)
    # a span touching a token partly ("thr") touches it: {one, two, three} vs 4 -> 0.75
    partial = {"a1": [{"content_start": 0, "content_end": 11}]}
    assert text[0:11] == "one two thr"
    assert count_attributions(gold, partial)["overlap"]["content"] == (1, 1, 1)
    # 1 of 4 plus 1 extra: {four, five} vs {one..four} -> 1/5 < 0.5
    low = {"a1": [pred(text, content="four five")]}
    assert count_attributions(gold, low)["overlap"]["content"] == (0, 1, 1)


def test_overlap_matching_is_greedy_one_to_one():
    words = [f"w{i}" for i in range(20)]
    text = " ".join(words)

    def toks(a, b):  # tokens a..b inclusive as a substring
        return " ".join(words[a:b + 1])

    g1, g2 = toks(0, 9), toks(3, 8)
    gold = [article(text, [att(content=span(text, g1)), att(content=span(text, g2))])]
    # J(G1,P1) = 9/10, J(G2,P1) = 6/9, J(G1,P2) = 5/10, J(G2,P2) = 2/9.
    # Greedy takes G1-P1 first; then G2-P1 and G1-P2 are blocked: 1 match
    # (a maximum matching would have found 2).
    p = {"a1": [pred(text, content=toks(0, 8)), pred(text, content=toks(0, 4))]}
    c = count_attributions(gold, p)
    assert c["overlap"]["content"] == (1, 2, 2)
    # one-to-one: two predictions cannot both match one gold span
    p2 = {"a1": [pred(text, content=toks(0, 9)), pred(text, content=toks(0, 8))]}
    gold2 = [article(text, [att(content=span(text, g1))])]
    assert count_attributions(gold2, p2)["overlap"]["content"] == (1, 1, 2)


def test_span_without_word_tokens_stands_for_its_characters():
    text = "Poll \u2192 up \u2192 down"
    first, second = span(text, "\u2192"), span(text, "\u2192", 1)
    gold = [article(text, [att(cue=first)])]
    assert count_attributions(gold, {"a1": [{"cue_start": first["start"], "cue_end": first["end"]}]}
                              )["overlap"]["cue"] == (1, 1, 1)
    assert count_attributions(gold, {"a1": [{"cue_start": second["start"], "cue_end": second["end"]}]}
                              )["overlap"]["cue"] == (0, 1, 1)


def test_unattributed_rows_and_content2_are_left_out():
    text = 'Putin could invade "any time now," said Sullivan, adding that "talks" matter.'
    gold = [article(text, [{**att(span(text, "Sullivan"), span(text, "said"), span(text, '"any time now,"')),
                            "content2": span(text, "talks")}])]
    scare = Attribution(
        quote_form="unattributed", construction=None, speaker=None, source_type="unknown", role=None,
        via=(), hedged=False, rule="scare_quote", cue_lemma=None, source_start=None, source_end=None,
        source_text=None, cue_start=None, cue_end=None, cue_text=None,
        content_start=span(text, '"talks"')["start"], content_end=span(text, '"talks"')["end"],
        content_text='"talks"')
    p = {"a1": [pred(text, "Sullivan", "said", "any time now"), scare]}
    c = count_attributions(gold, p)
    assert c["exact"]["content"] == (1, 1, 1)


def test_attribution_records_and_tables_are_accepted():
    pd = pytest.importorskip("pandas")
    text = "Smith said it rained."
    gold = [article(text, [att(span(text, "Smith"), span(text, "said"), span(text, "it rained"))])]
    rec = Attribution(
        quote_form="indirect", construction="verb", speaker="Smith", source_type="person", role=None,
        via=(), hedged=False, rule="test", cue_lemma="say", source_start=0, source_end=5,
        source_text="Smith", cue_start=6, cue_end=10, cue_text="said", content_start=11,
        content_end=20, content_text="it rained")
    s1 = score_attributions(gold, {"a1": [rec]})
    table = pd.DataFrame([{"id": "a1", "source_start": 0, "source_end": 5, "cue_start": 6, "cue_end": 10,
                           "content_start": 11, "content_end": 20, "content_spans": float("nan")}])
    s2 = score_attributions(gold, table)
    s3 = score_attributions(gold, [{"id": "a1", **pred(text, "Smith", "said", "it rained")}])
    assert s1 == s2 == s3
    assert prf(s1, "exact", "content") == (1.0, 1.0, 1.0)


def test_bad_predictions_raise_clear_errors():
    text = "Smith said it rained."
    gold = [article(text, [att(span(text, "Smith"))])]
    with pytest.raises(InputError, match="not in the gold: zz"):
        score_attributions(gold, {"zz": [pred(text, source="Smith")]})
    with pytest.raises(InputError, match="outside the article text"):
        score_attributions(gold, {"a1": [{"source_start": 3, "source_end": 99}]})
    with pytest.raises(InputError, match="twice"):
        score_attributions(gold + gold, {})


# --------------------------------------------------------------------------
# Reading gold files
# --------------------------------------------------------------------------


def test_read_polnear_plain_gz_and_errors(tmp_path):
    rows = [article("A said b.", [att(span("A said b.", "A"))]), article("C.", [], "a2")]
    plain = tmp_path / "g.jsonl"
    plain.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    gz = tmp_path / "g.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(plain.read_text(encoding="utf-8"))
    assert [a["id"] for a in read_polnear(plain)] == ["a1", "a2"]
    assert [a["id"] for a in read_polnear(gz)] == ["a1", "a2"]

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rows[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_polnear(bad)
    no_text = tmp_path / "nt.jsonl"
    no_text.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1: missing field 'text'"):
        read_polnear(no_text)
    with pytest.raises(InputError, match="not found"):
        read_polnear(tmp_path / "missing.jsonl")


def test_polnear_doc_title_line_and_offsets():
    text = "  Clinton leads\n\nTrump said \u201cno.\u201d\n"
    doc = polnear_doc(text)
    assert doc.text is text
    parts = [(s.part, doc.span(s.start, s.end)) for s in doc.sentences]
    assert parts == [("title", "Clinton leads"), ("body", "Trump said \u201cno.\u201d")]
    body = doc.sentences[1]
    a, b = doc.text_span(body.start, body.end)
    assert text[a:b] == "Trump said \u201cno.\u201d"
    assert polnear_doc("").word_count == 0
    assert polnear_doc("one line only").sentences[0].part == "body"


def test_evaluate_attributions_with_a_given_extractor(tmp_path):
    text = "Title here\n\nSmith said it rained. Jones said it did not."
    gold_rows = [article(text, [att(span(text, "Smith"), span(text, "said"), span(text, "it rained")),
                                att(span(text, "Jones"), span(text, "said", 1), span(text, "it did not"))])]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_rows[0]) + "\n", encoding="utf-8")

    def finds_smith(doc):  # an extractor that finds the first attribution only
        s = doc.text.index("Smith")
        return [{"source_start": s, "source_end": s + 5, "cue_start": s + 6, "cue_end": s + 10}]

    result = evaluate_attributions(path, extractor=finds_smith)
    assert result["articles"] == 1
    assert prf(result, "exact", "source") == (1.0, 0.5, pytest.approx(2 / 3))
    assert prf(result, "exact", "content") == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------


def _cli(argv, capsys):
    from biaskit.cli.main import main

    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_errors_are_one_line(tmp_path, capsys):
    code, out, err = _cli(["evaluate", "attributions", "--gold", str(tmp_path / "nope.jsonl")], capsys)
    assert code != 0 and "not found" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x"}\n[1, 2\n', encoding="utf-8")
    code, out, err = _cli(["evaluate", "attributions", "--gold", str(bad)], capsys)
    assert code != 0 and "line 2" in err and len(err.strip().splitlines()) == 1
    code, out, err = _cli(["evaluate", "vocabulary", "--gold", str(tmp_path / "nope.csv")], capsys)
    assert code != 0 and "not found" in err


def test_cli_vocabulary_prints_the_evaluators_dict(tmp_path, capsys, monkeypatch):
    import sys
    import types

    calls = {}

    def fake(gold, *, lexicons=(), test=None):
        calls.update(gold=gold, lexicons=lexicons, test=test)
        return {"train": {"f1": 0.5, "n": 10}, "lexicons": ["a", "b"]}

    module = types.ModuleType("biaskit.evaluate.vocabulary")
    module.evaluate_vocabulary = fake
    monkeypatch.setitem(sys.modules, "biaskit.evaluate.vocabulary", module)
    gold = tmp_path / "g.csv"
    gold.write_text("text,label\nx,1\n", encoding="utf-8")
    lex = tmp_path / "lex.csv"
    lex.write_text("term\nx\n", encoding="utf-8")
    code, out, err = _cli(["evaluate", "vocabulary", "--gold", str(gold), "--lexicon", str(lex), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out) == {"train": {"f1": 0.5, "n": 10}, "lexicons": ["a", "b"]}
    assert calls["lexicons"] == (lex,) and calls["test"] is None
    code, out, err = _cli(["evaluate", "vocabulary", "--gold", str(gold)], capsys)
    assert code == 0 and "f1" in out and "0.500" in out


# --------------------------------------------------------------------------
# PolNeAR (skipped when ../shared is absent)
# --------------------------------------------------------------------------

needs_polnear = pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev not available beside the checkout")


@needs_polnear
def test_gold_against_itself_is_perfect_and_annotators_agree_below_it():
    gold = read_polnear(POLNEAR_DEV)
    assert len(gold) == 84
    from biaskit.evaluate.attributions import _gold_as_record

    s = score_attributions(gold, {a["id"]: [_gold_as_record(x) for x in a["attributions"]] for a in gold})
    for scheme in ("exact", "overlap"):
        for role in ("source", "cue", "content"):
            assert s[scheme][role]["f1"] == 1.0
    agree = annotator_agreement(gold)
    assert agree["articles"] >= 2
    for role in ("source", "cue", "content"):
        assert 0.5 < agree["overlap"][role]["f1"] < 1.0


@needs_polnear
def test_dev_quality_floors():
    """Regression floors of issue 3 on PolNeAR dev (overlap F1)."""
    pytest.importorskip("biaskit.extract.sourcing")
    result = evaluate_attributions(POLNEAR_DEV)
    assert result["articles"] == 84
    assert result["overlap"]["source"]["f1"] >= 0.68
    assert result["overlap"]["cue"]["f1"] >= 0.70
    assert result["overlap"]["content"]["f1"] >= 0.62
    for role in ("source", "cue", "content"):
        assert 0.0 <= result["exact"][role]["f1"] <= result["overlap"][role]["f1"] + 1e-9


def test_cli_attributions_json_shape(tmp_path, capsys, monkeypatch):
    text = "Smith said it rained."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article(text, [att(span(text, "Smith"), span(text, "said"),
                                                  span(text, "it rained"))])) + "\n", encoding="utf-8")
    import biaskit.evaluate.attributions as ev

    real = ev.evaluate_attributions

    def with_stand_in(gold_path, *, extractor=None, wordlists=None, errors=False):
        return real(gold_path, extractor=lambda doc: [{"source_start": 0, "source_end": 5}])

    monkeypatch.setattr(ev, "evaluate_attributions", with_stand_in)
    code, out, err = _cli(["evaluate", "attributions", "--gold", str(path), "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"exact", "overlap", "per_outlet"}
    assert data["exact"]["source"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["overlap"]["cue"]["recall"] == 0.0
    assert set(data["per_outlet"]) == {"nyt"} and set(data["per_outlet"]["nyt"]) == {"exact", "overlap"}
    code, out, err = _cli(["evaluate", "attributions", "--gold", str(path)], capsys)
    assert code == 0 and "(1 article," in out.splitlines()[0]
    assert any(line.split()[:2] == ["all", "source"] and line.split()[2:5] == ["1.000"] * 3
               for line in out.splitlines())


def test_span_errors_list_missed_false_and_partial():
    text = "Smith said taxes rose. Jones claimed prices fell sharply."
    gold = [article(text, [att(span(text, "Smith"), span(text, "said"), span(text, "taxes rose")),
                           att(span(text, "Jones"), span(text, "claimed"), span(text, "prices fell sharply"))])]
    p = {"a1": [pred(text, "Smith", "said", "taxes rose"),
                pred(text, "Jones claimed", "claimed", "prices fell"),
                pred(text, source="taxes")]}
    errs = span_errors(gold, p)
    got = [(e["role"], e["error"], e["text"], e["other_text"]) for e in errs]
    # {Jones} vs {Jones, claimed}: Jaccard 0.5 is a match, so the pair is partial
    assert got == [
        ("source", "false", "taxes", None),
        ("source", "partial", "Jones", "Jones claimed"),
        ("content", "partial", "prices fell sharply", "prices fell"),
    ]
    assert errs[1]["jaccard"] == 0.5 and errs[2]["jaccard"] == pytest.approx(2 / 3)
    c = count_attributions(gold, p)
    n_partial = sum(1 for e in errs if e["error"] == "partial")
    for role in ("source", "cue", "content"):
        tp, n_gold, n_pred = c["overlap"][role]
        assert sum(1 for e in errs if e["role"] == role and e["error"] == "missed") == n_gold - tp
        assert sum(1 for e in errs if e["role"] == role and e["error"] == "false") == n_pred - tp
    assert n_partial == 2


def test_cli_errors_file(tmp_path, capsys, monkeypatch):
    pytest.importorskip("biaskit.io")
    import biaskit.evaluate.attributions as ev
    from biaskit.io import read_table

    text = "Smith said it rained."
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article(text, [att(span(text, "Smith"), span(text, "said"),
                                                  span(text, "it rained"))])) + "\n", encoding="utf-8")
    real = ev.evaluate_attributions
    monkeypatch.setattr(ev, "evaluate_attributions", lambda gold_path, **kw: real(
        gold_path, extractor=lambda doc: [{"source_start": 0, "source_end": 5}], errors=kw.get("errors", False)))
    out = tmp_path / "errors.csv"
    code, _, err = _cli(["evaluate", "attributions", "--gold", str(path), "--errors", str(out)], capsys)
    assert code == 0, err
    table = read_table(out)
    assert sorted(zip(table["role"], table["error"], strict=True)) == [("content", "missed"), ("cue", "missed")]


def test_gold_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    text = "Smith said it rained."
    rows = [article(text, [att(span(text, "Smith"))]), {**article("Nothing.", [], "a2"), "attributions": None}]
    p = {"a1": [pred(text, source="Smith")]}
    assert score_attributions(pd.DataFrame(rows), p) == score_attributions(rows, p)
    assert count_attributions(pd.DataFrame(rows), p)["exact"]["source"] == (1, 1, 1)
    with pytest.raises(InputError, match="list of attributions"):
        score_attributions([{**rows[0], "attributions": "oops"}], p)
