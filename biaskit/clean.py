"""Cleaning raw scraped article text: page furniture out, metadata kept.

Scholars often paste or scrape articles with the page furniture still in
them: "Advertisement", share buttons, tracking-script names, photo credits,
bylines and "Published 08:16 IST, February 12th 2022" lines.
:func:`clean_text` separates that furniture from the body and turns what it
can into metadata (title, dek, author, publication and update instants,
image credit).

The contract
------------
* The body is made of **whole lines of the input text**, in order, stripped
  of surrounding white space only; characters inside a line are never
  rewritten (normalisation for matching happens in :func:`biaskit.parse.parse`).
  Lines are joined by ``"\\n"``, and by ``"\\n\\n"`` where the input had a
  blank line or a removed line between them.
* A line is removed only when it is confidently furniture: a whole line that
  matches a furniture rule (``wordlists/boilerplate.csv``), a date line, a
  byline, an image credit, or the title / dek / photo caption of a header
  that page furniture delimits. Cleaning never deletes a sentence of the body;
  a text with no furniture comes back unchanged (up to white space around
  lines).
* :func:`body_segments` aligns the body with the input text, so every
  position in the body maps back to the same character of the input.

The rules are general (they read the shape of lines, never one site's
layout); the patterns and the time-zone table are data files in
``biaskit/wordlists/`` (see ``cleaning.md`` there for their provenance).

Examples
--------
>>> r = clean_text("Advertisement\\nTalks fail in Geneva\\nBy Jane Doe\\n"
...                "Officials said the talks failed.\\nShare")
>>> r.title, r.author, r.body
('Talks fail in Geneva', 'Jane Doe', 'Officials said the talks failed.')
>>> r.boilerplate
('Advertisement', 'By Jane Doe', 'Share')
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "CleanResult",
    "body_segments",
    "clean_text",
    "parse_date_text",
    "timezone_offsets",
]

#: Furniture kinds that ``CleanResult.removed`` may name.
FURNITURE_KINDS = (
    "advertisement", "social", "related", "navigation", "copyright", "tracking",
    "date", "updated", "byline", "credits", "image_credit",
)

# longest line that can be furniture; longer lines are always body (this
# also keeps the rules linear on very long lines)
_MAX_FURNITURE_LEN = 300


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What :func:`clean_text` recovers from a raw article text.

    Attributes
    ----------
    body : str
        The cleaned body: whole lines of the input, joined by newlines.
    title, dek, author : str or None
        The headline, the standfirst (the line under the headline) and the
        byline's name(s), where the text carries them.
    date, updated : datetime or None
        Publication and update instants found in the text; time-zone aware
        when the text names the zone ("IST" -> +05:30), naive otherwise.
    image_credit : str or None
        The first photo credit found ("AP").
    boilerplate : tuple of str
        The furniture lines removed (advertisements, share lines, credits,
        date lines, bylines, ...), stripped, in order. The title, dek and
        captions are not furniture: they are listed in ``removed``.
    captions : tuple of str
        Photo captions removed from the header.
    removed : tuple of (kind, start, end)
        Every line that is not in the body, with its kind (``"title"``,
        ``"dek"``, ``"caption"`` or a furniture kind) and its span in the text.
    segments : tuple of (int, int)
        ``(start_in_body, start_in_text)`` pairs aligning ``body`` with the
        text (see :func:`body_segments`).
    title_span, dek_span : (int, int) or None
        Where the title and dek lie in the text.
    """

    body: str
    title: str | None = None
    dek: str | None = None
    author: str | None = None
    date: datetime | None = None
    updated: datetime | None = None
    image_credit: str | None = None
    boilerplate: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    removed: tuple[tuple[str, int, int], ...] = ()
    segments: tuple[tuple[int, int], ...] = ((0, 0),)
    title_span: tuple[int, int] | None = None
    dek_span: tuple[int, int] | None = None

    def metadata(self) -> dict:
        """The metadata as a flat dict (``title, dek, author, date, updated, image_credit``)."""
        return {
            "title": self.title,
            "dek": self.dek,
            "author": self.author,
            "date": self.date,
            "updated": self.updated,
            "image_credit": self.image_credit,
        }


# --------------------------------------------------------------------------
# Data tables (read once from the package; immutable afterwards)
# --------------------------------------------------------------------------


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("biaskit").joinpath("wordlists", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=None)
def _furniture_rules() -> tuple[re.Pattern | None, tuple, tuple]:
    """The furniture rules of ``boilerplate.csv``, compiled once.

    Rules flagged ``i`` (ignore case) are written in lower case and run on the
    lower-cased line (case-sensitive matching is several times faster).
    Returns the ``i`` rules without a prefilter combined in one pattern (a
    fast first pass) with their list, and the other rules, each with its
    prefilter (a cheap search that must succeed before the rule is tried)
    and whether it runs on the lower-cased line.
    """
    plain, other, parts = [], [], []
    for row in _read_csv("boilerplate.csv"):
        lower = "i" in row["flags"]
        requires = re.compile(row["requires"]) if row.get("requires") else None
        rule = (row["kind"], re.compile(row["pattern"]), requires)
        if lower and not row.get("prefilter"):
            parts.append(f"(?P<r{len(plain)}>{row['pattern']})")
            plain.append(rule)
        else:
            pre = re.compile(row["prefilter"]) if row.get("prefilter") else None
            other.append((lower, pre, *rule))
    combined = re.compile("|".join(parts)) if parts else None
    return combined, tuple(plain), tuple(other)


def _furniture_kind(line: str) -> str | None:
    """The kind of the first furniture rule that the whole line matches, or None."""
    combined, plain, other = _furniture_rules()
    low = line.lower()
    m = combined.fullmatch(low) if combined is not None else None
    if m is not None:
        for kind, rx, requires in plain[int(m.lastgroup[1:]):]:
            if rx.fullmatch(low) and (requires is None or requires.search(low)):
                return kind
    for lower, pre, kind, rx, requires in other:
        s = low if lower else line
        if (pre is None or pre.search(s)) and rx.fullmatch(s) and (requires is None or requires.search(s)):
            return kind
    return None


def _parse_offset(s: str) -> timedelta:
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", s.strip())
    if not m:
        raise ValueError(f"bad UTC offset {s!r}")
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return -delta if m.group(1) == "-" else delta


@lru_cache(maxsize=None)
def _tz_table() -> tuple[tuple[str, timedelta], ...]:
    return tuple((row["abbreviation"], _parse_offset(row["utc_offset"])) for row in _read_csv("timezones.csv"))


def timezone_offsets() -> dict[str, timedelta]:
    """The time-zone abbreviations that dates in text may use, with their UTC offsets.

    Read from ``biaskit/wordlists/timezones.csv``; ambiguous abbreviations
    take the reading most common in English-language news (noted in the file).

    Examples
    --------
    >>> timezone_offsets()["IST"]
    datetime.timedelta(seconds=19800)
    >>> timezone_offsets()["EDT"]
    datetime.timedelta(days=-1, seconds=72000)
    """
    return dict(_tz_table())


# --------------------------------------------------------------------------
# Dates written in text
# --------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}
_FILLER = {"on", "at", "of", "the", "hrs", "hours", "h", "time"}

_ISO_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?"
)
_DATE_TOKEN_RE = re.compile(
    r"(?P<iso>" + _ISO_RE.pattern + r")"
    r"|(?P<time>\d{1,2}(?:[:.]\d{2}){1,2}(?:\s*(?:[ap]\.?m\.?)(?![a-z]))?|\d{1,2}\s*[ap]\.?m\.?(?![a-z]))"
    r"|(?P<offset>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}(?!\d))"
    r"|(?P<slash>\d{1,2}[/.]\d{1,2}[/.]\d{4})"
    r"|(?P<num>\d{1,4})(?:st|nd|rd|th)?\b"
    r"|(?P<word>[^\W\d_]+)\.?"
    r"|(?P<sep>[\s,|/()\u2013\u2014\u2022\u00b7-]+)"
)


def parse_date_text(s: str, *, dayfirst: bool | None = None) -> datetime | None:
    """Read a date (and time, and time zone) written as a whole string.

    Accepts the forms news sites print: ``"08:16 IST, February 12th 2022"``,
    ``"Feb. 12, 2022 8:16 a.m. EST"``, ``"Saturday 12 February 2022"``,
    ``"2022-02-12T08:16:00+05:30"``, ``"12/02/2022"`` (day and month told
    apart only when one of them is above 12, or by ``dayfirst``). The whole
    string must be a date: any other word makes it ``None``, so a sentence
    that mentions a date is not read as a date line.

    Returns
    -------
    datetime or None
        Aware when a time zone is named (abbreviations from
        :func:`timezone_offsets`, ``UTC+2``, ``+05:30``), naive otherwise.

    Examples
    --------
    >>> parse_date_text("08:16 IST, February 12th 2022").isoformat()
    '2022-02-12T08:16:00+05:30'
    >>> parse_date_text("Feb. 3, 2021, 5:04 p.m. ET") is None  # "ET" is not one zone
    True
    >>> parse_date_text("Feb. 3, 2021, 5:04 p.m. EST").isoformat()
    '2021-02-03T17:04:00-05:00'
    >>> parse_date_text("The talks ended on 3 February 2021") is None
    True
    """
    s = s.strip()
    if not s or len(s) > 80:
        return None
    iso = _ISO_RE.fullmatch(s)
    if iso:
        try:
            return datetime.fromisoformat(s.replace(" Z", "Z").replace(",", "."))
        except ValueError:
            return None
    tz_table = dict(_tz_table())
    year = month = day = None
    hour = minute = second = None
    ampm = None
    tz: timedelta | None = None
    nums: list[int] = []
    pos = 0
    for m in _DATE_TOKEN_RE.finditer(s):
        if m.start() != pos:
            return None
        pos = m.end()
        kind = m.lastgroup
        tok = m.group(kind)
        if kind == "sep":
            continue
        if kind == "iso":
            return None  # an ISO date inside other words: not a date line
        if kind == "time":
            if hour is not None:
                return None
            t = tok.lower().replace(" ", "")
            ap = re.search(r"([ap])\.?m\.?$", t)
            if ap:
                ampm = ap.group(1)
                t = t[: ap.start()]
            parts = re.split(r"[:.]", t)
            hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
            second = int(parts[2]) if len(parts) > 2 else 0
        elif kind == "offset":
            if tz is not None:
                return None
            off = re.sub(r"(?:UTC|GMT|\s)", "", tok)
            sign, rest = off[0], off[1:]
            h, _, mi = rest.partition(":")
            if not mi and len(rest) > 2:
                h, mi = rest[:-2], rest[-2:]
            tz = timedelta(hours=int(h), minutes=int(mi or 0)) * (-1 if sign == "-" else 1)
        elif kind == "slash":
            a, b, y = (int(x) for x in re.split(r"[/.]", tok))
            if a > 12 >= b or (dayfirst and b <= 12):
                day, month = a, b
            elif b > 12 >= a or (dayfirst is False and a <= 12):
                month, day = a, b
            else:
                return None
            year = y
        elif kind == "num":
            nums.append(int(tok))
        else:
            low = tok.lower()
            if tok in tz_table and tz is None:
                tz = tz_table[tok]
            elif low in _MONTHS and month is None:
                month = _MONTHS[low]
            elif low in _WEEKDAYS or low in _FILLER:
                continue
            elif low in ("am", "pm") and hour is not None and ampm is None:
                ampm = low[0]
            else:
                return None
    if pos != len(s):
        return None
    for n in nums:
        if n >= 1000 and year is None:
            year = n
        elif 1 <= n <= 31 and day is None:
            day = n
        else:
            return None
    if year is None or month is None or day is None:
        return None
    if hour is not None:
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
    try:
        dt = datetime(year, month, day, hour or 0, minute or 0, second or 0)
    except ValueError:
        return None
    if tz is not None:
        dt = dt.replace(tzinfo=timezone(tz))
    return dt


# a date line: an optional label, then a date
_DATE_LABEL_RE = re.compile(
    r"(?i:(?P<label>(?:first |originally |last )?(?:published|posted|updated|modified|edited|created|released|issued)"
    r"|date|dated|last update|pub(?:lished)? date)\b)\s*(?i:on|at)?\s*[:\-\u2013|]?\s*"
)


_DIGIT_RE = re.compile(r"\d")


def _one_date(piece: str) -> tuple[str, datetime] | None:
    label = None
    rest = piece
    m = _DATE_LABEL_RE.match(piece)
    if m:
        label = m.group("label").lower()
        rest = piece[m.end():]
    dt = parse_date_text(rest.strip(" ."))
    if dt is None:
        return None
    kind = "updated" if label and re.search(r"updated|modified|edited|last update", label) else "date"
    return kind, dt


def _date_line(line: str) -> tuple[str, dict[str, datetime]] | None:
    """``(kind, {"date": ..., "updated": ...})`` when the line is wholly one or more dates.

    "Published: 18:05 CET, 7 March 2026 | Updated: 19:40 CET, 7 March 2026"
    gives both; the kind is ``"date"`` when a publication date is among them.
    """
    if len(line) > 200 or not _DIGIT_RE.search(line):
        return None
    found: dict[str, datetime] = {}
    pieces = [p for p in re.split(r"\s+[|\u2022\u00b7]\s+(?=(?i:[a-z ]*(?:published|posted|updated|modified)))", line)]
    for piece in pieces:
        one = _one_date(piece.strip())
        if one is None:
            return None
        found.setdefault(one[0], one[1])
    return ("date" if "date" in found else "updated"), found


# --------------------------------------------------------------------------
# Bylines and credits
# --------------------------------------------------------------------------

_NAME_CONNECTORS = {
    "and", "&", "de", "da", "das", "dos", "do", "van", "von", "der", "den", "del", "della",
    "la", "le", "du", "bin", "binti", "al", "el", "y", "e", "ter", "ten", "st.",
}
_BYLINE_RE = re.compile(
    r"(?:(?i:(?:reported|written|story|text|words|posted|compiled|produced|edited)\s+by|by|author|authors"
    r"|reporter|reporters|correspondent|writer)\s*[:\-]?\s+)(?P<name>.+)"
)
# one credit of a production line: "Reporting by X", "Editing by Y", "Cameras by Z"
_CREDIT_PART_RE = re.compile(
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|written|hosted|shot|filmed|"
    r"graphics|music|cameras?|video|photos?|photography|illustrations?|research|interviews?)(?:\s+and\s+\w+)?)"
    r"\s+(?i:by)\s+(?P<name>.+)"
)
_NAME_STOP_RE = re.compile(r"\s*(?:[|\u2013\u2014]|\s-\s|,|;|\bin\b|\bfor\b).*$")


def _name(s: str) -> str | None:
    """A person's name (or names joined by "and") or None when ``s`` is not one."""
    s = _NAME_STOP_RE.sub("", s).strip(" .:")
    if not s or len(s) > 80:
        return None
    words = s.split()
    if not 1 <= len(words) <= 8:
        return None
    named = 0
    for w in words:
        if w.lower() in _NAME_CONNECTORS:
            continue
        if not (w[0].isupper() and (w[0].isalpha())) or not re.fullmatch(r"[^\W\d_][\w'\u2019.\-]*", w):
            return None
        named += 1
    return s if named else None


def _byline(line: str) -> str | None:
    m = _BYLINE_RE.fullmatch(line)
    if m:
        rest = m.group("name")
        head = _NAME_STOP_RE.sub("", rest)
        name = _name(head)
        tail = rest[len(head):]
        # what follows a separator is an outlet or a role, kept short
        # what follows the name is an outlet or a role: short, and never a sentence
        if name and len(tail) <= 80 and not re.search(r"[.!?][\"'\u201d\u2019]?\s+\S", tail) \
                and not (tail.strip() and line.rstrip()[-1] in ".!?"):
            return name
    return None


def _credits(line: str) -> str | None:
    """The first name of a production-credit line, "" when it names nobody, None when not one.

    In parentheses, a Reuters-style line ("(Reporting by X in Kyiv; Editing by
    Y)") needs only its first part to be a credit. Without parentheses every
    part, separated by ";" or ". ", must be "<role> by <name>" with a proper
    name, so that "Research by the Census Bureau found that ..." stays a
    sentence of the body.
    """
    bracketed = line.startswith("(") and line.endswith(")")
    inner = line[1:-1].strip() if bracketed else line
    parts = [p.strip(" .") for p in re.split(r";|\.\s+", inner.rstrip(" ."))]
    parts = [p for p in parts if p]
    if not parts:
        return None
    first = None
    for k, part in enumerate(parts):
        m = _CREDIT_PART_RE.fullmatch(part)
        if m is None:
            if bracketed and k > 0:
                continue
            return None
        name = _name(m.group("name"))
        if name is None and not bracketed:
            return None
        if k == 0:
            first = name  # the first credit names the reporter
    return first or ""


_CREDIT_WORDS = (
    r"(?:images?|photos?|photographs?|pictures?|pics?|photo\s+credits?|image\s+credits?|credits?"
    r"|image\s+source|photo\s+source|source\s+image|graphic|illustration|file\s+photo|representative\s+image)"
)
_IMAGE_CREDIT_RE = re.compile(
    r"(?i:" + _CREDIT_WORDS + r")\s*(?:[:|\-\u2013]|(?i:by|courtesy(?:\s+of)?))\s*(?P<credit>[^|]{1,80}?)"
)
_AGENCY_RE = re.compile(
    r"(?P<credit>(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|PTI|ANI|IANS|UNI|Xinhua|TASS|Sputnik|Anadolu(?: Agency)?"
    r"|Getty Images|Getty|Shutterstock|Alamy|AAP|Bloomberg|dpa|DPA|Kyodo|Yonhap|Pool|Handout|ZUMA(?: Press)?"
    r"|NurPhoto|SOPA Images|iStock|Associated Press|Agence France-Presse)"
    r"(?:\s+(?:Photo|Images?|Pool|File|via Getty Images))*(?:\s*/\s*[\w .'\u2019/-]{1,60})?)"
)
_NON_CREDITS = {"self", "file", "representative", "representational", "representation",
                "for representation", "representative image", "screengrab", "screenshot", "twitter"}


_CREDIT_CONNECTORS = {"via", "for", "of", "and", "the", "by", "de", "du", "van", "von", "der", "la", "le", "&", "-", "/"}


def _credit_like(value: str) -> bool:
    """A credit names people or agencies: every word capitalised (or a connector)."""
    for w in re.split(r"[\s/]+", re.sub(r"\([^)]*\)", " ", value)):
        w = w.strip("()[],.;:")
        if w and not (w[0].isupper() or w[0].isdigit() or w.lower() in _CREDIT_CONNECTORS
                      or w.lower() in _NON_CREDITS or not w[0].isalpha()):
            return False
    return True


def _image_credit(line: str) -> str | None:
    """The credit of an image-credit line ("" when the line is one but names no credit).

    A line is an image credit when every ``|``-separated piece is one:
    "Photo: Reuters", "(Image: AP)", "IMAGE: AP | Image: self",
    "(AP Photo/Evan Vucci)", "Getty Images".
    """
    credit = None
    for piece in line.split("|"):
        piece = piece.strip()
        if not piece:
            continue
        if piece.startswith("(") and piece.endswith(")"):
            piece = piece[1:-1].strip()
        m = _IMAGE_CREDIT_RE.fullmatch(piece) or _AGENCY_RE.fullmatch(piece)
        if m is None:
            return None
        value = m.group("credit").strip(" .")
        if ". " in value:  # "Photograph: <caption>. Meridian Pictures": the credit ends the line
            value = value.rsplit(". ", 1)[1].strip(" .")
        if len(value.split()) > 10:  # a caption, not a credit
            return None
        if not _credit_like(value):  # a gallery link or a caption: furniture, but no credit
            value = ""
        if credit is None and value and value.lower() not in _NON_CREDITS:
            credit = value
    return credit if credit is not None else ""


# --------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------

_BULLETS = "\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u25ba\u25b6\u2713\u2714*"


class _Line(NamedTuple):
    start: int  # span of the line's stripped content in the text
    end: int
    content: str
    key: str  # content without bullets, for the rules
    kind: str  # "blank", "body" or a furniture kind
    value: object = None


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the stripped content of every line (empty spans for blank lines)."""
    spans = []
    pos, n = 0, len(text)
    while pos <= n:
        j = text.find("\n", pos)
        if j < 0:
            j = n
        line = text[pos:j]
        head = line.lstrip()
        a = j - len(head)
        spans.append((a, a + len(head.rstrip())))
        pos = j + 1
    return spans


def _classify(content: str) -> tuple[str, object]:
    """The kind of a stripped line ("body" unless it is confidently furniture)."""
    if len(content) > _MAX_FURNITURE_LEN:
        return "body", None
    key = content
    if not key:
        return "social", None  # a lone bullet or share icon
    date = _date_line(key)
    if date is not None:
        return date
    credit = _image_credit(key)
    if credit is not None:
        return "image_credit", credit
    name = _byline(key)
    if name is not None:
        return "byline", name
    name = _credits(key)
    if name is not None:
        return "credits", name
    kind = _furniture_kind(key)
    return (kind, None) if kind else ("body", None)


def _words(s: str) -> int:
    return len(s.split())


def _headline_like(s: str) -> bool:
    return (1 <= _words(s) <= 30 and len(s) <= 250 and not s[0].islower() and s[0] not in "([{"
            and s[-1] not in ".,;:" and not s.endswith("..."))


def _dek_like(s: str) -> bool:
    return 1 <= _words(s) <= 80 and len(s) <= 600 and not s[0].islower()


def _caption_like(s: str) -> bool:
    return 1 <= _words(s) <= 40 and len(s) <= 300


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# kinds of furniture that close a title block (a dek must be followed by one)
_HEADER_META = {"byline", "date", "updated", "social", "credits"}
# most content lines a header may hold (kickers, title, dek, captions)
_MAX_HEADER_LINES = 12
_MAX_KICKERS = 3


def _kicker_like(s: str) -> bool:
    """A masthead or section label above a headline ("NEWS", "Halden Bay | Skarre")."""
    return _words(s) <= 5 and len(s) <= 60 and _headline_like(s) and s[-1] not in "!?\"'\u201d\u2019"


def _header(lines: list[_Line], known_title: str | None) -> tuple[int, dict[int, str]]:
    """Find the header: (index of its last line, {line index: role}).

    Roles are ``"kicker"`` (a masthead or section label), ``"title"``,
    ``"dek"`` and ``"caption"``. The header is the run of lines before the
    body that page furniture delimits. It ends at the last furniture line
    before which every content line has a role: short kickers, then a
    headline-like title, then optionally a dek (the standfirst, directly
    under the title and followed by a byline, a date or a share line), and
    photo captions (flush against an image credit). At the first content line
    with no such role, the body starts, so a body paragraph is never taken
    for header matter.
    """
    n = len(lines)
    nonblank = [i for i in range(n) if lines[i].kind != "blank"]
    nxt: dict[int, int | None] = {}
    for k, i in enumerate(nonblank):
        nxt[i] = nonblank[k + 1] if k + 1 < len(nonblank) else None

    def caption(i: int) -> bool:
        c = lines[i].content
        if not _caption_like(c):
            return False
        before = lines[i - 1].kind if i > 0 else "blank"
        after = lines[i + 1].kind if i + 1 < n else "blank"
        if "image_credit" not in (before, after):
            return False
        if c[-1] not in ".!?\"'\u201d\u2019":
            return True
        # a caption that reads like a sentence must stand in its own block
        # (a blank line above it, the credit right below), or it may be body
        return before == "blank" and after == "image_credit"

    def assign(content: list[int]) -> dict[int, str] | None:
        roles = {i: "caption" for i in content if caption(i)}
        rest = [i for i in content if i not in roles]
        if not rest:
            return roles
        if known_title is not None:
            first = next((k for k, i in enumerate(rest) if _same_text(lines[i].key, known_title)), None)
            if first is not None and all(_kicker_like(lines[i].content) for i in rest[:first]):
                options = [first]
            else:
                return None
        else:
            options = [len(rest) - 2, len(rest) - 1]  # title then dek, or title last
            if len(rest) >= 2 and _kicker_like(lines[rest[-2]].content) and _headline_like(lines[rest[-1]].content):
                options.reverse()  # "NEWS" above a headline is a section label, not a title
        for t in options:
            if t < 0 or len(rest) - t > 2 or t > _MAX_KICKERS:
                continue
            ti = rest[t]
            if not (_headline_like(lines[ti].content) or known_title is not None):
                continue
            if not all(_kicker_like(lines[i].content) for i in rest[:t]):
                continue
            if t == len(rest) - 2:
                di = rest[-1]
                after = nxt[di]
                furniture_above = any(lines[j].kind not in ("body", "blank") for j in range(0, ti))
                closer = after is not None and (lines[after].kind in _HEADER_META or
                                                (lines[after].kind == "image_credit" and furniture_above))
                # the dek sits directly under the title (no furniture between)
                if not (closer and nxt[ti] == di and _dek_like(lines[di].content)):
                    continue
                return {**roles, **{i: "kicker" for i in rest[:t]}, ti: "title", di: "dek"}
            return {**roles, **{i: "kicker" for i in rest[:t]}, ti: "title"}
        return None

    header_end, best = -1, {}
    content: list[int] = []
    for i in nonblank:
        if lines[i].kind == "body":
            content.append(i)
            if len(content) > _MAX_HEADER_LINES:
                break
            continue
        roles = assign(content)
        if roles is None:
            break
        header_end, best = i, roles
    if known_title is not None and "title" not in best.values():
        # a first line equal to the known title is the title, furniture or not
        # (under at most a few section labels)
        after = [i for i in nonblank if i > header_end and lines[i].kind == "body"][:_MAX_KICKERS + 1]
        for k, i in enumerate(after):
            if _same_text(lines[i].key, known_title):
                if all(_kicker_like(lines[j].content) for j in after[:k]):
                    best = {**best, **{j: "kicker" for j in after[:k]}, i: "title"}
                    header_end = max(header_end, i)
                break
    if known_title is None and not best and header_end < 0 and nonblank:
        first = nonblank[0]
        if _standalone_headline(lines, first, nxt[first]):
            best, header_end = {first: "title"}, first
    return header_end, best


_CLOSERS = "\"'\u201d\u2019\u00bb)"


def _standalone_headline(lines: list[_Line], i: int, after: int | None) -> bool:
    """A first line that is a headline on its own: "Title", a blank line, then the body.

    With no page furniture to go by, the first line is taken for the title
    only when it reads like one and the text goes on like an article: 3 to
    20 words, no final period, colon, semicolon or comma (a "?" or "!" is
    allowed), a blank line below it, then a body paragraph that is longer
    and ends like a sentence. A one-line opening paragraph without a final
    period is rare in news bodies; a dateline or section label (two words
    or fewer) is never taken.
    """
    ln = lines[i]
    c = ln.content.strip()
    if ln.kind != "body" or not 3 <= _words(c) <= 20 or not _headline_like(c):
        return False
    if c.rstrip(_CLOSERS)[-1:] in ".:;," or any(q in c for q in (',"', ",\u201d", ",'", ",\u2019")):
        return False  # ends like a sentence, or quotes someone the way body text does ("…," she said)
    if i + 1 >= len(lines) or lines[i + 1].kind != "blank" or after is None or lines[after].kind != "body":
        return False
    nxt = lines[after].content.strip()
    return _words(nxt) > _words(c) and nxt.rstrip(_CLOSERS)[-1:] in ".!?"


_LIST_ITEM_RE = re.compile(r"(?:\d{1,2}[.)]|[" + "\u2022\u00b7\u25aa\u25e6\u25cf\u25a0\u25ba\u25b6*" + r"-])\s+")


def _footer(lines: list[_Line]) -> dict[int, str]:
    """Related-link lists closing the page: {line index: "related"}.

    After a related-links label ("Most read", "Related stories") that stands
    alone on its line, every content line to the end must look like a link
    to another story (a headline, possibly numbered or bulleted) for the
    lines to be taken as a list of links rather than body text.
    """
    label = None
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.kind == "related" and _words(ln.key) <= 4 and not re.search(r"[:|\-\u2013\u2014]", ln.key):
            label = i
            break
    if label is None:
        return {}
    out = {}
    for i in range(label + 1, len(lines)):
        ln = lines[i]
        if ln.kind != "body":
            continue
        item = _LIST_ITEM_RE.sub("", ln.key, count=1)
        if not item or not _headline_like(item) or _words(item) > 20:
            return {}
        out[i] = "related"
    return out


def clean_text(text: str, *, title: str | None = None) -> CleanResult:
    """Separate a raw article text into its body and its metadata.

    Parameters
    ----------
    text : str
        The article as given (scraped or pasted, furniture and all).
    title : str, optional
        The title when already known (from a table column); a first line equal
        to it is then taken as the title line and kept out of the body.

    Returns
    -------
    CleanResult

    Examples
    --------
    A clean text comes back unchanged:

    >>> clean_text("First paragraph.\\n\\nSecond one.").body
    'First paragraph.\\n\\nSecond one.'

    A scraped page gives up its furniture and metadata:

    >>> raw = ("Published 08:16 IST, February 12th 2022\\n\\nLeaders to talk today\\n"
    ...        "The two leaders will speak by phone.\\nReported by: A. Writer\\n  \\u2022 share\\n"
    ...        "IMAGE: AP\\nAdvertisement\\n\\nThe presidents will speak on Saturday.\\n\\n(Image: AP)")
    >>> r = clean_text(raw)
    >>> r.title, r.dek, r.author, r.image_credit
    ('Leaders to talk today', 'The two leaders will speak by phone.', 'A. Writer', 'AP')
    >>> r.date.isoformat(), r.body
    ('2022-02-12T08:16:00+05:30', 'The presidents will speak on Saturday.')
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects a str, not {type(text).__name__}")
    lines: list[_Line] = []
    for a, b in _lines(text):
        content = text[a:b]
        if a == b:
            lines.append(_Line(a, b, "", "", "blank"))
            continue
        key = content.lstrip(_BULLETS + " \t\u00a0")
        if key.startswith("#"):  # a Markdown heading: "# Title"
            key = key.lstrip("#").strip() or key
        kind, value = _classify(key)
        lines.append(_Line(a, b, content, key, kind, value))

    header_end, roles = _header(lines, title)
    roles.update({i: k for i, k in _footer(lines).items() if i > header_end})

    meta: dict[str, object] = {}
    boilerplate: list[str] = []
    captions: list[str] = []
    removed: list[tuple[str, int, int]] = []
    kept: list[int] = []
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        role = roles.get(i)
        if role is not None:
            removed.append((role, ln.start, ln.end))
            if role == "caption":
                captions.append(ln.content)
            elif role in ("kicker", "related"):
                boilerplate.append(ln.key)
            elif role not in meta:
                meta[role] = (ln.content, (ln.start, ln.end))
            continue
        if ln.kind == "body":
            kept.append(i)
            continue
        removed.append((ln.kind, ln.start, ln.end))
        boilerplate.append(ln.key or ln.content)
        if ln.kind in ("date", "updated"):
            for key, value in ln.value.items():
                meta.setdefault(key, value)
        elif ln.kind == "image_credit" and ln.value and "image_credit" not in meta:
            meta["image_credit"] = ln.value
        elif ln.kind in ("byline", "credits") and ln.value and "author" not in meta:
            meta["author"] = ln.value

    # join the kept lines: "\n" between lines adjacent in the input, "\n\n"
    # where a blank or removed line lay between them
    pieces: list[str] = []
    segments: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for i in kept:
        ln = lines[i]
        if prev is not None:
            sep = "\n" if i == prev + 1 else "\n\n"
            segments.append((pos, text.find("\n", lines[prev].end, ln.start)))
            if len(sep) == 2:
                segments.append((pos + 1, text.rfind("\n", lines[prev].end, ln.start)))
            pieces.append(sep)
            pos += len(sep)
        segments.append((pos, ln.start))
        pieces.append(ln.content)
        pos += len(ln.content)
        prev = i
    body = "".join(pieces)
    title_meta = meta.get("title")
    dek_meta = meta.get("dek")
    return CleanResult(
        body=body,
        title=title_meta[0] if title_meta else None,
        dek=dek_meta[0] if dek_meta else None,
        author=meta.get("author") or None,
        date=meta.get("date"),
        updated=meta.get("updated"),
        image_credit=meta.get("image_credit"),
        boilerplate=tuple(boilerplate),
        captions=tuple(captions),
        removed=tuple(removed),
        segments=tuple(_merge_segments(segments)) or ((0, 0),),
        title_span=title_meta[1] if title_meta else None,
        dek_span=dek_meta[1] if dek_meta else None,
    )


def _merge_segments(segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for b, t in segments:
        if out and b - out[-1][0] == t - out[-1][1]:
            continue
        out.append((b, t))
    return out


def body_segments(body: str, text: str) -> list[tuple[int, int]]:
    """Align a body made of whole lines of ``text`` with that text.

    Each line of the body is looked up in the text after the previous one
    (a greedy forward search), and the newlines between body lines are
    mapped to newlines between the lines found, so every character of the
    body maps to the same character of the text.

    Parameters
    ----------
    body : str
        A body as :func:`clean_text` makes it (or the text itself).
    text : str
        The input text.

    Returns
    -------
    list of (int, int)
        ``(start_in_body, start_in_text)`` pairs, sorted; within a segment,
        body and text positions advance together.

    Raises
    ------
    ValueError
        When a line of the body cannot be found in the text.

    Examples
    --------
    >>> text = "Ad\\n\\nFirst line.\\n  Share\\nSecond line."
    >>> body = "First line.\\n\\nSecond line."
    >>> segs = body_segments(body, text)
    >>> segs
    [(0, 4), (12, 23)]
    >>> def to_text(i):
    ...     b, t = max(s for s in segs if s[0] <= i)
    ...     return t + i - b
    >>> all(body[i] == text[to_text(i)] for i in range(len(body)))
    True
    """
    if body == text:
        return [(0, 0)]
    segments: list[tuple[int, int]] = []
    tpos = 0
    bpos = 0
    prev: tuple[int, int] | None = None  # (end in body, end in text) of the previous line
    n = len(body)
    while bpos <= n:
        j = body.find("\n", bpos)
        if j < 0:
            j = n
        line = body[bpos:j]
        if line:
            k = text.find(line, tpos)
            if k < 0:
                raise ValueError(f"body line at offset {bpos} is not a line of the text: {line[:60]!r}")
            if prev is not None:
                # the body's newlines before this line map to newlines between the two lines in the text
                nl = [t for t in range(prev[1], k) if text[t] == "\n"]
                for idx, b in enumerate(range(prev[0], bpos)):
                    if idx == 0 and nl:
                        segments.append((b, nl[0]))
                    elif idx < len(nl):
                        segments.append((b, nl[-1] if b == bpos - 1 else nl[idx]))
            segments.append((bpos, k))
            tpos = k + len(line)
            prev = (j, tpos)
        bpos = j + 1
    return _merge_segments(segments) or [(0, 0)]
