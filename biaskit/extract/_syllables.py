"""Syllable counts that work offline: a dictionary table, then spelling rules.

Readability formulas (Flesch, Flesch–Kincaid, Gunning Fog, SMOG) need the
number of syllables in each word. biaskit counts them without a network and
without GPL-licensed code:

1. **The CMU Pronouncing Dictionary** (Carnegie Mellon University, BSD-2-Clause
   data), reduced to a table of 124,911 words and their syllable counts (the
   vowel sounds of the first pronunciation) in
   ``biaskit/data/cmudict_syllables.csv.gz``. This is the dictionary textstat
   consults first when it is online, so for dictionary words the counts are
   the same as textstat's. The table's provenance and licence are in
   ``biaskit/data/cmudict_syllables.md``; ``benchmarks/bench_syllables.py``
   regenerates it.
2. **Spelling rules** (:func:`rule_syllables`) for words the table lacks
   (names, new words, typos): vowel groups, with the usual English
   corrections (silent final *e*, *-ed* and *-es* endings, two-vowel
   sequences read as two syllables, acronyms without vowels spelled out).
   Measured against the whole CMU dictionary the rules get about 91% of
   word types exactly right (97% of running words in news text), against
   about 77% of types (90% of running words) for hyphenation-based counting
   with pyphen; see ``docs/metrics_readability_sentiment.md``.

Examples
--------
>>> from biaskit.extract._syllables import default_counter, rule_syllables
>>> count = default_counter()
>>> [count(w) for w in ["the", "president", "announced", "Tuesday", "well-known"]]
[1, 3, 2, 2, 2]
>>> rule_syllables("Zelenskyy"), rule_syllables("CNN")
(3, 3)
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = ["SyllableCounter", "default_counter", "load_syllable_table", "rule_syllables"]

_TABLE_FILE = "cmudict_syllables.csv.gz"

# --------------------------------------------------------------------------
# Spelling rules
# --------------------------------------------------------------------------

_NON_LETTERS = re.compile(r"[^a-z]")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# vowel sequences read as two syllables (hiatus), counted on top of the groups
_HIATUS = re.compile(
    r"[aeiou]y(?:[aiou]|e(?![ds]?$))"  # saying, mayor; not played, plays
    r"|(?<![cgst])i[ao](?!n$)"  # media, radio, violent; not -tion, -cial, -gion
    r"|(?<![cgst])iu"  # stadium
    r"|ua|uo|ii|uu"  # actual, duo
    r"|eo(?!p)"  # video, geography; not people
    r"|[aeo]i(?=ngs?$)"  # going, being, doing
    r"|ea(?=l$|te|tion|ted$)"  # real, create, creation
    r"|ie(?=t|r$|st$)"  # quiet, earlier, earliest
    r"|ue(?=l|t|nt)"  # fuel, duet, fluent
    r"|oe(?=[^s]|s.)"  # poem, poet (not does, toes)
)
# a silent e closing the first part of a word before a suffix or a second word
_SUFFIX = r"(?:ment|ful|less|ly|ness|some|one|thing|where|body|man|men|book)"
_INNER_SILENT_E = re.compile(r"(?<=[^aeiouy])e(?=" + _SUFFIX + r"s?$)")
_SOUNDED_ES = re.compile(r"(?:[sxz]|ch|sh|[cg]|[^aeiouy]l)es$")


def rule_syllables(word: str) -> int:
    """Estimate the syllables of one word from its spelling.

    Counts groups of vowels (*a e i o u y*), adds one for vowel pairs that
    are read as two sounds (*me-di-a*, *go-ing*, *cre-ate*), and takes one
    away for a silent final *e* (*make*), a silent *-es* or *-ed* ending
    (*makes*, *played*, but not *boxes* or *wanted*) and a silent *e* before
    a suffix (*statement*, *likely*). A word without vowels is an acronym
    read letter by letter (*CNN*: three; *W*: three). Letters only: digits
    and punctuation are ignored, and a word with no letters has 0.

    Parameters
    ----------
    word : str

    Returns
    -------
    int

    Examples
    --------
    >>> [rule_syllables(w) for w in ["make", "table", "played", "wanted", "boxes", "media"]]
    [1, 2, 1, 2, 2, 3]
    """
    w = _NON_LETTERS.sub("", word.lower())
    if not w:
        return 0
    if not _VOWEL_GROUP.search(w):
        return sum(3 if c == "w" else 1 for c in w)  # an acronym spelled out
    if w[0] == "y" and len(w) > 1:
        w = w[1:]  # initial y is a consonant (yes, young)
    n = len(_VOWEL_GROUP.findall(w)) + len(_HIATUS.findall(w))
    n -= len(_INNER_SILENT_E.findall(w))
    if n > 1:
        if w.endswith("e") and not w.endswith(("ee", "ie", "oe", "ye")):
            if not (w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"):
                n -= 1  # silent final e (make), but table, little keep it
        elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouy" and not _SOUNDED_ES.search(w):
            n -= 1  # makes, but boxes, judges, tables
        elif w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy":
            n -= 1  # played, jumped, but wanted, needed
        elif w.endswith(("ism", "isms")):
            n += 1  # terrorism
    return max(1, n)


# --------------------------------------------------------------------------
# The dictionary table
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _table_dict() -> dict[str, int]:
    """The table as a plain dict (private: never handed out, never changed)."""
    raw = resources.files("biaskit").joinpath("data", _TABLE_FILE).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    header, _, rows = text.partition("\n")
    if header != "word,syllables":  # pragma: no cover - guards the shipped file
        raise ValueError(f"{_TABLE_FILE}: unexpected header {header!r}")
    table = {}
    for line in rows.splitlines():
        word, _, n = line.partition(",")
        table[word] = int(n)
    return table


@lru_cache(maxsize=1)
def load_syllable_table() -> Mapping[str, int]:
    """The shipped CMU-derived table, word (lower case) -> syllables.

    Read once per process from package data and returned as a read-only
    mapping (an immutable cache of package data, never of user texts).

    Examples
    --------
    >>> table = load_syllable_table()
    >>> table["government"], len(table) > 100_000
    (3, True)
    """
    return MappingProxyType(_table_dict())


_SPLIT_PARTS = re.compile(r"[-/\u2010\u2011\u2013]")
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, eq=False)
class SyllableCounter:
    """Count the syllables of a word: the dictionary table first, then the rules.

    A word is looked up in lower case with curly apostrophes straightened
    (*don’t* → *don't*); hyphenated and slashed words are counted part by
    part (*well-known*: 1 + 1); a part containing digits (*2022*, *19*,
    *5th*) counts as one syllable; an abbreviation with dots (*U.S.*) is
    read letter by letter; a possessive *'s* not in the table is
    counted on the bare word (it adds a syllable only after *s, x, z, ch,
    sh*, as in *boss's*).

    Parameters
    ----------
    table : mapping of str to int
        Word (lower case) to syllables.
    lookup : callable, optional
        ``word -> syllables or None``, the same content as ``table`` (by
        default ``table.get``); the shipped counter passes a faster one.
    """

    table: Mapping[str, int]
    #: fast lookup into ``table`` (a read-only view's ``get`` is slower)
    lookup: Callable[[str], int | None] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lookup is None:
            object.__setattr__(self, "lookup", self.table.get)

    def __call__(self, word: str) -> int:
        w = word.lower()
        if "\u2019" in w:
            w = w.replace("\u2019", "'")
        n = self.lookup(w)
        if n is not None:
            return n
        if _SPLIT_PARTS.search(w):
            return sum(self._part(p) for p in _SPLIT_PARTS.split(w) if p)
        return self._part(w)

    def _part(self, w: str) -> int:
        n = self.lookup(w)
        if n is not None:
            return n
        if w[:1].isdigit() or _HAS_DIGIT.search(w):
            return 1
        if "." in w:  # an abbreviation with dots (U.S., a.m.) is read letter by letter
            return sum(3 if c == "w" else 1 for c in w if c.isalpha()) or 1
        if w.endswith("'s"):
            stem = w[:-2]
            extra = 1 if stem.endswith(("s", "x", "z", "ch", "sh")) else 0
            return self._part(stem) + extra if stem else 1
        if "'" in w:
            w = w.replace("'", "")
            n = self.lookup(w)
            if n is not None:
                return n
        return rule_syllables(w)


@lru_cache(maxsize=1)
def default_counter() -> SyllableCounter:
    """The counter over the shipped table, built once per process."""
    return SyllableCounter(load_syllable_table(), lookup=_table_dict().get)
