"""Score extracted attributions against human gold (PolNeAR).

The protocol (issue 3, item 5; defined in ``docs/sourcing.md``):

1. Rows whose ``quote_form`` is ``"unattributed"`` (quotations with no
   source) and the gold ``content2`` spans are left out.
2. Each attribution contributes up to three spans, one per role:
   ``source``, ``cue`` and ``content``. A span with fragments (gold
   ``fragments``, or a record's ``*_spans``) counts as the union of its
   pieces; pieces separated only by spaces and punctuation form one stretch.
3. Every piece is trimmed of whitespace and edge punctuation (Unicode
   punctuation, quotation marks and dashes included). A span left empty
   by that (a bare ``:`` cue, a lone dash) is left out on both sides.
4. Per article and role, gold and predicted spans are de-duplicated (one
   source span shared by two cues counts once).
5. **exact**: a predicted span is correct when its trimmed boundaries are
   those of a gold span of the same role.
   **overlap**: gold and predicted spans of the same role are matched one
   to one, greedily from the highest Jaccard similarity down, where the
   Jaccard similarity is computed over the *positions* of the ``\\w+``
   word tokens each span touches (a span touching no word token stands for
   its character positions); a pair counts when the similarity is at
   least 0.5.
6. Precision, recall and F1 are micro-averaged: true positives, gold and
   predicted spans are summed over all articles before dividing.

Examples
--------
>>> text = 'Smith said: "We will win."'
>>> gold = [{"id": "a", "outlet": "x", "text": text, "attributions": [
...     {"source": {"start": 0, "end": 5}, "cue": {"start": 6, "end": 10},
...      "content": {"start": 12, "end": 26}}]}]
>>> pred = {"a": [{"source_start": 0, "source_end": 5, "cue_start": 6, "cue_end": 11,
...                "content_start": 13, "content_end": 25}]}
>>> scores = score_attributions(gold, pred)
>>> scores["exact"]["cue"]["f1"], scores["exact"]["content"]["f1"]
(1.0, 1.0)
"""

from __future__ import annotations

import gzip
import json
import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

from biaskit.errors import InputError
from biaskit.io import json_records

__all__ = [
    "ROLES",
    "annotator_agreement",
    "count_attributions",
    "evaluate_attributions",
    "polnear_doc",
    "read_polnear",
    "score_attributions",
    "span_counts",
    "span_errors",
]

#: The three scored roles of an attribution.
ROLES = ("source", "cue", "content")

#: Minimum Jaccard similarity for an overlap match.
OVERLAP_THRESHOLD = 0.5

_WORD_TOKEN_RE = re.compile(r"\w+")
_EXTRA_EDGE = set(string.punctuation) | {"\u00b4", "\u02bc"}

Interval = tuple[int, int]
NormSpan = tuple[Interval, ...]


# --------------------------------------------------------------------------
# Reading the gold
# --------------------------------------------------------------------------


def read_polnear(path: str | Path) -> list[dict]:
    """Read a PolNeAR JSON Lines file (plain or ``.gz``): one article per line.

    Parameters
    ----------
    path : str or Path
        The file. Blank lines are skipped.

    Returns
    -------
    list of dict
        One dict per article, with at least ``id``, ``text`` and
        ``attributions``.

    Raises
    ------
    InputError
        When the file is missing, a line is not valid JSON or not an object,
        or an article lacks ``id``/``text``; the message names the file and
        the line number.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"gold file not found: {path}")
    if path.is_dir():
        raise InputError(f"gold file is a folder, expected a .jsonl file: {path}")
    opener = gzip.open if path.suffix == ".gz" else open
    articles: list[dict] = []
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for lineno, row in json_records(fh, path):
                for key in ("id", "text"):
                    if key not in row:
                        raise InputError(f"{path}, line {lineno}: missing field {key!r}")
                if not isinstance(row["text"], str):
                    raise InputError(f"{path}, line {lineno}: field 'text' is not a string")
                atts = row.get("attributions", [])
                if atts is None:
                    atts = []
                if not isinstance(atts, list):
                    raise InputError(f"{path}, line {lineno}: field 'attributions' is not a list")
                row["attributions"] = atts
                row["_line"] = lineno
                articles.append(row)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except (OSError, EOFError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise InputError(f"gold file not found: {path}") from None
        raise InputError(f"{path}: cannot read ({exc})") from None
    return articles


# --------------------------------------------------------------------------
# Spans: pieces -> trimmed, merged intervals
# --------------------------------------------------------------------------


def _is_edge(c: str) -> bool:
    """True for characters trimmed from span edges: spaces and punctuation."""
    return c.isspace() or unicodedata.category(c).startswith("P") or c in _EXTRA_EDGE


def _trim(text: str, a: int, b: int) -> Interval:
    while a < b and _is_edge(text[a]):
        a += 1
    while b > a and _is_edge(text[b - 1]):
        b -= 1
    return a, b


def _normalize(text: str, pieces: Iterable[Interval], where: str) -> NormSpan | None:
    """Trim each piece, drop empty ones, merge the rest into sorted intervals.

    Pieces separated only by spaces and punctuation merge into one stretch, so
    that a span's boundaries do not depend on how it was cut into pieces.
    """
    n = len(text)
    kept: list[Interval] = []
    for a, b in pieces:
        if a is None or b is None:
            continue
        a, b = int(a), int(b)
        if a < 0 or b > n or a > b:
            raise InputError(f"{where}: span [{a}, {b}] lies outside the article text (length {n})")
        a, b = _trim(text, a, b)
        if a < b:
            kept.append((a, b))
    if not kept:
        return None
    kept.sort()
    merged = [kept[0]]
    for a, b in kept[1:]:
        pa, pb = merged[-1]
        # pieces that overlap, touch, or are separated only by spaces and
        # punctuation form one stretch ("that the" + " talks failed")
        if a <= pb or all(_is_edge(c) for c in text[pb:a]):
            merged[-1] = (pa, max(pb, b))
        else:
            merged.append((a, b))
    return tuple(merged)


def _gold_pieces(span: Any) -> list[Interval]:
    """Pieces of a gold span dict (its fragments when present)."""
    if not span:
        return []
    frags = span.get("fragments")
    if frags:
        return [(f["start"], f["end"]) for f in frags]
    return [(span["start"], span["end"])]


def _as_mapping(record: Any) -> Mapping:
    if isinstance(record, Mapping):
        return record
    if is_dataclass(record):  # not dataclasses.asdict: it deep-copies every field
        return {f: getattr(record, f) for f in record.__dataclass_fields__}
    if hasattr(record, "_asdict"):
        return record._asdict()
    raise InputError(f"cannot read a predicted attribution of type {type(record).__name__}")


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return v != v  # NaN
    except (TypeError, ValueError):
        return False


def _pred_pieces(rec: Mapping, role: str) -> list[Interval]:
    """Pieces of one role of a predicted record: ``*_spans`` or ``*_start``/``*_end``."""
    spans = rec.get(f"{role}_spans")
    if isinstance(spans, str):
        spans = json.loads(spans) if spans.strip() else None
    if spans is not None and not _missing(spans) and len(spans) > 0:
        return [(int(a), int(b)) for a, b in spans]
    a, b = rec.get(f"{role}_start"), rec.get(f"{role}_end")
    if _missing(a) or _missing(b):
        return []
    return [(int(a), int(b))]


def span_counts(text: str, gold: Mapping[str, set], pred: Mapping[str, set]) -> dict:
    """True positives and span counts for one article, per scheme and role.

    Parameters
    ----------
    text : str
        The article text the offsets point into.
    gold, pred : mapping role -> set of normalised spans
        As built by the private helpers of this module (de-duplicated).

    Returns
    -------
    dict
        ``{"exact"|"overlap": {role: (tp, n_gold, n_pred)}}``.
    """
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD_TOKEN_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    out: dict = {"exact": {}, "overlap": {}}
    for role in ROLES:
        g, p = gold.get(role, set()), pred.get(role, set())
        out["exact"][role] = (len(g & p), len(g), len(p))
        out["overlap"][role] = (_greedy_matches(sorted(g), sorted(p), starts, ends), len(g), len(p))
    return out


def _positions(span: NormSpan, starts: list[int], ends: list[int]) -> frozenset:
    """Indices of the ``\\w+`` tokens a span touches, or its character positions."""
    toks: set[int] = set()
    for a, b in span:
        i = bisect_right(ends, a)  # first token ending after a
        while i < len(starts) and starts[i] < b:
            toks.add(i)
            i += 1
    if toks:
        return frozenset(toks)
    # no word token: the span stands for its character positions (kept apart
    # from token indices by being negative)
    return frozenset(-(c + 1) for a, b in span for c in range(a, b))


def _greedy_pairs(gold: list[NormSpan], pred: list[NormSpan], starts: list[int],
                  ends: list[int]) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(gold index, predicted index, Jaccard)``, best first."""
    if not gold or not pred:
        return []
    gpos = [_positions(s, starts, ends) for s in gold]
    ppos = [_positions(s, starts, ends) for s in pred]
    pairs = []
    for gi, gs in enumerate(gpos):
        for pi, ps in enumerate(ppos):
            inter = len(gs & ps)
            if not inter:
                continue
            jac = inter / len(gs | ps)
            if jac >= OVERLAP_THRESHOLD:
                pairs.append((-jac, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for neg, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, -neg))
    return out


def _greedy_matches(gold: list[NormSpan], pred: list[NormSpan], starts: list[int], ends: list[int]) -> int:
    return len(_greedy_pairs(gold, pred, starts, ends))


def _gold_spans(article: Mapping, attributions: Iterable[Mapping], where: str) -> dict[str, set]:
    text = article["text"]
    out: dict[str, set] = {r: set() for r in ROLES}
    for k, att in enumerate(attributions):
        if att.get("quote_form") == "unattributed":
            continue
        for role in ROLES:
            span = att.get(role)
            try:
                pieces = _gold_pieces(span)
            except (KeyError, TypeError, AttributeError):
                raise InputError(f"{where}, attribution {att.get('id', k)}: malformed {role} span") from None
            norm = _normalize(text, pieces, f"{where}, attribution {att.get('id', k)}, {role}")
            if norm is not None:
                out[role].add(norm)
    return out


def _pred_spans(text: str, records: Iterable[Any], where: str) -> dict[str, set]:
    out: dict[str, set] = {r: set() for r in ROLES}
    for k, rec in enumerate(records):
        rec = _as_mapping(rec)
        if rec.get("quote_form") == "unattributed":
            continue
        for role in ROLES:
            try:
                pieces = _pred_pieces(rec, role)
            except (ValueError, TypeError) as exc:
                raise InputError(f"{where}, row {k}: malformed {role} offsets ({exc})") from None
            norm = _normalize(text, pieces, f"{where}, row {k}, {role}")
            if norm is not None:
                out[role].add(norm)
    return out


def _as_list(v: Any) -> list:
    """A list field of a gold row; None or NaN (a missing cell) is empty."""
    if isinstance(v, (list, tuple)):
        return list(v)
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return list(v.tolist())
    if v is None or (isinstance(v, float) and v != v):
        return []
    raise InputError(f"expected a list of attributions, got {type(v).__name__}")


def _gold_rows(gold_articles: Any) -> list:
    """Gold articles as a list of mappings (a DataFrame such as ``load_polnear()`` too)."""
    if hasattr(gold_articles, "to_dict") and hasattr(gold_articles, "columns"):
        return gold_articles.to_dict("records")
    return list(gold_articles)


def _group_predicted(predicted: Any) -> dict[str, list]:
    """Predicted attributions grouped by article id."""
    if hasattr(predicted, "to_dict") and hasattr(predicted, "columns"):  # a DataFrame
        if "id" not in predicted.columns:
            raise InputError("the predicted attribution table has no 'id' column")
        groups: dict[str, list] = {}
        for rec in predicted.to_dict("records"):
            groups.setdefault(str(rec["id"]), []).append(rec)
        return groups
    if isinstance(predicted, Mapping):
        return {str(k): list(v) for k, v in predicted.items()}
    groups = {}
    for rec in predicted:
        rec = _as_mapping(rec)
        if "id" not in rec:
            raise InputError("a predicted attribution has no 'id' (the article it belongs to)")
        groups.setdefault(str(rec["id"]), []).append(rec)
    return groups


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _prf(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _add(total: dict, counts: dict) -> None:
    for scheme, roles in counts.items():
        for role, c in roles.items():
            old = total.setdefault(scheme, {}).setdefault(role, (0, 0, 0))
            total[scheme][role] = tuple(x + y for x, y in zip(old, c, strict=True))


def _scores(total: dict) -> dict:
    return {
        scheme: {role: _prf(*total.get(scheme, {}).get(role, (0, 0, 0))) for role in ROLES}
        for scheme in ("exact", "overlap")
    }


def _count_all(gold_articles: Iterable[Mapping], predicted: Any, *, gold_key: Callable) -> tuple[dict, dict]:
    """Summed counts overall and per outlet (helper of the public scorers)."""
    groups = _group_predicted(predicted)
    total: dict = {}
    per_outlet: dict[str, dict] = {}
    seen: set[str] = set()
    for article in _gold_rows(gold_articles):
        aid = str(article["id"])
        where = f"article {aid}"
        if aid in seen:
            raise InputError(f"{where}: the gold holds this article id twice")
        seen.add(aid)
        text = article["text"]
        gold = _gold_spans(article, gold_key(article), where)
        pred = _pred_spans(text, groups.get(aid, ()), f"predicted attributions of {where}")
        counts = span_counts(text, gold, pred)
        _add(total, counts)
        outlet = article.get("outlet")
        outlet = "unknown" if outlet is None or outlet == "" else str(outlet)
        _add(per_outlet.setdefault(outlet, {}), counts)
    extra = sorted(set(groups) - seen)
    if extra:
        more = f" (and {len(extra) - 3} more)" if len(extra) > 3 else ""
        raise InputError(f"predicted attributions for article ids not in the gold: {', '.join(extra[:3])}{more}")
    return total, per_outlet


def score_attributions(gold_articles: Iterable[Mapping], predicted: Any) -> dict:
    """Precision, recall and F1 of predicted attributions against gold.

    Parameters
    ----------
    gold_articles : iterable of dict, or DataFrame
        Articles in the PolNeAR JSONL form (see :func:`read_polnear`, or
        :func:`biaskit.datasets.load_polnear`): ``id``,
        ``text``, ``outlet`` and ``attributions``, each with ``source``,
        ``cue`` and ``content`` span dicts (``start``, ``end``, optional
        ``fragments``) or ``None``.
    predicted : mapping, DataFrame or iterable
        The predicted attributions: a mapping ``article id -> list of
        records``, an attribution table (DataFrame with an ``id`` column,
        as from :func:`biaskit.attribution_table`), or an iterable of records
        carrying ``id``. A record is an :class:`~biaskit.records.Attribution`
        or a mapping with ``{role}_start``/``{role}_end`` (and optionally
        ``{role}_spans``) offsets into the article's ``text``. Articles of
        the gold without predictions count as predicting nothing.

    Returns
    -------
    dict
        ``{"exact": {role: {"precision", "recall", "f1"}}, "overlap": {...},
        "per_outlet": {outlet: {"exact": ..., "overlap": ...}}}`` for the
        roles ``source``, ``cue``, ``content``, at full precision. A score
        with nothing to divide by (no predicted or no gold spans) is 0.0.

    Raises
    ------
    InputError
        For predictions about articles that are not in the gold, offsets
        outside the article text, or malformed spans.

    Examples
    --------
    >>> gold = [{"id": "a", "outlet": "x", "text": "Jo said no.",
    ...          "attributions": [{"source": {"start": 0, "end": 2},
    ...                            "cue": {"start": 3, "end": 7},
    ...                            "content": {"start": 8, "end": 11}}]}]
    >>> s = score_attributions(gold, {"a": [{"cue_start": 3, "cue_end": 7}]})
    >>> s["exact"]["cue"], s["exact"]["source"]["recall"]
    ({'precision': 1.0, 'recall': 1.0, 'f1': 1.0}, 0.0)
    """
    total, per_outlet = _count_all(gold_articles, predicted, gold_key=lambda a: _as_list(a.get("attributions")))
    result = _scores(total)
    result["per_outlet"] = {o: _scores(c) for o, c in sorted(per_outlet.items())}
    return result


def count_attributions(gold_articles: Iterable[Mapping], predicted: Any) -> dict:
    """The counts behind :func:`score_attributions`: ``(tp, n_gold, n_pred)`` per scheme and role.

    Returns ``{"exact": {role: (tp, gold, pred)}, "overlap": {...},
    "per_outlet": {outlet: {...}}}``.
    """
    total, per_outlet = _count_all(gold_articles, predicted, gold_key=lambda a: _as_list(a.get("attributions")))
    full = {s: dict(total.get(s, {})) for s in ("exact", "overlap")}
    for s in full:
        for role in ROLES:
            full[s].setdefault(role, (0, 0, 0))
    full["per_outlet"] = dict(sorted(per_outlet.items()))
    return full


def annotator_agreement(gold_articles: Iterable[Mapping]) -> dict:
    """Agreement between annotators where an article was annotated several times.

    Scores each alternative annotation (``alternative_annotations``) against
    the primary one with the protocol of :func:`score_attributions`: the
    practical ceiling of any extractor. Articles with a single annotation
    are left out.

    Returns
    -------
    dict
        Same shape as :func:`score_attributions`, plus ``"articles"``: the
        number of articles compared.
    """
    pairs_gold, pred = [], {}
    for article in _gold_rows(gold_articles):
        for k, alt in enumerate(_as_list(article.get("alternative_annotations"))):
            key = f"{article['id']}#{k}"
            pairs_gold.append({**article, "id": key})
            pred[key] = [_gold_as_record(a) for a in alt.get("attributions") or ()]
    result = score_attributions(pairs_gold, pred)
    result["articles"] = len(pairs_gold)
    return result


def _gold_as_record(att: Mapping) -> dict:
    rec: dict = {}
    for role in ROLES:
        pieces = _gold_pieces(att.get(role))
        rec[f"{role}_spans"] = pieces
    return rec


def span_errors(gold_articles: Iterable[Mapping], predicted: Any) -> list[dict]:
    """The spans behind the overlap scores: what was missed, what was wrong.

    Uses the protocol of :func:`score_attributions` (trimming, union of
    pieces, de-duplication, greedy overlap matching) and lists, per article
    and role, every gold span left unmatched (``"missed"``), every predicted
    span left unmatched (``"false"``), and every matched pair that is not
    exact (``"partial"``, with the Jaccard similarity).

    Returns
    -------
    list of dict
        ``id``, ``outlet``, ``role``, ``error`` ("missed", "false",
        "partial"), ``start``, ``end`` (of the trimmed span, its first to last
        piece), ``text``, ``other_text`` (the matched span of a partial pair)
        and ``jaccard``; in article order, then role, then position.

    Examples
    --------
    >>> gold = [{"id": "a", "outlet": "x", "text": "Jo said it rained today.",
    ...          "attributions": [{"source": {"start": 0, "end": 2}, "cue": {"start": 3, "end": 7},
    ...                            "content": {"start": 8, "end": 23}}]}]
    >>> pred = {"a": [{"cue_start": 3, "cue_end": 7, "content_start": 8, "content_end": 17}]}
    >>> [(e["role"], e["error"], e["text"]) for e in span_errors(gold, pred)]
    [('source', 'missed', 'Jo'), ('content', 'partial', 'it rained today')]
    """
    groups = _group_predicted(predicted)
    out: list[dict] = []
    for article in _gold_rows(gold_articles):
        aid = str(article["id"])
        text = article["text"]
        where = f"article {aid}"
        gold = _gold_spans(article, _as_list(article.get("attributions")), where)
        pred = _pred_spans(text, groups.get(aid, ()), f"predicted attributions of {where}")
        starts: list[int] = []
        ends: list[int] = []
        for m in _WORD_TOKEN_RE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        rows = []
        for role in ROLES:
            g, p = sorted(gold[role]), sorted(pred[role])
            pairs = _greedy_pairs(g, p, starts, ends)
            mg = {gi: (pi, j) for gi, pi, j in pairs}
            mp = {pi for _, pi, _ in pairs}

            base = {"id": aid, "outlet": article.get("outlet"), "role": role}
            for gi, span in enumerate(g):
                if gi not in mg:
                    rows.append(_error_row(base, text, span, "missed"))
                elif p[mg[gi][0]] != span:
                    rows.append(_error_row(base, text, span, "partial", p[mg[gi][0]], mg[gi][1]))
            for pi, span in enumerate(p):
                if pi not in mp:
                    rows.append(_error_row(base, text, span, "false"))
        rows.sort(key=lambda r: (ROLES.index(r["role"]), r["start"], r["end"]))
        out.extend(rows)
    return out


def _error_row(base: dict, text: str, span: NormSpan, error: str, other: NormSpan | None = None,
               jac: float | None = None) -> dict:
    return {**base, "error": error, "start": span[0][0], "end": span[-1][1], "text": _span_text(text, span),
            "other_text": _span_text(text, other) if other else None, "jaccard": jac}


def _span_text(text: str, span: NormSpan) -> str:
    return " ... ".join(text[a:b] for a, b in span)


# --------------------------------------------------------------------------
# Running biaskit's extractor over the gold
# --------------------------------------------------------------------------


def polnear_doc(text: str):
    """Parse a PolNeAR article text: its first line is the title.

    Offsets of the returned :class:`~biaskit.parse.Doc` map back into
    ``text`` (``doc.text is text``).

    Examples
    --------
    >>> d = polnear_doc("Clinton wins.\\n\\nShe said so.")
    >>> [(s.part, d.span(s.start, s.end)) for s in d.sentences]
    [('title', 'Clinton wins.'), ('body', 'She said so.')]
    >>> body = d.sentences[1]
    >>> d.text_span(body.start, body.end)
    (15, 27)
    """
    from biaskit.parse import parse

    # the title is the first non-blank line; the body the rest
    m = re.match(r"\s*", text)
    t0 = m.end()
    nl = text.find("\n", t0)
    if nl < 0 or not text[nl:].strip():
        return parse(text, text=text, body_offset=0)
    t1 = nl
    while t1 > t0 and text[t1 - 1].isspace():
        t1 -= 1
    title = text[t0:t1]
    b0 = nl
    while b0 < len(text) and text[b0].isspace():
        b0 += 1
    return parse(text[b0:], title=title, text=text, title_offset=t0, body_offset=b0)


def evaluate_attributions(gold_path: str | Path, *, extractor: Callable | None = None,
                          wordlists: Any = None, errors: bool = False) -> dict:
    """Run an extractor over the gold articles' texts and score it.

    Parameters
    ----------
    gold_path : str or Path
        A PolNeAR JSON Lines file (see :func:`read_polnear`).
    extractor : callable, optional
        ``extractor(doc) -> list of Attribution`` (offsets into
        ``doc.text``); defaults to :func:`biaskit.extract.sourcing.attributions`.
        Each article's ``text`` is parsed with :func:`polnear_doc` (first
        line = title), so attributions in the headline are found too.
    wordlists : optional
        Word lists for the default extractor (a ``Wordlists``, or paths of
        the user's own files; see :func:`biaskit.wordlists.load_wordlists`).
    errors : bool
        Also return the missed, false and partial spans (:func:`span_errors`)
        under ``"errors"``.

    Returns
    -------
    dict
        As :func:`score_attributions`, plus ``"articles"`` (the number of
        gold articles), ``"seconds"`` (extraction time) and, if asked,
        ``"errors"``.
    """
    import time

    gold = read_polnear(gold_path)
    if extractor is None:
        from biaskit.extract.sourcing import attributions
        from biaskit.wordlists import load_wordlists

        wl = wordlists if wordlists is None or hasattr(wordlists, "verbs") else load_wordlists(wordlists)

        def extractor(doc):
            return attributions(doc, wordlists=wl)
    elif wordlists is not None:
        raise ValueError("give wordlists only with the default extractor")
    predicted: dict[str, list] = {}
    t0 = time.perf_counter()
    for article in gold:
        doc = polnear_doc(article["text"])
        predicted[str(article["id"])] = list(extractor(doc))
    seconds = time.perf_counter() - t0
    result = score_attributions(gold, predicted)
    result["articles"] = len(gold)
    result["seconds"] = seconds
    if errors:
        result["errors"] = span_errors(gold, predicted)
    return result
