"""The attribution extractor's shortcuts agree with the plain rules they stand for.

Each shortcut (a bound, a table, a set of words, a regex) must give the same
answer as the computation it replaces; no test here times anything.
"""

from __future__ import annotations

import sys

import pytest

import biaskit.extract._attribution_rules as R
from biaskit.extract._attribution_content import _trim_chars
from biaskit.extract._attribution_records import _ALNUM_RE
from biaskit.extract._attribution_speakers import _may_hold, describe
from biaskit.parse import parse
from biaskit.wordlists import _outlet_key, load_wordlists, with_outlets

TEXT = (
    'Kremlin spokesperson Dmitry Peskov said on Monday that the talks had failed. "We will not accept '
    'it," said Maria Lopez, the finance minister, adding that the plan was reckless. Critics of the plan '
    "have repeatedly argued that it is too costly, analysts said. The council approved a resolution "
    "condemning the strike. Officials are said to be worried, according to Reuters, citing two sources. "
    "He told reporters in a statement that he would stay. It is fair to say the mood was calm. "
    '"Nobody," she whispered, "knows." Smith, who leads the union, insisted it was over.'
)


@pytest.fixture(scope="module")
def view():
    return R.View(parse(TEXT), load_wordlists())


def test_score_bound_is_never_below_the_score(view, monkeypatch):
    # propose every verb candidate, then compare each bound with the score it stands for
    monkeypatch.setattr(R, "SCORE_THRESHOLD", -1e9)
    seen = 0
    for si, s in enumerate(view.doc.sentences):
        cands = R.find_candidates(view, si)
        for n, c in enumerate(cands):
            if c.fixed is None:
                continue
            bound = R._cue_score_bound(view, view.low[c.verb], c.form, c.cls, c.fixed)
            score = R.cue_score(view, c, s.token_start, s.token_end, earlier=cands[:n])
            assert bound >= score - 1e-12
            spread = view.fast.cue_source_spread
            assert bound - spread.get(c.cls, spread[None]) <= score + 1e-12
            seen += 1
    assert seen >= 8


def test_a_sure_candidate_passes_the_threshold(view):
    sure = 0
    for si, s in enumerate(view.doc.sentences):
        cands = R.find_candidates(view, si)
        for n, c in enumerate(cands):
            if c.sure:
                assert R.cue_score(view, c, s.token_start, s.token_end, earlier=cands[:n]) >= R.SCORE_THRESHOLD
                sure += 1
    assert sure >= 2


def test_context_weights_table_matches_the_families():
    fast = load_wordlists().fast
    for key, ws in list(fast.cue_context_weights.items())[::97]:
        assert ws == fast.context_weights(*key)
        assert fast.cue_bound_table[key] == fast.cue_bound_part(*key)


def test_word_categories_match_the_rule_order():
    def prev_rule(w):
        if w == ",":
            return "comma"
        if w in R.PERSONAL or w in ("who", "which"):
            return "pronoun"
        if w == "to":
            return "to"
        if w in R.PREPOSITIONS:
            return "prep"
        if w in R.AUX or w in R.MODALS:
            return "aux"
        if w in R.CUE_ADVERBS:
            return "adverb"
        return None

    def next_rule(w):
        if w in (".", "!", "?"):
            return "end"
        if w == "that":
            return "that"
        if w == ":":
            return "quote"
        if w in ("if", "whether", "why", "how", "what", "when", "where", "who"):
            return "wh"
        if w == "to":
            return "to"
        if w == ",":
            return "comma"
        if w in R.PREPOSITIONS:
            return "prep"
        return None

    words = set(R._PREV_CATEGORY) | set(R._NEXT_CATEGORY) | R.DETERMINERS | {"said", "minister", "Trump"}
    for w in words:
        assert R._PREV_CATEGORY.get(w) == prev_rule(w), w
        assert R._NEXT_CATEGORY.get(w) == next_rule(w), w


def test_view_text_span_matches_the_doc():
    for doc in (parse("Hello\u200b world. \u201cYes,\u201d she said."), parse("A plain text. Officials said so."),
                parse("Officials said the talks failed.", title="Talks fail")):
        v = R.View(doc, load_wordlists())
        for a, b, _ in doc.tokens:
            assert v.text_span(a, b) == doc.text_span(a, b)
            assert v.text_span(b, a) == doc.text_span(b, a)


def test_phrase_parts_never_hide_an_entry():
    wl = with_outlets(load_wordlists(), ["The Harbor Ledger"])
    fast = wl.fast
    for key in wl.outlets:
        assert _may_hold(key.split(" "), fast.outlet_parts, fold=True), key
    assert _may_hold(["Harbor", "Ledger\u2019s"], fast.outlet_parts, fold=True)
    for name in wl.government:
        assert _may_hold(name.split(" "), fast.government_parts, fold=False), name
    assert not _may_hold(["Maria", "Lopez"], fast.outlet_parts, fold=True)
    assert _outlet_key("The Harbor Ledger") in wl.outlets


def test_describe_of_outlets_and_bodies():
    wl = load_wordlists()
    for text, n, kinds in (("CNN's reporters said so.", 3, ("media", "agency")),
                           ("The White House said no.", 3, ("government",)),
                           ("Maria Lopez said yes.", 2, ("person",))):
        v = R.View(parse(text), wl)
        assert describe(v, (0, n)).type in kinds, text


def test_alnum_pattern_is_str_isalnum():
    step = 1 if sys.maxunicode < 0x20000 else 7
    for cp in range(0, 0x20000, step):
        ch = chr(cp)
        assert (_ALNUM_RE.match(ch) is not None) == ch.isalnum(), hex(cp)


def test_trim_chars_strips_spaces_and_marks(view):
    s = view.s
    a = s.index("the talks")
    assert _trim_chars(view, a - 6, a) == (a - 5, a - 1)  # " that " -> "that"


def test_records_built_on_the_fast_path_are_plain_frozen_records():
    import dataclasses

    from biaskit.extract.sourcing import attributions
    from biaskit.records import Attribution

    recs = attributions(parse(TEXT + ' A "scare quote" here.'))
    assert any(r.quote_form == "unattributed" for r in recs) and any(r.speaker for r in recs)
    for r in recs:
        assert r == Attribution(**dataclasses.asdict(r))
        assert dataclasses.replace(r, speaker="X").speaker == "X"
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.speaker = "X"
    with pytest.raises(TypeError, match="23 values"):
        Attribution._from_values(("direct",))
    import copy
    import pickle

    r = recs[0]
    assert type(r) is Attribution and not hasattr(r, "__dict__")
    assert hash(r) == hash(Attribution(**dataclasses.asdict(r)))
    assert pickle.loads(pickle.dumps(r)) == r == copy.deepcopy(r)
    with pytest.raises(dataclasses.FrozenInstanceError):
        del r.speaker


def test_verb_candidates_are_built_by_position_in_cands_field_order():
    # _verb_candidate builds a Cand from positional values: a new or moved field must be caught here
    from biaskit.extract._attribution_rules import CAND_FIELDS, Cand

    names = ["kind", "lemma", "cls", "form", "verb", "cue", "sentence", "source", "source_how", "alias", "content",
             "direction", "cue_extra", "via", "relays", "passive", "dropped", "rule", "region", "fstart", "paren",
             "fixed", "sure"]
    assert list(CAND_FIELDS) == names
    assert repr(Cand("verb", "say", "speech", "past", 3, (3, 4), 0)).startswith("Cand(kind='verb', lemma='say'")
    # distinct values of each field's type (the compiled build checks the types)
    values = ["k", "l", "c", "f", 1, (2, 3), 4, (5, 6), "h", (7, 8), [(9, 10)], "d", [(11, 12)], [(13, 14)],
              [(15, 16)], True, True, "r", (17, 18), 19, [(20, 21)], ("x",), True]
    c = Cand(*values)
    assert [getattr(c, n) for n in names] == values
    d = Cand("verb", "say", "speech", "past", 3, (3, 4), 0)  # the defaults, and fresh lists per candidate
    assert (d.source, d.content, d.direction, d.region, d.fstart, d.sure) == (None, [], "fwd", (0, 0), -1, False)
    assert d.content is not Cand("verb", "say", "speech", "past", 3, (3, 4), 0).content


@pytest.mark.parametrize("tail", ["_NEXT_NAME_WORD_RE", "_NEXT_ORG_WORD_RE"])
def test_words_after_finds_what_a_pattern_per_word_finds(tail):
    import re

    import biaskit.extract._attribution_speakers as S

    tail_re = getattr(S, tail)
    text = (TEXT + " Corvane Corvane Energy said. xLopez Motors; Lopez  Bank. Peskov\nDmitry. (VPA) Kremlin's Lopez"
            " Maria-Lopez Lopez.Inc Lopez")
    words = set(text.split()) | {"Lopez", "Corvane", "(VPA)", "Kremlin's", "-Lopez", "Lopez."}
    for word in sorted(words):
        want = [m.group(1) for m in re.finditer(rf"\b{re.escape(word)}" + tail_re.pattern, text)]
        assert list(S._words_after(text, word, tail_re)) == want, word


def test_acronym_shortcut_agrees_with_the_letter_rule():
    from biaskit.extract._attribution_speakers import _acronym

    def plain(word):
        letters = [c for c in word if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    words = set(TEXT.split()) | {"VPA", "VTV1", "A1", "U.S.", "AB-c", "A.B", "1A", "", "ab", "NATO's", "ÉTÉ", "\u2170AB"}
    for word in words:
        assert _acronym(word) == plain(word), word
    assert sum(map(plain, words)) >= 4
