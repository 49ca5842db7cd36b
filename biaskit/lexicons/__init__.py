"""Lexicons of loaded vocabulary: packaged word lists and user lexicons.

biaskit ships one CSV file per category of word choice (this folder; see its
``README.md`` for how the lists were written). :func:`load_lexicon` reads
them, adds or substitutes the user's own lists, and returns an immutable
:class:`Lexicon` that the vocabulary extractor matches against the parse.

The categories
--------------
Each category names a *kind of word choice* that media scholars examine. A
hit is a place to look, never proof of bias: the same word can be the fair
description of one event and a slant on another, a quotation belongs to its
speaker, and a report on a war must use the word "war". What a count can show
is a pattern: one outlet choosing such words more often than another covering
the same events, or choosing them in its own voice rather than in quotations.

``loaded``
    Emotive and loaded words: vivid verbs and nouns that carry a judgement
    beyond the fact they report ("slammed", "chaos", "scheme", "meltdown").
    Not proof: some events are chaotic; a neutral report of an attack still
    says "attack".
``label``
    Labels for people and groups that take a side ("regime", "thugs",
    "militants", "freedom fighters", "radical", "extremists"). Not proof: a
    label can be the group's own name or a court's finding; compare the
    label one outlet uses with the one another uses for the same actor.
``conflict``
    Conflict and threat framing: war, invasion, crisis, escalation and their
    metaphors applied to politics ("battle over the budget", "mounting
    tensions", "aggression"). Not proof: wars are real; the framing matters
    when it turns a negotiation or a debate into a fight.
``booster``
    Intensifiers and boosters that raise certainty or degree ("massive",
    "unprecedented", "clearly", "utterly"). Not proof: sometimes a loss is
    massive; boosters also mark plain emphasis.
``hedge``
    Hedges and distancing ("reportedly", "so-called", "alleged",
    "purported"). They lower the outlet's commitment to a claim. Not proof:
    "alleged" is the legally careful word before a verdict.
``factive``
    Factive and assertive verbs of saying, which presuppose that what was said
    is true or false ("admitted", "revealed", "conceded", "claimed",
    "insisted"). The neutral verb is "said". Not proof: sometimes a person
    did admit something.
``evaluative``
    Subjective evaluative adjectives and adverbs that judge rather than
    describe ("disastrous", "reckless", "shameful", "brilliant"). Not proof:
    quoted, attributed or in an opinion piece they are expected.
``partisan``
    One side of a partisan phrase pair ("death tax" / "estate tax", "illegal
    aliens" / "undocumented immigrants"); the entry's ``counterpart`` names
    the other side and ``lean`` the side that favours it. Not proof: an
    outlet may quote the phrase or use the legal term of a statute.

File format
-----------
A lexicon is a CSV (or TSV, YAML, or a plain text list with one term per
line). Columns:

``term`` (required; ``word`` is accepted as a synonym)
    The entry in its base form; multi-word entries are written with spaces.
``category``
    Defaults to the file's name without its extension (``hedges.csv`` ->
    ``hedges``).
``pos``
    ``noun`` (plural generated on the last word), ``verb`` (-s, -ed, -ing
    generated on the first word), ``adj``, ``adv``, ``phrase``; empty: match
    as written.
``forms``
    Extra surface forms separated by ``;`` (irregular inflections, other
    spellings such as the spaced "far right" of "far-right").
``intensity``
    A number, 1 (mild) to 3 (strong).
``polarity``
    ``negative``, ``positive`` or ``neutral``.
``match_case``
    ``yes`` to match the case as written (default: any case).
``not_after``
    Words, separated by ``;``, after which the entry is not matched (the
    token right before it, in the same sentence, any case); ``#number``
    stands for a number written in digits. The hedge "kind of" lists
    determiners ("any kind of crime" is the noun), the booster "tons of"
    numbers and quantity words ("millions of tons of coal" is a weight).
``provenance``, ``note``
    Where the entry comes from; what it means or how it is used.

Any other column is kept on the entry (:attr:`Entry.extra`). A multi-word
entry of up to three words also matches its words joined by hyphens ("death
tax" matches "death-tax"); a hyphenated entry matches the hyphenated word
only, never two separate words ("would-be" never matches "would be"): list
a spaced spelling in ``forms`` when it means the same ("far-right" lists
"far right").

Case: an entry written in lower case does not match a word capitalised in
the middle of a sentence, where it is part of a name ("super" is not found
in "the Super PACs", "patriot" not in "Patriot Coal"); write names and
proper adjectives with their capitals ("Obamacare", "Islamist") so that
they match wherever they stand. See :mod:`biaskit.extract._matcher`.

Examples
--------
>>> lex = load_lexicon()
>>> "hedge" in lex.categories
True
>>> [e.category for e in lex.lookup("so-called")]
['hedge']
>>> "slammed" in lex.lookup("slam")[0].forms
True
"""

from __future__ import annotations

import csv
import functools
import io
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from biaskit.errors import LexiconError
from biaskit.lexicons._inflect import POS_TAGS, inflect

__all__ = ["CATEGORIES", "Entry", "Lexicon", "PACKAGED_DIR", "default_lexicon", "load_lexicon", "read_lexicon_file"]

#: Folder of the packaged lexicon files.
PACKAGED_DIR = Path(__file__).resolve().parent

#: The packaged categories, in the order they are reported, with a one-line
#: explanation each (the module docstring explains them at length).
CATEGORIES = {
    "loaded": "emotive and loaded words that carry a judgement beyond the fact",
    "label": "labels for people and groups that take a side",
    "conflict": "conflict and threat framing, war metaphors",
    "booster": "intensifiers and boosters of degree or certainty",
    "hedge": "hedges and distancing",
    "factive": "factive and assertive verbs of saying",
    "evaluative": "subjective evaluative adjectives and adverbs",
    "partisan": "one side of a partisan phrase pair",
}

_POLARITIES = {"negative": "negative", "neg": "negative", "-": "negative", "-1": "negative",
               "positive": "positive", "pos": "positive", "+": "positive", "1": "positive",
               "neutral": "neutral", "neu": "neutral", "0": "neutral"}
_TRUE = {"yes", "y", "true", "1", "exact"}
_FALSE = {"", "no", "n", "false", "0"}
_KNOWN = ("term", "category", "pos", "forms", "intensity", "polarity", "match_case", "provenance", "note",
          "not_after")
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry.

    Attributes
    ----------
    term : str
        The entry as written, in its base form.
    category : str
    forms : tuple of str
        Every surface form matched: the term, its generated inflections, the
        listed forms, and the hyphenated spelling of a multi-word form.
    pos : str or None
    intensity : float or None
    polarity : str or None
        ``negative``, ``positive`` or ``neutral``.
    match_case : bool
    provenance : str
    note : str
    source : str
        ``file:line`` the entry was read from.
    extra : tuple of (str, str)
        Other columns of the file, such as ``counterpart`` and ``lean``.
    listed_forms : tuple of str
        The forms written in the file's ``forms`` column (the rest of
        ``forms`` is generated).
    not_after : tuple of str
        Lower-cased words after which the entry is not matched (``#number``:
        a number in digits).
    """

    term: str
    category: str
    forms: tuple[str, ...]
    pos: str | None = None
    intensity: float | None = None
    polarity: str | None = None
    match_case: bool = False
    provenance: str = ""
    note: str = ""
    source: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())
    listed_forms: tuple[str, ...] = field(default=())
    not_after: tuple[str, ...] = field(default=())

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value of an extra column ("counterpart", "lean", ...)."""
        for k, v in self.extra:
            if k == name:
                return v
        return default


def _key(term: str) -> str:
    return " ".join(term.lower().replace("\u2019", "'").split())


def _form_key(form: str) -> str:
    """A form's identity for clashes: case, apostrophes and inner hyphens ignored."""
    return " ".join(re.sub(r"(?<=\w)-(?=\w)", " ", form.lower().replace("\u2019", "'")).split())


def _settle_forms(entries: Sequence[Entry]) -> list[Entry]:
    """Written forms beat generated ones.

    When a form generated for one entry (the plural "entitlements" of
    "entitlement") is written out by another entry (a term "entitlements"),
    the form is matched for the entry that wrote it only.
    """
    written: dict[str, set[int]] = {}
    for i, e in enumerate(entries):
        for f in (e.term, *e.listed_forms):
            written.setdefault(_form_key(f), set()).add(i)
    out = []
    for i, e in enumerate(entries):
        mine = {_form_key(f) for f in (e.term, *e.listed_forms)}
        keep = tuple(f for f in e.forms
                     if _form_key(f) in mine or not (written.get(_form_key(f), set()) - {i}))
        out.append(e if keep == e.forms else replace(e, forms=keep))
    return out


class Lexicon:
    """An immutable set of lexicon entries with its compiled matcher.

    Build one with :func:`load_lexicon`. A lexicon can be shared by any number
    of documents and threads.

    Attributes
    ----------
    entries : tuple of Entry
    categories : tuple of str
        The categories present, packaged ones first in their usual order.
    sources : tuple of str
        The files the entries were read from.
    """

    __slots__ = ("entries", "categories", "sources", "_matcher", "_index")

    def __init__(self, entries: Iterable[Entry], sources: Sequence[str] = ()):
        from biaskit.extract._matcher import Matcher

        entries = tuple(_settle_forms(list(entries)))
        first = {c: i for i, c in enumerate(dict.fromkeys(e.category for e in entries))}
        order = {c: i for i, c in enumerate(CATEGORIES)}
        cats = sorted(first, key=lambda c: (order.get(c, len(order)), first[c]))
        index: dict[str, list[Entry]] = {}
        for e in entries:
            index.setdefault(_key(e.term), []).append(e)
        patterns = [(form, e.match_case, e, e.not_after) for e in entries for form in e.forms]
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "categories", tuple(cats))
        object.__setattr__(self, "sources", tuple(sources))
        object.__setattr__(self, "_matcher", Matcher(patterns))
        object.__setattr__(self, "_index", {k: tuple(v) for k, v in index.items()})

    def __setattr__(self, name, value):
        raise AttributeError("a Lexicon is immutable; build a new one with load_lexicon()")

    def __getstate__(self):
        return {k: getattr(self, k) for k in self.__slots__}

    def __setstate__(self, state):  # unpickling (e.g. in a worker process)
        for k, v in state.items():
            object.__setattr__(self, k, v)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and _key(term) in self._index

    def __repr__(self) -> str:
        counts = ", ".join(f"{c}={sum(e.category == c for e in self.entries)}" for c in self.categories)
        return f"<Lexicon {len(self.entries)} entries: {counts}>"

    @property
    def matcher(self):
        """The compiled :class:`biaskit.extract._matcher.Matcher` (payloads are entries)."""
        return self._matcher

    @property
    def form_count(self) -> int:
        """Number of surface forms matched (entries times their forms)."""
        return len(self._matcher)

    def lookup(self, term: str) -> tuple[Entry, ...]:
        """The entries whose base form is ``term`` (any case)."""
        return self._index.get(_key(term), ())

    def select(self, categories: Iterable[str]) -> Lexicon:
        """A new lexicon with only the given categories."""
        keep = set(categories)
        return Lexicon((e for e in self.entries if e.category in keep), self.sources)

    def to_frame(self):
        """The entries as a DataFrame (one row per entry, forms joined by ';')."""
        import pandas as pd

        rows = []
        for e in self.entries:
            row = {"term": e.term, "category": e.category, "pos": e.pos, "forms": ";".join(e.forms),
                   "intensity": e.intensity, "polarity": e.polarity, "match_case": e.match_case,
                   "provenance": e.provenance, "note": e.note, "not_after": ";".join(e.not_after),
                   "source": e.source}
            row.update(dict(e.extra))
            rows.append(row)
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LexiconError(
            f"{path}, line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x} at column {col}); "
            "save the lexicon as UTF-8"
        ) from None


def _rows_csv(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    for row in reader:
        if header is None:
            if not any(c.strip() for c in row):
                continue
            header = [c.strip().lower() for c in row]
            if "term" not in header and "word" not in header:
                found = ", ".join(repr(c) for c in header if c) or "none"
                raise LexiconError(
                    f"{path}, line {reader.line_num}: no 'term' column (or its synonym 'word'); "
                    f"columns found: {found}"
                )
            seen: set[str] = set()
            for c in header:
                if c and c in seen:
                    raise LexiconError(f"{path}, line {reader.line_num}: column {c!r} appears twice")
                seen.add(c)
            if "term" not in header:
                header = ["term" if c == "word" else c for c in header]
            continue
        if not any(c.strip() for c in row):
            continue  # a blank line
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            raise LexiconError(
                f"{path}, line {reader.line_num}: {len(row)} cells but the header has {len(header)} "
                "(a comma inside a term must be quoted)"
            )
        yield reader.line_num, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h}
    if header is None:
        raise LexiconError(f"{path}: the file is empty (a lexicon needs a header with a 'term' column)")


def _rows_txt(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s and not s.startswith("#"):
            yield n, {"term": s}


def _rows_yaml(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise LexiconError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None:
        raise LexiconError(f"{path}: the file is empty")

    def scalar(node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise LexiconError(f"{path}, line {node.start_mark.line + 1}: expected a single value")
        return str(node.value).strip()

    def items(node, category: str | None):
        if isinstance(node, yaml.ScalarNode):
            row = {"term": scalar(node)}
            if category:
                row["category"] = category
            yield node.start_mark.line + 1, row
        elif isinstance(node, yaml.MappingNode):
            row = {scalar(k).lower(): scalar(v) for k, v in node.value}
            if "term" not in row and "word" in row:
                row["term"] = row.pop("word")
            if "term" not in row:
                raise LexiconError(f"{path}, line {node.start_mark.line + 1}: an entry without 'term'")
            if category and not row.get("category"):
                row["category"] = category
            yield node.start_mark.line + 1, row
        else:
            raise LexiconError(f"{path}, line {node.start_mark.line + 1}: expected a term or a mapping")

    if isinstance(root, yaml.SequenceNode):
        for node in root.value:
            yield from items(node, None)
    elif isinstance(root, yaml.MappingNode):
        # either {category: [terms]} or {category: ..., entries: [...]}
        keys = {scalar(k).lower(): v for k, v in root.value}
        if "entries" in keys:
            default = scalar(keys["category"]) if "category" in keys else None
            if not isinstance(keys["entries"], yaml.SequenceNode):
                raise LexiconError(f"{path}, line {keys['entries'].start_mark.line + 1}: 'entries' must be a list")
            for node in keys["entries"].value:
                yield from items(node, default)
        else:
            for k, v in root.value:
                cat = scalar(k)
                if not isinstance(v, yaml.SequenceNode):
                    raise LexiconError(f"{path}, line {v.start_mark.line + 1}: category {cat!r} must list its terms")
                for node in v.value:
                    yield from items(node, cat)
    else:
        raise LexiconError(f"{path}, line 1: expected a list of entries or a mapping of categories")


def _parse_entry(path: Path, line: int, row: Mapping[str, str], default_category: str) -> Entry:
    where = f"{path}, line {line}"
    term = " ".join(str(row.get("term", "")).split())
    if not term:
        raise LexiconError(f"{where}: empty term")
    if not _WORDISH.search(term):
        raise LexiconError(f"{where}: the term {term!r} contains no letter or digit")
    category = (row.get("category") or "").strip() or default_category
    pos = (row.get("pos") or "").strip().lower() or None
    if pos is not None and pos not in POS_TAGS:
        raise LexiconError(f"{where}: unknown pos {pos!r}; use one of {', '.join(POS_TAGS)} or leave it empty")
    intensity = None
    raw = (row.get("intensity") or "").strip()
    if raw:
        try:
            intensity = float(raw)
        except ValueError:
            raise LexiconError(f"{where}: intensity {raw!r} is not a number") from None
        if not math.isfinite(intensity):
            raise LexiconError(f"{where}: intensity {raw!r} is not a finite number")
    polarity = None
    raw = (row.get("polarity") or "").strip().lower()
    if raw:
        if raw not in _POLARITIES:
            raise LexiconError(f"{where}: polarity {raw!r}; use negative, positive or neutral")
        polarity = _POLARITIES[raw]
    raw = (row.get("match_case") or "").strip().lower()
    if raw not in _TRUE and raw not in _FALSE:
        raise LexiconError(f"{where}: match_case {raw!r}; use yes or no")
    match_case = raw in _TRUE
    forms = list(inflect(term, pos))
    listed = []
    for extra in (row.get("forms") or "").split(";"):
        extra = " ".join(extra.split())
        if extra:
            listed.append(extra)
    forms += listed
    variants = []
    for f in forms:  # "far right" also matches "far-right", never the other way round
        words = f.split(" ")
        if 1 < len(words) <= 3 and all(_WORDISH.match(w) for w in words):
            variants.append("-".join(words))
    forms = tuple(dict.fromkeys([*forms, *variants]))
    extra = tuple((k, str(v)) for k, v in row.items() if k not in _KNOWN and k and v not in (None, ""))
    not_after = []
    for w in (row.get("not_after") or "").split(";"):
        w = w.strip().lower().replace("\u2019", "'")
        if not w:
            continue
        if w != "#number" and " " in w:
            raise LexiconError(f"{where}: not_after {w!r} is more than one word; give single words separated by ';'")
        not_after.append(w)
    return Entry(
        term=term, category=category, forms=forms, pos=pos, intensity=intensity, polarity=polarity,
        match_case=match_case, provenance=(row.get("provenance") or "").strip(),
        note=(row.get("note") or "").strip(), source=f"{path.name}:{line}", extra=extra,
        listed_forms=tuple(listed), not_after=tuple(dict.fromkeys(not_after)),
    )


def read_lexicon_file(path: str | os.PathLike) -> list[Entry]:
    """Read one lexicon file (CSV, TSV, YAML or a plain list of terms).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    list of Entry

    Raises
    ------
    LexiconError
        A missing ``term``/``word`` column, an empty term, a duplicate entry
        (same term and category twice), a bad value, or a file that is not
        UTF-8; the message names the file and the line.
    FileNotFoundError
        The file does not exist.
    """
    path = Path(path)
    if path.is_dir():
        raise LexiconError(f"{path}: is a folder; give the lexicon files themselves")
    text = _decode(path)
    suffix = path.suffix.lower()
    default = path.stem.split(".")[0]
    if suffix in (".yaml", ".yml"):
        rows = _rows_yaml(path, text)
    elif suffix == ".txt":
        rows = _rows_txt(path, text)
    elif suffix == ".tsv":
        rows = _rows_csv(path, text, "\t")
    else:
        rows = _rows_csv(path, text, ",")
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        e = _parse_entry(path, line, row, default)
        k = (_key(e.term), e.category)
        if k in seen:
            raise LexiconError(
                f"{path}, line {line}: duplicate entry {e.term!r} (category {e.category!r}) "
                f"first given on line {seen[k]}"
            )
        seen[k] = line
        entries.append(e)
    if not entries:
        raise LexiconError(f"{path}: no entries (the file has a header but no terms)")
    return entries


def _packaged_files() -> list[Path]:
    files = {p.stem: p for p in PACKAGED_DIR.glob("*.csv")}
    ordered = [files.pop(c) for c in CATEGORIES if c in files]
    return ordered + [files[k] for k in sorted(files)]


def load_lexicon(path_or_paths: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
                 replace: bool = False, disable: Iterable[str] = ()) -> Lexicon:
    """Load the packaged lexicon, a user's lexicons, or both.

    Parameters
    ----------
    path_or_paths : path or list of paths, optional
        User lexicon files (CSV, TSV, YAML, or TXT with one term per line). A
        ``term`` column is required (``word`` is accepted); ``category``
        defaults to the file's name. Their entries are added to the packaged
        ones; an entry with the same term and category as a packaged entry
        replaces it (so a user can change its intensity or forms).
    replace : bool
        If True, the packaged lexicon is not loaded: only the user's files.
    disable : iterable of str
        Packaged categories to switch off ("booster", "hedge", ...). To
        replace one packaged category with your own list, disable it and
        give your file.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        A malformed file (named, with the line), an unknown category in
        ``disable``, or ``replace=True`` without files.

    Examples
    --------
    >>> lex = load_lexicon(disable=["booster", "hedge"])
    >>> sorted(set(lex.categories) & {"booster", "hedge", "loaded"})
    ['loaded']
    """
    if path_or_paths is None:
        paths: list[Path] = []
    elif isinstance(path_or_paths, (str, os.PathLike)):
        paths = [Path(path_or_paths)]
    else:
        paths = [Path(p) for p in path_or_paths]
    disable = [disable] if isinstance(disable, str) else list(disable)
    if replace and not paths:
        raise LexiconError("replace=True needs at least one lexicon file")
    entries: dict[tuple[str, str], Entry] = {}
    sources: list[str] = []
    if not replace:
        packaged = _packaged_files()
        known = {p.stem for p in packaged}
        unknown = [c for c in disable if c not in known]
        if unknown:
            raise LexiconError(
                f"cannot disable unknown categor{'y' if len(unknown) == 1 else 'ies'} "
                f"{', '.join(map(repr, unknown))}; packaged categories: {', '.join(sorted(known))}"
            )
        for p in packaged:
            if p.stem in disable:
                continue
            for e in read_lexicon_file(p):
                entries[(_key(e.term), e.category)] = e
    for p in paths:
        sources.append(str(p))
        for e in read_lexicon_file(p):
            entries[(_key(e.term), e.category)] = e
    return Lexicon(entries.values(), sources)


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process.

    A :class:`Lexicon` is immutable, so the one loaded copy is shared safely;
    ``load_lexicon()`` builds a fresh one each time it is called.

    >>> default_lexicon() is default_lexicon()
    True
    """
    return load_lexicon()
