"""Readability: formulas checked against textstat, counts offline, differences measured.

textstat 0.7.13 is the reference. Its syllable-based functions fetch the
CMU dictionary through nltk and fail offline, so the tests give textstat
biaskit's syllable counter (same CMU data) in place of its dictionary: then
textstat runs offline, and any remaining difference comes from counting
words, sentences, letters and familiar words, which the tests measure.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from biaskit.extract._syllables import SyllableCounter, default_counter, load_syllable_table, rule_syllables
from biaskit.extract.readability import (
    automated_readability_index,
    coleman_liau_index,
    consensus_grade,
    dale_chall_grade,
    dale_chall_score,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    is_familiar,
    load_easy_words,
    readability,
    readability_counts,
    smog_index,
)
from biaskit.parse import parse

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "datasets" / "sample" / "articles.csv"

# Plain prose: no abbreviations, decimals, hyphens, quotation marks, numbers
# or fragments, every sentence closed by . ! or ?, so that textstat's naive
# splitting and counting agree with the shared parse. Reading levels vary.
PLAIN = [
    "The cat sat on the mat. It was a warm day. The dog did not mind at all.",
    "We went to the park after lunch. The children played on the swings while their parents talked. "
    "Nobody wanted to go home before dark!",
    "The committee postponed its decision on the controversial infrastructure legislation. "
    "Representatives of several municipalities expressed considerable dissatisfaction with the "
    "procedural irregularities. Would the government reconsider its position?",
    "Economists warned that persistent inflation could undermine the fragile recovery. "
    "Unemployment remained stubbornly high in manufacturing regions, and consumer confidence "
    "deteriorated for the third consecutive month.",
    "Rain fell all night. By morning the river had risen above its banks and the old bridge was closed. "
    "Farmers moved their animals to higher ground.",
    "Photosynthesis converts electromagnetic radiation into chemical energy. Chlorophyll molecules "
    "absorb wavelengths predominantly within the visible spectrum. Subsequently, carbohydrates are "
    "synthesized through enzymatic reactions.",
    "She opened the letter slowly. Her hands were shaking. Inside she found a photograph of a house "
    "she had not seen since she was a little girl.",
    "The minister defended the budget in parliament on Tuesday. Opposition leaders called the "
    "spending plans reckless and unfair to working families. The vote is expected next week.",
]

FORMULA_KEYS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_score",
)


def _sample_texts() -> list[str]:
    import pandas as pd

    return [t for t in pd.read_csv(SAMPLE)["text"] if isinstance(t, str) and t.strip()]


def _clear_textstat_caches() -> None:
    import textstat.backend as backend

    for info in pkgutil.walk_packages(backend.__path__, backend.__name__ + "."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


class _CountedPhones(dict):
    """Stands in for textstat's CMU dictionary: phones that count our syllables."""

    def __init__(self, counter):
        super().__init__()
        self.counter = counter

    def __getitem__(self, word):
        return [["AH0"] * self.counter(word)]


@pytest.fixture(scope="module")
def ts():
    """textstat, running offline with biaskit's syllable counter."""
    textstat = pytest.importorskip("textstat")
    from textstat.backend.counts import _count_syllables

    original = _count_syllables.get_cmudict
    phones = _CountedPhones(default_counter())
    _count_syllables.get_cmudict = lambda lang: phones
    _clear_textstat_caches()
    try:
        yield textstat
    finally:
        _count_syllables.get_cmudict = original
        _clear_textstat_caches()


def _textstat_counts(ts, text: str) -> dict:
    from textstat.backend.counts import _count_chars, _count_difficult_words, _count_words

    return {
        "words": ts.lexicon_count(text),
        "sentences": ts.sentence_count(text),
        "syllables": ts.syllable_count(text),
        "polysyllables": ts.polysyllabcount(text),
        "letters": ts.letter_count(text),
        "characters": _count_chars.count_chars(text, ignore_spaces=True),
        "tokens": _count_words.count_words(text, rm_punctuation=False),
        "fog_hard": _count_difficult_words.count_difficult_words(text, "en_US", syllable_threshold=3),
        "dale_chall_hard": _count_difficult_words.count_difficult_words(text, "en_US", syllable_threshold=0),
    }


# --------------------------------------------------------------------------
# The formulas: identical to textstat's when given textstat's own counts
# --------------------------------------------------------------------------


def _texts_for_formulas() -> list[str]:
    texts = list(PLAIN)
    if SAMPLE.is_file():
        texts += _sample_texts()[:25]
    texts += ["Mr. Smith paid $3.5 million for the U.S. rights. Sales rose 12.5% in the quarter.",
              "Wait. What? No! Short ones, then a long one that goes on and on for many words indeed."]
    return texts


def test_formulas_equal_textstat_given_its_counts(ts):
    for text in _texts_for_formulas():
        c = _textstat_counts(ts, text)
        w, s = c["words"], c["sentences"]
        assert flesch_reading_ease(w, s, c["syllables"]) == pytest.approx(ts.flesch_reading_ease(text), abs=1e-9)
        assert flesch_kincaid_grade(w, s, c["syllables"]) == pytest.approx(ts.flesch_kincaid_grade(text), abs=1e-9)
        assert gunning_fog(w, s, c["fog_hard"]) == pytest.approx(ts.gunning_fog(text), abs=1e-9)
        assert smog_index(s, c["polysyllables"]) == pytest.approx(ts.smog_index(text), abs=1e-9)
        assert dale_chall_score(w, s, c["dale_chall_hard"]) == pytest.approx(
            ts.dale_chall_readability_score(text), abs=1e-9)
        # Coleman-Liau: the published 0.0588; textstat rounds it to 0.058
        letters_per_100 = 100 * c["letters"] / w
        assert coleman_liau_index(w, s, c["letters"]) - 0.0008 * letters_per_100 == pytest.approx(
            ts.coleman_liau_index(text), abs=1e-9)
        # ARI: textstat divides all non-space characters (punctuation too) by
        # its count of space-separated tokens
        chars_per_word = c["characters"] / c["tokens"]
        assert automated_readability_index(w, s, chars_per_word * w) == pytest.approx(
            ts.automated_readability_index(text), abs=1e-9)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_prose_agrees_with_textstat(ts, text):
    """Where counting cannot differ, biaskit's scores are textstat's."""
    r = readability(parse(text))
    c = _textstat_counts(ts, text)
    assert (r["words"], r["sentences"], r["syllables"], r["polysyllables"], r["letters"]) == (
        c["words"], c["sentences"], c["syllables"], c["polysyllables"], c["letters"])
    assert r["flesch_reading_ease"] == pytest.approx(ts.flesch_reading_ease(text), abs=1e-9)
    assert r["flesch_kincaid_grade"] == pytest.approx(ts.flesch_kincaid_grade(text), abs=1e-9)
    assert r["smog_index"] == pytest.approx(ts.smog_index(text), abs=1e-9)
    # familiar-word rules: biaskit also accepts regular inflections, so it
    # finds at most as many hard words as textstat
    assert r["difficult_words"] <= c["dale_chall_hard"]
    assert r["complex_words"] <= c["fog_hard"]
    assert r["dale_chall_score"] <= ts.dale_chall_readability_score(text) + 1e-9
    assert r["gunning_fog"] <= ts.gunning_fog(text) + 1e-9


def test_differences_on_the_sample_corpus_stay_as_documented(ts):
    """The sizes reported in docs/metrics_readability_sentiment.md (with a margin)."""
    if not SAMPLE.is_file():
        pytest.skip("datasets/sample/articles.csv not present")
    texts = _sample_texts()
    diffs = {k: [] for k in FORMULA_KEYS}
    word_rel, syll_rel, fewer_sentences = [], [], 0
    reference = {
        "flesch_reading_ease": ts.flesch_reading_ease,
        "flesch_kincaid_grade": ts.flesch_kincaid_grade,
        "gunning_fog": ts.gunning_fog,
        "smog_index": ts.smog_index,
        "coleman_liau_index": ts.coleman_liau_index,
        "automated_readability_index": ts.automated_readability_index,
        "dale_chall_score": ts.dale_chall_readability_score,
    }
    for text in texts:
        r = readability(parse(text))
        for k, f in reference.items():
            diffs[k].append(r[k] - f(text))
        c = _textstat_counts(ts, text)
        word_rel.append(abs(r["words"] / c["words"] - 1))
        syll_rel.append(abs(r["syllables"] / c["syllables"] - 1))
        fewer_sentences += r["sentences"] <= c["sentences"]
    mean_abs = {k: sum(map(abs, d)) / len(d) for k, d in diffs.items()}
    # documented: mean |difference| 1.05 FRE points, 0.39 FK grades, 0.66 Fog,
    # 0.26 SMOG, 0.42 Coleman-Liau, 0.95 ARI, 1.67 Dale-Chall
    bounds = {"flesch_reading_ease": 2.0, "flesch_kincaid_grade": 0.8, "gunning_fog": 1.2, "smog_index": 0.6,
              "coleman_liau_index": 0.7, "automated_readability_index": 1.5, "dale_chall_score": 2.3}
    for k, bound in bounds.items():
        assert mean_abs[k] <= bound, (k, mean_abs[k])
    # Dale-Chall: biaskit counts inflections and numbers as familiar, so lower
    assert sum(d < 0 for d in diffs["dale_chall_score"]) >= 0.9 * len(texts)
    # Coleman-Liau: the published coefficient adds about 0.4 (0.0008 x ~500
    # letters per 100 words); sentence counts move it a little either way
    cl = diffs["coleman_liau_index"]
    assert 0.2 < sum(cl) / len(cl) < 0.7 and sum(d > 0 for d in cl) >= 0.8 * len(cl)
    # words and syllables agree closely; sentences differ by splitting
    assert sum(word_rel) / len(word_rel) < 0.005 and max(word_rel) < 0.02
    assert sum(syll_rel) / len(syll_rel) < 0.01 and max(syll_rel) < 0.03
    assert fewer_sentences >= 0.8 * len(texts)  # textstat splits at "U.S.", "a.m.", "3.5"


def test_where_counts_differ_from_textstat(ts):
    text = ("Mr. Smith met Dr. Jones at 9 a.m. in the U.S. capital on Monday. "
            "Prices rose 3.5 percent, the agency said.")
    r = readability(parse(text))
    c = _textstat_counts(ts, text)
    assert r["sentences"] == 2
    # textstat breaks at every period and drops pieces of two words or fewer:
    # "Smith met Dr." "Jones at 9 a." "in the U." "capital on Monday." "Prices rose 3." "5 percent, ..."
    assert c["sentences"] == 6
    assert r["words"] == c["words"]
    # textstat reads "U.S." and "a.m." as the words "US" and "am" (1 syllable each);
    # biaskit reads them letter by letter (2 each)
    assert r["syllables"] == c["syllables"] + 2
    # given textstat's counts, the formula gives textstat's score
    assert flesch_reading_ease(c["words"], c["sentences"], c["syllables"]) == pytest.approx(
        ts.flesch_reading_ease(text), abs=1e-9)


# --------------------------------------------------------------------------
# Counts from the shared parse
# --------------------------------------------------------------------------


def test_counts_use_the_body_only():
    body = "Legislators approved the controversial measure. Critics objected."
    with_title = readability_counts(parse(body, title="An extraordinarily complicated headline"))
    assert with_title == readability_counts(parse(body))
    assert with_title.words == 7 and with_title.sentences == 2


def test_counts_by_hand():
    c = readability_counts(parse("Mr. Smith visited the U.S. Senate. Legislators applauded."))
    # Mr(2) Smith(1) visited(3) the(1) U.S.(2) Senate(2) Legislators(4) applauded(3)
    assert (c.words, c.sentences, c.syllables, c.polysyllables) == (8, 2, 18, 3)
    assert c.letters == 2 + 5 + 7 + 3 + 2 + 6 + 11 + 9
    # unfamiliar: Mr, Smith, U.S., Senate, Legislators, applauded ("visited" is visit+ed)
    assert c.difficult_words == 6 and c.complex_words == 2


def test_empty_body_gives_missing_scores():
    r = readability(parse(""))
    assert r["words"] == 0 and r["sentences"] == 0
    for k in (*FORMULA_KEYS, "consensus_grade", "words_per_sentence", "syllables_per_word"):
        assert math.isnan(r[k]), k


def test_reading_level_orders_texts():
    easy = readability(parse(PLAIN[0]))
    hard = readability(parse(PLAIN[5]))
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    for k in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
              "automated_readability_index", "dale_chall_score", "consensus_grade"):
        assert easy[k] < hard[k], k


def test_consensus_is_the_median_of_grade_formulas():
    r = readability(parse(PLAIN[3]))
    grades = [r["flesch_kincaid_grade"], r["gunning_fog"], r["smog_index"], r["coleman_liau_index"],
              r["automated_readability_index"], dale_chall_grade(r["dale_chall_score"])]
    s = sorted(grades)
    assert r["consensus_grade"] == pytest.approx((s[2] + s[3]) / 2)
    assert consensus_grade([float("nan"), 3.0, 5.0, 4.0]) == 4.0
    assert math.isnan(consensus_grade([]))


def test_dale_chall_bands():
    assert [dale_chall_grade(x) for x in (3.0, 5.0, 6.5, 7.0, 8.9, 9.5, 12.0)] == [4.0, 5.5, 7.5, 9.5, 11.5, 14.0, 16.0]


def test_familiar_words_follow_dale_chall_rules():
    easy = load_easy_words()
    assert "house" in easy and len(easy) > 2900
    for word in ["houses", "house's", "walked", "walking", "stopped", "bigger", "biggest", "cities",
                 "carried", "hoping", "Houses", "2,000", "3.5%", "well-known"]:
        assert is_familiar(word), word
    for word in ["legislation", "legislators", "unprecedented", "xylophonist", "walkedly"]:
        assert not is_familiar(word), word


# --------------------------------------------------------------------------
# Syllables, offline
# --------------------------------------------------------------------------


def test_syllable_table_is_cmu_and_used_first():
    table = load_syllable_table()
    assert len(table) > 120_000
    count = default_counter()
    # CMU pronunciations, including words that spelling rules get wrong
    expected = {"business": 2, "idea": 3, "chocolate": 2, "area": 3, "evening": 2, "science": 2,
                "government": 3, "people": 2, "the": 1, "readability": 5}
    for word, n in expected.items():
        assert table[word] == n and count(word) == n, word
    # the first six are words the spelling rules alone get wrong
    assert sum(rule_syllables(w) != n for w, n in expected.items()) >= 6
    assert count("Business") == 2 and count("don\u2019t") == count("don't") == 1


def test_syllable_counter_handles_compounds_numbers_abbreviations():
    count = default_counter()
    assert count("well-known") == count("well") + count("known")
    assert count("2022") == 1 and count("3.5%") == 1 and count("covid-19") == count("covid") + 1
    assert count("U.S.") == 2 and count("a.m.") == 2
    assert count("Zelenskyy's") == count("Zelenskyy")
    assert count("Boss's") == count("boss") + 1


# Words absent from the CMU table and their syllables in ordinary speech
OOV_WORDS = {
    "doomscrolling": 3, "unfriended": 3, "covidiot": 4, "cryptocurrencies": 6, "decarbonise": 4,
    "hashtagged": 2, "vaxxed": 1, "overreaching": 4, "telehealth": 3, "podcasters": 3,
    "microplastics": 4, "ransomware": 3, "geopolitically": 6, "petrostate": 3, "livestreamed": 2,
    "stakeholding": 3, "cyberattacks": 4, "misinformation": 5, "outsourcing": 3, "greenwashing": 3,
    "zelenskyy": 3, "okonjo": 3, "talvik": 2, "velmaria": 4, "halden": 2, "aurell": 2,
    "reshoring": 3, "upskilling": 3, "deplatformed": 3, "unvaccinated": 5,
}


def test_rules_for_words_outside_the_table():
    table = load_syllable_table()
    oov = {w: n for w, n in OOV_WORDS.items() if w not in table}
    assert len(oov) >= 20
    right = sum(rule_syllables(w) == n for w, n in oov.items())
    assert right / len(oov) >= 0.8, {w: (rule_syllables(w), n) for w, n in oov.items() if rule_syllables(w) != n}
    # the counter falls back to the rules for them
    count = default_counter()
    assert all(count(w) == rule_syllables(w) for w in oov)


def test_custom_counter_is_respected():
    one_each = SyllableCounter({})  # no table: rules only
    c = readability_counts(parse("Everyone agreed."), syllables=one_each)
    assert c.syllables == rule_syllables("Everyone") + rule_syllables("agreed")


def test_readability_works_offline_without_textstat_or_nltk():
    """No network, and neither textstat nor nltk is imported."""
    code = textwrap.dedent(
        """
        import socket, sys
        def no_network(*a, **k):
            raise OSError("network disabled in this test")
        socket.socket = no_network
        socket.create_connection = no_network
        from biaskit.parse import parse
        from biaskit.extract.readability import readability
        r = readability(parse("The committee postponed its decision. Critics were furious."))
        assert r["syllables"] == 16, r["syllables"]
        assert "textstat" not in sys.modules and "nltk" not in sys.modules
        print(round(r["flesch_reading_ease"], 6))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    expected = readability(parse("The committee postponed its decision. Critics were furious."))
    assert float(out.stdout) == pytest.approx(expected["flesch_reading_ease"], abs=1e-6)
