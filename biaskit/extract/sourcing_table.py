"""The sourcing profile of an article and the tidy attribution table.

:func:`sourcing_features` turns one article's attribution records into its
sourcing profile (added to the feature table under ``sourcing.*``);
:func:`attribution_table` lists every attribution of a corpus, one row each;
:func:`sourcing_profile` recomputes the profile from such a table after it
has been corrected by hand, and :func:`read_attribution_table` loads a
written table back.

The profile
-----------
Only *attributions* count in the profile: records whose ``quote_form`` is
``"unattributed"`` (quotations with no source, such as the scare quote
"any time now") count in ``unsourced_quotes`` and nowhere else. Let *A* be
the attributions of the article, *n* = \\|A\\|, and *W*, *S* the body's
word and sentence counts (the title line is not counted, as everywhere in
biaskit).

``attributions``
    *n*, title included.
``attributions_per_1000_words``
    1000 x (attributions placed in the body) / *W*. An attribution is placed
    where its cue is (else its source, else its content). NaN when *W* = 0.
``attributed_sentence_share``
    Body sentences holding at least one attribution / *S*. NaN when *S* = 0.
``quoted_word_share``
    Body words that are both inside quotation marks and inside the content
    of an attribution / *W*: the share of the article given over to sources'
    own words. Words in scare quotes do not count. NaN when *W* = 0.
``speakers``
    Distinct resolved speakers (compared ignoring case and spacing);
    attributions with no speaker do not add one.
``share_<type>``
    For each type of :data:`biaskit.records.SOURCE_TYPES`: attributions of
    that source type / *n*. NaN when *n* = 0.
``anonymous_share``
    Attributions whose source is not named — source type ``anonymous`` or no
    resolved speaker at all ("it was reported") — / *n*. NaN when *n* = 0.
``second_hand_share``
    Attributions whose ``via`` chain holds a media outlet or a news/wire
    agency (the outlet relays other media) / *n*. NaN when *n* = 0.
``via_government_share``
    Attributions whose ``via`` chain holds a government body or document ("a
    Kremlin statement") / *n*; counted apart from ``second_hand_share`` (a
    chain holding both counts in both). NaN when *n* = 0.
``first_source_type``
    The source type of the first attribution in reading order (the title
    first); ``None`` when *n* = 0. A string feature.
``source_diversity``
    Shannon entropy, in bits, of the distribution of attributions over
    speakers: -sum p_s log2 p_s, with p_s the share of the attributions
    (among those with a speaker) that speaker s holds. 0 for a single
    speaker, log2(k) for k speakers quoted equally; NaN when no attribution
    has a speaker.
``unsourced_quotes``
    Quotations with no source (records with ``quote_form`` "unattributed").

Limits: speakers are only as good as the extractor's resolution (or the
hand correction): "Sullivan" and "Jake Sullivan" are two speakers unless
resolved to one name. The via kinds come from the extractor's word lists
(see :func:`via_kind`).
"""

from __future__ import annotations

import json
import math
import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

from biaskit.errors import InputError
from biaskit.parse import WORD_RE
from biaskit.records import ATTRIBUTION_COLUMNS, QUOTE_FORMS, SOURCE_TYPES

__all__ = [
    "PROFILE_KEYS",
    "attribution_table",
    "read_attribution_table",
    "sourcing_features",
    "sourcing_profile",
    "via_kind",
    "write_attribution_table",
]

#: Keys of :func:`sourcing_features`, in order.
PROFILE_KEYS = (
    "attributions",
    "attributions_per_1000_words",
    "attributed_sentence_share",
    "quoted_word_share",
    "speakers",
    *(f"share_{t}" for t in SOURCE_TYPES),
    "anonymous_share",
    "second_hand_share",
    "via_government_share",
    "first_source_type",
    "source_diversity",
    "unsourced_quotes",
)

#: Columns of the attribution table holding span lists.
SPAN_COLUMNS = ("source_spans", "cue_spans", "content_spans")

#: Separator of ``via`` entries in a CSV cell.
VIA_SEPARATOR = " > "

_TABLE_COLUMNS = tuple(ATTRIBUTION_COLUMNS) + tuple(c for c in SPAN_COLUMNS if c not in ATTRIBUTION_COLUMNS)
_INT_COLUMNS = tuple(f"{p}_{e}" for p in ("source", "cue", "content") for e in ("start", "end")) + ("sentence",)
_NAN = math.nan


# --------------------------------------------------------------------------
# via kinds
# --------------------------------------------------------------------------


def _resolve_wordlists(wordlists: Any):
    from biaskit.wordlists import Wordlists, load_wordlists

    return wordlists if isinstance(wordlists, Wordlists) else load_wordlists(wordlists)


def corpus_wordlists(wordlists: Any, articles: Any):
    """The extractor's word lists for a corpus: the user's, plus the corpus's outlets as media.

    The ``outlet`` column names news outlets, so a mention of one in another
    outlet's article ("the Harbor Ledger reported, citing ...") is a media
    source or relay even when no packaged list names it.
    """
    from biaskit.wordlists import with_outlets

    resolved = _resolve_wordlists(wordlists)
    outlets = articles["outlet"].dropna().unique() if "outlet" in getattr(articles, "columns", ()) else ()
    return with_outlets(resolved, [o for o in outlets if isinstance(o, str)])


def via_kind(entry: str, *, wordlists: Any = None) -> str:
    """The kind of one ``via`` entry: "media", "agency", "government" or "other".

    Read from the attribution extractor's word lists
    (:func:`biaskit.wordlists.load_wordlists`), looking at every run of up
    to five words of the entry, in this order: a listed news outlet or
    agency ("CNN", "RIA Novosti") gives its kind; then a listed government
    body ("a Kremlin statement", "the State Department's readout") gives
    "government"; then a name shaped like a newspaper's ("the Springfield
    Gazette", ``masthead_words.csv``) gives "media"; then the head of the
    phrase (its longest listed ending): a media or agency word ("Russian
    media reports", "a wire service")
    gives its kind, a reporting noun ("a press release", "a statement")
    gives "other" (the source's own document, not a relay); last, a media or
    agency word anywhere in the entry.

    Parameters
    ----------
    entry : str
        A via entry as written.
    wordlists : Wordlists, path or list of paths, optional
        The word lists (default: the packaged ones); paths add a user's own
        entries as in :func:`~biaskit.wordlists.load_wordlists`.

    Examples
    --------
    >>> [via_kind(v) for v in ("RIA Novosti agency", "Russian media reports", "CNN",
    ...                        "a Kremlin statement", "his lawyer", "the Springfield Gazette")]
    ['agency', 'media', 'media', 'government', 'other', 'media']
    """
    wl = _resolve_wordlists(wordlists)
    words = WORD_RE.findall(entry)
    grams = [" ".join(words[a:b]) for n in range(min(5, len(words)), 0, -1)
             for a in range(len(words) - n + 1) for b in (a + n,)]
    for g in grams:
        hit = wl.outlet(g)
        if hit and hit[1] in ("media", "agency"):
            return hit[1]
    for g in grams:
        if wl.is_government(g):
            return "government"
    # a name shaped like a newspaper's: "the Springfield Gazette", "The Daily Meridian" (masthead_words.csv);
    # a via entry is a relay already, written without "the"
    from biaskit.wordlists import masthead_name

    if masthead_name(words[1:] if words and words[0].lower() == "the" else words, wl, after_the=True):
        return "media"
    # the head of the phrase (its longest listed ending) decides: "media
    # reports" is media, but "a press release" is a document of the source
    # itself, not a relay
    for n in range(min(5, len(words)), 0, -1):
        tail = " ".join(words[-n:]).lower()
        kind = wl.agency_words.get(tail)
        if kind in ("media", "agency"):
            return kind
        if tail in wl.reporting_nouns:
            return "other"
    for g in grams:
        kind = wl.agency_words.get(g.lower())
        if kind in ("media", "agency"):
            return kind
    return "other"


# --------------------------------------------------------------------------
# Records: Attribution objects or table rows, read the same way
# --------------------------------------------------------------------------


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return type(v).__name__ in ("NAType", "NaTType")  # pandas' missing markers


def _get(rec: Any, key: str, default: Any = None) -> Any:
    if isinstance(rec, Mapping):
        v = rec.get(key, default)
    else:
        v = getattr(rec, key, default)
    return default if _missing(v) else v


def _pieces(rec: Any, part: str) -> list[tuple[int, int]]:
    spans = _get(rec, f"{part}_spans")
    if spans is not None and len(spans) > 0:
        return [(int(a), int(b)) for a, b in spans]
    a, b = _get(rec, f"{part}_start"), _get(rec, f"{part}_end")
    if a is None or b is None:
        return []
    return [(int(a), int(b))]


def _anchor(rec: Any) -> int | None:
    """Where an attribution stands in the text: its cue, else its source, else its content."""
    for part in ("cue", "source", "content"):
        a = _get(rec, f"{part}_start")
        if a is not None:
            return int(a)
        p = _pieces(rec, part)
        if p:
            return min(x for x, _ in p)
    return None


def _norm_speaker(s: Any) -> str | None:
    if s is None:
        return None
    s = " ".join(str(s).split()).casefold()
    return s or None


def _via_entries(rec: Any) -> tuple[str, ...]:
    via = _get(rec, "via", ())
    if isinstance(via, str):
        via = _split_via(via)
    return tuple(str(v) for v in via if not _missing(v) and str(v).strip())


def _split_via(cell: str) -> tuple[str, ...]:
    cell = cell.strip()
    if not cell:
        return ()
    if cell.startswith("["):
        try:
            value = json.loads(cell)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, list):
            return tuple(str(v) for v in value)
    return tuple(p.strip() for p in cell.split(VIA_SEPARATOR.strip()) if p.strip())


# --------------------------------------------------------------------------
# The profile of one article
# --------------------------------------------------------------------------


def _sentence_text_starts(doc) -> tuple[list[int], list[Any]]:
    starts, sents = [], []
    for s in doc.sentences:
        a, _ = doc.text_span(s.start, s.end)
        starts.append(a)
        sents.append(s)
    return starts, sents


def _merged(intervals: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [a for a, _ in out], [b for _, b in out]


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


def sourcing_features(doc, records: Iterable[Any], *, via_kinds: Callable[[str], str] | None = None,
                      wordlists: Any = None) -> dict[str, Any]:
    """The sourcing profile of one article (see the module docstring for each metric).

    Parameters
    ----------
    doc : Doc
        The article's parse (it gives the body's words and sentences).
    records : iterable of Attribution or mapping
        The article's attribution records, as returned by
        :func:`biaskit.extract.sourcing.attributions`, or rows of the
        attribution table (mappings with the same field names; offsets into
        ``doc.text``).
    via_kinds : callable, optional
        ``via_kinds(entry) -> "media" | "agency" | "government" | "other"``;
        default :func:`via_kind` with ``wordlists``.
    wordlists : optional
        The extractor's word lists, used by the default ``via_kinds``.

    Returns
    -------
    dict
        The keys of :data:`PROFILE_KEYS`, un-prefixed (the feature table adds
        ``sourcing.``), at full precision.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> doc = parse('Smith said taxes rose. "Too high," Jones said. It is "fine".')
    >>> recs = [{"quote_form": "indirect", "speaker": "Anna Smith", "source_type": "official",
    ...          "cue_start": 6, "cue_end": 10},
    ...         {"quote_form": "direct", "speaker": "Jones", "source_type": "person",
    ...          "cue_start": 41, "cue_end": 45, "content_start": 23, "content_end": 33},
    ...         {"quote_form": "unattributed", "content_start": 54, "content_end": 60}]
    >>> f = sourcing_features(doc, recs, via_kinds=lambda v: "other")
    >>> f["attributions"], f["speakers"], f["source_diversity"], f["unsourced_quotes"]
    (2, 2, 1.0, 1)
    >>> f["first_source_type"], f["share_official"], f["attributed_sentence_share"]
    ('official', 0.5, 0.6666666666666666)
    >>> round(f["quoted_word_share"], 4)  # "Too high" = 2 of 11 body words
    0.1818
    """
    if via_kinds is None:
        resolved: list = []

        def via_kinds(entry: str) -> str:
            if not resolved:  # read the word lists once, and only if a via entry needs them
                resolved.append(_resolve_wordlists(wordlists))
            return via_kind(entry, wordlists=resolved[0])

    attributed, unsourced = [], 0
    for rec in records:
        if _get(rec, "quote_form") == "unattributed":
            unsourced += 1
        else:
            attributed.append(rec)
    n = len(attributed)
    words = doc.word_count
    n_sent = doc.sentence_count

    # --- where each attribution stands: sentence index, title or body
    sent_starts, sents = _sentence_text_starts(doc)
    body_sentences: set[int] = set()
    in_body = 0
    for rec in attributed:
        pos = _anchor(rec)
        k = bisect_right(sent_starts, pos) - 1 if pos is not None else -1
        if k < 0:
            sidx = _get(rec, "sentence")
            k = int(sidx) if sidx is not None and 0 <= int(sidx) < len(sents) else -1
        if k >= 0:
            if sents[k].part == "body":
                in_body += 1
                body_sentences.add(k)
        elif pos is None:
            in_body += 1  # no position at all (a hand-added row): counted in the body

    # --- quoted words: body words inside quotation marks and inside attributed content
    c_starts, c_ends = _merged(p for rec in attributed for p in _pieces(rec, "content"))
    quoted = 0
    if c_starts and words:
        tokens = doc.tokens
        tok_starts = [t[0] for t in tokens]
        for q in doc.quotes:
            if q.depth:
                continue
            i = bisect_right(tok_starts, q.inner_start - 1)
            while i < len(tokens) and tokens[i][0] < q.inner_end:
                a, b, kind = tokens[i]
                if kind == 0 and a >= doc.body_start and _inside(c_starts, c_ends, doc.to_text(a)):
                    quoted += 1
                i += 1

    # --- speakers, types, via
    speakers = Counter(s for s in (_norm_speaker(_get(r, "speaker")) for r in attributed) if s)
    types = Counter(_get(r, "source_type") or "unknown" for r in attributed)
    anonymous = sum(1 for r in attributed
                    if (_get(r, "source_type") == "anonymous") or not _norm_speaker(_get(r, "speaker")))
    kinds_cache: dict[str, str] = {}
    second_hand = via_gov = 0
    for r in attributed:
        kinds = set()
        for entry in _via_entries(r):
            if entry not in kinds_cache:
                kinds_cache[entry] = via_kinds(entry)
            kinds.add(kinds_cache[entry])
        second_hand += bool(kinds & {"media", "agency"})
        via_gov += "government" in kinds

    first = None
    if attributed:
        order = sorted(range(n), key=lambda i: (_anchor(attributed[i]) is None, _anchor(attributed[i]) or 0, i))
        first = _get(attributed[order[0]], "source_type") or "unknown"

    total = sum(speakers.values())
    entropy = _NAN
    if total:
        entropy = 0.0 - sum((c / total) * math.log2(c / total) for c in speakers.values())
        entropy = abs(entropy)  # -0.0 -> 0.0

    def share(k: int) -> float:
        return k / n if n else _NAN

    out: dict[str, Any] = {
        "attributions": n,
        "attributions_per_1000_words": 1000.0 * in_body / words if words else _NAN,
        "attributed_sentence_share": len(body_sentences) / n_sent if n_sent else _NAN,
        "quoted_word_share": quoted / words if words else _NAN,
        "speakers": len(speakers),
    }
    for t in SOURCE_TYPES:
        out[f"share_{t}"] = share(types.get(t, 0))
    out["anonymous_share"] = share(anonymous)
    out["second_hand_share"] = share(second_hand)
    out["via_government_share"] = share(via_gov)
    out["first_source_type"] = first
    out["source_diversity"] = entropy
    out["unsourced_quotes"] = unsourced
    return out


# --------------------------------------------------------------------------
# The attribution table
# --------------------------------------------------------------------------


def _articles_frame(articles: Any):
    """The articles as a table: a DataFrame with a ``text`` column, what ``read_articles`` reads, or a list of texts."""
    from biaskit.features import _as_articles

    return _as_articles(articles)


def _parse_row(row: Mapping):
    from biaskit.features import parse_article

    return parse_article(row)


def _text_of(row: Mapping) -> str | None:
    t = row.get("text")
    if _missing(t):
        return None
    return str(t)


def _record_row(rec: Any, aid: Any, outlet: Any) -> dict:
    # not dataclasses.asdict: it deep-copies every field
    d = {f: getattr(rec, f) for f in rec.__dataclass_fields__} if is_dataclass(rec) else dict(rec)
    row = {c: d.get(c) for c in _TABLE_COLUMNS}
    row["id"], row["outlet"] = aid, outlet
    row["via"] = list(d.get("via") or ())
    for c in SPAN_COLUMNS:
        row[c] = [[int(a), int(b)] for a, b in (d.get(c) or ())]
    return row


def _empty_table():
    import pandas as pd

    return _typed(pd.DataFrame({c: [] for c in _TABLE_COLUMNS}))


def _typed(df):
    """Nullable integer offsets, boolean ``hedged``, float ``quoted_share``."""
    import pandas as pd

    for c in _INT_COLUMNS:
        if c in df.columns:
            df[c] = pd.array(
                [None if _missing(v) else int(v) for v in df[c]], dtype="Int64"
            )
    if "hedged" in df.columns:
        df["hedged"] = [False if _missing(v) else bool(v) for v in df["hedged"]]
        df["hedged"] = df["hedged"].astype(bool)
    if "quoted_share" in df.columns:
        df["quoted_share"] = pd.to_numeric(df["quoted_share"], errors="coerce").astype(float)
    for c in ("via", *SPAN_COLUMNS):
        if c in df.columns:
            df[c] = df[c].astype(object)
    return df


def attribution_table(articles: Any, *, wordlists: Any = None, extractor: Callable | None = None,
                      outlets_as_media: bool = True):
    """One row per attribution of every article: the tidy attribution table.

    Parameters
    ----------
    articles : DataFrame, path or list of str
        The articles table (:func:`biaskit.read_articles`), anything it
        reads (a file or folder, such as a PolNeAR JSONL file), or a list of
        texts (ids "0", "1", ...).
    wordlists : Wordlists, path or list of paths, optional
        Word lists for the extractor (default: the packaged ones); paths add
        a user's own entries (see :func:`biaskit.wordlists.load_wordlists`).
    extractor : callable, optional
        ``extractor(doc, wordlists=...) -> list of Attribution``; default
        :func:`biaskit.extract.sourcing.attributions`. An extractor that
        takes an ``outlet`` keyword is also given the article's outlet (the
        packaged one: an outlet is never an intermediary of its own articles).
    outlets_as_media : bool, default=True
        Add the names in the ``outlet`` column to the word lists' news media,
        as :func:`biaskit.extract_features` does by default, so that the
        table, the feature table and :func:`sourcing_profile` agree.

    Returns
    -------
    DataFrame
        Columns :data:`biaskit.records.ATTRIBUTION_COLUMNS` (plus
        ``source_spans``): the article's ``id`` and ``outlet``, then the
        record's fields. Offsets are into the article's input ``text``
        (nullable integers, missing where the part is absent); ``via`` is a
        list (nearest intermediary first) and the ``*_spans`` columns lists of
        ``[start, end]``. Unattributed quotations are rows too (``quote_form``
        "unattributed", no speaker). Articles with no attributions (or with
        an empty text) have no rows.

    Examples
    --------
    >>> texts = ["Peskov said the talks would resume.", "Officials said it was over."]
    >>> attribution_table(texts)[["id", "speaker", "source_type", "cue_text"]]
      id    speaker source_type cue_text
    0  0     Peskov      person     said
    1  1  Officials   anonymous     said
    """

    if extractor is None:
        from biaskit.extract.sourcing import attributions as extractor
    takes_outlet = _accepts_keyword(extractor, "outlet")
    table = _articles_frame(articles)
    # read the user's files once; the corpus's outlets are media unless told otherwise
    wordlists = corpus_wordlists(wordlists, table) if outlets_as_media else _resolve_wordlists(wordlists)
    rows: list[dict] = []
    for row in table.to_dict("records"):
        text = _text_of(row)
        if text is None or not text.strip():
            continue
        doc = _parse_row(row)
        try:
            records = (extractor(doc, wordlists=wordlists, outlet=row.get("outlet")) if takes_outlet
                       else extractor(doc, wordlists=wordlists))
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - one odd article must not lose the corpus
            warnings.warn(f"article {row.get('id')!r}: attribution extraction failed: "
                          f"{type(exc).__name__}: {exc}", RuntimeWarning, stacklevel=2)
            continue
        rows.extend(attribution_rows(records, row.get("id"), row.get("outlet")))
    return attribution_frame(rows)


def _accepts_keyword(func: Callable, name: str) -> bool:
    """True if ``func`` can be called with the keyword argument ``name``."""
    import inspect

    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):  # builtins without a signature
        return False
    return any(p.name == name or p.kind is p.VAR_KEYWORD for p in params)


def attribution_rows(records: Iterable[Any], aid: Any, outlet: Any) -> list[dict]:
    """Rows of the attribution table for one article's records."""
    return [_record_row(r, aid, outlet) for r in records]


def attribution_frame(rows: list[dict]):
    """The typed attribution table from rows made by :func:`attribution_rows`."""
    import pandas as pd

    if not rows:
        return _empty_table()
    return _typed(pd.DataFrame(rows, columns=list(_TABLE_COLUMNS)))


# --------------------------------------------------------------------------
# Writing and reading the table (CSV: via joined with " > ", spans as JSON)
# --------------------------------------------------------------------------


def write_attribution_table(table, path: str | Path) -> Path:
    """Write an attribution table to CSV/TSV (via joined with " > ", spans as JSON), JSON Lines or Parquet.

    Uses :func:`biaskit.io.write_table`, which neutralises spreadsheet
    formulas in CSV text cells and encodes the list columns.
    """
    from biaskit.io import write_table

    return write_table(table, Path(path), list_columns={"via": "join", **{c: "json" for c in SPAN_COLUMNS}})


def read_attribution_table(path: str | Path):
    """Load an attribution table written by ``biaskit attributions`` (CSV, TSV, JSON Lines or Parquet).

    The ``via`` cell of a CSV is split on " > "; span lists are read from
    JSON; offsets become nullable integers. A table edited by hand (a
    speaker fixed, a row deleted, a row added) reads back the same way;
    then pass it to :func:`sourcing_profile`.

    Raises
    ------
    InputError
        When the file lacks the ``id`` column, or a cell cannot be read
        (the message names the row and column).
    """
    import pandas as pd

    from biaskit.io import read_table

    path = Path(path)
    try:
        df = read_table(path, list_columns={"via": "join", **{c: "json" for c in SPAN_COLUMNS}})
    except ValueError as exc:  # a span cell that is not JSON
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{path}: a cell of a span column ({', '.join(SPAN_COLUMNS)}) is not a JSON list "
                         f"of [start, end] ({exc})") from None
    if not isinstance(df, pd.DataFrame):  # pragma: no cover - read_table returns frames
        df = pd.DataFrame(df)
    if "id" not in df.columns:
        raise InputError(f"{path}: an attribution table needs an 'id' column (the article's id)")
    df = df.reset_index(drop=True)
    if "via" in df.columns:
        df["via"] = [list(_split_via(v)) if isinstance(v, str) else
                     ([] if _missing(v) else [str(x) for x in v]) for v in df["via"]]
    for c in SPAN_COLUMNS:
        if c in df.columns:
            df[c] = [_read_spans(v, path, i, c) for i, v in enumerate(df[c])]
    for c in _INT_COLUMNS:
        if c in df.columns:
            values = []
            for i, v in enumerate(df[c]):
                values.append(_read_int(v, path, i, c))
            df[c] = pd.array(values, dtype="Int64")
    if "hedged" in df.columns:
        df["hedged"] = [_read_bool(v, path, i) for i, v in enumerate(df["hedged"])]
    df["id"] = [None if _missing(v) else str(v) for v in df["id"]]
    return df


def _where(path, i: int, col: str) -> str:
    """Where data row ``i`` (0-based) of a table file is, as its reader finds it again."""
    name = str(path).lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv", ".tab", ".txt")):
        place = f"row {i + 2} (the header is row 1, as in a spreadsheet)"
    elif name.endswith((".jsonl", ".ndjson")):
        place = f"line {i + 1}"
    else:
        place = f"row {i + 1}"
    return f"{path}, {place}, column {col!r}"


def _read_spans(v, path, i, col) -> list:
    if _missing(v) or (isinstance(v, str) and not v.strip()):
        return []
    if isinstance(v, str):
        try:
            v = json.loads(v)
        except json.JSONDecodeError:
            raise InputError(f"{_where(path, i, col)}: expected a JSON list of [start, end], got {v!r}") from None
    try:
        return [[int(a), int(b)] for a, b in v]
    except (TypeError, ValueError):
        raise InputError(f"{_where(path, i, col)}: expected a list of [start, end] pairs, got {v!r}") from None


def _read_int(v, path, i, col):
    if _missing(v) or (isinstance(v, str) and not v.strip()):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise InputError(f"{_where(path, i, col)}: expected a whole number, got {v!r}") from None
    if not f.is_integer():
        raise InputError(f"{_where(path, i, col)}: expected a whole number, got {v!r}")
    return int(f)


def _read_bool(v, path, i) -> bool:
    if _missing(v) or v == "":
        return False
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in ("true", "1", "yes", "y", "t"):
        return True
    if s in ("false", "0", "no", "n", "f"):
        return False
    raise InputError(f"{_where(path, i, 'hedged')}: expected true or false, got {v!r}")


# --------------------------------------------------------------------------
# The profile from a (corrected) table
# --------------------------------------------------------------------------


def _check_row(rec: Mapping, i: int, text: str) -> None:
    qf = rec.get("quote_form")
    if not _missing(qf) and qf != "" and qf not in QUOTE_FORMS:
        raise InputError(f"attribution table row {i + 1}, column 'quote_form': {qf!r} is not one of "
                         f"{', '.join(QUOTE_FORMS)}")
    st = rec.get("source_type")
    if not _missing(st) and st != "" and st not in SOURCE_TYPES:
        raise InputError(f"attribution table row {i + 1}, column 'source_type': {st!r} is not one of "
                         f"{', '.join(SOURCE_TYPES)}")
    n = len(text)
    for part in ("source", "cue", "content"):
        if (_get(rec, f"{part}_start") is None) != (_get(rec, f"{part}_end") is None):
            raise InputError(f"attribution table row {i + 1}: {part}_start and {part}_end must both be given "
                             "or both be empty")
        for a, b in _pieces(rec, part):
            if a > b:
                raise InputError(f"attribution table row {i + 1}: {part} offsets [{a}, {b}] start after they end")
            if not (0 <= a <= b <= n):
                raise InputError(f"attribution table row {i + 1}: {part} offsets [{a}, {b}] lie outside "
                                 f"the text of article {rec.get('id')!r} (length {n})")


#: the columns of an attribution table that the sourcing profile reads
_PROFILE_COLUMNS = ("id", "quote_form", "speaker", "source_type")


def _check_columns(columns) -> None:
    """Refuse a table without a column the profile reads, naming a near miss ("Speaker", "source type")."""
    have = {str(c).strip().lower().replace(" ", "_").replace("-", "_"): str(c) for c in columns}
    for col in _PROFILE_COLUMNS:
        if col in columns:
            continue
        hint = f" (found {have[col]!r}: rename it {col!r})" if col in have else ""
        what = " (the article's id)" if col == "id" else ""
        raise InputError(f"the attribution table has no {col!r} column{what}{hint}")


def sourcing_profile(attributions: Any, articles: Any, *, wordlists: Any = None,
                     outlets_as_media: bool = True) -> Any:
    """Recompute the sourcing profile of every article from an attribution table.

    Parameters
    ----------
    attributions : DataFrame or path
        An attribution table (as from :func:`attribution_table`, or read back
        with :func:`read_attribution_table` after hand correction). Rows are
        matched to articles by ``id``. Empty ``source_type`` cells count as
        "unknown", empty ``quote_form`` cells as an attribution.
    articles : DataFrame, path or list of str
        The articles the table was made from; they give the body's words and
        sentences.
    wordlists : optional
        The extractor's word lists, used to tell media/agency/government
        ``via`` entries apart (default: the packaged ones).
    outlets_as_media : bool, default=True
        Count the names in the articles' ``outlet`` column as news media
        (a ``via`` entry "the Harbor Ledger" is then a media relay), as
        :func:`biaskit.extract_features` and :func:`attribution_table` do by
        default: an uncorrected table then gives the feature table's figures.

    Returns
    -------
    DataFrame
        One row per article, every article included (those with no
        attribution too): ``id``, ``outlet``, then ``sourcing.<metric>`` for
        each key of :data:`PROFILE_KEYS` (the names of the feature table).

    Raises
    ------
    InputError
        For table rows naming an article id not among the articles, an
        unknown ``quote_form``/``source_type``, offsets that are half given,
        reversed or outside the text, or a table without the ``id``,
        ``quote_form``, ``speaker`` or ``source_type`` column.

    Examples
    --------
    A table corrected by hand (here: one speaker fixed) gives the corrected profile:

    >>> texts = ["Peskov said the talks would resume.", "Officials said it was over."]
    >>> table = attribution_table(texts)
    >>> table.loc[1, ["speaker", "source_type"]] = ["Dmitry Peskov", "official"]
    >>> sourcing_profile(table, texts)[["id", "sourcing.attributions", "sourcing.anonymous_share"]]
      id  sourcing.attributions  sourcing.anonymous_share
    0  0                      1                       0.0
    1  1                      1                       0.0
    """
    import pandas as pd

    if isinstance(attributions, (str, Path)):
        attributions = read_attribution_table(attributions)
    _check_columns(attributions.columns)
    table = _articles_frame(articles)
    ids = [None if _missing(v) else str(v) for v in table["id"]] if "id" in table.columns else [
        str(i) for i in range(len(table))]
    by_id: dict[str, list[tuple[int, dict]]] = {}
    for i, rec in enumerate(attributions.to_dict("records")):
        aid = None if _missing(rec.get("id")) else str(rec.get("id"))
        by_id.setdefault(aid, []).append((i, rec))
    if None in by_id and None not in ids:
        raise InputError(f"attribution table row {by_id[None][0][0] + 1}: the 'id' cell is empty "
                         "(give the id of the article the row belongs to)")
    unknown = [k for k in by_id if k not in set(ids)]
    if unknown:
        first_row = by_id[unknown[0]][0][0] + 1
        raise InputError(f"attribution table row {first_row}: article id {unknown[0]!r} is not among the articles"
                         + (f" ({len(unknown) - 1} more unknown ids)" if len(unknown) > 1 else ""))

    cache: dict[str, str] = {}
    wl = corpus_wordlists(wordlists, table) if outlets_as_media else _resolve_wordlists(wordlists)

    def kinds(entry: str) -> str:
        if entry not in cache:
            cache[entry] = via_kind(entry, wordlists=wl)
        return cache[entry]

    from biaskit.parse import parse

    rows = []
    for aid, row in zip(ids, table.to_dict("records"), strict=True):
        text = _text_of(row) or ""
        doc = _parse_row(row) if text.strip() else parse("")
        recs = by_id.get(aid, [])
        for i, rec in recs:
            _check_row(rec, i, doc.text)
        feats = sourcing_features(doc, [r for _, r in recs], via_kinds=kinds)
        rows.append({"id": aid, "outlet": row.get("outlet"), **{f"sourcing.{k}": v for k, v in feats.items()}})
    columns = ["id", "outlet", *(f"sourcing.{k}" for k in PROFILE_KEYS)]
    out = pd.DataFrame(rows, columns=columns)
    out.index = table.index
    return out

