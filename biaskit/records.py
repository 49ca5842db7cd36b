"""Typed, immutable records that flow between biaskit's stages.

Every record is a frozen dataclass. Character offsets in records produced by
extractors always point into the article's ``text`` as given in the input
(see :meth:`biaskit.parse.Doc.to_text`), so a span can be found again in the
source data.

The column names of the tidy tables are declared here too, so that every
stage (extraction, evaluation, comparison, reports) agrees on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, make_dataclass

__all__ = [
    "ARTICLE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "Attribution",
    "LexiconHit",
    "QUOTE_FORMS",
    "CONSTRUCTIONS",
    "SOURCE_TYPES",
    "STATUS_OK",
    "VOCABULARY_COLUMNS",
]

#: Leading columns of the canonical articles table returned by ``read_articles``.
ARTICLE_COLUMNS = ("id", "outlet", "date", "title", "text", "body")

#: Value of the ``status`` column for an article that could be measured.
STATUS_OK = "ok"

#: Allowed values of :attr:`Attribution.quote_form`.
QUOTE_FORMS = ("direct", "mixed", "indirect", "unattributed")

#: Named attribution constructions (:attr:`Attribution.construction`).
CONSTRUCTIONS = ("verb", "according_to", "noun_source", "colon", "dash", "other")

#: Allowed values of :attr:`Attribution.source_type`.
SOURCE_TYPES = (
    "official",
    "government",
    "media",
    "agency",
    "organization",
    "expert",
    "anonymous",
    "group",
    "person",
    "unknown",
)

#: Columns of the tidy attribution table (one row per attribution).
ATTRIBUTION_COLUMNS = (
    "id",
    "outlet",
    "quote_form",
    "construction",
    "speaker",
    "source_type",
    "role",
    "via",
    "hedged",
    "rule",
    "cue_lemma",
    "source_start",
    "source_end",
    "source_text",
    "cue_start",
    "cue_end",
    "cue_text",
    "cue_spans",
    "content_start",
    "content_end",
    "content_text",
    "content_spans",
    "source_spans",
    "quoted_share",
    "sentence",
)

#: Columns of the tidy vocabulary hit table (one row per lexicon hit).
VOCABULARY_COLUMNS = (
    "id",
    "outlet",
    "term",
    "entry",
    "category",
    "sentence",
    "start",
    "end",
    "voice",
)

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: who (source), how (cue), what (content), through whom (via).

    All offsets are character offsets into the article's input ``text``;
    ``None`` where the part is absent (an unattributed quotation has no source
    and no cue). Discontinuous parts keep their pieces in ``*_spans``; the
    ``*_start``/``*_end`` pair then covers the first to the last piece.

    Attributes
    ----------
    quote_form : {"direct", "mixed", "indirect", "unattributed"}
        ``direct``: the content is a full quotation; ``mixed``: a partial
        quotation inside reported speech; ``indirect``: reported speech
        without quotation marks; ``unattributed``: a quotation with no source
        (e.g. a scare quote).
    construction : str
        How the attribution is built: ``verb`` ("X said"), ``according_to``,
        ``noun_source`` ("X's statement said"), ``colon`` ("X: ..."), ...
    speaker : str or None
        The resolved speaker: pronouns and bare surnames are resolved to the
        fullest earlier mention ("He" -> "Jake Sullivan").
    source_type : str
        One of :data:`SOURCE_TYPES`.
    role : str or None
        The role or title when stated ("Kremlin spokesperson").
    via : tuple of str
        Intermediaries through which the outlet got the content, nearest to
        the outlet first ("according to Russian media reports, citing X"
        -> ("Russian media reports",)).
    hedged : bool
        True when the attribution is distanced ("reportedly", "allegedly").
    rule : str
        Name of the rule that produced the record, so a reader can see why.
    quoted_share : float
        Share of the content's characters that lie inside quotation marks.
    sentence : int
        Index (in the parse) of the sentence holding the cue, or the content
        for an unattributed quotation.
    """

    quote_form: str
    construction: str | None
    speaker: str | None
    source_type: str
    role: str | None
    via: tuple[str, ...]
    hedged: bool
    rule: str
    cue_lemma: str | None
    source_start: int | None
    source_end: int | None
    source_text: str | None
    cue_start: int | None
    cue_end: int | None
    cue_text: str | None
    content_start: int | None
    content_end: int | None
    content_text: str | None
    quoted_share: float = 0.0
    sentence: int | None = None
    cue_spans: Spans = field(default=())
    content_spans: Spans = field(default=())
    source_spans: Spans = field(default=())

    @property
    def is_attributed(self) -> bool:
        """True unless this is a quotation with no source (a scare quote)."""
        return self.quote_form != "unattributed"

    @classmethod
    def _from_values(cls, values: tuple) -> Attribution:
        """A record from the values of all its fields, in field order (the extractor's fast path).

        The same record as ``Attribution(*values)``, built by a mutable twin
        class with the same slots (:data:`_AttributionBuilder`) whose instance
        then becomes an Attribution: a frozen dataclass's ``__init__`` sets
        each field through ``object.__setattr__``, about six times slower.

        >>> vals = ("direct", "verb", "Ann Lee", "named_person", None, (), False, "verb:after",
        ...         "say", 0, 7, "Ann Lee", 8, 12, "said", 14, 20, "Yes.", 1.0, 0, (), (), ())
        >>> rec = Attribution._from_values(vals)
        >>> rec == Attribution(*vals), type(rec).__name__
        (True, 'Attribution')
        """
        if len(values) != _N_ATTRIBUTION_FIELDS:
            raise TypeError(f"Attribution needs {_N_ATTRIBUTION_FIELDS} values, got {len(values)}")
        if cls is not Attribution:  # (a subclass may add slots: no twin of its layout)
            return cls(*values)
        rec = _AttributionBuilder(*values)
        rec.__class__ = cls  # (same slots in the same order: a compatible layout)
        return rec


#: a mutable class with Attribution's slots, in the same order (see Attribution._from_values)
_AttributionBuilder = make_dataclass("_AttributionBuilder", [f.name for f in fields(Attribution)], slots=True,
                                     repr=False, eq=False)
if _AttributionBuilder.__slots__ != Attribution.__slots__:  # (kept under python -O, unlike an assert)
    raise RuntimeError("_AttributionBuilder must have Attribution's slots in the same order")
_N_ATTRIBUTION_FIELDS = len(Attribution.__slots__)


@dataclass(frozen=True, slots=True)
class LexiconHit:
    """One match of a lexicon entry in an article.

    Attributes
    ----------
    term : str
        The matched text as written in the article.
    entry : str
        The lexicon entry that matched (its canonical form).
    category : str
        The entry's category ("loaded", "label", "hedge", ...).
    sentence : int
        Index of the sentence in the parse.
    start, end : int
        Character offsets into the article's input ``text``.
    voice : {"own", "quoted", "scare_quote"}
        ``quoted``: inside a quotation attributed to a source;
        ``scare_quote``: inside a quotation with no source (the outlet's own
        distancing); ``own``: outside quotations.
    """

    term: str
    entry: str
    category: str
    sentence: int
    start: int
    end: int
    voice: str
