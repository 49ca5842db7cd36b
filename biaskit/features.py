"""One tidy row of features per article, from every extractor family.

:func:`extract_features` is the functional core: it parses each article once
(:func:`parse_article`) and hands the one :class:`~biaskit.parse.Doc` to every
requested family. :class:`biaskit.FeatureExtractor` (in :mod:`biaskit.transform`)
is the scikit-learn wrapper.

Families
--------
``readability``
    Reading-level formulas over the shared word/sentence/syllable counts
    (:mod:`biaskit.extract.readability`).
``sentiment``
    VADER per sentence, aggregated (:mod:`biaskit.extract.sentiment`).
``sourcing``
    The sourcing profile computed from the article's attributions
    (:mod:`biaskit.extract.sourcing`, :mod:`biaskit.extract.sourcing_table`).
``vocabulary``
    Loaded-vocabulary rates by category and voice
    (:mod:`biaskit.extract.vocabulary`).

Status
------
Every input row gets one output row, in input order. The ``status`` column
says whether the row could be measured: ``"ok"``, ``"empty_text"`` (no text
at all), ``"empty_body"`` (nothing left after removing page furniture),
``"not_english"`` (detected offline from function words and script; the
formulas and word lists are English-only), or ``"error: ..."`` when an
extractor failed on this text (the message says which). Rows that are not
``"ok"`` have missing values in the feature columns.
"""

from __future__ import annotations

import math
import re
import warnings
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from biaskit.errors import BiaskitError
from biaskit.parse import Doc, parse
from biaskit.records import STATUS_OK

__all__ = [
    "Extraction",
    "FAMILIES",
    "extract_tables",
    "extract_features",
    "family_features",
    "feature_names",
    "language_status",
    "parse_article",
]

#: The feature families, in the order their columns appear.
FAMILIES = ("readability", "sentiment", "sourcing", "vocabulary")

_LEAD_COLUMNS = ("id", "outlet", "date", "title", "status")


# --------------------------------------------------------------------------
# Parsing an article row
# --------------------------------------------------------------------------


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    s = str(value)
    return s


def _body_segments(body: str, text: str) -> list[tuple[int, int]] | None:
    """Segments mapping ``body`` into ``text``, or None if body is not drawn from text."""
    if body == text:
        return [(0, 0)]
    try:
        from biaskit.clean import body_segments
    except ImportError:  # pragma: no cover - the cleaner is part of the package
        body_segments = None
    if body_segments is not None:
        try:
            return body_segments(body, text)
        except ValueError:
            return None
    pos = text.find(body)
    return [(0, pos)] if pos >= 0 else None


def parse_article(article: Mapping[str, Any] | str) -> Doc:
    """Parse one article (a row of the articles table, or a plain text) once.

    The body (``article["body"]``, falling back to ``article["text"]``) is
    parsed; the title is parsed too, as the first sentence(s) with
    ``part="title"``, when the input text carries it before the body (as
    scraped pages and PolNeAR texts do). A title that exists only as
    metadata is not parsed, so it is never counted as a sentence of the
    article. Offsets of the returned :class:`~biaskit.parse.Doc` map back to
    ``article["text"]``.

    Parameters
    ----------
    article : mapping or str
        A row of the table returned by :func:`biaskit.read_articles` (any
        mapping with ``text`` and optionally ``body`` and ``title``), or a text.

    Returns
    -------
    Doc

    Examples
    --------
    >>> doc = parse_article({"text": "Talks fail\\n\\nOfficials said the talks failed.",
    ...                      "body": "Officials said the talks failed.", "title": "Talks fail"})
    >>> [(s.part, doc.span(s.start, s.end)) for s in doc.sentences]
    [('title', 'Talks fail'), ('body', 'Officials said the talks failed.')]
    >>> doc.text[doc.to_text(doc.sentences[1].start):][:9]
    'Officials'
    """
    if isinstance(article, str):
        return parse(article)
    text = _str_or_none(article.get("text")) or ""
    body = _str_or_none(article.get("body"))
    if body is None:
        body = text
    title = _str_or_none(article.get("title"))
    segments = _body_segments(body, text)
    if segments is None:
        # the body is not drawn from the text (a user-supplied body column):
        # offsets then point into the body itself
        text = body
        segments = [(0, 0)]
    body_text_start = segments[0][1] if body else len(text)
    title_offset = None
    if title and title.strip():
        title = title.strip()
        pos = text.find(title, 0, max(body_text_start, 0))
        if pos >= 0 and pos + len(title) <= body_text_start:
            title_offset = pos
        else:
            # the body may open with the title line itself (PolNeAR, pasted
            # articles): then that line is the title, not a body sentence
            split = _title_line(body, title)
            if split is not None:
                line_end, rest = split
                title_offset = _apply_segments(segments, 0)
                title = body[:line_end]
                segments = _shift_segments(segments, rest)
                body = body[rest:]
    if title_offset is None:
        return parse(body, text=text, body_offset=segments)
    return parse(body, title=title, text=text, body_offset=segments, title_offset=title_offset)


_EDGE_PUNCT = " \t.!?:;,\"'\u201c\u201d\u2018\u2019"


def _title_line(body: str, title: str) -> tuple[int, int] | None:
    """If the body's first line is the title, return (end of line, start of the rest)."""
    nl = body.find("\n")
    if nl < 0:
        return None
    line = body[:nl].rstrip()
    if " ".join(line.strip(_EDGE_PUNCT).split()).casefold() != " ".join(title.strip(_EDGE_PUNCT).split()).casefold():
        return None
    rest = nl
    while rest < len(body) and body[rest].isspace():
        rest += 1
    return len(line), rest


def _apply_segments(segments: list[tuple[int, int]], pos: int) -> int:
    k = max(0, bisect_right(segments, (pos, 1 << 62)) - 1)
    o, i = segments[k]
    return i + pos - o


def _shift_segments(segments: list[tuple[int, int]], shift: int) -> list[tuple[int, int]]:
    """Segments of ``body[shift:]`` given those of ``body``."""
    out = [(0, _apply_segments(segments, shift))]
    out.extend((o - shift, i) for o, i in segments if o > shift)
    return out


# --------------------------------------------------------------------------
# Language and status
# --------------------------------------------------------------------------

# English function words: frequent in any English prose, rare elsewhere
def _read_function_words() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "english_function_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# common English function words (a data file with its provenance)
_ENGLISH_FUNCTION_WORDS = _read_function_words()
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_NOT_ASCII_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def language_status(doc: Doc) -> str:
    """``"ok"`` if the body reads as English, else ``"not_english"``.

    Offline and dependency-free: a body is English when most of its letters
    (in its first 3,000 characters) are Latin and at least 12% of its first 250 words (numbers left
    out; 20 words or more) are common English function words (a packaged list,
    ``biaskit/data/english_function_words.txt``). Short bodies (under 20 words) are given the benefit
    of the doubt when their letters are Latin.

    Examples
    --------
    >>> language_status(parse("The minister said that the talks would resume on Monday."))
    'ok'
    >>> language_status(parse("Der Minister sagte, dass die Gespräche am Montag weitergehen "
    ...                       "würden, und die Regierung hat keine weiteren Einzelheiten "
    ...                       "genannt, weil die Lage im Land nach wie vor sehr schwierig ist."))
    'not_english'
    """
    body = doc.string[doc.body_start:]
    head = body[:3000]
    # ASCII letters are all Latin: count them on bytes; examine only the rest
    others = _LETTER_RE.findall("".join(_NON_ASCII_RE.findall(head)))
    n_letters = len(head.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS)) + len(others)
    if n_letters:
        latin = n_letters - len(others) + len(_LATIN_RE.findall("".join(others)))
        if latin / n_letters < 0.5:
            return "not_english"
    # the share of function words among the body's first 250 words (the
    # parse's words: plenty to tell English apart); numbers are no evidence
    # either way, and a word with an apostrophe or hyphen is never a function word
    words = list(map(str.lower, doc.body_words[:250]))
    firsts = "".join(map(itemgetter(0), words))
    n = len(words) - sum(map(firsts.count, "0123456789"))  # a word that starts with a digit is a number
    if n < 20:
        return STATUS_OK
    hits = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words))
    return STATUS_OK if hits / n >= 0.12 else "not_english"


def _has_text(article: Mapping[str, Any]) -> bool:
    text = _str_or_none(article.get("text"))
    return text is not None and bool(text.strip())


def _status(article: Mapping[str, Any], doc: Doc | None) -> str:
    text = _str_or_none(article.get("text"))
    if text is None or not text.strip():
        return "empty_text"
    if doc is None or not doc.string[doc.body_start:].strip() or doc.word_count == 0:
        return "empty_body"
    return language_status(doc)


# --------------------------------------------------------------------------
# Families
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """Settings shared by the families during one extraction."""

    lexicon: Any = None
    wordlists: Any = None
    analyzer: Any = None
    cache: dict = field(default_factory=dict)  # per-document intermediate records
    outlets: dict = field(default_factory=dict)  # id(doc) -> the article's outlet (never its own relay)


def _attribution_records(doc: Doc, ctx: _Context) -> list:
    key = ("attributions", id(doc))
    if key not in ctx.cache:
        from biaskit.extract.sourcing import attributions

        ctx.cache[key] = attributions(doc, wordlists=ctx.wordlists, outlet=ctx.outlets.get(id(doc)))
    return ctx.cache[key]


def _readability(doc: Doc, ctx: _Context) -> dict:
    from biaskit.extract.readability import readability

    return readability(doc)


def _sentiment(doc: Doc, ctx: _Context) -> dict:
    from biaskit.extract.sentiment import sentiment

    return sentiment(doc, analyzer=ctx.analyzer)


def _sourcing(doc: Doc, ctx: _Context) -> dict:
    from biaskit.extract.sourcing_table import sourcing_features

    return sourcing_features(doc, _attribution_records(doc, ctx), wordlists=ctx.wordlists)


def _hits(doc: Doc, ctx: _Context) -> list:
    key = ("hits", id(doc))
    if key not in ctx.cache:
        from biaskit.extract.vocabulary import vocabulary_hits

        ctx.cache[key] = vocabulary_hits(doc, lexicon=_lexicon(ctx), attributions=_attribution_records(doc, ctx))
    return ctx.cache[key]


def _lexicon(ctx: _Context):
    from biaskit.lexicons import default_lexicon

    return ctx.lexicon if ctx.lexicon is not None else default_lexicon()


def _vocabulary(doc: Doc, ctx: _Context) -> dict:
    from biaskit.extract.vocabulary import vocabulary_features

    return vocabulary_features(doc, _hits(doc, ctx), categories=_lexicon(ctx).categories)


_FAMILY_FUNCS = {
    "readability": _readability,
    "sentiment": _sentiment,
    "sourcing": _sourcing,
    "vocabulary": _vocabulary,
}


def _check_families(families: Iterable[str] | str | None) -> tuple[str, ...]:
    if families is None:
        return FAMILIES
    if isinstance(families, str):
        families = [f.strip() for f in families.split(",") if f.strip()]
    fams = tuple(families)
    unknown = [f for f in fams if f not in FAMILIES]
    if unknown:
        raise BiaskitError(
            f"unknown feature famil{'y' if len(unknown) == 1 else 'ies'} {', '.join(map(repr, unknown))}; "
            f"choose from {', '.join(FAMILIES)}"
        )
    if not fams:
        raise BiaskitError(f"no feature family selected; choose from {', '.join(FAMILIES)}")
    # keep the canonical order, drop repeats
    return tuple(f for f in FAMILIES if f in fams)


def family_features(doc: Doc, families: Sequence[str] | None = None, *, lexicon=None,
                    wordlists=None, analyzer=None) -> dict[str, Any]:
    """All requested families' features of one parsed document, prefixed.

    Examples
    --------
    >>> f = family_features(parse("The cat sat on the mat. It was happy."), ["readability"])
    >>> round(f["readability.words"])
    9
    """
    ctx = _Context(lexicon=lexicon, wordlists=wordlists, analyzer=analyzer)
    out: dict[str, Any] = {}
    for fam in _check_families(families):
        for k, v in _FAMILY_FUNCS[fam](doc, ctx).items():
            out[f"{fam}.{k}"] = v
    return out


_PROBE = parse(
    'Prices rose sharply, officials said. "We are alarmed," the minister told reporters.',
    title="Prices rise",
)


def feature_names(families: Sequence[str] | None = None, *, lexicon=None, wordlists=None) -> list[str]:
    """The feature column names, in order, for the given families.

    The names do not depend on the articles: each family returns the same
    keys for every document.
    """
    return list(family_features(_PROBE, families, lexicon=lexicon, wordlists=wordlists))


# --------------------------------------------------------------------------
# The feature table
# --------------------------------------------------------------------------


def _as_articles(articles: Any) -> pd.DataFrame:
    if isinstance(articles, pd.DataFrame):
        if "text" not in articles.columns:
            from biaskit.io import read_articles

            return read_articles(articles)
        return articles
    if isinstance(articles, (list, tuple, pd.Series, np.ndarray)) and all(
        isinstance(x, str) or x is None for x in articles
    ):
        texts = list(articles)
        return pd.DataFrame(
            {
                "id": [str(i) for i in range(len(texts))],
                "outlet": [None] * len(texts),
                "date": [pd.NaT] * len(texts),
                "title": [None] * len(texts),
                "text": texts,
                "body": texts,
            }
        )
    from biaskit.io import read_articles

    return read_articles(articles)


def extract_features(articles: Any, *, families: Sequence[str] | str | None = None, lexicon=None,
                     wordlists=None, outlets_as_media: bool = True, keep: Sequence[str] | str | None = None,
                     progress: bool = False) -> pd.DataFrame:
    """One row of features per article, in input order.

    Parameters
    ----------
    articles : DataFrame, path, or list of str
        The articles table from :func:`biaskit.read_articles` (or anything it
        reads: a path to a file or folder), or a list of texts.
    families : list of str, optional
        A subset of :data:`FAMILIES` (default: all). A comma-separated string
        is accepted.
    lexicon : Lexicon, optional
        The loaded-vocabulary lexicon (default: the packaged one); see
        :func:`biaskit.load_lexicon`.
    wordlists : optional
        Word lists for the attribution extractor (default: the packaged ones).
    outlets_as_media : bool, default=True
        Add the names in the ``outlet`` column to the extractor's list of
        news media, so that "the Harbor Ledger reported" is a media relay
        even when no packaged list names that outlet. The sourcing features
        of an article then depend on which outlets are in the same call:
        pass the same corpus (or ``False``) when you compute features in
        chunks that must agree.
    keep : list of str, optional
        Input columns to carry into the table, after the feature columns
        (e.g. ``["event", "author"]``: a story column lets
        :func:`biaskit.compare` compare within stories from the table
        alone). A comma-separated string is accepted.
    progress : bool
        Show a progress bar.

    Returns
    -------
    DataFrame
        Columns ``id, outlet, date, title, status``, then the feature columns
        namespaced by family (``readability.flesch_reading_ease``, ...), then
        the ``keep`` columns. The row count equals the input's; rows whose
        status is not ``"ok"`` have missing features.

    Raises
    ------
    InputError
        If a ``keep`` column is not in the articles table.

    Examples
    --------
    >>> import biaskit
    >>> feats = biaskit.extract_features(
    ...     ["The minister said the talks had failed. Officials were alarmed.", "  "],
    ...     families=["readability"])
    >>> list(feats["status"])
    ['ok', 'empty_text']
    >>> feats.columns[:6].tolist()
    ['id', 'outlet', 'date', 'title', 'status', 'readability.flesch_reading_ease']
    """
    table = _as_articles(articles)
    kept = _kept_columns(table, keep)
    feats = _extract(table, families=families, lexicon=lexicon, wordlists=wordlists,
                     outlets_as_media=outlets_as_media, progress=progress, collect=False).features
    for col in kept:
        feats[col] = table[col].to_numpy()
    return feats


def _kept_columns(table: pd.DataFrame, keep: Sequence[str] | str | None) -> list[str]:
    """The ``keep`` columns, checked against the articles table."""
    if keep is None:
        return []
    cols = [c.strip() for c in keep.split(",")] if isinstance(keep, str) else list(keep)
    missing = [c for c in cols if c not in table.columns]
    if missing:
        from biaskit.errors import InputError, column_list

        raise InputError(f"no column {', '.join(map(repr, missing))} to keep; the articles have: "
                         f"{column_list(table.columns)}")
    lead = set(_LEAD_COLUMNS)
    return [c for c in dict.fromkeys(cols) if c not in lead]


@dataclass(frozen=True)
class Extraction:
    """The three tidy tables of one extraction pass (see :func:`extract_tables`).

    Attributes
    ----------
    features : DataFrame
        One row per article, as :func:`extract_features` returns.
    attributions : DataFrame or None
        One row per attribution, as :func:`biaskit.attribution_table`
        returns (None unless the ``sourcing`` family was requested).
    vocabulary : DataFrame or None
        One row per lexicon hit, as :func:`biaskit.vocabulary_table`
        returns (None unless the ``vocabulary`` family was requested).
    """

    features: pd.DataFrame
    attributions: pd.DataFrame | None
    vocabulary: pd.DataFrame | None


def extract_tables(articles: Any, *, families: Sequence[str] | str | None = None, lexicon=None,
                   wordlists=None, outlets_as_media: bool = True, progress: bool = False) -> Extraction:
    """The feature table and the attribution and lexicon-hit tables, in one pass.

    The same tables as :func:`extract_features`,
    :func:`biaskit.attribution_table` and :func:`biaskit.vocabulary_table`,
    but each article is parsed once and its attributions extracted once.
    Records are kept for every article that has a text, including those whose
    ``status`` is not ``"ok"`` (as the separate functions do). Parameters are
    those of :func:`extract_features`.

    Examples
    --------
    >>> tables = extract_tables(['"We are alarmed," the minister said.'], families=["sourcing"])
    >>> tables.attributions[["speaker", "cue_text"]].values.tolist()
    [['minister', 'said']]
    >>> tables.vocabulary is None
    True
    """
    return _extract(articles, families=families, lexicon=lexicon, wordlists=wordlists,
                    outlets_as_media=outlets_as_media, progress=progress, collect=True)


def _extract_chunk(chunk: list[dict], fams: tuple[str, ...], ctx: _Context, *, att_rows: list | None,
                   hit_rows_out: list | None, hit_info) -> tuple[list[str], list[dict[str, Any]]]:
    """Statuses and prefixed features of a chunk of article rows (records appended to the lists given).

    A family that raises on one article gives that article an ``"error: ..."``
    status (and a warning) and no features; the other articles go on.
    """
    docs = [parse_article(row) if _has_text(row) else None for row in chunk]
    status = [_status(row, doc) for row, doc in zip(chunk, docs, strict=True)]
    ctx.outlets.update((id(doc), row.get("outlet")) for row, doc in zip(chunk, docs, strict=True) if doc is not None)
    values: list[dict[str, Any]] = [{} for _ in chunk]
    failed = [False] * len(chunk)

    def fail(j: int, fam: str, exc: Exception) -> None:
        message = f"error: {fam}: {type(exc).__name__}: {exc}"[:200]
        warnings.warn(f"article {chunk[j].get('id')!r}: {message}", RuntimeWarning, stacklevel=4)
        failed[j] = True
        if status[j] == STATUS_OK:
            status[j], values[j] = message, {}

    for fam in fams:
        func, prefix = _FAMILY_FUNCS[fam], fam + "."
        for j, doc in enumerate(docs):
            if status[j] != STATUS_OK or failed[j]:
                continue
            try:
                feats = func(doc, ctx)
            except (BiaskitError, MemoryError, KeyboardInterrupt):
                raise
            except Exception as exc:  # noqa: BLE001 - one odd text must not lose the corpus
                fail(j, fam, exc)
                continue
            values[j].update(zip(map(prefix.__add__, feats), feats.values(), strict=True))
    if att_rows is not None or hit_rows_out is not None:
        from biaskit.extract.sourcing_table import attribution_rows
        from biaskit.extract.vocabulary import hit_rows

        for j, (row, doc) in enumerate(zip(chunk, docs, strict=True)):
            if doc is None or failed[j]:
                continue
            fam = "sourcing"
            try:
                records = _attribution_records(doc, ctx)
                if att_rows is not None:
                    att_rows.extend(attribution_rows(records, row.get("id"), row.get("outlet")))
                if hit_rows_out is not None:
                    fam = "vocabulary"
                    hit_rows_out.extend(hit_rows(_hits(doc, ctx), row.get("id"), row.get("outlet"), info=hit_info))
            except (BiaskitError, MemoryError, KeyboardInterrupt):
                raise
            except Exception as exc:  # noqa: BLE001
                fail(j, fam, exc)
    ctx.cache.clear()
    ctx.outlets.clear()
    return status, values


#: articles per chunk in :func:`_extract` (small enough to keep memory flat,
#: large enough that each step's tables stay hot in the CPU's caches)
_CHUNK = 32


def _extract(articles: Any, *, families, lexicon, wordlists, outlets_as_media: bool, progress: bool,
             collect: bool) -> Extraction:
    fams = _check_families(families)
    table = _as_articles(articles)
    if "sourcing" in fams or "vocabulary" in fams:
        from biaskit.extract.sourcing_table import _resolve_wordlists, corpus_wordlists

        # read the user's files once; the corpus's outlets are media unless told otherwise
        wordlists = corpus_wordlists(wordlists, table) if outlets_as_media else _resolve_wordlists(wordlists)
    if "vocabulary" in fams and lexicon is None:
        from biaskit.lexicons import default_lexicon

        lexicon = default_lexicon()
    analyzer = None
    if "sentiment" in fams:
        from biaskit.extract.sentiment import default_analyzer

        analyzer = default_analyzer()
    ctx = _Context(lexicon=lexicon, wordlists=wordlists, analyzer=analyzer)
    collect_attributions = collect and "sourcing" in fams
    collect_hits = collect and "vocabulary" in fams
    info = None
    if collect_attributions:
        from biaskit.extract.sourcing_table import attribution_frame
    if collect_hits:
        from biaskit.extract.vocabulary import entry_info, hit_frame

        info = entry_info(lexicon)

    rows = table.to_dict("records")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(rows), desc="features", unit="article", disable=None, leave=False)

    statuses: list[str] = []
    values: list[dict[str, Any]] = []
    att_rows: list[dict] = []
    hit_table_rows: list[dict] = []
    # articles go through in chunks, one step at a time over the chunk (parse
    # all, then each family over all): each step's tables stay in the CPU's
    # caches. Results and their order are those of one article at a time.
    for i in range(0, len(rows), _CHUNK):
        chunk = rows[i:i + _CHUNK]
        chunk_status, chunk_values = _extract_chunk(
            chunk, fams, ctx,
            att_rows=att_rows if collect_attributions else None,
            hit_rows_out=hit_table_rows if collect_hits else None,
            hit_info=info if collect_hits else None,
        )
        statuses.extend(chunk_status)
        values.extend(chunk_values)
        if bar is not None:
            bar.update(len(chunk))
    if bar is not None:
        bar.close()

    lead = pd.DataFrame(index=range(len(rows)))
    for col in _LEAD_COLUMNS[:-1]:
        lead[col] = table[col].to_numpy() if col in table.columns else None
    lead["status"] = statuses
    # every family gives the same keys for every document: take them from the
    # first measured row, or from a probe document when no row was measured
    first = next((v for v in values if v), None)
    names = list(first) if first is not None else feature_names(fams, lexicon=lexicon, wordlists=wordlists)
    feats_df = pd.DataFrame.from_records(values, columns=names, index=range(len(rows)))
    out = pd.concat([lead, feats_df], axis=1)
    out.index = table.index
    return Extraction(
        features=out,
        attributions=attribution_frame(att_rows) if collect_attributions else None,
        vocabulary=hit_frame(hit_table_rows) if collect_hits else None,
    )
