"""Loaded vocabulary: lexicon hits, their voice, and per-article rates.

Word choice is the first thing a media scholar examines ("aggression",
"amassed", "regime", "slammed"). What lexicon tools usually miss is *whose*
word it is: a loaded word in the outlet's own voice is a choice of the
outlet; the same word inside a quotation belongs to the source. Every hit
therefore carries a ``voice``:

``own``
    outside quotation marks: the outlet's words.
``quoted``
    inside a quotation that the attribution extractor
    (:func:`biaskit.extract.sourcing.attributions`) gives to a source.
``scare_quote``
    inside a quotation with no source: the outlet's own distancing
    ("a 'diplomatic solution'"), counted with the outlet. (How many scare
    quotes an article has is part of the sourcing profile, not repeated
    here.)

A hit is a place to look, not proof of bias; see :mod:`biaskit.lexicons` for
what each category means and why.

Hits are found by :class:`biaskit.extract._matcher.Matcher` over the parse's
tokens (its docstring states the rules). Two of them decide what is *not* a
hit: a hyphenated entry matches the hyphenated word only ("would-be" never
matches the modal "would be"), and a word that an entry writes in lower case
does not match a word capitalised inside a sentence, where it is part of a
name ("Super PACs", "Patriot Coal"); at the start of a sentence, in the
title, in a headline-like line in title case and in a word in capitals it
still matches. Entries written with capitals ("Obamacare") match anywhere.
A few entries name words that must not come right before them (the
lexicon's ``not_after`` column): "any kind of crime" is not the hedge "kind
of", "millions of tons of coal" not the booster "tons of".

Examples
--------
>>> from biaskit.parse import parse
>>> doc = parse('The regime slammed the talks. "It is a disaster," the minister said.')
>>> [(h.term, h.category, h.voice) for h in vocabulary_hits(doc, attributions=[])]
[('regime', 'label', 'own'), ('slammed', 'loaded', 'own'), ('disaster', 'loaded', 'scare_quote')]
>>> doc = parse("A patriot of Patriot Coal would be a would-be hero.")
>>> [h.term for h in vocabulary_hits(doc, attributions=[])]
['patriot', 'would-be', 'hero']
>>> doc = parse("Any kind of deal is kind of good; 40 tons of coal, tons of cash.")
>>> [(h.term, h.start) for h in vocabulary_hits(doc, attributions=[])]
[('kind of', 20), ('tons of', 51)]
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from biaskit.lexicons import Lexicon, default_lexicon
from biaskit.parse import WORD, Doc
from biaskit.records import VOCABULARY_COLUMNS, Attribution, LexiconHit

__all__ = ["VOICES", "vocabulary_features", "vocabulary_hits", "vocabulary_table"]

#: The three voices of a hit, in reporting order.
VOICES = ("own", "quoted", "scare_quote")

#: Number of terms listed in the ``top_terms`` feature.
TOP_TERMS = 5


def _attributions_of(doc: Doc) -> list[Attribution] | None:
    """The attribution extractor's records, or None when it is not installed."""
    try:
        from biaskit.extract.sourcing import attributions
    except ModuleNotFoundError as exc:
        if exc.name in ("biaskit.extract.sourcing",):
            return None
        raise
    return list(attributions(doc))


def _content_spans(rec: Attribution) -> list[tuple[int, int]]:
    spans = list(rec.content_spans or ())
    if not spans and rec.content_start is not None and rec.content_end is not None:
        spans = [(rec.content_start, rec.content_end)]
    return [(a, b) for a, b in spans if a is not None and b is not None and b > a]


def _overlap(a: int, b: int, spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)


class _QuoteIndex:
    """The outermost quotation holding an offset, found by bisection.

    Gives the same answer as :meth:`Doc.quote_at` (the first outermost
    quotation, in the parse's order, that contains the offset) in
    logarithmic rather than linear time, so that long articles with many
    quotations stay fast.
    """

    __slots__ = ("quotes", "starts", "maxend")

    def __init__(self, doc: Doc):
        self.quotes = [q for q in doc.quotes if q.depth == 0]
        self.starts = [q.start for q in self.quotes]
        self.maxend = []
        m = -1
        for q in self.quotes:
            m = max(m, q.end)
            self.maxend.append(m)

    def at(self, pos: int):
        k = bisect_right(self.starts, pos) - 1
        found = None
        while k >= 0 and self.maxend[k] > pos:
            q = self.quotes[k]
            if q.start <= pos < q.end:
                found = q
            k -= 1
        return found


class _Voices:
    """Decides the voice of a text span from the quotations and attributions."""

    __slots__ = ("doc", "attributed", "known", "quotes", "_quote_voice")

    def __init__(self, doc: Doc, attributions: Sequence[Attribution] | None):
        self.doc = doc
        self.known = attributions is not None
        self.attributed = [sp for r in (attributions or ()) if r.is_attributed for sp in _content_spans(r)]
        self.quotes = _QuoteIndex(doc)
        self._quote_voice: dict[int, str] = {}

    def of(self, start: int, end: int, text_start: int, text_end: int) -> str:
        """Voice of the span ``start:end`` of ``doc.string`` (text span given too)."""
        q = self.quotes.at(start)
        if q is None:
            return "own"
        if not self.known:
            return "quoted"  # no attribution extractor: a quotation is the source's
        # the hit itself lies in attributed content
        for s, e in self.attributed:
            if s <= text_start and text_end <= e:
                return "quoted"
        key = q.start
        if key not in self._quote_voice:
            a, b = self.doc.text_span(q.inner_start, q.inner_end)
            inner = max(1, b - a)
            share = _overlap(a, b, self.attributed) / inner
            self._quote_voice[key] = "quoted" if share >= 0.5 else "scare_quote"
        return self._quote_voice[key]


def vocabulary_hits(doc: Doc, *, lexicon: Lexicon | None = None,
                    attributions: Sequence[Attribution] | None = None) -> list[LexiconHit]:
    """Every lexicon hit in a parsed article, with its voice.

    Parameters
    ----------
    doc : biaskit.parse.Doc
        The parse of one article (:func:`biaskit.parse_article`).
    lexicon : Lexicon, optional
        Default: the packaged lexicon (:func:`biaskit.lexicons.default_lexicon`).
    attributions : sequence of Attribution, optional
        The article's attribution records, when already extracted; by default
        :func:`biaskit.extract.sourcing.attributions` is run on ``doc``. A
        quotation is ``quoted`` when an attributed record's content covers it
        (or covers the hit), ``scare_quote`` otherwise. Pass ``[]`` to treat
        every quotation as unattributed. (Were the attribution extractor not
        installed, every quotation would count as ``quoted``: a hit is never
        given to the outlet without evidence.)

    Returns
    -------
    list of LexiconHit
        In text order; offsets point into ``doc.text``. A span matched by
        entries of several categories gives one hit per entry. ``term`` is the
        matched text (whitespace normalised as in ``doc.string``).
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    matches = lex.matcher.find(doc)
    if not matches:
        return []
    if attributions is None:
        attributions = _attributions_of(doc)
    voices = _Voices(doc, attributions)
    tokens = doc.tokens
    hits: list[LexiconHit] = []
    for sent, i, j, entries in matches:
        a, b = tokens[i][0], tokens[j - 1][1]
        ts, te = doc.text_span(a, b)
        voice = voices.of(a, b, ts, te)
        term = doc.string[a:b]
        for e in entries:
            hits.append(LexiconHit(term=term, entry=e.term, category=e.category, sentence=sent,
                                   start=ts, end=te, voice=voice))
    return hits


def _outside_quotes(doc: Doc, sentence, quotes: _QuoteIndex) -> bool:
    """True if some word of the sentence lies outside every quotation."""
    for a, _, kind in doc.tokens[sentence.token_start:sentence.token_end]:
        if kind == WORD and quotes.at(a) is None:
            return True
    return False


def vocabulary_features(doc: Doc, hits: Sequence[LexiconHit], *,
                        categories: Sequence[str] | None = None) -> dict[str, Any]:
    """Per-article vocabulary features from the hits.

    Rates are hits per 1,000 body words (the title's hits are not counted in
    the rates, so that every rate shares the denominator ``doc.word_count``;
    they are counted in ``title_hits``).

    Parameters
    ----------
    doc : biaskit.parse.Doc
    hits : sequence of LexiconHit
        From :func:`vocabulary_hits`.
    categories : sequence of str, optional
        The categories to report (default: those of the packaged lexicon,
        plus any other category present in ``hits``). Give
        ``lexicon.categories`` for a user lexicon, so that every article gets
        the same columns.

    Returns
    -------
    dict
        ``per_1k`` (all hits), ``own_per_1k``, ``quoted_per_1k``,
        ``scare_quote_per_1k``; for each category ``<category>_per_1k`` and
        ``<category>_<voice>_per_1k``; ``quoted_share`` (share of body hits
        that are quoted); ``own_sentence_share`` (share of the body sentences
        with words outside quotation marks that hold at least one hit in the
        outlet's voice, own or scare quote); ``title_hits``; ``top_terms``
        (the most frequent entries in the outlet's voice, "entry (count)"
        joined by "; "). Rates are NaN for an article without body words.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> doc = parse("Critics slammed the plan. The regime defended it.")
    >>> f = vocabulary_features(doc, vocabulary_hits(doc, attributions=[]))
    >>> f["per_1k"], f["loaded_own_per_1k"], f["top_terms"]
    (250.0, 125.0, 'slam (1); regime (1)')
    """
    cats = list(categories) if categories is not None else list(default_lexicon().categories)
    for h in hits:
        if h.category not in cats:
            cats.append(h.category)
    words = doc.word_count
    sentences = doc.sentences
    body = [h for h in hits if 0 <= h.sentence < len(sentences) and sentences[h.sentence].part == "body"]
    by_voice = Counter(h.voice for h in body)
    by_cat = Counter(h.category for h in body)
    by_cat_voice = Counter((h.category, h.voice) for h in body)

    def rate(n: int) -> float:
        return 1000.0 * n / words if words else math.nan

    out: dict[str, Any] = {"per_1k": rate(len(body))}
    for v in VOICES:
        out[f"{v}_per_1k"] = rate(by_voice[v])
    for c in cats:
        out[f"{c}_per_1k"] = rate(by_cat[c])
        for v in VOICES:
            out[f"{c}_{v}_per_1k"] = rate(by_cat_voice[(c, v)])
    out["quoted_share"] = by_voice["quoted"] / len(body) if body else math.nan
    quotes = _QuoteIndex(doc)
    own_sents = [k for k, s in enumerate(sentences) if s.part == "body" and _outside_quotes(doc, s, quotes)]
    loaded = {h.sentence for h in body if h.voice != "quoted"}
    out["own_sentence_share"] = (sum(1 for k in own_sents if k in loaded) / len(own_sents)
                                 if own_sents else math.nan)
    out["title_hits"] = len(hits) - len(body)
    outlet = Counter()
    first: dict[str, int] = {}
    for n, h in enumerate(hits):
        if h.voice != "quoted":
            outlet[h.entry] += 1
            first.setdefault(h.entry, n)
    top = sorted(outlet, key=lambda e: (-outlet[e], first[e]))[:TOP_TERMS]
    out["top_terms"] = "; ".join(f"{e} ({outlet[e]})" for e in top)
    return out


def _articles_frame(articles: Any):
    """The articles as a table: a DataFrame with a ``text`` column, what ``read_articles`` reads, or a list of texts."""
    from biaskit.features import _as_articles

    return _as_articles(articles)


def vocabulary_table(articles: Any, *, lexicon: Lexicon | None = None, wordlists: Any = None,
                     outlets_as_media: bool = True, progress: bool = False):
    """One row per lexicon hit in a corpus.

    Parameters
    ----------
    articles : DataFrame, path or list of str
        The articles table (:func:`biaskit.read_articles`), anything it
        reads, or a list of texts; a CSV of single sentences (such as BABE's) is a corpus of
        one-sentence articles.
    lexicon : Lexicon, optional
        Default: the packaged lexicon; see :func:`biaskit.load_lexicon`.
    wordlists : optional
        Word lists of the attribution extractor, which decides the voice of
        a hit (inside a source's quotation or the outlet's own); default: the
        packaged ones. See :func:`biaskit.load_wordlists`.
    outlets_as_media : bool, default=True
        Count the corpus's outlet names as news media, as
        :func:`biaskit.extract_features` does, so that the voices agree with
        the feature table's.
    progress : bool
        Show a progress bar.

    Returns
    -------
    DataFrame
        Columns :data:`biaskit.records.VOCABULARY_COLUMNS` (``id``,
        ``outlet``, ``term``, ``entry``, ``category``, ``sentence``,
        ``start``, ``end``, ``voice``), then the entry's ``polarity`` and
        ``intensity``. ``start``/``end`` are offsets into the article's
        ``text``. Articles without hits (or without text) have no rows. The
        same table as ``biaskit.extract_tables(articles,
        families=["vocabulary"]).vocabulary``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = vocabulary_table(pd.DataFrame({"id": ["a"], "outlet": ["X"],
    ...     "text": ["Officials were alarmed by the mounting tensions."]}))
    >>> t[["id", "term", "category", "start", "end", "voice"]].values.tolist()
    [['a', 'alarmed', 'loaded', 15, 22, 'own'], ['a', 'mounting tensions', 'conflict', 30, 47, 'own']]
    """
    from biaskit.features import extract_tables

    table = _articles_frame(articles)
    return extract_tables(table, families=["vocabulary"], lexicon=lexicon, wordlists=wordlists,
                          outlets_as_media=outlets_as_media, progress=progress).vocabulary


def hit_rows(hits: Sequence[LexiconHit], aid: Any, outlet: Any, *, info: Mapping | None = None) -> list[dict]:
    """Rows of the hit table for one article's hits.

    ``info`` maps ``(entry, category)`` to ``(polarity, intensity)``
    (:func:`entry_info` of the lexicon used); without it those columns are empty.
    """
    info = info or {}
    rows = []
    for h in hits:
        pol, inten = info.get((h.entry, h.category), (None, None))
        rows.append({"id": aid, "outlet": outlet, "term": h.term, "entry": h.entry,
                     "category": h.category, "sentence": h.sentence, "start": h.start, "end": h.end,
                     "voice": h.voice, "polarity": pol, "intensity": inten})
    return rows


def hit_frame(rows: list[dict]):
    """The typed hit table from rows made by :func:`hit_rows`."""
    import pandas as pd

    columns = [*VOCABULARY_COLUMNS, "polarity", "intensity"]
    frame = pd.DataFrame(rows, columns=columns)
    for c in ("sentence", "start", "end"):
        frame[c] = frame[c].astype("int64")
    frame["intensity"] = frame["intensity"].astype("float64")
    return frame


def entry_info(lex: Lexicon) -> dict:
    """``(entry, category) -> (polarity, intensity)`` of a lexicon, for :func:`hit_rows`."""
    return {(e.term, e.category): (e.polarity, e.intensity) for e in lex.entries}
