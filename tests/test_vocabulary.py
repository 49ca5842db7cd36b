"""The matcher, hit voices, vocabulary features, the hit table and its CLI."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.cli.main import main
from biaskit.extract._matcher import Matcher
from biaskit.extract.vocabulary import VOICES, vocabulary_features, vocabulary_hits, vocabulary_table
from biaskit.features import parse_article
from biaskit.lexicons import default_lexicon, load_lexicon
from biaskit.parse import parse
from biaskit.records import VOCABULARY_COLUMNS, Attribution

SEED = SHARED / "seed" / "000_49524e8554e2d548.txt"


def lex_of(tmp_path, rows: str):
    p = tmp_path / "t.csv"
    p.write_text("term,category,pos,match_case\n" + rows, encoding="utf-8")
    return load_lexicon(p, replace=True)


def terms(doc, lexicon):
    return [(h.term, h.entry) for h in vocabulary_hits(doc, lexicon=lexicon, attributions=[])]


def attribution(doc, content: str, *, form="mixed", occurrence=0) -> Attribution:
    """A hand-built attribution whose content is the n-th occurrence of ``content``."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(content, start + 1)
    return Attribution(
        quote_form=form, construction=None if form == "unattributed" else "verb", speaker=None,
        source_type="unknown", role=None, via=(), hedged=False, rule="test", cue_lemma=None,
        source_start=None, source_end=None, source_text=None, cue_start=None, cue_end=None, cue_text=None,
        content_start=start, content_end=start + len(content), content_text=content,
    )


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def test_word_boundaries_longest_match_and_case(tmp_path):
    lex = lex_of(tmp_path, "war,c,noun,\ndeath,c,,\ndeath tax,p,,\nAIDS,c,,yes\n")
    doc = parse("A warning about the anti-war WAR. The DEATH TAX returns; aids for AIDS patients. Death tax too.")
    assert terms(doc, lex) == [("WAR", "war"), ("DEATH TAX", "death tax"), ("AIDS", "AIDS"),
                               ("Death tax", "death tax")]


def test_inflections_possessives_and_apostrophes(tmp_path):
    lex = lex_of(tmp_path, "regime,l,noun,\nslam,v,verb,\nlash out,v,verb,\nDon't Say Gay,p,,\n")
    doc = parse("The regime\u2019s critics slammed regimes. She lashed out at the \u201cDon\u2019t Say Gay\u201d bill.")
    assert terms(doc, lex) == [("regime\u2019s", "regime"), ("slammed", "slam"), ("regimes", "regime"),
                               ("lashed out", "lash out"), ("Don\u2019t Say Gay", "Don't Say Gay")]


def test_hyphen_and_space_variants(tmp_path):
    lex = lex_of(tmp_path, "far-right,l,,\nleft wing,l,,\nwould-be,h,,\n")
    doc = parse("A far right group met a left-wing one and a far-right one. It would be a would-be rival.")
    # a spaced entry matches the hyphenated spelling; a hyphenated entry never two separate words
    assert [e for _, e in terms(doc, lex)] == ["left wing", "far-right", "would-be"]
    listed = tmp_path / "listed.csv"
    listed.write_text("term,category,forms\nfar-right,l,far right\n", encoding="utf-8")
    assert [t for t, _ in terms(doc, load_lexicon(listed, replace=True))] == ["far right", "far-right"]


def test_packaged_hyphenated_entries_match_two_words_only_when_listed():
    lex = default_lexicon()
    hyphenated = [e for e in lex if "-" in e.term]
    assert len(hyphenated) > 100
    for e in hyphenated:  # a spelling without the hyphen only when the entry writes it out
        assert all(f in e.listed_forms for f in e.forms if "-" not in f), e.term
    doc = parse("It would be a so called reform, and it would be odd. The would-be reformers left.")
    assert [(h.term, h.entry) for h in vocabulary_hits(doc, attributions=[]) if h.category == "hedge"] \
        == [("would-be", "would-be")]


def test_lower_case_entries_skip_names_inside_sentences(tmp_path):
    lex = lex_of(tmp_path, "super,b,,\npatriot,l,noun,\nObamacare,p,,\n")
    found = lambda text, **kw: [t for t, _ in terms(parse(text, **kw), lex)]  # noqa: E731
    # capitalised in the middle of a sentence: part of a name
    assert found("They formed Super PACs to back a patriot of Patriot Coal on SiriusXM Patriot.") == ["patriot"]
    # the first word of a sentence, of a quotation, or after a colon: matched
    assert found("Super PACs spent more. He said: Super. She said, \u201cPatriots, rise.\u201d") \
        == ["Super", "Super", "Patriots"]
    # words in capitals are emphasis, as is a line in capitals
    assert found("It was a SUPER rally.\n\nSUPER PACS AND PATRIOTS") == ["SUPER", "SUPER", "PATRIOTS"]
    # a headline cannot tell a name from a word: every word is capitalised there
    assert found("Officials met.", title="The Patriot Act Debate Returns") == ["Patriot"]
    assert found("Officials met.\n\nThe Patriot Act Debate Returns\n\nIt went on.") == ["Patriot"]
    # an entry written with a capital matches in any position and case
    assert found("He attacked Obamacare and obamacare.") == ["Obamacare", "obamacare"]


def test_packaged_lexicon_skips_names_and_keeps_written_names():
    doc = parse("The Super PACs of Patriot Coal met. Islamist groups and the Democrat Party spoke "
                "on SiriusXM Patriot about the presidential nominee. A patriot would be a would-be hero.")
    got = [(h.term, h.entry) for h in vocabulary_hits(doc, attributions=[])]
    assert got == [("Islamist", "Islamist"), ("Democrat Party", "Democrat Party"), ("patriot", "patriot"),
                   ("would-be", "would-be"), ("hero", "hero")]


def test_a_sentence_may_start_with_a_name_the_article_uses(tmp_path):
    lex = lex_of(tmp_path, "patriot,l,noun,\n")
    found = lambda text: [t for t, _ in terms(parse(text), lex)]  # noqa: E731
    # written as a name inside a sentence and never in lower case: a name at the start too
    assert found("Patriot sold the mine. The owners of Patriot Coal agreed. Patriot's lawyers left.") == []
    # written in lower case somewhere: the sentence-initial word is matched
    assert found("Patriot sold the mine to Patriot Coal, said a patriot.") == ["Patriot", "patriot"]
    assert found("Patriots rallied. Every patriot came.") == ["Patriots", "patriot"]


def test_not_after_refuses_a_match_after_listed_words(tmp_path):
    p = tmp_path / "ctx.csv"
    p.write_text("term,category,not_after\nkind of,h,any;this\ntons of,b,#number;of\ntons,w,\n", encoding="utf-8")
    lex = load_lexicon(p, replace=True)
    doc = parse("It is kind of odd. Any kind of deal; this kind of attack. Millions of tons of coal, "
                "40 tons of steel and tons of money.")
    # refused after a listed word or a number, where the shorter entry "tons" still matches
    assert terms(doc, lex) == [("kind of", "kind of"), ("tons", "tons"), ("tons", "tons"), ("tons of", "tons of")]
    # only the token just before counts, and never one of the previous sentence
    assert [e for _, e in terms(parse("Any. Kind of odd, this one kind of is."), lex)] == ["kind of", "kind of"]


def test_packaged_kind_of_and_tons_of_skip_their_literal_senses():
    doc = parse("Any kind of crime is bad. This kind of attack, a different kind of deal, what sort of plan? "
                "A special kind of grace, such sort of talk. "
                "Millions of tons of coal and 40 tons of steel. It was kind of odd; they sort of agreed "
                "and raised tons of money.")
    got = [h.term for h in vocabulary_hits(doc, attributions=[]) if h.entry in ("kind of", "sort of", "tons of")]
    assert got == ["kind of", "sort of", "tons of"]


def test_packaged_closed_spellings_and_added_words():
    doc = parse("The standoff went on; hardliners and a fearmonger called it a pointless, toothless coverup. "
                "An Orwellian smackdown, an astonishing flop: critics swiped at the wingnut.")
    got = [(h.term, h.category) for h in vocabulary_hits(doc, attributions=[])]
    assert got == [("standoff", "conflict"), ("hardliners", "label"), ("fearmonger", "label"),
                   ("pointless", "evaluative"), ("toothless", "evaluative"), ("coverup", "loaded"),
                   ("Orwellian", "evaluative"), ("smackdown", "loaded"), ("astonishing", "booster"),
                   ("flop", "loaded"), ("swiped at", "loaded"), ("wingnut", "label")]


def test_no_institutional_adjective_is_evaluative():
    lex = default_lexicon()
    evaluative = {e.term.lower() for e in lex if e.category == "evaluative"}
    descriptive = {"presidential", "congressional", "federal", "parliamentary", "governmental", "judicial",
                   "legislative", "municipal", "electoral", "senatorial", "gubernatorial", "ministerial",
                   "constitutional", "diplomatic", "military", "official", "national", "political"}
    assert not evaluative & descriptive


def test_a_payload_written_twice_is_reported_once():
    m = Matcher([("never-Trumper", False, "n"), ("Never-Trumper", False, "n")])
    doc = parse("He met a Never-Trumper and a never-Trumper.")
    assert [p for *_, p in m.find(doc)] == [("n",), ("n",)]


def test_matches_never_cross_sentences(tmp_path):
    lex = lex_of(tmp_path, "death tax,p,,\n")
    assert terms(parse("He faced death. Tax cuts followed."), lex) == []


def test_matcher_reports_every_payload_of_a_form_and_sentence_index():
    m = Matcher([("red line", False, "a"), ("red line", False, "b"), ("line", False, "c")])
    doc = parse("Nothing here. They crossed the red line and the line.")
    found = [(k, doc.string[doc.tokens[i][0]:doc.tokens[j - 1][1]], p) for k, i, j, p in m.find(doc)]
    assert found == [(1, "red line", ("a", "b")), (1, "line", ("c",))]
    assert len(m) == 3 and Matcher([]).find(doc) == []


def test_offsets_point_into_the_input_text():
    text = "Page furniture\n\nThe regime\u00a0slammed critics.\u200b Mounting\u00a0tensions rose."
    body = text[text.index("The"):]
    doc = parse_article({"text": text, "body": body})
    hits = vocabulary_hits(doc, attributions=[])
    assert [h.term for h in hits] == ["regime", "slammed", "Mounting tensions"]
    for h in hits:
        assert " ".join(text[h.start:h.end].split()) == h.term
    assert text[hits[-1].start:hits[-1].end] == "Mounting\u00a0tensions"


# --------------------------------------------------------------------------
# Voice
# --------------------------------------------------------------------------


def test_voice_own_quoted_and_scare_quote():
    text = ('Officials slammed the plan. "It is a disaster and a scandal," the minister said. '
            'The so-called "reform" was a "fiasco".')
    doc = parse(text)
    att = [attribution(doc, '"It is a disaster and a scandal,"'),
           attribution(doc, '"fiasco"', form="unattributed")]
    got = [(h.term, h.voice) for h in vocabulary_hits(doc, attributions=att)]
    assert got == [("slammed", "own"), ("disaster", "quoted"), ("scandal", "quoted"),
                   ("so-called", "own"), ("fiasco", "scare_quote")]
    # without any attribution, every quotation is the outlet's distancing
    assert {h.voice for h in vocabulary_hits(doc, attributions=[]) if h.term != "slammed" and h.term != "so-called"} \
        == {"scare_quote"}


def test_attribution_covering_only_the_hit_makes_it_quoted():
    doc = parse('He called it "a brutal, reckless and needless war on workers by cronies" last week.')
    att = [attribution(doc, "brutal")]
    voices = {h.term: h.voice for h in vocabulary_hits(doc, attributions=att)}
    assert voices["brutal"] == "quoted" and voices["reckless"] == "scare_quote"


def test_seed_article_voices_with_hand_built_attributions():
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    import biaskit

    row = biaskit.read_articles(SEED).iloc[0].to_dict()
    doc = parse_article(row)
    att = [attribution(doc, '"readiness to impose massive consequences and severe economic costs"'),
           attribution(doc, '"any time now."', form="unattributed")]
    hits = vocabulary_hits(doc, attributions=att)
    own = {h.term.lower() for h in hits if h.voice == "own"}
    assert {"aggression", "amassed", "alarmed", "mounting tensions"} <= own
    voice = {h.term: h.voice for h in hits}
    assert voice["massive consequences"] == "quoted"
    assert voice["severe economic costs"] == "quoted"
    for h in hits:
        assert " ".join(doc.text[h.start:h.end].split()) == h.term


def test_seed_article_voices_with_the_attribution_extractor():
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    pytest.importorskip("biaskit.extract.sourcing")
    import biaskit

    row = biaskit.read_articles(SEED).iloc[0].to_dict()
    hits = vocabulary_hits(parse_article(row))  # attributions from biaskit.extract.sourcing
    own = {h.term.lower() for h in hits if h.voice == "own"}
    assert {"aggression", "amassed", "alarmed", "mounting tensions"} <= own
    voice = {h.term: h.voice for h in hits}
    assert voice["massive consequences"] == "quoted" and voice["severe economic costs"] == "quoted"


def test_quotation_lookup_agrees_with_the_parse():
    from biaskit.extract.vocabulary import _QuoteIndex

    texts = ['He said "the \'regime\' slammed us" and \'so-called\' "reform" was "a "nested" disaster."',
             "\u201cOpen quote never closed\n\nNext paragraph \u201cquoted\u201d and 'single' marks."]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    for t in texts:
        doc = parse(t)
        index = _QuoteIndex(doc)
        assert all(doc.quote_at(p) == index.at(p) for p in range(len(doc.string)))


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


def test_features_rates_by_category_and_voice():
    text = ('Critics slammed the regime. "It is a disaster," he said. The so-called deal failed. '
            '"Chaos and chaos everywhere," it said.')
    doc = parse(text)
    att = [attribution(doc, '"It is a disaster,"')]
    hits = vocabulary_hits(doc, attributions=att)
    f = vocabulary_features(doc, hits)
    words = doc.word_count
    assert f["per_1k"] == pytest.approx(1000 * len(hits) / words)
    assert f["loaded_own_per_1k"] == pytest.approx(1000 / words)  # slammed
    assert f["loaded_quoted_per_1k"] == pytest.approx(1000 / words)  # disaster
    assert f["loaded_scare_quote_per_1k"] == pytest.approx(2000 / words)  # chaos x2
    assert f["label_own_per_1k"] == pytest.approx(1000 / words)  # regime
    assert f["hedge_per_1k"] == pytest.approx(1000 / words)  # so-called
    assert sum(f[f"{v}_per_1k"] for v in VOICES) == pytest.approx(f["per_1k"])
    assert f["quoted_share"] == pytest.approx(1 / len(hits))
    # all 4 sentences have words outside quotation marks; 3 hold a hit in the outlet's voice
    # (the scare-quoted "Chaos" counts with the outlet; the quoted "disaster" does not)
    assert f["own_sentence_share"] == pytest.approx(0.75)
    assert f["top_terms"].startswith("chaos (2); slam (1)")


def test_feature_keys_are_the_same_for_every_article():
    a = parse("Nothing loaded at all here.")
    b = parse("The regime slammed everyone.")
    ka = vocabulary_features(a, vocabulary_hits(a, attributions=[]))
    kb = vocabulary_features(b, vocabulary_hits(b, attributions=[]))
    assert list(ka) == list(kb)
    assert ka["per_1k"] == 0 and ka["top_terms"] == "" and math.isnan(ka["quoted_share"])
    for c in default_lexicon().categories:
        assert f"{c}_own_per_1k" in ka


def test_title_hits_are_counted_apart_and_empty_bodies_give_nan():
    doc = parse("Officials met on Monday.", title="Regime slams critics")
    f = vocabulary_features(doc, vocabulary_hits(doc, attributions=[]))
    assert f["title_hits"] == 2 and f["per_1k"] == 0.0
    empty = parse("")
    g = vocabulary_features(empty, [])
    assert math.isnan(g["per_1k"]) and math.isnan(g["own_sentence_share"])


def test_user_categories_can_be_listed_for_stable_columns(tmp_path):
    lex = lex_of(tmp_path, "widget,gadgets,,\n")
    doc = parse("No gadget words here.")
    f = vocabulary_features(doc, vocabulary_hits(doc, lexicon=lex, attributions=[]), categories=lex.categories)
    assert f["gadgets_own_per_1k"] == 0.0 and "loaded_per_1k" not in f


# --------------------------------------------------------------------------
# The hit table and the CLI
# --------------------------------------------------------------------------


def babe_like_csv(tmp_path) -> Path:
    p = tmp_path / "sentences.csv"
    pd.DataFrame({
        "id": ["s1", "s2", "s3", "s4"],
        "text": ["Radical leftists slammed the plan.", "The committee met on Tuesday.", "",
                 '"This is a disgrace," she said of the so-called reform.'],
        "outlet": ["A", "B", "A", "C"],
        "label_bias": ["Biased", "Non-biased", "Non-biased", "Biased"],
    }).to_csv(p, index=False)
    return p


def test_vocabulary_table_columns_and_rows(tmp_path):
    import biaskit

    arts = biaskit.read_articles(babe_like_csv(tmp_path))
    t = vocabulary_table(arts)
    assert list(t.columns[:len(VOCABULARY_COLUMNS)]) == list(VOCABULARY_COLUMNS)
    assert set(t["id"]) == {"s1", "s4"}
    s1 = t[t["id"] == "s1"]
    assert s1["entry"].tolist() == ["radical leftist", "slam"]  # the longest entry wins
    assert s1["outlet"].unique().tolist() == ["A"]
    for _, r in t.iterrows():
        text = arts.set_index("id").loc[r["id"], "text"]
        assert text[r["start"]:r["end"]] == r["term"]
    assert t.loc[t["term"] == "disgrace", "voice"].item() in {"quoted", "scare_quote"}
    assert t.loc[t["term"] == "so-called", "voice"].item() == "own"
    # a path is read with read_articles; an empty corpus gives an empty table with the columns
    assert len(vocabulary_table(babe_like_csv(tmp_path))) == len(t)
    empty = vocabulary_table(pd.DataFrame({"id": ["x"], "text": ["Nothing here."]}))
    assert empty.empty and list(empty.columns[:len(VOCABULARY_COLUMNS)]) == list(VOCABULARY_COLUMNS)


def test_cli_writes_csv_and_jsonl(tmp_path, capsys):
    src = babe_like_csv(tmp_path)
    out = tmp_path / "hits.csv"
    assert main(["vocabulary", str(src), "-o", str(out), "--no-progress"]) == 0
    t = pd.read_csv(out)
    assert list(t.columns[:len(VOCABULARY_COLUMNS)]) == list(VOCABULARY_COLUMNS)
    assert "hits" in capsys.readouterr().err
    out2 = tmp_path / "hits.jsonl"
    assert main(["vocabulary", str(src), "-o", str(out2), "--no-progress", "--quiet",
                 "--disable", "label,booster"]) == 0
    j = pd.read_json(out2, lines=True)
    assert not set(j["category"]) & {"label", "booster"}


def test_cli_user_lexicon_replace_and_list(tmp_path, capsys):
    lex = tmp_path / "mine.csv"
    lex.write_text("word\nplan\n", encoding="utf-8")
    out = tmp_path / "hits.csv"
    assert main(["vocabulary", str(babe_like_csv(tmp_path)), "-o", str(out), "--lexicon", str(lex),
                 "--replace", "--no-progress", "--quiet"]) == 0
    assert pd.read_csv(out)[["term", "category"]].values.tolist() == [["plan", "mine"]]
    assert main(["vocabulary", "--list-categories"]) == 0
    listed = capsys.readouterr().out
    assert "loaded" in listed and "partisan" in listed


@pytest.mark.parametrize("args, message", [
    (["-o", "x.txt"], "cannot tell the output format"),
    ([], "-o OUT.csv"),
    (["-o", "x.csv", "--lexicon", "bad.csv"], "bad.csv, line 1: no 'term' column"),
    (["-o", "x.csv", "--disable", "nope"], "unknown category 'nope'"),
])
def test_cli_user_mistakes_are_one_line_errors(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text("words\nfoo\n", encoding="utf-8")
    src = babe_like_csv(tmp_path)
    assert main(["vocabulary", str(src), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
