"""Sentiment: biaskit's VADER equals vaderSentiment, sentence by sentence.

The equality test runs over thousands of sentences: generated ones that
exercise every rule (boosters, negations, "no", "least", "but", capitals,
idioms, "kind of", punctuation, emoticons and emoji), and the NewsMTSC news
sentences from ``../shared/datasets/newsmtsc`` when that folder is present.
Per-word valences are compared exactly (captured from vaderSentiment's own
``score_valence``), and the rounded scores it returns must match too.
"""

from __future__ import annotations

import json
import math
import random

import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED
from vaderSentiment import vaderSentiment as vs

from biaskit.extract._vader import VaderAnalyzer, normalize_valence, vader_words
from biaskit.extract.sentiment import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    default_analyzer,
    sentence_scores,
    sentiment,
)
from biaskit.parse import parse

NEWSMTSC = SHARED / "datasets" / "newsmtsc"


@pytest.fixture(scope="module")
def reference():
    return vs.SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def vader():
    return default_analyzer()


def _generated_sentences(n: int, seed: int = 0) -> list[str]:
    """Random sentences dense in VADER's rule words, in varied shapes."""
    rng = random.Random(seed)
    ref = vs.SentimentIntensityAnalyzer()
    lexicon = sorted(ref.lexicon)
    boosters = sorted(vs.BOOSTER_DICT)
    negations = sorted(vs.NEGATE)
    phrase_words = sorted({w for k in (*vs.SPECIAL_CASES, *vs.BOOSTER_DICT) for w in k.split()})
    emoji = sorted(e for e in ref.emojis if len(e) == 1)
    glue = ("the a of and to in is was it he she they said but but no not never so this least at very "
            "kind of without doubt or nor isn't don’t").split()
    marks = ["!", "?", ",", ".", "!!", "??", "???", "...", ":)", ":-(", "!?"]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 28)):
            r = rng.random()
            if r < 0.30:
                w = rng.choice(lexicon)
            elif r < 0.42:
                w = rng.choice(boosters)
            elif r < 0.52:
                w = rng.choice(negations)
            elif r < 0.58:
                w = rng.choice(phrase_words)
            elif r < 0.61:
                w = rng.choice(emoji)
            else:
                w = rng.choice(glue)
            if rng.random() < 0.15:
                w = w.upper()
            elif rng.random() < 0.05:
                w = w.capitalize()
            if rng.random() < 0.12:
                w += rng.choice(marks)
            if rng.random() < 0.05:
                w = rng.choice(['"', "(", "'", "\u201c", "--"]) + w
            words.append(w)
        shape = rng.random()
        if shape < 0.85:
            text = " ".join(words)
        elif shape < 0.95:
            text = "".join(rng.choice([" ", "  ", "\t", "\n", ""]) + w for w in words)
        else:
            text = "  " + " ".join(words).upper() + " "
        out.append(text)
    return out


def _news_sentences(limit: int = 6000) -> list[str]:
    texts: dict[str, None] = {}
    for name in ("train.jsonl", "dev_mt.jsonl", "dev_rw.jsonl"):
        path = NEWSMTSC / name
        if path.is_file():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    texts[json.loads(line)["text"]] = None
    return list(texts)[:limit]


def _check_equal(texts, reference, vader):
    """Compare per-word valences exactly and the rounded scores; return mismatches."""
    captured: list = []
    original = vs.SentimentIntensityAnalyzer.score_valence

    def spy(self, sentiments, text):
        captured.append(list(sentiments))
        return original(self, sentiments, text)

    bad = []
    vs.SentimentIntensityAnalyzer.score_valence = spy
    try:
        for text in texts:
            captured.clear()
            expected = reference.polarity_scores(text)
            ours = vader.score(text)
            got = {"neg": round(ours.negative, 3), "neu": round(ours.neutral, 3),
                   "pos": round(ours.positive, 3), "compound": round(ours.compound, 4)}
            _, vals = vader.valences(vader.replace_emojis(text))
            if got != expected or captured != [vals]:
                bad.append((text, expected, got))
    finally:
        vs.SentimentIntensityAnalyzer.score_valence = original
    return bad


def test_equal_to_vadersentiment_on_generated_sentences(reference, vader):
    texts = _generated_sentences(3000)
    bad = _check_equal(texts, reference, vader)
    assert not bad, bad[:3]


def test_equal_to_vadersentiment_on_news_sentences(reference, vader):
    texts = _news_sentences()
    if not texts:
        pytest.skip("../shared/datasets/newsmtsc not present")
    assert len(texts) > 1000
    bad = _check_equal(texts, reference, vader)
    assert not bad, bad[:3]


@pytest.mark.parametrize("text", [
    "VADER is smart, handsome, and funny!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    "Without a doubt, an excellent idea.",
    "Sentiment analysis has never been this good!",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Great😁!No way💔",
    "no no good, good but bad but good",
    "It was good but it was good but it was bad.",
    "", "   ", "!!!", "?? ??", "a",
])
def test_documented_cases(text, reference, vader):
    assert not _check_equal([text], reference, vader)


def test_score_many_equals_score(vader):
    texts = _generated_sentences(600, seed=3) + ["Great 😁 day!", "", "plain words only"]
    many = vader.score_many(texts)
    assert len(many) == len(texts)
    for text, got in zip(texts, many, strict=True):
        s = vader.score(text)
        assert got == (s.compound, s.positive, s.negative, s.neutral, s.valence)


def test_vader_words_follow_vader():
    assert vader_words('"Hello," she said :) ... (ok) a, b') == ["Hello", "she", "said", ":)", "...", "(ok)", "a,", "b"]
    text = "  Wow!!  that's  GREAT :-( --dash "
    assert vader_words(text) == vs.SentiText(text).words_and_emoticons


def test_rule_lists_match_the_installed_vadersentiment(vader):
    assert set(vader.negations) == set(vs.NEGATE)
    assert dict(vader.boosters) == vs.BOOSTER_DICT
    assert dict(vader.idioms) == {k: float(v) for k, v in vs.SPECIAL_CASES.items()}
    assert dict(vader.lexicon) == vs.SentimentIntensityAnalyzer().lexicon


def test_analyzer_is_built_once_and_read_only(vader):
    assert default_analyzer() is vader
    with pytest.raises(TypeError):
        vader.lexicon["good"] = -4.0  # type: ignore[index]
    with pytest.raises(AttributeError):
        vader.lexicon = {}  # type: ignore[misc]


def test_document_features_from_sentences(reference):
    body = ("The rescue was a great triumph. Sadly, two people died in the fire. "
            "The road reopened on Monday. Residents were angry and frustrated!")
    doc = parse(body, title="Fire kills two")
    f = sentiment(doc)
    sents = [doc.span(s.start, s.end) for s in doc.body_sentences]
    assert len(sents) == 4
    ref = [reference.polarity_scores(s)["compound"] for s in sents]
    assert f["mean_compound"] == pytest.approx(sum(ref) / 4, abs=1e-4)
    assert f["positive_share"] == sum(c >= POSITIVE_THRESHOLD for c in ref) / 4
    assert f["negative_share"] == sum(c <= NEGATIVE_THRESHOLD for c in ref) / 4
    assert f["positive_share"] + f["negative_share"] + f["neutral_share"] == pytest.approx(1.0)
    # indices point into doc.sentences (the title is sentence 0)
    assert doc.sentences[0].part == "title"
    assert f["most_positive_sentence"] == 1 and f["most_positive_compound"] == pytest.approx(max(ref), abs=1e-4)
    neg_idx = 1 + min(range(4), key=ref.__getitem__)
    assert f["most_negative_sentence"] == neg_idx
    assert f["title_compound"] == pytest.approx(reference.polarity_scores("Fire kills two")["compound"], abs=1e-4)
    # the document compound normalises the sum of the sentences' valence sums
    rows = sentence_scores(doc)
    total = sum(r.valence for r in rows if r.part == "body")
    assert f["document_compound"] == pytest.approx(normalize_valence(total))
    assert f["compound_std"] >= 0


def test_sentence_records_point_into_the_input_text():
    text = "Headline here\n\nIt was a\u00a0terrible day. Then\u200b things got better."
    doc = parse(text[15:], title="Headline here", text=text, body_offset=15, title_offset=0)
    rows = sentence_scores(doc)
    assert [r.part for r in rows] == ["title", "body", "body"]
    assert [r.sentence for r in rows] == [0, 1, 2]
    assert text[rows[1].start:rows[1].end] == "It was a\u00a0terrible day."
    assert text[rows[2].start:rows[2].end] == "Then\u200b things got better."
    assert rows[1].compound < 0 < rows[2].compound


def test_empty_body_gives_missing_values():
    f = sentiment(parse(""))
    assert all(math.isnan(v) for v in f.values())
    f = sentiment(parse("", title="Only a title, a happy one"))
    assert math.isnan(f["mean_compound"]) and f["title_compound"] > 0


def test_long_text_is_scored_sentence_by_sentence(vader):
    # 30,000 words: vaderSentiment on the whole text would take tens of
    # seconds (its cost grows with the square of the length); per sentence
    # it is linear
    sentence = "The minister said the plan was a disaster, but supporters were not unhappy. "
    doc = parse(sentence * 2000)
    f = sentiment(doc, analyzer=vader)
    one = vader.score(sentence.strip()).compound
    assert len(doc.sentences) == 2000
    assert f["mean_compound"] == pytest.approx(one)
    assert f["document_compound"] == pytest.approx(1.0 if one > 0 else -1.0, abs=1e-3)


def test_custom_analyzer_is_used():
    base = default_analyzer()
    flipped = VaderAnalyzer(
        lexicon={k: -v for k, v in base.lexicon.items()},
        emojis=base.emojis, negations=base.negations, boosters=base.boosters, idioms=base.idioms,
    )
    doc = parse("What a wonderful day.")
    assert sentiment(doc)["mean_compound"] > 0
    assert sentiment(doc, analyzer=flipped)["mean_compound"] < 0
