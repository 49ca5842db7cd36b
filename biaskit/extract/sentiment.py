"""Sentiment: VADER, sentence by sentence, summed up for the article.

VADER (Hutto & Gilbert, 2014) is a rule-based sentiment scorer: a lexicon
of about 7,500 words and emoticons rated by people from −4 to +4, and a few
rules for negation (*not good*), intensifiers (*very good*), capitals,
"but" and exclamation marks. It gives each sentence a *compound* score
from −1 (most negative) to +1 (most positive).

**VADER was built and validated for social-media text** (tweets, product
reviews, opinion snippets). News prose is more restrained: much loaded
wording (*regime*, *slammed*, *so-called*) is not in its lexicon, and
reported speech is scored as if it were the writer's voice. Read the scores
as "how much emotionally coloured vocabulary the article uses", and compare
outlets on many articles rather than judging one.

How biaskit applies it
----------------------
* **Per sentence**, from the shared parse's sentences. VADER's rules
  ("but", capitals, "!") reach across its whole input, and its running time
  grows with the square of the input's length, so running it over a whole
  article both distorts the score and is slow (a 5 MB text would take
  hours). Within a sentence, words are split exactly as VADER splits them,
  so each sentence's score equals ``vaderSentiment``'s ``polarity_scores``
  (a test checks this on thousands of sentences).
* **Fast**: the rules are re-implemented in :mod:`biaskit.extract._vader`
  (same lexicon, read from the installed vaderSentiment package), about ten
  times faster than calling vaderSentiment per sentence.
* **Document features** (body only; the title is scored separately):

  - ``mean_compound``: the average sentence compound;
  - ``compound_std``: how much sentences swing (standard deviation);
  - ``positive_share`` / ``negative_share`` / ``neutral_share``: the share
    of sentences that are clearly positive (compound ≥ 0.05), clearly
    negative (≤ −0.05, VADER's own thresholds) or neither;
  - ``mean_positive`` / ``mean_negative``: the average share of positive /
    negative words per sentence (VADER's ``pos`` / ``neg``);
  - ``most_negative_sentence`` / ``most_negative_compound`` and
    ``most_positive_sentence`` / ``most_positive_compound``: the index of
    that sentence in ``doc.sentences`` and its score (the first one on
    ties; the "most negative" sentence of a cheerful article may still be
    positive);
  - ``document_compound``: VADER's normalisation applied to the **sum of the
    per-sentence valence sums** (each sentence's summed word valences with
    its punctuation emphasis). It is what VADER would say of the whole text
    if its rules stopped at sentence ends. Like VADER on a whole text, it
    saturates towards ±1 on long articles: prefer ``mean_compound`` to
    compare articles of different lengths;
  - ``title_compound``: the title's compound; NaN unless the text carries its title line (a title given only as a column is metadata, not parsed).

Examples
--------
>>> from biaskit.parse import parse
>>> from biaskit.extract.sentiment import sentiment
>>> doc = parse("The rescue was a great triumph. Sadly, two people died. The road reopened.")
>>> f = sentiment(doc)
>>> round(f["mean_compound"], 4), f["positive_share"], f["negative_share"]
(0.046, 0.3333333333333333, 0.3333333333333333)
>>> f["most_negative_sentence"], round(f["most_negative_compound"], 4)
(1, -0.7506)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from biaskit.extract._vader import VaderAnalyzer, normalize_valence
from biaskit.parse import Doc

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SentenceSentiment",
    "VaderAnalyzer",
    "default_analyzer",
    "sentence_scores",
    "sentiment",
]

#: VADER's conventional thresholds for a clearly positive / negative sentence
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

_NAN = float("nan")


@lru_cache(maxsize=1)
def default_analyzer() -> VaderAnalyzer:
    """The VADER analyzer over vaderSentiment's lexicon, built on first use.

    Built once per process and shared: it is immutable (read-only
    mappings), so sharing it is safe. Pass your own
    :class:`~biaskit.extract._vader.VaderAnalyzer` to :func:`sentiment` to
    use another lexicon.
    """
    return VaderAnalyzer.from_vader_package()


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """VADER's scores for one sentence of an article.

    Attributes
    ----------
    sentence : int
        Index of the sentence in ``doc.sentences``.
    part : str
        ``"title"`` or ``"body"``.
    start, end : int
        The sentence's span in the article's input ``text`` (end exclusive).
    compound : float
        −1 (most negative) to +1 (most positive), unrounded.
    positive, negative, neutral : float
        Shares of the sentence's words that are positive, negative, neutral.
    valence : float
        The sentence's summed word valences with punctuation emphasis
        (``compound`` before normalisation).
    """

    sentence: int
    part: str
    start: int
    end: int
    compound: float
    positive: float
    negative: float
    neutral: float
    valence: float


def _scores(doc: Doc, analyzer: VaderAnalyzer | None) -> list[tuple[float, float, float, float, float]]:
    """``(compound, positive, negative, neutral, valence)`` for each sentence of ``doc``."""
    vader = default_analyzer() if analyzer is None else analyzer
    s = doc.string
    return vader.score_many([s[a:b] for a, b, _, _ in doc.sentence_spans])


def sentence_scores(doc: Doc, *, analyzer: VaderAnalyzer | None = None) -> list[SentenceSentiment]:
    """VADER's scores for every sentence of an article (title and body).

    Parameters
    ----------
    doc : Doc
        The parsed article.
    analyzer : VaderAnalyzer, optional
        Defaults to :func:`default_analyzer`.

    Returns
    -------
    list of SentenceSentiment
        One per sentence of ``doc.sentences``, in order; offsets point into
        ``doc.text``.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> rows = sentence_scores(parse("Great news! The plan failed.", title="Plans"))
    >>> [(r.part, r.start, r.end, round(r.compound, 4)) for r in rows]
    [('title', 0, 5, 0.0), ('body', 7, 18, 0.6588), ('body', 19, 35, -0.5106)]
    """
    out = []
    for k, ((a, b, _, part), sc) in enumerate(zip(doc.sentence_spans, _scores(doc, analyzer), strict=True)):
        start, end = doc.text_span(a, b)
        out.append(SentenceSentiment(k, part, start, end, *sc))
    return out


def sentiment(doc: Doc, *, analyzer: VaderAnalyzer | None = None) -> dict[str, float]:
    """Document sentiment features from VADER's per-sentence scores.

    Parameters
    ----------
    doc : Doc
        The parsed article; the features describe its body, and
        ``title_compound`` its title.
    analyzer : VaderAnalyzer, optional
        Defaults to :func:`default_analyzer` (built once per process).

    Returns
    -------
    dict
        ``mean_compound``, ``compound_std``, ``positive_share``,
        ``negative_share``, ``neutral_share``, ``mean_positive``,
        ``mean_negative``, ``most_negative_sentence``,
        ``most_negative_compound``, ``most_positive_sentence``,
        ``most_positive_compound``, ``document_compound``,
        ``title_compound`` (see the module docstring). NaN where the body
        has no sentence (or there is no title).

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> f = sentiment(parse("It was a disaster."))
    >>> round(f["mean_compound"], 4), f["negative_share"], f["most_negative_sentence"]
    (-0.6249, 1.0, 0)
    """
    scored = _scores(doc, analyzer)
    parts = [x[3] for x in doc.sentence_spans]
    body = [(k, sc) for k, (part, sc) in enumerate(zip(parts, scored, strict=True)) if part == "body"]
    titles = [sc for part, sc in zip(parts, scored, strict=True) if part == "title"]
    title_compound = normalize_valence(sum(sc[4] for sc in titles)) if titles else _NAN
    n = len(body)
    if n == 0:
        return {
            "mean_compound": _NAN,
            "compound_std": _NAN,
            "positive_share": _NAN,
            "negative_share": _NAN,
            "neutral_share": _NAN,
            "mean_positive": _NAN,
            "mean_negative": _NAN,
            "most_negative_sentence": _NAN,
            "most_negative_compound": _NAN,
            "most_positive_sentence": _NAN,
            "most_positive_compound": _NAN,
            "document_compound": _NAN,
            "title_compound": title_compound,
        }
    compounds = [sc[0] for _, sc in body]
    mean = math.fsum(compounds) / n
    var = math.fsum((c - mean) ** 2 for c in compounds) / n
    n_pos = sum(1 for c in compounds if c >= POSITIVE_THRESHOLD)
    n_neg = sum(1 for c in compounds if c <= NEGATIVE_THRESHOLD)
    lo = min(range(n), key=compounds.__getitem__)
    hi = max(range(n), key=compounds.__getitem__)
    return {
        "mean_compound": mean,
        "compound_std": math.sqrt(var),
        "positive_share": n_pos / n,
        "negative_share": n_neg / n,
        "neutral_share": (n - n_pos - n_neg) / n,
        "mean_positive": math.fsum(sc[1] for _, sc in body) / n,
        "mean_negative": math.fsum(sc[2] for _, sc in body) / n,
        "most_negative_sentence": body[lo][0],
        "most_negative_compound": compounds[lo],
        "most_positive_sentence": body[hi][0],
        "most_positive_compound": compounds[hi],
        "document_compound": normalize_valence(math.fsum(sc[4] for _, sc in body)),
        "title_compound": title_compound,
    }
