"""Word lists that drive the attribution extractor, stored as data.

The packaged lists are CSV files beside this module (their provenance is in
``README.md``): reporting verbs with their forms, reporting nouns, roles and
titles, news outlets and wire/news agencies, government bodies, anonymity
phrases, hedges, group words and organisation words.

:func:`load_wordlists` reads them into one immutable :class:`Wordlists`
object, optionally adding a user's own entries from CSV or YAML files, so a
scholar can teach biaskit a local outlet or a new reporting verb without
editing the package.

User files
----------
A user CSV has a ``list`` column naming the list each row extends, then the
columns of that list (see :data:`LIST_COLUMNS`); missing columns take their
defaults::

    list,lemma,class,frames,name,kind,country
    reporting_verbs,opine,speech,inv that,,,
    outlets,,,,Kyiv Independent,media,Ukraine

A user YAML file maps list names to rows (mappings) or to bare strings (the
list's first column)::

    outlets:
      - {name: Meduza, kind: media, country: Latvia}
    hedges: [rumoredly]

A mapping ``{list_name: path}`` reads a CSV that has that list's own header.

Examples
--------
>>> wl = load_wordlists()
>>> wl.verb_forms["said"]
('say', 'past')
>>> wl.outlet("RIA Novosti")
('RIA Novosti', 'agency')
>>> wl.outlet("the AP")
('Associated Press', 'agency')
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from biaskit.errors import LexiconError

__all__ = ["LIST_COLUMNS", "VerbEntry", "Wordlists", "load_wordlists", "verb_forms", "with_outlets"]

_HERE = Path(__file__).resolve().parent

#: The packaged lists, their CSV file names and columns (the first column is
#: the entry itself; a row must give it).
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "reporting_verbs": ("lemma", "class", "forms", "particles", "frames", "prior"),
    "reporting_nouns": ("noun", "kind"),
    "roles": ("role", "type"),
    "outlets": ("name", "kind", "country", "aliases"),
    "agency_words": ("word", "kind"),
    "government": ("name", "kind"),
    "countries": ("name", "kind"),
    "anonymity": ("phrase", "kind"),
    "hedges": ("phrase", "kind"),
    "group_words": ("word", "kind"),
    "organization_words": ("word", "kind"),
    "masthead_words": ("word", "position"),
    "cue_priors": ("form", "prior"),
    "cue_weights": ("feature", "weight"),
}

_ALLOWED = {
    ("reporting_verbs", "class"): {
        "speech", "writing", "cognition", "intention", "evaluation", "evidence",
        "perception", "stance", "action", "appearance", "adjective", "noun",
    },
    ("reporting_verbs", "frames"): {"inv", "tell", "that", "to", "obj"},
    ("roles", "type"): {"official", "expert", "person", "media", "organization"},
    ("outlets", "kind"): {"media", "agency"},
    ("agency_words", "kind"): {"media", "agency"},
    ("anonymity", "kind"): {"head", "marker", "modifier"},
    ("masthead_words", "position"): {"first", "last"},
}

_DEFAULTS = {
    ("reporting_verbs", "class"): "speech",
    ("roles", "type"): "person",
    ("outlets", "kind"): "media",
    ("agency_words", "kind"): "media",
    ("reporting_nouns", "kind"): "document",
    ("government", "kind"): "body",
    ("countries", "kind"): "country",
    ("anonymity", "kind"): "head",
    ("hedges", "kind"): "adverb",
    ("group_words", "kind"): "plural",
    ("organization_words", "kind"): "organization",
    ("masthead_words", "position"): "last",
}


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A reporting verb (or predicate) of the word list.

    Attributes
    ----------
    lemma : str
    cls : str
        ``speech``, ``writing``, ``cognition``, ``intention``, ``stance``,
        ``evidence``, ``appearance``, ``action``, ...
    particles : tuple of str
        Words that join the verb in the cue ("point out", "call for").
    frames : frozenset of str
        ``inv``: may come before its source ("said Smith"); ``tell``: takes an
        addressee before its content ("told reporters that ..."); ``that`` /
        ``to``: takes a clause / an infinitive.
    prior : float or None
        A number learned from annotated data (see README.md): how often the
        word, used as a verb outside quotations, marks an attribution.
    """

    lemma: str
    cls: str
    particles: tuple[str, ...]
    frames: frozenset[str]
    prior: float | None


@dataclass(frozen=True)
class Wordlists:
    """All word lists, read-only (see :func:`load_wordlists`)."""

    verbs: Mapping[str, VerbEntry]
    verb_forms: Mapping[str, tuple[str, str]]
    reporting_nouns: Mapping[str, str]
    roles: Mapping[str, str]
    outlets: Mapping[str, tuple[str, str]]
    agency_words: Mapping[str, str]
    government: Mapping[str, str]
    countries: Mapping[str, str]
    anonymity: Mapping[str, str]
    hedges: Mapping[str, str]
    group_words: Mapping[str, str]
    organization_words: Mapping[str, str]
    #: capitalised words that make a name a news outlet's, by where they stand ("Harbor *Tribune*", "*Daily* Meridian")
    masthead_words: Mapping[str, str]
    cue_priors: Mapping[str, float]
    cue_weights: Mapping[str, float]
    #: ``cue_weights`` arranged for scoring: family -> value -> weight
    #: ("class&how" -> ("speech", "pre") -> w; "flag" -> "passive" -> w)
    cue_model: Mapping[str, Any]
    #: every word that may start a cue: verb forms, "according", ":"
    trigger_words: frozenset
    sources: tuple[str, ...]
    #: first word (lower case) of outlet, government, country and role
    #: entries -> the most words such an entry has (for fast phrase search)
    phrase_heads: Mapping[str, int]

    @functools.cached_property
    def fast(self) -> FastLists:
        """Plain-dict copies of the lists read in the extractor's inner loops.

        Built once per :class:`Wordlists` object on first use (a dict lookup
        costs about half a read-only mapping's). Read-only by convention: the
        word lists themselves stay the immutable fields above.
        """
        return FastLists(self)

    def outlet(self, name: str) -> tuple[str, str] | None:
        """``(canonical name, "media" | "agency")`` for an outlet name or alias."""
        key = _outlet_key(name)
        return self.outlets.get(key)

    def is_government(self, name: str) -> bool:
        """True if ``name`` is a listed government body (case-sensitive for capitalised entries)."""
        return name in self.government or name.lower() in self.government


#: the flags of a cue candidate that the cue model weighs, in the order the extractor adds them (bit 0 first:
#: passive 1, aux 2, extended 4, title 8, quote_in_sentence 16); see biaskit.extract._attribution_rules.cue_score
CUE_FLAG_NAMES = ("passive", "aux", "extended", "title", "quote_in_sentence")


class FastLists:
    """Plain dicts of a :class:`Wordlists` for hot loops (see :attr:`Wordlists.fast`); never mutate them."""

    __slots__ = ("verbs", "verb_forms", "reporting_nouns", "roles", "hedges", "cue_priors", "trigger_words",
                 "phrase_heads", "anon_markers", "anon_marker_re", "cue_families", "cue_bias", "cue_prior_logit",
                 "cue_how_max", "cue_source_max", "cue_prior_logits", "cue_bound_table", "agency_words",
                 "organization_words", "government", "agency_parts", "outlet_parts", "government_parts", "cue_words",
                 "hedge_seconds", "cue_context_weights", "cue_source_spread", "cue_flag_sums",
                 "cue_prior_terms", "group_words", "anonymity", "countries", "anon_modifiers", "masthead_last",
                 "masthead_first")
    # (exact types: the compiled attribution modules read these with native dict and set operations)
    verbs: dict[str, VerbEntry]
    verb_forms: dict[str, tuple[str, str]]
    cue_words: dict[str, tuple[str, str, VerbEntry]]
    reporting_nouns: dict[str, str]
    roles: dict[str, str]
    hedges: dict[str, str]
    hedge_seconds: frozenset[str]
    cue_priors: dict[str, float]
    trigger_words: frozenset[str]
    phrase_heads: dict[str, int]
    agency_words: dict[str, str]
    organization_words: dict[str, str]
    masthead_last: frozenset[str]
    masthead_first: frozenset[str]
    government: dict[str, str]
    group_words: dict[str, str]
    anonymity: dict[str, str]
    anon_modifiers: frozenset[str]
    countries: dict[str, str]
    agency_parts: frozenset[str]
    outlet_parts: frozenset[str]
    government_parts: frozenset[str]
    anon_markers: tuple[str, ...]
    anon_marker_re: re.Pattern[str] | None
    cue_families: dict[str, dict[Any, float]]
    cue_prior_logits: dict[str, float]
    cue_prior_terms: dict[str, float]
    cue_bound_table: dict[tuple[str, str, str, str], float]
    cue_context_weights: dict[tuple[str, str, str, str], tuple[float, ...]]
    cue_flag_sums: dict[tuple[str, ...], float]

    def __init__(self, wl: Wordlists) -> None:
        self.verbs = dict(wl.verbs)
        self.verb_forms = dict(wl.verb_forms)
        #: verb form -> (lemma, form, VerbEntry), for the forms whose lemma has an entry (one look-up per word)
        self.cue_words = {w: (lemma, form, self.verbs[lemma]) for w, (lemma, form) in self.verb_forms.items()
                          if lemma in self.verbs}
        self.reporting_nouns = dict(wl.reporting_nouns)
        self.roles = dict(wl.roles)
        self.hedges = dict(wl.hedges)
        #: the second word of every hedge of several words ("is *said* to")
        self.hedge_seconds = frozenset(h.split(" ")[1] for h in self.hedges if " " in h)
        self.cue_priors = dict(wl.cue_priors)
        self.trigger_words = wl.trigger_words
        self.phrase_heads = dict(wl.phrase_heads)
        self.agency_words = dict(wl.agency_words)
        self.organization_words = dict(wl.organization_words)
        #: masthead words by position (lower case)
        self.masthead_last = frozenset(w for w, pos in wl.masthead_words.items() if pos == "last")
        self.masthead_first = frozenset(w for w, pos in wl.masthead_words.items() if pos == "first")
        self.government = dict(wl.government)
        self.group_words = dict(wl.group_words)
        self.anonymity = dict(wl.anonymity)
        #: anonymity entries of kind "modifier" ("senior", "unnamed")
        self.anon_modifiers = frozenset(w for w, kind in wl.anonymity.items() if kind == "modifier")
        self.countries = dict(wl.countries)
        #: every word of a media word, an outlet name (as :meth:`Wordlists.outlet` compares them) or a
        #: government body (as written): a phrase none of whose words is here is in no such list
        self.agency_parts = _parts(wl.agency_words)
        self.outlet_parts = _parts(wl.outlets)
        self.government_parts = _parts(wl.government)
        #: anonymity entries of kind "marker", in list order
        self.anon_markers = tuple(m for m, kind in wl.anonymity.items() if kind == "marker")
        #: one pattern finding any marker as a substring (None without markers)
        self.anon_marker_re = re.compile("|".join(map(re.escape, self.anon_markers))) if self.anon_markers else None
        m = wl.cue_model
        #: the cue model's families as plain dicts (empty dicts without a model)
        self.cue_families = {f: dict(m.get(f, {})) for f in _CUE_FAMILIES}
        self.cue_bias = m.get("bias", 0.0)
        self.cue_prior_logit = m.get("prior_logit", 1.0)
        #: upper bounds of the weights a verb candidate's source can add (see :func:`_cue_bounds`)
        classes = {e.cls for e in wl.verbs.values()}
        self.cue_how_max, self.cue_source_max = _cue_bounds(self.cue_families, classes)
        #: class -> how far apart the most and the least the source-dependent features can add are
        self.cue_source_spread = _cue_spreads(self.cue_families, classes)
        #: the log-odds of each form's prior (as the extractor computes them)
        self.cue_prior_logits = {w: prior_logit(p) for w, p in self.cue_priors.items()}
        #: the prior's part of a verb form's score (its log-odds times the model's weight)
        self.cue_prior_terms = {w: self.cue_prior_logit * lg for w, lg in self.cue_prior_logits.items()}
        #: :meth:`cue_bound_part` of every (form, class, prev, next) the model knows
        fam = self.cue_families
        forms = {kind for _, kind in wl.verb_forms.values()} | set(fam["form"])
        prevs = set(fam["prev"]) | {p for _, p in fam["form&prev"]}
        nexts = set(fam["next"]) | {x for _, x in fam["class&next"]}
        self.cue_bound_table = {(f, c, p, x): self.cue_bound_part(f, c, p, x)
                                for f in forms for c in classes for p in prevs for x in nexts} if m else {}
        #: (form, class, prev, next) -> the weights of form, class, prev, form&prev, next and class&next
        self.cue_context_weights = {(f, c, p, x): self.context_weights(f, c, p, x)
                                    for f in forms for c in classes for p in prevs for x in nexts} if m else {}
        #: every combination (a tuple in the extractor's order) of the cue flags -> the sum of their weights
        flag = self.cue_families["flag"]
        names = CUE_FLAG_NAMES
        combos = [tuple(x for b, x in enumerate(names) if mask >> b & 1) for mask in range(1 << len(names))]
        self.cue_flag_sums = {fs: sum(flag.get(x, 0.0) for x in fs) for fs in combos}

    def context_weights(self, form: str, cls: str, prev: str, nxt: str) -> tuple[float, ...]:
        """The cue model's weights of a verb candidate's form, class, previous and next word (0 when unknown).

        In the order :func:`~biaskit.extract._attribution_rules.cue_score`
        adds them: form, class, prev, form&prev, next, class&next.
        """
        m = self.cue_families
        return (m["form"].get(form, 0.0), m["class"].get(cls, 0.0), m["prev"].get(prev, 0.0),
                m["form&prev"].get((form, prev), 0.0), m["next"].get(nxt, 0.0), m["class&next"].get((cls, nxt), 0.0))

    def cue_bound_part(self, form: str, cls: str, prev: str, nxt: str) -> float:
        """The most a verb candidate's score may be, bar its prior and its flags and ``earlier`` feature.

        The bias, the weights of its form, class, previous and next word, and
        the largest weights its source could add (see :func:`_cue_bounds`).
        """
        m = self.cue_families
        how_max = self.cue_how_max
        return (self.cue_bias + m["form"].get(form, 0.0) + m["class"].get(cls, 0.0) + how_max.get(cls, how_max[None])
                + self.cue_source_max + m["prev"].get(prev, 0.0) + m["form&prev"].get((form, prev), 0.0)
                + m["next"].get(nxt, 0.0) + m["class&next"].get((cls, nxt), 0.0))


#: masthead words that make a name an outlet's without "the" before it (hardly anyone's surname)
BARE_MASTHEADS = frozenset({"news", "times"})


def masthead_name(words: Sequence[str], wl: Wordlists, *, after_the: bool) -> bool:
    """A name shaped like a newspaper's: capitalised words a masthead word ends ("Times") or opens ("Daily").

    Parameters
    ----------
    words : sequence of str
        The name's words as written, without a leading "the".
    wl : Wordlists
        Gives ``masthead_words`` and ``roles``.
    after_the : bool
        Whether "the" stood before the name. A person may bear such a name
        ("Mayor Don Guardian", "Emily Post"), so without "the" only a name
        ending in one of :data:`BARE_MASTHEADS` ("Fox News", "Military
        Times") counts. The extractor passes what the text says; ``via``
        entries are relays already, stored without "the", and count as if it
        stood there.

    Examples
    --------
    >>> wl = load_wordlists()
    >>> [masthead_name(n.split(), wl, after_the=t) for n, t in
    ...  [("Springfield Gazette", True), ("Don Guardian", False), ("Fox News", False), ("Mayor Guardian", True)]]
    [True, False, True, False]
    """
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    marks = wl.masthead_words
    last = words[-1].lower()
    if marks.get(last) != "last" and marks.get(words[0].lower()) != "first":
        return False
    if not after_the and last not in BARE_MASTHEADS:
        return False
    return not any(w.lower() in wl.roles for w in words)


def prior_logit(p: float) -> float:
    """Log-odds of a prior, clipped to [0.01, 0.99] (as the cue model reads it).

    >>> round(prior_logit(0.5), 6), round(prior_logit(1.0), 3)
    (0.0, 4.595)
    """
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1.0 - p))


def _parts(table: Mapping[str, Any]) -> frozenset[str]:
    """The words (split at single spaces) of every key of ``table``."""
    return frozenset(w for key in table for w in key.split(" "))


def _cue_bounds(families: dict[str, dict], classes: set[str]) -> tuple[dict[str, float], float]:
    """The most the source-dependent cue features can add to a verb candidate's score.

    Returns ``{class: bound}`` for the features ``how`` and ``class&how``
    together (a class not in it: the bound of ``how`` alone), and one bound
    for ``src`` and ``srclen``. A feature value missing from the model adds
    0, so no bound is below 0.
    """
    how = families.get("how", {})
    class_how = families.get("class&how", {})
    hows = set(how) | {h for _, h in class_how}
    out = {}
    for cls in classes | {cls for cls, _ in class_how}:
        out[cls] = max([0.0] + [how.get(h, 0.0) + class_how.get((cls, h), 0.0) for h in hows])
    out[None] = max([0.0] + list(how.values()))
    src = max([0.0] + list(families.get("src", {}).values()))
    srclen = max([0.0] + list(families.get("srclen", {}).values()))
    return out, src + srclen


def _cue_spreads(families: dict[str, dict], classes: set[str]) -> dict[str | None, float]:
    """Per class: the most minus the least the source-dependent cue features can add (see :func:`_cue_bounds`).

    A verb candidate's score is at least its bound minus this spread.
    """
    how = families.get("how", {})
    class_how = families.get("class&how", {})
    hows = set(how) | {h for _, h in class_how}
    src, srclen = families.get("src", {}), families.get("srclen", {})
    # no source adds 0; a value missing from the model adds 0
    source = max([0.0] + list(src.values())) + max([0.0] + list(srclen.values()))
    source -= min([0.0] + list(src.values())) + min([0.0] + list(srclen.values()))
    out: dict[str | None, float] = {}
    for cls in classes | {cls for cls, _ in class_how}:
        parts = [0.0] + [how.get(h, 0.0) + class_how.get((cls, h), 0.0) for h in hows]
        out[cls] = max(parts) - min(parts) + source
    parts = [0.0] + list(how.values())
    out[None] = max(parts) - min(parts) + source
    return out


def _outlet_key(name: str) -> str:
    k = " ".join(name.replace("\u2019", "'").split()).lower()
    if k.startswith("the "):
        k = k[4:]
    return k


# --------------------------------------------------------------------------
# Verb forms
# --------------------------------------------------------------------------

_VOWELS = set("aeiou")


def verb_forms(lemma: str) -> dict[str, str]:
    """Regular English forms of a verb: ``{form: kind}``.

    ``kind`` is ``base``, ``3sg``, ``past`` (also the past participle) or
    ``ing``. Verbs that double their last consonant or are irregular list
    their forms in the CSV instead.

    Examples
    --------
    >>> verb_forms("say")
    {'say': 'base', 'says': '3sg', 'sayed': 'past', 'saying': 'ing'}
    >>> verb_forms("deny")
    {'deny': 'base', 'denies': '3sg', 'denied': 'past', 'denying': 'ing'}
    >>> sorted(verb_forms("argue"))
    ['argue', 'argued', 'argues', 'arguing']
    """
    w = lemma
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        s3 = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        s3 = w[:-1] + "ies"
    else:
        s3 = w + "s"
    if w.endswith("e"):
        past = w + "d"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past = w[:-1] + "ied"
    else:
        past = w + "ed"
    if w.endswith("ie"):
        ing = w[:-2] + "ying"
    elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        ing = w[:-1] + "ing"
    else:
        ing = w + "ing"
    return {w: "base", s3: "3sg", past: "past", ing: "ing"}


def _explicit_forms(lemma: str, spec: str, where: str) -> dict[str, str]:
    parts = [p.strip() for p in spec.split("|")]
    if len(parts) != 4 or not all(parts):
        raise LexiconError(f"{where}: 'forms' must be '3sg|past|participle|ing' (four forms), got {spec!r}")
    s3, past, pp, ing = parts
    out = {lemma: "base", s3: "3sg", past: "past", ing: "ing"}
    out.setdefault(pp, "past")
    return out


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def _read_csv_rows(path: Path, name: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (line number, row) pairs, checked against the list's columns."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise LexiconError(f"{path}: cannot read word list ({e.strerror or e})") from None
    except UnicodeDecodeError as e:
        raise LexiconError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    reader = csv.DictReader(io.StringIO(raw))
    header = reader.fieldnames or []
    cols = LIST_COLUMNS[name]
    if cols[0] not in header:
        raise LexiconError(f"{path}, line 1: the word list {name!r} needs a {cols[0]!r} column (header is {header})")
    unknown = [h for h in header if h not in cols and h != "list"]
    if unknown:
        raise LexiconError(f"{path}, line 1: unknown column(s) {unknown} for the word list {name!r}; expected {list(cols)}")
    return [(reader.line_num, row) for row in reader]


def _read_user_file(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(list name, 'file, line N', row) triples from a user CSV (with a ``list`` column) or YAML file."""
    if not path.exists():
        raise LexiconError(f"{path}: word list file not found")
    out: list[tuple[str, str, dict[str, Any]]] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            text = path.read_text(encoding="utf-8-sig")
            data = yaml.safe_load(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = f", line {mark.line + 1}" if mark is not None else ""
            raise LexiconError(f"{path}{line}: not valid YAML ({getattr(e, 'problem', e)})") from None
        except (OSError, UnicodeDecodeError) as e:
            raise LexiconError(f"{path}: cannot read word list ({e})") from None
        if not isinstance(data, Mapping):
            raise LexiconError(f"{path}, line 1: a YAML word list must map list names ({', '.join(LIST_COLUMNS)}) to entries")
        lines = text.splitlines()
        for name, entries in data.items():
            if name not in LIST_COLUMNS:
                raise LexiconError(f"{path}, line {_yaml_line(lines, str(name))}: unknown word list {name!r}; "
                                   f"expected one of {', '.join(LIST_COLUMNS)}")
            if not isinstance(entries, list):
                raise LexiconError(f"{path}, line {_yaml_line(lines, str(name))}: {name!r} must hold a list of entries")
            first = LIST_COLUMNS[name][0]
            for k, e in enumerate(entries):
                where = f"{path}, line {_yaml_line(lines, str(name))} ({name} entry {k + 1})"
                if isinstance(e, str):
                    out.append((name, where, {first: e}))
                elif isinstance(e, Mapping):
                    out.append((name, where, {str(a): "" if b is None else str(b) for a, b in e.items()}))
                else:
                    raise LexiconError(f"{where}: an entry must be a string or a mapping, got {e!r}")
        return out
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"{path}: cannot read word list ({e})") from None
    reader = csv.DictReader(io.StringIO(raw))
    header = reader.fieldnames or []
    if "list" not in header:
        raise LexiconError(f"{path}, line 1: a user word list CSV needs a 'list' column naming the list each row "
                           f"extends ({', '.join(LIST_COLUMNS)}); header is {header}")
    for row in reader:
        name = (row.get("list") or "").strip()
        where = f"{path}, line {reader.line_num}"
        if name not in LIST_COLUMNS:
            raise LexiconError(f"{where}: unknown word list {name!r}; expected one of {', '.join(LIST_COLUMNS)}")
        out.append((name, where, {k: (v or "") for k, v in row.items() if k in LIST_COLUMNS[name]}))
    return out


def _yaml_line(lines: list[str], key: str) -> int:
    for i, ln in enumerate(lines):
        if ln.lstrip().startswith(key + ":") or ln.lstrip().startswith(f'"{key}":'):
            return i + 1
    return 1


class _Builder:
    """Collects entries (packaged, then user) and freezes them."""

    def __init__(self) -> None:
        self.verbs: dict[str, VerbEntry] = {}
        self.forms: dict[str, tuple[str, str]] = {}
        self.simple: dict[str, dict[str, Any]] = {n: {} for n in LIST_COLUMNS if n != "reporting_verbs"}
        self.sources: list[str] = []

    def add(self, name: str, row: Mapping[str, Any], where: str) -> None:
        cols = LIST_COLUMNS[name]
        val = {c: str(row.get(c) or "").strip() for c in cols}
        key = val[cols[0]]
        if not key:
            raise LexiconError(f"{where}: empty {cols[0]!r} in the word list {name!r}")
        for c in cols[1:]:
            if not val[c] and (name, c) in _DEFAULTS:
                val[c] = _DEFAULTS[(name, c)]
            allowed = _ALLOWED.get((name, c))
            if allowed and val[c]:
                items = val[c].split() if c == "frames" else [val[c]]
                bad = [x for x in items if x not in allowed]
                if bad:
                    raise LexiconError(f"{where}: {c} {bad[0]!r} is not one of {sorted(allowed)} in the word list {name!r}")
        if name == "reporting_verbs":
            self._add_verb(val, where)
        elif name == "outlets":
            canon = key
            for alias in [key, *[a for a in val["aliases"].split("|") if a.strip()]]:
                self.simple["outlets"][_outlet_key(alias)] = (canon, val["kind"])
        elif name == "cue_weights":
            try:
                self.simple[name][key] = float(val["weight"])
            except ValueError:
                raise LexiconError(f"{where}: weight {val['weight']!r} is not a number") from None
        elif name == "cue_priors":
            try:
                prior = float(val["prior"])
            except ValueError:
                raise LexiconError(f"{where}: prior {val['prior']!r} is not a number") from None
            if not 0.0 <= prior <= 1.0:
                raise LexiconError(f"{where}: prior {prior} must lie between 0 and 1")
            self.simple[name][key.lower()] = prior
        else:
            k = key if name in ("government", "countries") else key.lower()
            self.simple[name][k] = val[cols[1]] if len(cols) > 1 else ""

    def _add_verb(self, val: dict[str, str], where: str) -> None:
        lemma = val["lemma"].lower()
        prior = None
        if val["prior"]:
            try:
                prior = float(val["prior"])
            except ValueError:
                raise LexiconError(f"{where}: prior {val['prior']!r} is not a number") from None
            if not 0.0 <= prior <= 1.0:
                raise LexiconError(f"{where}: prior {prior} must lie between 0 and 1")
        if val["class"] == "adjective":
            forms = {lemma: "adj"}  # a predicate adjective: "is confident that", "was critical of"
        elif val["class"] == "noun":
            # a speech-act noun after a possessor ("Trump's criticism of"); 'forms' lists other forms
            forms = {lemma: "noun", **{f.strip().lower(): "noun" for f in val["forms"].split("|") if f.strip()}}
        else:
            forms = _explicit_forms(lemma, val["forms"], where) if val["forms"] else verb_forms(lemma)
        entry = VerbEntry(
            lemma=lemma,
            cls=val["class"],
            particles=tuple(p.strip().lower() for p in val["particles"].split("|") if p.strip()),
            frames=frozenset(val["frames"].split()),
            prior=prior,
        )
        self.verbs[lemma] = entry
        for f, kind in forms.items():
            f = f.lower()
            old = self.forms.get(f)
            # an explicit lemma wins over a form generated for another lemma
            if old is None or old[0] == lemma or val["forms"]:
                self.forms[f] = (lemma, kind)

    def freeze(self) -> Wordlists:
        ro = MappingProxyType
        s = self.simple
        return Wordlists(
            verbs=ro(dict(self.verbs)),
            verb_forms=ro(dict(self.forms)),
            reporting_nouns=ro(dict(s["reporting_nouns"])),
            roles=ro(dict(s["roles"])),
            outlets=ro(dict(s["outlets"])),
            agency_words=ro(dict(s["agency_words"])),
            government=ro(dict(s["government"])),
            countries=ro(dict(s["countries"])),
            anonymity=ro(dict(s["anonymity"])),
            hedges=ro(dict(s["hedges"])),
            group_words=ro(dict(s["group_words"])),
            organization_words=ro(dict(s["organization_words"])),
            masthead_words=ro(dict(s["masthead_words"])),
            cue_priors=ro(dict(s["cue_priors"])),
            cue_weights=ro(dict(s["cue_weights"])),
            cue_model=ro(_cue_model(s["cue_weights"])),
            trigger_words=frozenset(self.forms) | {"according", ":"},
            sources=tuple(self.sources),
            phrase_heads=ro(self._heads()),
        )

    def _heads(self) -> dict[str, int]:
        heads: dict[str, int] = {}
        keys = (list(self.simple["outlets"]) + list(self.simple["government"]) + list(self.simple["countries"])
                + list(self.simple["roles"]))
        for k in keys:
            words = k.replace("\u2019", "'").split()
            if not words:
                continue
            h = words[0].lower()
            heads[h] = max(heads.get(h, 0), len(words))
            if h == "the" and len(words) > 1:
                h2 = words[1].lower()
                heads[h2] = max(heads.get(h2, 0), len(words) - 1)
        return heads


_CUE_FAMILIES = ("form", "class", "how", "class&how", "earlier", "src", "srclen", "prev", "form&prev", "next",
                 "class&next", "flag")


def _cue_model(weights: Mapping[str, float]) -> dict[str, Any]:
    """Arrange feature weights by family for fast scoring (empty without weights)."""
    if not weights:
        return {}
    fam: dict[str, dict] = {f: {} for f in _CUE_FAMILIES}
    model: dict[str, Any] = {"bias": weights.get("bias", 0.0), "prior_logit": weights.get("prior_logit", 1.0)}
    for name, w in weights.items():
        if name in ("bias", "prior_logit"):
            continue
        parts = name.split("&")
        if all("=" in p for p in parts):
            keys = [p.split("=", 1) for p in parts]
            family = "&".join(k for k, _ in keys)
            value = keys[0][1] if len(keys) == 1 else tuple(x for _, x in keys)
        else:
            family, value = "flag", name
        fam.setdefault(family, {})[value] = w
    model.update({k: MappingProxyType(d) for k, d in fam.items()})
    return model


def _packaged(builder: _Builder) -> None:
    for name in LIST_COLUMNS:
        path = _HERE / f"{name}.csv"
        for line, row in _read_csv_rows(path, name):
            builder.add(name, row, f"{path.name}, line {line}")
        builder.sources.append(f"biaskit/wordlists/{name}.csv")


@functools.lru_cache(maxsize=1)
def _default() -> Wordlists:
    b = _Builder()
    _packaged(b)
    return b.freeze()


def load_wordlists(extra: str | Path | Mapping[str, str | Path] | Iterable[str | Path] | None = None) -> Wordlists:
    """Load the packaged word lists, plus a user's own entries.

    Parameters
    ----------
    extra : path, list of paths, or mapping, optional
        User files that extend the packaged lists: a CSV with a ``list``
        column, a YAML file mapping list names to entries, or a mapping
        ``{list_name: csv_path}`` whose CSV files carry that list's header.
        Later entries override earlier ones with the same key.

    Returns
    -------
    Wordlists
        Read-only; the packaged lists alone are read once per process.

    Raises
    ------
    biaskit.errors.LexiconError
        For a missing file, an unknown list or column, or a bad value; the
        message names the file and line.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "mine.csv")
    >>> _ = open(p, "w").write("list,lemma,class,frames\\nreporting_verbs,opine,speech,inv that\\n")
    >>> load_wordlists(p).verb_forms["opined"]
    ('opine', 'past')
    >>> _ = open(p, "w").write("list,lemma\\nreporting_verb,opine\\n")
    >>> load_wordlists(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    biaskit.errors.LexiconError: ...mine.csv, line 2: unknown word list 'reporting_verb'; ...
    """
    if extra is None:
        return _default()
    b = _Builder()
    _packaged(b)
    if isinstance(extra, Mapping):
        for name, path in extra.items():
            if name not in LIST_COLUMNS:
                raise LexiconError(f"unknown word list {name!r}; expected one of {', '.join(LIST_COLUMNS)}")
            p = Path(path)
            if not p.exists():
                raise LexiconError(f"{p}: word list file not found")
            for line, row in _read_csv_rows(p, name):
                b.add(name, row, f"{p}, line {line}")
            b.sources.append(str(p))
        return b.freeze()
    paths = [extra] if isinstance(extra, (str, Path)) else list(extra)
    for path in paths:
        p = Path(path)
        for name, where, row in _read_user_file(p):
            b.add(name, row, where)
        b.sources.append(str(p))
    return b.freeze()


def with_outlets(wordlists: Wordlists | None, names: Iterable[str], *, kind: str = "media") -> Wordlists:
    """Word lists that also know the given names as news outlets.

    The outlets of the corpus being analysed are news media by definition:
    :func:`biaskit.extract_features` and :func:`biaskit.attribution_table`
    add them, so that "the Harbor Ledger reported" is typed as a media
    source and counts as a relay in the ``via`` chain even when the outlet is
    in no packaged list. Names already listed keep their entry.

    Examples
    --------
    >>> wl = with_outlets(None, ["The Harbor Ledger"])
    >>> wl.outlet("Harbor Ledger")
    ('The Harbor Ledger', 'media')
    >>> with_outlets(wl, ["Reuters"]).outlet("Reuters")
    ('Reuters', 'agency')
    """
    base = wordlists if wordlists is not None else _default()
    new = {}
    for name in names:
        if not isinstance(name, str):
            continue
        name = " ".join(name.split())
        key = _outlet_key(name)
        if len(key) < 2 or key == "unknown" or key in base.outlets or key in new:
            continue
        new[key] = (name, kind)
    if not new:
        return base
    heads = dict(base.phrase_heads)
    for key in new:
        words = key.split()
        heads[words[0]] = max(heads.get(words[0], 0), len(words))
    outlets = MappingProxyType({**base.outlets, **new})
    return dataclasses.replace(base, outlets=outlets, phrase_heads=MappingProxyType(heads))
