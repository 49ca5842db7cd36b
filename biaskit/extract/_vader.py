"""VADER's published rules, re-implemented for speed; scores identical to vaderSentiment.

VADER (Hutto & Gilbert, 2014, "VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text", ICWSM) gives each word of a
sentence the valence its lexicon says (from −4, very negative, to +4, very
positive), adjusts it by a handful of rules, sums the valences and squashes
the sum into a *compound* score between −1 and +1. The rules, as
vaderSentiment 3.3.2 applies them:

* **Words** are the sentence split at white space, with punctuation
  stripped from both ends unless that leaves two characters or fewer (so
  emoticons such as ``:)`` survive). Emoji are first replaced by their
  descriptions (😁 → "beaming face with smiling eyes").
* **Boosters and dampeners** (*very*, *extremely*; *slightly*, *kind of*)
  up to three words before a sentiment word add or take away 0.293 (less
  with distance: ×0.95 two words away, ×0.9 three words away). They carry
  no valence themselves.
* **CAPITALS**: a sentiment word or booster in capitals, in a sentence that
  is not all capitals, gains 0.733 in its direction.
* **Negation**: a negation word (*not*, *never*, *isn't*, any word with
  *n't*, *without*...) up to three words before flips and shrinks the
  valence (×−0.74); *no* right before another lexicon word negates it;
  *never so/this* intensifies (×1.25); *without doubt* does not negate;
  *least* before a word negates it, except in *at least* and *very least*.
* **Idioms**: a few phrases take a fixed valence (*the bomb* +3, *kiss of
  death* −1.5, *bus stop* 0).
* **"but"**: words before the first *but* count half, words after it one and
  a half times. vaderSentiment finds each value by equality in the list as
  it rewrites it, so when two words share a value the rewrite can land on
  the earlier one; biaskit reproduces this quirk to keep scores identical.
* **Punctuation**: each "!" (up to 4) adds 0.292 to the sum's size; two or
  three "?" add 0.18 each, more than three add 0.96.
* **Compound** = sum / √(sum² + 15), clipped to [−1, 1]; ``pos``, ``neg``,
  ``neu`` are the shares of positive, negative and neutral words (valences
  shifted by one so that neutral words count).

The lexicon (7,500 words, emoticons and slang, each rated by ten human
raters) and the emoji descriptions are read at run time from the files that
the vaderSentiment package ships; the rule word lists (negations, boosters,
idioms) are in ``biaskit/data/vader_rules.csv``. The code here is biaskit's
own: it splits and lower-cases the words of all an article's sentences in
one pass, looks each word up once, and applies the rules only around
lexicon words (a sentence whose words no rule looks at takes the lexicon's
valences directly), instead of re-building word lists inside the per-word
loop. Apart from the "but" rule, a sentence costs time in proportion to its
length. VADER was built and
validated on social-media text (tweets, reviews, editorials); on news its
lexicon misses much of the restrained vocabulary of loaded reporting.

Examples
--------
>>> from biaskit.extract._vader import VaderAnalyzer
>>> vader = VaderAnalyzer.from_vader_package()
>>> s = vader.score("The book was good.")
>>> round(s.compound, 4), round(s.positive, 3), round(s.neutral, 3)
(0.4404, 0.492, 0.508)
>>> round(vader.score("The book was NOT good at all!!").compound, 4)
-0.457
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import compress, count, repeat
from operator import is_not
from pathlib import Path
from types import MappingProxyType

from biaskit.errors import BiaskitError, LexiconError

__all__ = ["VaderAnalyzer", "VaderScore", "normalize_valence", "vader_words"]

# --------------------------------------------------------------------------
# The published constants (Hutto & Gilbert 2014; vaderSentiment 3.3.2)
# --------------------------------------------------------------------------

#: added by a booster word ("very"), taken away by a dampener ("slightly")
BOOSTER_STEP = 0.293
#: added to a word in capitals when the sentence is not all capitals
CAPS_STEP = 0.733
#: multiplier for a negated word
NEGATION_SCALAR = -0.74
#: weight of a booster two and three words before the sentiment word
_DISTANCE_DAMPING = {2: 0.95, 3: 0.9}
#: "never so good" / "never this good": intensified rather than negated
NEVER_SO_SCALAR = 1.25
#: weights of words before / after the first "but"
BUT_BEFORE, BUT_AFTER = 0.5, 1.5
#: per exclamation mark (at most 4 count)
EXCLAMATION_STEP, MAX_EXCLAMATIONS = 0.292, 4
#: per question mark when there are 2 or 3; flat amount for more than 3
QUESTION_STEP, MANY_QUESTIONS = 0.18, 0.96
#: normalisation constant: compound = x / sqrt(x^2 + ALPHA)
ALPHA = 15

_PUNCTUATION = string.punctuation  # VADER strips exactly these ASCII marks
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RULES_FILE = "vader_rules.csv"


def normalize_valence(total: float, alpha: float = ALPHA) -> float:
    """Squash a sum of valences into a compound score in [−1, 1].

    ``total / √(total² + alpha)``: a sum of 2 gives 0.46, of 5 gives 0.79,
    of 15 gives 0.97 (long texts saturate near ±1).

    Examples
    --------
    >>> round(normalize_valence(2.0), 4), round(normalize_valence(-5.0), 4)
    (0.4588, -0.7906)
    """
    score = total / math.sqrt(total * total + alpha)
    if score < -1.0:
        return -1.0
    if score > 1.0:
        return 1.0
    return score


def vader_words(text: str) -> list[str]:
    """VADER's words of a sentence: split at white space, end punctuation stripped.

    A word keeps its punctuation when stripping it would leave two
    characters or fewer (emoticons such as ``:)`` or ``:D``, and short
    words next to punctuation such as ``"a,"``).

    Examples
    --------
    >>> vader_words("Wow, that's GREAT :) ... really?")
    ['Wow', "that's", 'GREAT', ':)', '...', 'really']
    """
    return _strip_tokens(text.split())


def _strip_tokens(tokens: list[str]) -> list[str]:
    words = list(map(str.strip, tokens, repeat(_PUNCTUATION)))
    # only tokens that lost punctuation need the two-character check (the
    # identity test is a shortcut; the check itself decides)
    for i in compress(count(), map(is_not, tokens, words)):
        if len(words[i]) <= 2:
            words[i] = tokens[i]
    return words


@dataclass(frozen=True, slots=True)
class VaderScore:
    """VADER's scores for one sentence, unrounded.

    Attributes
    ----------
    compound : float
        The normalised sum, −1 (most negative) to +1 (most positive).
        vaderSentiment's ``compound`` is this rounded to 4 decimals.
    positive, negative, neutral : float
        Shares of the sentence's words that are positive, negative and
        neutral (vaderSentiment's ``pos``, ``neg``, ``neu``, rounded to 3).
    valence : float
        The sum of word valences after the punctuation emphasis, before
        normalisation: ``compound == normalize_valence(valence)``. Summed
        over an article's sentences and normalised, they give
        ``sentiment.document_compound``.
    """

    compound: float
    positive: float
    negative: float
    neutral: float
    valence: float


def _package_dir() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        if (Path(loc) / "vader_lexicon.txt").is_file():
            return Path(loc)
    raise BiaskitError(
        "the VADER lexicon was not found: it is read from the vaderSentiment package "
        "(vader_lexicon.txt); install vaderSentiment>=3.3.2"
    )


def _read_lexicon(path: Path) -> dict[str, float]:
    lexicon: dict[str, float] = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            fields = line.split("\t")
            try:
                lexicon[fields[0]] = float(fields[1])
            except (IndexError, ValueError):
                raise LexiconError(f"{path}, line {lineno}: expected 'word<TAB>valence', got {line[:60]!r}") from None
    return lexicon


def _read_emojis(path: Path) -> dict[str, str]:
    emojis: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                raise LexiconError(f"{path}, line {lineno}: expected 'emoji<TAB>description', got {line[:60]!r}")
            emojis[fields[0]] = fields[1]
    return emojis


def _read_rules() -> tuple[frozenset[str], dict[str, float], dict[str, float]]:
    text = resources.files("biaskit").joinpath("data", _RULES_FILE).read_text(encoding="utf-8")
    negations, boosters, idioms = set(), {}, {}
    for lineno, row in enumerate(csv.DictReader(io.StringIO(text)), 2):
        rule, phrase = row["rule"], row["phrase"]
        if rule == "negation":
            negations.add(phrase)
        elif rule == "booster":
            boosters[phrase] = float(row["value"])
        elif rule == "idiom":
            idioms[phrase] = float(row["value"])
        else:  # pragma: no cover - guards the shipped file
            raise LexiconError(f"{_RULES_FILE}, line {lineno}: unknown rule {rule!r}")
    return frozenset(negations), boosters, idioms


@dataclass(frozen=True, eq=False)
class VaderAnalyzer:
    """A VADER scorer: the lexicon, emoji descriptions and rule word lists.

    Build it once (:meth:`from_vader_package`) and reuse it for every
    sentence; it holds only read-only mappings.

    Parameters
    ----------
    lexicon : mapping of str to float
        Lower-case token -> valence (−4 to +4).
    emojis : mapping of str to str
        Emoji character -> its description in words.
    negations : frozenset of str
    boosters : mapping of str to float
        Booster (+0.293) and dampener (−0.293) words and phrases.
    idioms : mapping of str to float
        Phrases with a fixed valence.
    """

    lexicon: Mapping[str, float]
    emojis: Mapping[str, str]
    negations: frozenset
    boosters: Mapping[str, float]
    idioms: Mapping[str, float]

    def __post_init__(self) -> None:
        # derived, read-only helpers (computed once per analyzer)
        # only single characters can match: VADER looks emoji up character by character
        emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        object.__setattr__(self, "_emoji_chars", emoji_chars)
        object.__setattr__(self, "_ascii_emoji", any(c.isascii() for c in emoji_chars))
        # words that some rule looks at; phrases as sets of their words
        rule_words = {w for w in self.boosters if " " not in w} | set(self.negations)
        rule_words |= {"no", "least", "never", "without", "doubt", "so", "this"}
        phrases = tuple(frozenset(p.split()) for p in (*self.idioms, *self.boosters) if " " in p)
        object.__setattr__(self, "_rule_words", frozenset(rule_words))
        object.__setattr__(self, "_phrases", phrases)
        # a phrase can only match where its anchor (its longest word) is
        object.__setattr__(self, "_anchors", frozenset(max(sorted(p), key=len) for p in phrases))
        # plain dicts for the hot loop (private; never mutated)
        object.__setattr__(self, "_lex", dict(self.lexicon))
        object.__setattr__(self, "_boost", dict(self.boosters))

    @classmethod
    def from_vader_package(cls) -> VaderAnalyzer:
        """The analyzer over the lexicon files shipped by vaderSentiment.

        Raises
        ------
        BiaskitError
            If vaderSentiment is not installed.
        """
        pkg = _package_dir()
        lexicon = _read_lexicon(pkg / "vader_lexicon.txt")
        emoji_file = pkg / "emoji_utf8_lexicon.txt"
        emojis = _read_emojis(emoji_file) if emoji_file.is_file() else {}
        negations, boosters, idioms = _read_rules()
        return cls(
            lexicon=MappingProxyType(lexicon),
            emojis=MappingProxyType(emojis),
            negations=negations,
            boosters=MappingProxyType(boosters),
            idioms=MappingProxyType(idioms),
        )

    # ---- text preparation ----------------------------------------------
    def replace_emojis(self, text: str) -> str:
        """Replace each emoji by its description, as VADER does.

        A description is preceded by a space unless a space precedes the
        emoji; none is added after it. The result is stripped.

        Examples
        --------
        >>> VaderAnalyzer.from_vader_package().replace_emojis("Great 😁!")
        'Great beaming face with smiling eyes!'
        """
        if (text.isascii() and not self._ascii_emoji) or self._emoji_chars.isdisjoint(text):
            return text.strip()
        out = []
        prev_space = True
        emojis = self.emojis
        for ch in text:
            desc = emojis.get(ch)
            if desc is not None:
                if not prev_space:
                    out.append(" ")
                out.append(desc)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    # ---- the rules ---------------------------------------------------------
    def valences(self, text: str) -> tuple[list[str], list[float]]:
        """VADER's words of a sentence and the valence of each after the rules.

        Parameters
        ----------
        text : str
            One sentence (emoji already replaced, see :meth:`replace_emojis`).

        Returns
        -------
        words : list of str
        valences : list of float
            One per word; 0 for words without sentiment.

        Examples
        --------
        >>> vader = VaderAnalyzer.from_vader_package()
        >>> words, vals = vader.valences("not very good")
        >>> words, [round(v, 4) for v in vals]
        (['not', 'very', 'good'], [0, 0, -1.6228])
        """
        words, vals, _ = self._valences(text)
        return words, vals

    def _valences(self, text: str) -> tuple[list[str], list[float], list[int]]:
        """Words, valences, and the positions of lexicon words (the only
        positions whose valence can be non-zero)."""
        words = vader_words(text)
        lows = list(map(str.lower, words))
        hits = list(compress(count(), map(self._lex.__contains__, lows)))
        return words, self._sentence_valences(words, lows, hits), hits

    def _sentence_valences(self, words: list[str], lows: list[str], hits: list[int]) -> list[float]:
        """Valences of one sentence's words, given the positions of lexicon words."""
        n = len(words)
        vals: list[float] = [0] * n
        if hits:
            upper = sum(map(str.isupper, words))
            caps_diff = 0 < n - upper < n
            if self._plain(lows):
                # no word that any rule looks at: each valence is the
                # lexicon's, moved by capitals
                lex = self._lex
                for i in hits:
                    valence = lex[lows[i]]
                    if caps_diff and words[i].isupper():
                        valence = valence + CAPS_STEP if valence > 0 else valence - CAPS_STEP
                    vals[i] = valence
            else:
                boosters = self._boost
                for i in hits:
                    low = lows[i]
                    if low in boosters:
                        continue  # boosters carry no valence of their own
                    if low == "kind" and i < n - 1 and lows[i + 1] == "of":
                        continue  # "kind of" is a dampener
                    vals[i] = self._word_valence(words, lows, i, caps_diff)
            if "but" in lows:
                _but_rule(vals, lows.index("but"))
        return vals

    def _plain(self, lows: list[str]) -> bool:
        """True if no rule can apply in this sentence (only the lexicon and capitals).

        The rules look at boosters, negations (including any word with
        "n't"), "no", "least", "never", "without", "doubt", "so", "this",
        and phrases (idioms, "kind of"); a sentence with none of them is
        scored from the lexicon alone. The test is conservative: a
        sentence it rejects goes through every rule.
        """
        if not self._rule_words.isdisjoint(lows) or "n't" in "\x00".join(lows):
            return False
        if self._anchors.isdisjoint(lows):
            return True  # every phrase needs its anchor word
        present = set(lows)
        return not any(words <= present for words in self._phrases)

    def _word_valence(self, words: list[str], lows: list[str], i: int, caps_diff: bool) -> float:
        lex = self._lex
        n = len(lows)
        low = lows[i]
        valence = lex[low]
        # "no" right before another lexicon word negates that word instead
        if low == "no" and i != n - 1 and lows[i + 1] in lex:
            valence = 0.0
        if (
            (i > 0 and lows[i - 1] == "no")
            or (i > 1 and lows[i - 2] == "no")
            or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))
        ):
            valence = lex[low] * NEGATION_SCALAR
        if caps_diff and words[i].isupper():
            valence = valence + CAPS_STEP if valence > 0 else valence - CAPS_STEP
        # up to three words back: boosters, negations, idioms (a position
        # held by another lexicon word is skipped)
        boosters, negations = self._boost, self.negations
        for k in (1, 2, 3):
            if i < k:
                break
            prev = lows[i - k]
            if prev in lex:
                continue
            step = boosters.get(prev)
            if step is not None:  # a booster or dampener
                if valence < 0:
                    step = -step
                if caps_diff and words[i - k].isupper():
                    step = step + CAPS_STEP if valence > 0 else step - CAPS_STEP
                if k > 1 and step != 0:
                    step = step * _DISTANCE_DAMPING[k]
                valence = valence + step
            else:
                valence = valence + 0.0
            # negation k words back
            if k == 1:
                if prev in negations or "n't" in prev:
                    valence = valence * NEGATION_SCALAR
            elif k == 2:
                if prev == "never" and lows[i - 1] in ("so", "this"):
                    valence = valence * NEVER_SO_SCALAR
                elif prev == "without" and lows[i - 1] == "doubt":
                    pass
                elif prev in negations or "n't" in prev:
                    valence = valence * NEGATION_SCALAR
            else:
                if (prev == "never" and lows[i - 2] in ("so", "this")) or lows[i - 1] in ("so", "this"):
                    valence = valence * NEVER_SO_SCALAR
                elif prev == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                    pass
                elif prev in negations or "n't" in prev:
                    valence = valence * NEGATION_SCALAR
                if not self._anchors.isdisjoint(lows[i - 3:i + 3]):
                    valence = self._idioms(valence, lows, i)
        # "least" before a word negates it, unless "at least" / "very least"
        if i > 0 and lows[i - 1] == "least" and "least" not in lex:
            if i == 1 or lows[i - 2] not in ("at", "very"):
                valence = valence * NEGATION_SCALAR
        return valence

    def _idioms(self, valence: float, lows: list[str], i: int) -> float:
        # called only when a phrase's anchor word is near i (all phrases
        # have two or more words, so no phrase can match otherwise)
        n = len(lows)
        idioms, boosters = self.idioms, self.boosters
        one_zero = f"{lows[i - 1]} {lows[i]}"
        two_one_zero = f"{lows[i - 2]} {lows[i - 1]} {lows[i]}"
        two_one = f"{lows[i - 2]} {lows[i - 1]}"
        three_two_one = f"{lows[i - 3]} {lows[i - 2]} {lows[i - 1]}"
        three_two = f"{lows[i - 3]} {lows[i - 2]}"
        for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
            if seq in idioms:
                valence = idioms[seq]
                break
        if n - 1 > i:
            seq = f"{lows[i]} {lows[i + 1]}"
            if seq in idioms:
                valence = idioms[seq]
        if n - 1 > i + 1:
            seq = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
            if seq in idioms:
                valence = idioms[seq]
        # booster/dampener phrases just before the word ("kind of good")
        for seq in (three_two_one, three_two, two_one):
            if seq in boosters:
                valence = valence + boosters[seq]
        return valence

    # ---- scores ----------------------------------------------------------
    def score(self, text: str) -> VaderScore:
        """Score one sentence: compound, shares of positive/negative/neutral words.

        Equal to ``vaderSentiment``'s ``polarity_scores(text)`` before its
        rounding. Meant for one sentence: VADER's rules ("but", capitals,
        punctuation) reach across a whole input, so score long texts
        sentence by sentence.

        Examples
        --------
        >>> s = VaderAnalyzer.from_vader_package().score("The plot was good, but the acting was awful.")
        >>> round(s.compound, 4), round(s.negative, 3)
        (-0.4678, 0.309)
        """
        if self._has_emoji(text):
            text = self.replace_emojis(text)
        _, vals, hits = self._valences(text)
        return VaderScore(*_finish(text, vals, hits))

    def score_many(self, texts: list[str]) -> list[tuple[float, float, float, float, float]]:
        """Score many sentences at once: ``(compound, positive, negative, neutral, valence)`` each.

        The same numbers as :meth:`score` for each text, computed in one pass
        over all their words (sentences without a lexicon word cost almost
        nothing).

        Examples
        --------
        >>> vader = VaderAnalyzer.from_vader_package()
        >>> [tuple(round(x, 4) for x in t) for t in vader.score_many(["It was good.", "It rained."])]
        [(0.4404, 0.5918, 0.0, 0.4082, 1.9), (0.0, 0.0, 0.0, 1.0, 0.0)]
        """
        if self._has_emoji("".join(texts)):
            texts = [self.replace_emojis(t) if self._has_emoji(t) else t for t in texts]
        # all sentences' words in one list; bounds[k]:bounds[k + 1] is sentence k
        tokens: list[str] = []
        bounds = [0]
        for t in texts:
            tokens += t.split()
            bounds.append(len(tokens))
        words = _strip_tokens(tokens)
        lows = list(map(str.lower, words))
        hits = list(compress(count(), map(self._lex.__contains__, lows)))
        out = []
        j, n_hits = 0, len(hits)
        for k, text in enumerate(texts):
            a, b = bounds[k], bounds[k + 1]
            if j >= n_hits or hits[j] >= b:
                out.append(_NEUTRAL if b > a else _EMPTY)
                continue
            local = []
            while j < n_hits and hits[j] < b:
                local.append(hits[j] - a)
                j += 1
            vals = self._sentence_valences(words[a:b], lows[a:b], local)
            out.append(_finish(text, vals, local))
        return out

    def _has_emoji(self, text: str) -> bool:
        if not self._ascii_emoji and text.isascii():
            return False
        return not self._emoji_chars.isdisjoint(text if self._ascii_emoji else _NON_ASCII.findall(text))


_EMPTY = (0.0, 0.0, 0.0, 0.0, 0.0)  # no words at all
_NEUTRAL = (0.0, 0.0, 0.0, 1.0, 0.0)  # words, none with sentiment


def _finish(text: str, vals: list[float], hits: list[int]) -> tuple[float, float, float, float, float]:
    """VADER's sums for one sentence: (compound, positive, negative, neutral, valence)."""
    n = len(vals)
    if not n:
        return _EMPTY
    total = float(sum(vals))
    emphasis = _punctuation_emphasis(text) if ("!" in text or "?" in text) else 0.0
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    compound = normalize_valence(total)
    # only lexicon positions can hold a non-zero valence (the "but" rule
    # rewrites values by equality, so zeros stay zeros); VADER's sums run
    # over the words in order, and so do these
    pos_sum = neg_sum = 0.0
    neutral = n
    for i in hits:
        v = vals[i]
        if v > 0:
            pos_sum += float(v) + 1
            neutral -= 1
        elif v < 0:
            neg_sum += float(v) - 1
            neutral -= 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    denom = pos_sum + math.fabs(neg_sum) + neutral
    return (compound, math.fabs(pos_sum / denom), math.fabs(neg_sum / denom), math.fabs(neutral / denom), total)


def _but_rule(vals: list[float], but_at: int) -> None:
    """Halve valences before the first "but", raise those after by half (in place).

    Mirrors vaderSentiment 3.3.2 exactly: for each position in turn, the
    value found there is looked up by equality, and the *first* position
    holding that value is rewritten.
    """
    for k in range(len(vals)):
        value = vals[k]
        j = vals.index(value)
        if j < but_at:
            vals[j] = value * BUT_BEFORE
        elif j > but_at:
            vals[j] = value * BUT_AFTER


def _punctuation_emphasis(text: str) -> float:
    exclamations = min(text.count("!"), MAX_EXCLAMATIONS)
    questions = text.count("?")
    q = 0
    if questions > 1:
        q = questions * QUESTION_STEP if questions <= 3 else MANY_QUESTIONS
    return exclamations * EXCLAMATION_STEP + q
