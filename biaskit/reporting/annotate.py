"""The annotated article: one article with its attributions and loaded terms marked.

:func:`annotate_html` writes the article's text (as given in the input) with
every attribution's **source**, **cue** and **content** highlighted and
numbered, its ``via`` chain spelled out, quotations with no source marked as
scare quotes, and lexicon hits underlined by category, beside a panel with
the article's sourcing profile. :func:`show` returns an object that Jupyter
displays inline. It is meant for teaching and for checking the extractor by
eye: every mark comes from a record whose offsets point into the text.

All text is escaped by the template engine; the HTML needs no script and no
external file.

Examples
--------
>>> from biaskit.records import Attribution
>>> text = 'Prices rose, the minister said.'
>>> rec = Attribution(quote_form="indirect", construction="verb", speaker="the minister",
...     source_type="official", role="minister", via=(), hedged=False, rule="demo", cue_lemma="say",
...     source_start=13, source_end=25, source_text="the minister", cue_start=26, cue_end=30,
...     cue_text="said", content_start=0, content_end=11, content_text="Prices rose")
>>> html = annotate_html({"id": "a1", "text": text}, attributions=[rec], hits=[], profile={})
>>> 'class="src' in html and 'the minister' in html
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, is_dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from biaskit.errors import InputError
from biaskit.reporting.metrics import VOICE_LABELS, describe

__all__ = ["AnnotatedArticle", "annotate_html", "show", "CATEGORY_STYLES"]

#: Underline colour and style per lexicon category (style differs too, so the
#: marks stay distinct in grayscale print).
CATEGORY_STYLES = {
    "loaded": ("#c0392b", "wavy"),
    "label": ("#8e44ad", "double"),
    "conflict": ("#d35400", "wavy"),
    "booster": ("#2c7a3f", "dotted"),
    "hedge": ("#1f6fb2", "dashed"),
    "factive": ("#7d5a00", "solid"),
    "evaluative": ("#b03a78", "dotted"),
    "partisan": ("#000000", "double"),
}
_OTHER_STYLE = ("#555555", "dotted")

_PROFILE_KEYS = (
    "attributions", "attributions_per_1000_words", "attributed_sentence_share", "quoted_word_share", "speakers",
    "anonymous_share", "second_hand_share", "via_government_share", "first_source_type", "source_diversity",
    "unsourced_quotes",
)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v)) if not isinstance(v, (list, tuple)) else False
    except (TypeError, ValueError):
        return False


def _as_dict(rec: Any) -> dict:
    if is_dataclass(rec):
        return asdict(rec)
    if isinstance(rec, pd.Series):
        return rec.to_dict()
    return dict(rec)


def _spans(rec: Mapping, part: str) -> list[tuple[int, int]]:
    pieces = rec.get(f"{part}_spans")
    if isinstance(pieces, str):  # a table read from CSV keeps them as JSON text
        import json

        try:
            pieces = json.loads(pieces) if pieces.strip() else None
        except ValueError:
            pieces = None
    if pieces is not None and not _missing(pieces) and len(pieces):
        return [(int(a), int(b)) for a, b in pieces]
    a, b = rec.get(f"{part}_start"), rec.get(f"{part}_end")
    if _missing(a) or _missing(b):
        return []
    return [(int(a), int(b))]


def _via(rec: Mapping) -> list[str]:
    v = rec.get("via")
    if v is None or (not isinstance(v, (list, tuple)) and _missing(v)):
        return []
    if isinstance(v, str):
        return [x.strip() for x in v.split(" > ") if x.strip()]
    return [str(x) for x in v]


def _text(value: Any) -> str | None:
    return None if _missing(value) else str(value)


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    cls: str
    title: str
    label: str | None = None  # shown before the span (attribution number)


def _marks(text: str, records: list[dict], hits: list[dict]) -> list[_Mark]:
    n = len(text)
    marks: list[_Mark] = []
    number = 0
    for rec in records:
        if rec.get("quote_form") == "unattributed":
            for a, b in _spans(rec, "content"):
                marks.append(_Mark(a, b, "sq", "quotation with no source (scare quote)"))
            continue
        number += 1
        rec["_number"] = number
        who = _text(rec.get("speaker")) or _text(rec.get("source_text")) or "no named source"
        kind = _text(rec.get("source_type")) or "unknown"
        via = _via(rec)
        chain = (" via " + " ← ".join(via)) if via else ""
        head = f"A{number}: {who} ({kind}){chain}"
        first = True
        parts = [("source", "src"), ("cue", "cue"), ("content", "cnt")]
        spans = sorted(((a, b, part, cls) for part, cls in parts for a, b in _spans(rec, part)), key=lambda t: t[0])
        for a, b, part, cls in spans:
            marks.append(_Mark(a, b, cls, f"{head} — {part}", f"A{number}" if first else None))
            first = False
    for h in hits:
        cat = str(h.get("category") or "other")
        voice = str(h.get("voice") or "own")
        a, b = h.get("start"), h.get("end")
        if _missing(a) or _missing(b):
            continue
        entry = _text(h.get("entry")) or _text(h.get("term")) or ""
        marks.append(_Mark(int(a), int(b), f"hit hit-{_css_name(cat)} voice-{_css_name(voice)}",
                           f"{cat}: {entry} ({VOICE_LABELS.get(voice, voice)})"))
    bad = [m for m in marks if not (0 <= m.start <= m.end <= n)]
    if bad:
        m = bad[0]
        raise InputError(f"a record's span [{m.start}, {m.end}) lies outside the article's text "
                         f"({n} characters): offsets must point into the article's 'text' as given")
    return [m for m in marks if m.end > m.start]


def _outside_marks(text: str, doc: Any) -> list[_Mark]:
    """Marks for the stretches of the input text that were not analysed (page furniture removed by cleaning)."""
    if doc is None or not getattr(doc, "sentences", None):
        return []
    spans = sorted(doc.text_span(sent.start, sent.end) for sent in doc.sentences)
    marks, pos = [], 0
    for a, b in [*spans, (len(text), len(text))]:
        if a > pos and text[pos:a].strip():
            marks.append(_Mark(pos, a, "off", "not analysed: removed as page furniture when the text was cleaned"))
        pos = max(pos, b)
    return marks


def _css_name(value: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in value.lower())


def _segments(text: str, marks: list[_Mark]) -> list[dict]:
    """Cut the text at every mark boundary; each piece lists the marks covering it."""
    cuts = sorted({0, len(text), *[m.start for m in marks], *[m.end for m in marks]})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[_Mark] = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        labels = [m.label for m in starts.get(a, []) if m.label]
        piece = {"text": text[a:b], "classes": " ".join(dict.fromkeys(m.cls for m in active)),
                 "title": "\n".join(dict.fromkeys(m.title for m in active)), "labels": labels}
        out.append(piece)
    return out


def _profile_rows(profile: Mapping[str, Any]) -> list[dict]:
    from biaskit.reporting._format import format_value
    from biaskit.reporting.model import Column

    rows = []
    keys = [k for k in _PROFILE_KEYS if k in profile] + sorted(
        k for k in profile if k.startswith("share_") and not _missing(profile[k]) and profile[k] > 0)
    for k in keys:
        v = profile[k]
        m = describe(f"sourcing.{k}")
        if isinstance(v, str) or v is None:
            shown = v or "–"
        else:
            fmt = m.fmt if m.fmt in ("num", "pct", "int") else "num"
            digits = m.digits
            if k in ("attributions", "speakers", "unsourced_quotes"):
                fmt, digits = "int", None
            shown = format_value(v, Column(k, m.label, fmt, digits))
        rows.append({"label": m.label if k != "attributions" else "Attributions", "value": shown})
    return rows


def _to_attribution(row: Mapping) -> Any:
    """An :class:`~biaskit.records.Attribution` from a row of an attribution table (e.g. corrected by hand)."""
    from dataclasses import fields

    from biaskit.records import Attribution

    values: dict[str, Any] = {}
    for f in fields(Attribution):
        if f.name not in row:
            continue
        v = row[f.name]
        if f.name == "via":
            values[f.name] = tuple(_via(row))
        elif f.name.endswith("_spans"):
            values[f.name] = tuple(_spans(row, f.name[: -len("_spans")])) if _spans_given(row, f.name) else ()
        elif f.name == "hedged":
            values[f.name] = False if _missing(v) else bool(v)
        elif f.name == "quoted_share":
            values[f.name] = 0.0 if _missing(v) else float(v)
        elif f.name.endswith(("_start", "_end")) or f.name == "sentence":
            values[f.name] = None if _missing(v) else int(v)
        else:
            values[f.name] = None if _missing(v) else v
    for f in fields(Attribution):  # required fields a hand-made row may lack
        values.setdefault(f.name, {"via": (), "hedged": False, "rule": "hand", "source_type": "unknown",
                                   "quote_form": "indirect"}.get(f.name))
    return Attribution(**{k: v for k, v in values.items() if not (k.endswith("_spans") and v is None)})


def _spans_given(row: Mapping, key: str) -> bool:
    v = row.get(key)
    if v is None or isinstance(v, str) and not v.strip():
        return False
    return isinstance(v, str) or (not _missing(v) and len(v) > 0)


def _records_for(article: Mapping, attributions: Any) -> list[dict] | None:
    if attributions is None:
        return None
    if isinstance(attributions, pd.DataFrame):
        table = attributions
        if "id" in table.columns and article.get("id") is not None:
            table = table[table["id"].astype(str) == str(article.get("id"))]
        return [_as_dict(r) for _, r in table.iterrows()]
    return [_as_dict(r) for r in attributions]


def _article(article: Any) -> dict:
    if isinstance(article, str):
        return {"id": None, "text": article, "body": article}
    if isinstance(article, pd.Series):
        return article.to_dict()
    if isinstance(article, pd.DataFrame):
        if len(article) != 1:
            raise InputError(f"annotate one article at a time: got a table of {len(article)} rows; select one "
                             "row (e.g. articles.iloc[0] or articles[articles.id == ID])")
        return article.iloc[0].to_dict()
    if isinstance(article, Mapping):
        return dict(article)
    raise InputError(f"cannot annotate a {type(article).__name__}: give an article row (a mapping or a pandas "
                     "row with a 'text') or a text")


def annotate_html(article: Any, *, attributions: Any = None, hits: Any = None, profile: Mapping | None = None,
                  lexicon: Any = None, wordlists: Any = None, standalone: bool = True) -> str:
    """The article as HTML with its attributions and loaded terms highlighted.

    Parameters
    ----------
    article : mapping, pandas row, or str
        A row of the articles table (``text`` required; ``id``, ``outlet``,
        ``title``, ``body`` used when present) or a bare text.
    attributions : list of Attribution, list of dict, or DataFrame, optional
        The article's attribution records (e.g. a hand-corrected attribution
        table; rows of other articles are ignored by ``id``). Default: run
        the extractor.
    hits : list of LexiconHit or dict, or DataFrame, optional
        The article's lexicon hits. Default: run the matcher.
    profile : mapping, optional
        The sourcing profile shown in the side panel. Default: computed from
        the records.
    lexicon, wordlists : optional
        Passed to the extractors.
    standalone : bool
        A whole HTML document (True) or a fragment for Jupyter (False).

    Returns
    -------
    str
    """
    art = _article(article)
    text = _text(art.get("text"))
    if text is None or not text.strip():
        raise InputError(f"article {art.get('id')!r} has no text to annotate")
    records = _records_for(art, attributions)
    hit_rows = None if hits is None else _records_for(art, hits)
    from biaskit.features import parse_article

    doc = parse_article(art)
    if records is None:
        from biaskit.extract.sourcing import attributions as extract

        raw = extract(doc, wordlists=wordlists)
        records = [_as_dict(r) for r in raw]
    else:  # given records (perhaps table rows corrected by hand) feed the matcher and profile as records
        raw = [_to_attribution(r) for r in records]
    if hit_rows is None:
        from biaskit.extract.vocabulary import vocabulary_hits

        hit_rows = [_as_dict(h) for h in vocabulary_hits(doc, lexicon=lexicon, attributions=raw)]
    if profile is None:
        from biaskit.extract.sourcing_table import sourcing_features

        profile = sourcing_features(doc, raw)
    records = sorted((dict(r) for r in records), key=lambda r: min((a for a, _ in _spans(r, "source") +
                                                                    _spans(r, "cue") + _spans(r, "content")),
                                                                   default=math.inf))
    marks = _marks(text, records, hit_rows)
    if doc.text == text:  # offsets of the parse point into this text
        marks += _outside_marks(text, doc)
    segments = _segments(text, marks)

    listing = []
    for r in records:
        if "_number" not in r:
            continue
        listing.append({
            "label": f"A{r['_number']}",
            "speaker": _text(r.get("speaker")) or _text(r.get("source_text")) or "(no named source)",
            "source_text": _text(r.get("source_text")),
            "type": _text(r.get("source_type")) or "unknown",
            "role": _text(r.get("role")),
            "cue": _text(r.get("cue_text")),
            "form": _text(r.get("quote_form")),
            "construction": _text(r.get("construction")),
            "chain": [_text(art.get("outlet")) or "the outlet", *_via(r),
                      _text(r.get("speaker")) or _text(r.get("source_text")) or "?"],
            "hedged": bool(r.get("hedged")) if not _missing(r.get("hedged")) else False,
            "rule": _text(r.get("rule")),
        })
    scare = [_text(r.get("content_text")) for r in records if r.get("quote_form") == "unattributed"]
    counts: dict[tuple[str, str], int] = {}
    for h in hit_rows:
        key = (str(h.get("category") or "other"), str(h.get("voice") or "own"))
        counts[key] = counts.get(key, 0) + 1
    categories = sorted({c for c, _ in counts}, key=lambda c: (c not in CATEGORY_STYLES, list(CATEGORY_STYLES).index(c)
                                                                if c in CATEGORY_STYLES else 0, c))
    hit_table = [{"category": c, "css": _css_name(c),
                  "own": counts.get((c, "own"), 0) + counts.get((c, "scare_quote"), 0),
                  "quoted": counts.get((c, "quoted"), 0)} for c in categories]
    styles = [{"css": _css_name(c), "color": CATEGORY_STYLES.get(c, _OTHER_STYLE)[0],
               "line": CATEGORY_STYLES.get(c, _OTHER_STYLE)[1]} for c in categories]

    from biaskit import __version__
    from biaskit.reporting.html import template_environment

    template = template_environment().get_template("annotate.html.j2")
    return template.render(
        article={"id": _text(art.get("id")), "outlet": _text(art.get("outlet")), "title": _text(art.get("title")),
                 "date": _text(art.get("date"))},
        segments=segments, listing=listing, scare=[s for s in scare if s], profile=_profile_rows(profile),
        hit_table=hit_table, styles=styles, standalone=standalone, version=__version__,
    )


class AnnotatedArticle:
    """An annotated article; Jupyter shows it inline, :meth:`save` writes it as HTML."""

    def __init__(self, html: str, fragment: str):
        self.html = html
        self._fragment = fragment

    def _repr_html_(self) -> str:
        return self._fragment

    def save(self, path: str | Path) -> Path:
        """Write the standalone HTML page."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path

    def __repr__(self) -> str:
        return f"<AnnotatedArticle: {len(self.html):,} characters of HTML>"


def show(article: Any, **kwargs: Any) -> AnnotatedArticle:
    """Show an article with its attributions and loaded terms marked (in Jupyter).

    Takes the same arguments as :func:`annotate_html`; returns an object that
    Jupyter displays inline and that can ``save("article.html")``.
    """
    kwargs.pop("standalone", None)
    art = _article(article)
    # extract once, render twice
    if kwargs.get("attributions") is None or kwargs.get("hits") is None or kwargs.get("profile") is None:
        from biaskit.features import parse_article

        doc = parse_article(art)
        if kwargs.get("attributions") is None:
            from biaskit.extract.sourcing import attributions as extract

            kwargs["attributions"] = extract(doc, wordlists=kwargs.get("wordlists"))
        records = [r if not isinstance(r, Mapping) else _to_attribution(r)
                   for r in _records_for(art, kwargs["attributions"])]
        if kwargs.get("hits") is None:
            from biaskit.extract.vocabulary import vocabulary_hits

            kwargs["hits"] = vocabulary_hits(doc, lexicon=kwargs.get("lexicon"), attributions=records)
        if kwargs.get("profile") is None:
            from biaskit.extract.sourcing_table import sourcing_features

            kwargs["profile"] = sourcing_features(doc, records)
    return AnnotatedArticle(annotate_html(art, standalone=True, **kwargs),
                            annotate_html(art, standalone=False, **kwargs))
