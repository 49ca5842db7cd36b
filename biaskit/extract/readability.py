"""Reading level: the classic readability formulas over one shared count.

Every formula here is a simple recipe over a few counts of the article's
body: how many words, sentences, syllables, letters, long words and
unfamiliar words it has. :func:`readability_counts` makes those counts once,
from the shared parse (:func:`biaskit.parse.parse`: the same words and
sentences every biaskit extractor sees; the title is left out), and
:func:`readability` applies every formula to them. The formulas themselves
are plain functions of numbers, so you can apply them to counts of your own.

What the scores mean
--------------------
Most formulas answer "how many years of US schooling does a reader need?"
(grade 8 ≈ age 13–14; 12 = end of high school; 16 = a college graduate).
Flesch Reading Ease runs the other way: 0–100, higher is easier. Wire copy
usually lands around grade 10–12; tabloids lower, policy journalism higher.
They measure sentence length and word length only: a text of short words in
short sentences scores as "easy" even if it is nonsense. Compare outlets on
many articles, not single pieces.

Counting choices (and how they differ from textstat)
-----------------------------------------------------
Words and sentences come from the shared parse: "U.S.", "Mr." or "3.5" do
not end sentences, and fragments are not dropped (textstat splits at every
period and ignores pieces of two words or fewer). Syllables come from the
CMU Pronouncing Dictionary with spelling rules for other words
(:mod:`biaskit.extract._syllables`): offline, and equal to what textstat
counts when it can reach its dictionary. Coleman–Liau uses the published
coefficient 0.0588 (textstat: 0.058); ARI counts letters and digits
(textstat also counts punctuation marks); Dale–Chall and Gunning Fog count
regular inflections of familiar words (*walked*, *houses*) as familiar, as
Dale and Chall's rules say (textstat does not). The size of each difference
is measured in ``tests/test_readability.py`` and documented in
``docs/metrics_readability_sentiment.md``.

Very simple texts can score above 100 on Reading Ease (or below grade 0).

Examples
--------
>>> from biaskit.parse import parse
>>> from biaskit.extract.readability import readability
>>> doc = parse("The cat sat on the mat. It was a sunny day, and the cat was happy.")
>>> r = readability(doc)
>>> r["words"], r["sentences"], r["syllables"]
(16, 2, 18)
>>> round(r["flesch_reading_ease"], 1), round(r["flesch_kincaid_grade"], 1)
(103.5, 0.8)
"""

from __future__ import annotations

import importlib.util
import math
import re
from collections import Counter
from collections.abc import Callable, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import gt, is_, mul, not_
from pathlib import Path

from biaskit.errors import BiaskitError
from biaskit.extract._syllables import SyllableCounter, default_counter
from biaskit.parse import Doc

__all__ = [
    "ReadabilityCounts",
    "automated_readability_index",
    "coleman_liau_index",
    "consensus_grade",
    "dale_chall_grade",
    "dale_chall_score",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "is_familiar",
    "load_easy_words",
    "readability",
    "readability_counts",
    "smog_index",
]

_NAN = float("nan")

# --------------------------------------------------------------------------
# The counts
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadabilityCounts:
    """The counts every formula is computed from (body only).

    Attributes
    ----------
    words : int
        Words of the body (see :data:`biaskit.parse.WORD_RE`).
    sentences : int
        Sentences of the body.
    syllables : int
        Syllables of all words.
    polysyllables : int
        Words of three or more syllables (SMOG).
    complex_words : int
        Words of three or more syllables that are not familiar words
        (Gunning Fog; see :func:`is_familiar`).
    difficult_words : int
        Words that are not familiar words (Dale–Chall).
    letters : int
        Letters and digits in all words (Coleman–Liau, ARI).
    """

    words: int
    sentences: int
    syllables: int
    polysyllables: int
    complex_words: int
    difficult_words: int
    letters: int


@lru_cache(maxsize=1)
def load_easy_words() -> frozenset[str]:
    """The Dale–Chall list of about 3,000 words familiar to fourth-graders.

    Read from the installed textstat package (MIT licence), which ships the
    list as ``resources/en/easy_words.txt``; textstat itself is not imported.
    Read once per process and returned as a frozen set.

    Raises
    ------
    BiaskitError
        If textstat or its word list is not installed.

    Examples
    --------
    >>> words = load_easy_words()
    >>> "house" in words, "legislation" in words, len(words) > 2900
    (True, False, True)
    """
    spec = importlib.util.find_spec("textstat")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        path = Path(loc) / "resources" / "en" / "easy_words.txt"
        if path.is_file():
            with open(path, encoding="utf-8") as f:
                return frozenset(line.strip().lower() for line in f if line.strip())
    raise BiaskitError(
        "the Dale-Chall list of familiar words was not found: it is read from the textstat "
        "package (resources/en/easy_words.txt); install textstat>=0.7.3"
    )


_CONSONANTS = "bcdfghjklmnpqrstvwxz"


def _inflections(word: str):
    """Regular forms of a word: plural and possessive, -ed, -ing, -er, -est."""
    yield word
    yield word + "'s"
    if word.endswith("s"):
        yield word + "'"
    if word.endswith("y") and len(word) > 1 and word[-2] in _CONSONANTS:
        stem = word[:-1]
        yield from (stem + "ies", stem + "ied", stem + "ier", stem + "iest", word + "ing")
        return
    if word.endswith("e"):
        yield from (word + "s", word + "d", word + "r", word + "st", word[:-1] + "ing")
        return
    if word.endswith(("s", "x", "z", "ch", "sh")):
        yield word + "es"
    else:
        yield word + "s"
    yield from (word + "ed", word + "ing", word + "er", word + "est")
    if len(word) > 2 and word[-1] in _CONSONANTS and word[-1] not in "wxy" and word[-2] in "aeiou" \
            and word[-3] not in "aeiou":
        double = word + word[-1]  # stop -> stopped, big -> bigger
        yield from (double + "ed", double + "ing", double + "er", double + "est")


@lru_cache(maxsize=4)
def _familiar_forms(easy_words: frozenset[str]) -> frozenset[str]:
    """The familiar words with all their regular forms (built once per word list)."""
    return frozenset(form for word in easy_words for form in _inflections(word))


def is_familiar(word: str, easy_words: Set[str] | None = None) -> bool:
    """True if a word counts as familiar under Dale and Chall's rules.

    A word is familiar when it is on the list of words known to most
    fourth-graders, or is a regular form of one (plural or possessive *-s*,
    *-es*, *-ies*; *-ed*, *-ing*; comparative *-er*, *-est*; with a final
    *e* dropped, a *y* turned into *i* or a final consonant doubled as
    spelling requires), or is a number (begins with a digit: *2022*, *3.5*,
    *5th*), or is a hyphenated compound whose parts are all familiar. Case
    does not matter.

    Parameters
    ----------
    word : str
    easy_words : set of str, optional
        Lower-case familiar words; defaults to :func:`load_easy_words`.

    Examples
    --------
    >>> [is_familiar(w) for w in ["House", "houses", "walked", "stopped", "2022", "legislation"]]
    [True, True, True, True, True, False]
    """
    easy = load_easy_words() if easy_words is None else frozenset(easy_words)
    w = word.lower()
    if "\u2019" in w:
        w = w.replace("\u2019", "'")
    return _familiar(w, _familiar_forms(easy))


def _familiar(w: str, forms: frozenset[str]) -> bool:
    if w in forms or w[:1].isdigit():
        return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(p in forms or p[:1].isdigit() for p in parts)
    return False


_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]")
_NOT_ASCII_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def readability_counts(doc: Doc, *, syllables: Callable[[str], int] | None = None,
                       easy_words: Set[str] | None = None) -> ReadabilityCounts:
    """Count words, sentences, syllables, letters and hard words of the body.

    One pass over the body's word tokens of the shared parse; the title is
    not counted.

    Parameters
    ----------
    doc : Doc
        The parsed article.
    syllables : callable, optional
        Word -> syllable count; defaults to the offline dictionary-and-rules
        counter of :mod:`biaskit.extract._syllables`.
    easy_words : set of str, optional
        The familiar-word list; defaults to :func:`load_easy_words`.

    Returns
    -------
    ReadabilityCounts

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> readability_counts(parse("Mr. Smith visited the U.S. Senate. Legislators applauded."))
    ReadabilityCounts(words=8, sentences=2, syllables=18, polysyllables=3, complex_words=2, difficult_words=6, letters=45)
    """
    count = default_counter() if syllables is None else syllables
    forms = _familiar_forms(load_easy_words() if easy_words is None else frozenset(easy_words))
    words = doc.body_words
    joined = "\x00".join(words)
    n_words = len(words)
    # letters: characters of words less inner marks (hyphens, apostrophes, dots)
    plain = joined.replace("\u2019", "'")
    if plain.isascii():  # the usual case: count on bytes
        n_letters = len(plain.encode("ascii").translate(None, _NOT_ASCII_ALNUM))
    else:
        n_letters = len(joined) - len(_NOT_LETTER_OR_DIGIT.findall(joined))
    lowered = joined.lower().replace("\u2019", "'")
    # each distinct word is measured once, then weighted by its frequency
    freq = Counter(lowered.split("\x00") if words else ())
    distinct, weights = list(freq), list(freq.values())
    lookup = count.lookup if isinstance(count, SyllableCounter) else {}.get
    syll = list(map(lookup, distinct))
    for i in compress(range(len(syll)), map(is_, syll, repeat(None))):
        syll[i] = count(distinct[i])  # not in the table: the counter's rules
    familiar = list(map(forms.__contains__, distinct))
    for i in compress(range(len(familiar)), map(not_, familiar)):
        w = distinct[i]  # numbers and compounds of familiar words are familiar too
        familiar[i] = w[:1].isdigit() or ("-" in w and _familiar(w, forms))
    n_syll = sum(map(mul, syll, weights))
    n_difficult = sum(compress(weights, map(not_, familiar)))
    poly = [n >= 3 for n in syll]
    n_poly = sum(compress(weights, poly))
    n_complex = sum(compress(weights, map(gt, poly, familiar)))
    return ReadabilityCounts(
        words=n_words,
        sentences=doc.sentence_count,
        syllables=n_syll,
        polysyllables=n_poly,
        complex_words=n_complex,
        difficult_words=n_difficult,
        letters=n_letters,
    )


# --------------------------------------------------------------------------
# The formulas (plain functions of counts)
# --------------------------------------------------------------------------


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch Reading Ease: 0 (very hard) to 100 (very easy).

    Rudolf Flesch (1948) scored texts by two things a reader feels: long
    sentences and long words. Start from 206.835, take away 1.015 for every
    word in the average sentence and 84.6 for every syllable in the average
    word. Comics score around 90, a popular newspaper around 60–70, an
    academic journal below 30. Higher means easier.

    ``206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)``

    Returns NaN when there are no words or no sentences.

    Examples
    --------
    >>> round(flesch_reading_ease(100, 5, 150), 1)
    59.6
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid grade level: the US school grade needed to follow the text.

    The same two ingredients as Reading Ease (sentence length and syllables
    per word), re-weighted by J. Peter Kincaid for the US Navy (1975) so the
    result reads as a school grade: 8 means an eighth-grader (13–14 years
    old) can follow it. A grade of 12 is the end of high school.

    ``0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59``

    Examples
    --------
    >>> round(flesch_kincaid_grade(100, 5, 150), 2)
    9.91
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    """Gunning Fog index: years of schooling to understand the text on a first reading.

    Robert Gunning (1952), a newspaper consultant, added the average sentence
    length to the percentage of "hard" words (three syllables or more) and
    took 40% of the sum. Gunning left familiar words out of the hard ones;
    here a word of three or more syllables is hard unless it is on the
    Dale–Chall list of familiar words or a regular form of one (as textstat
    does, plus inflections). Around 12 is a broad-audience newspaper.

    ``0.4 × (words / sentences + 100 × complex_words / words)``

    Examples
    --------
    >>> round(gunning_fog(100, 5, 10), 2)
    12.0
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    return 0.4 * (words / sentences + 100.0 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    """SMOG grade ("Simple Measure of Gobbledygook"): grade needed to fully understand.

    G. Harry McLaughlin (1969) counted only words of three or more syllables
    per 30 sentences, and took a square root: a few long words in every
    sentence push the grade up quickly. Designed for 30 or more sentences;
    on short texts it is rough. Often used for health and public-service
    writing, where full understanding matters.

    ``1.0430 × √(polysyllables × 30 / sentences) + 3.1291``

    Examples
    --------
    >>> round(smog_index(30, 30), 2)
    8.84
    """
    if sentences <= 0:
        return _NAN
    return 1.043 * math.sqrt(30.0 * polysyllables / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float:
    """Coleman–Liau index: grade level from letters per word, not syllables.

    Meri Coleman and T. L. Liau (1975) wanted a formula a machine could
    compute from characters alone: letters per 100 words (longer words are
    harder) and sentences per 100 words (more sentences means shorter ones,
    so easier). The result is a US school grade.

    ``0.0588 × L − 0.296 × S − 15.8``, with L = letters per 100 words and
    S = sentences per 100 words (textstat rounds 0.0588 to 0.058).

    Examples
    --------
    >>> round(coleman_liau_index(100, 5, 480), 2)
    10.94
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    letters_per_100 = 100.0 * letters / words
    sentences_per_100 = 100.0 * sentences / words
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def automated_readability_index(words: int, sentences: int, characters: int) -> float:
    """Automated Readability Index (ARI): grade level from characters per word.

    Built for the US Air Force (Senter and Smith, 1967) to be counted by an
    electric typewriter as it typed: characters per word and words per
    sentence. Characters are letters and digits (textstat also counts
    punctuation marks, which raises its ARI by about half a grade on news).

    ``4.71 × (characters / words) + 0.5 × (words / sentences) − 21.43``

    Examples
    --------
    >>> round(automated_readability_index(100, 5, 480), 2)
    11.18
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    return 4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43


def dale_chall_score(words: int, sentences: int, difficult_words: int) -> float:
    """New Dale–Chall score: how many words fall outside a basic vocabulary.

    Edgar Dale and Jeanne Chall (1948) used a list of about 3,000 words that
    four out of five US fourth-graders knew. Every other word is "difficult".
    The score mixes the percentage of difficult words with sentence length;
    if more than 5% of words are difficult, 3.6365 is added. Read it with
    :func:`dale_chall_grade`: 4.9 or lower is easy (grade 4 and below),
    7.0–7.9 is grades 9–10, 9.0–9.9 is college level.

    ``0.1579 × (100 × difficult / words) + 0.0496 × (words / sentences)``
    (+ 3.6365 if difficult words are more than 5%)

    Examples
    --------
    >>> round(dale_chall_score(100, 5, 20), 2)
    7.79
    """
    if words <= 0 or sentences <= 0:
        return _NAN
    pct = 100.0 * difficult_words / words
    score = 0.1579 * pct + 0.0496 * (words / sentences)
    if pct > 5:
        score += 3.6365
    return score


# Dale–Chall score bands and the grade each stands for (the middle of the
# band's grade range; Chall & Dale 1995)
_DALE_CHALL_BANDS = ((5.0, 4.0), (6.0, 5.5), (7.0, 7.5), (8.0, 9.5), (9.0, 11.5), (10.0, 14.0))


def dale_chall_grade(score: float) -> float:
    """The school grade a Dale–Chall score stands for.

    The score is read in bands: below 5.0 grade 4 and below (4), 5.0–5.9
    grades 5–6 (5.5), 6.0–6.9 grades 7–8 (7.5), 7.0–7.9 grades 9–10 (9.5),
    8.0–8.9 grades 11–12 (11.5), 9.0–9.9 college (14), 10 and above college
    graduate (16).

    Examples
    --------
    >>> dale_chall_grade(4.2), dale_chall_grade(7.79), dale_chall_grade(10.5)
    (4.0, 9.5, 16.0)
    """
    if math.isnan(score):
        return _NAN
    for upper, grade in _DALE_CHALL_BANDS:
        if score < upper:
            return grade
    return 16.0


def consensus_grade(grades) -> float:
    """A consensus school grade: the median of several grade-level formulas.

    The formulas disagree by a grade or two because each weighs different
    things (syllables, letters, hard words). The median of them is steadier
    than any one, and one odd formula cannot drag it. :func:`readability`
    takes the median of Flesch–Kincaid, Gunning Fog, SMOG, Coleman–Liau,
    ARI and the Dale–Chall grade (textstat's ``text_standard`` instead takes
    a vote among rounded grades, including Linsear Write).

    Examples
    --------
    >>> round(consensus_grade([9.1, 11.0, 10.2, 10.9, 9.6, 9.5]), 2)
    9.9
    """
    vals = sorted(g for g in grades if not math.isnan(g))
    if not vals:
        return _NAN
    mid = len(vals) // 2
    return vals[mid] if len(vals) % 2 else (vals[mid - 1] + vals[mid]) / 2


# --------------------------------------------------------------------------
# The document features
# --------------------------------------------------------------------------


def readability(doc: Doc) -> dict[str, float]:
    """Every readability score of an article's body, and the counts behind them.

    Parameters
    ----------
    doc : Doc
        The parsed article (:func:`biaskit.parse.parse`); only the body is
        measured, never the title.

    Returns
    -------
    dict
        ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``,
        ``smog_index``, ``coleman_liau_index``,
        ``automated_readability_index``, ``dale_chall_score``,
        ``consensus_grade`` (NaN for a body without words), then the counts
        ``words``, ``sentences``, ``syllables``, ``polysyllables``,
        ``complex_words``, ``difficult_words``, ``letters`` and the ratios
        ``words_per_sentence``, ``syllables_per_word``.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> r = readability(parse("Officials said the talks failed."))
    >>> list(r)[:3]
    ['flesch_reading_ease', 'flesch_kincaid_grade', 'gunning_fog']
    >>> r["words"], r["sentences"], r["syllables_per_word"]
    (5, 1, 1.4)
    """
    c = readability_counts(doc)
    w, s = c.words, c.sentences
    fk = flesch_kincaid_grade(w, s, c.syllables)
    fog = gunning_fog(w, s, c.complex_words)
    smog = smog_index(s, c.polysyllables) if w > 0 else _NAN
    cli = coleman_liau_index(w, s, c.letters)
    ari = automated_readability_index(w, s, c.letters)
    dc = dale_chall_score(w, s, c.difficult_words)
    return {
        "flesch_reading_ease": flesch_reading_ease(w, s, c.syllables),
        "flesch_kincaid_grade": fk,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
        "automated_readability_index": ari,
        "dale_chall_score": dc,
        "consensus_grade": consensus_grade([fk, fog, smog, cli, ari, dale_chall_grade(dc)]),
        "words": w,
        "sentences": s,
        "syllables": c.syllables,
        "polysyllables": c.polysyllables,
        "complex_words": c.complex_words,
        "difficult_words": c.difficult_words,
        "letters": c.letters,
        "words_per_sentence": w / s if s else _NAN,
        "syllables_per_word": c.syllables / w if w else _NAN,
    }
