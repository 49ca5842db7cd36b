"""Reading articles in any common form, and writing tables safely.

:func:`read_articles` turns files, folders and data frames into the one
canonical articles table that every later stage reads. :func:`write_table`
and :func:`read_table` write and read biaskit's tables (CSV, TSV, Parquet,
JSON Lines) with spreadsheet formula injection neutralised and list columns
kept. :func:`safe_filename` makes a file name out of data (an outlet name).

The articles table
------------------
One row per article, in input order, with the columns

``id``
    The input's id column when there is one (as text); otherwise the file's
    path relative to the folder read (``"outlet_a/story.txt"``), or the table
    file's name and the row's position (``"articles.csv:0"``; for a data
    frame, its index label).
``outlet``
    The outlet column; for loose text files the sidecar ``_outlets.csv``
    (columns ``file`` and ``outlet``) or the sub-folder name. When no outlet
    can be found the value is ``"unknown"`` (:data:`UNKNOWN_OUTLET`) and an
    :class:`InputWarning` lists the columns that were found.
``date``
    The publication instant: from the input's date column, else from the
    text (a "Published ..." line) or the HTML page's metadata. Time-zone aware
    where the zone is known; when the rows carry different offsets the column
    is in UTC and ``date_offset`` keeps each row's original offset
    (``"+05:30"``). Dates that cannot be read become ``NaT`` with a warning
    naming the rows.
``title``
    The title column, else the page's title, else a title line found by
    :func:`biaskit.clean.clean_text`.
``text``
    The article text as given (for an HTML page: the extracted text).
``body``
    The cleaned text: whole lines of ``text`` without page furniture.

then ``dek``, ``author``, ``updated``, ``image_credit`` (found while
cleaning; an input column of the same name wins), ``date_offset``,
``duplicate_id`` (True on every row whose id occurs more than once),
``html`` (the markup of HTML pages), ``source_file`` (the file each row came
from, for files and folders), and then every other input column untouched.

Rows are never dropped: empty and whitespace-only texts are kept (the
feature table flags them), duplicate ids are kept and marked.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from biaskit.errors import InputError, column_list

__all__ = [
    "InputWarning",
    "UNKNOWN_OUTLET",
    "read_articles",
    "read_table",
    "safe_filename",
    "write_table",
]

#: Outlet given to articles whose outlet cannot be found.
UNKNOWN_OUTLET = "unknown"

#: Recognised column names, in order of preference (compared case-insensitively).
COLUMN_NAMES = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext",
             "maintext", "story", "story_text"),
    "outlet": ("outlet", "source", "publication", "publisher", "outlet_name", "source_name",
               "media_outlet", "news_source", "newspaper", "site_name"),
    "date": ("date", "published", "pubdate", "publish_date", "published_at", "publication_date",
             "date_published", "published_date", "pub_date", "datetime", "timestamp"),
    "title": ("title", "headline", "heading", "head"),
    "id": ("id", "article_id", "doc_id", "docid", "uid", "guid"),
}

#: Metadata columns found while cleaning, after the leading columns.
META_COLUMNS = ("dek", "author", "updated", "image_credit", "date_offset", "duplicate_id")

_LEAD = ("id", "outlet", "date", "title", "text", "body")
_TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".parquet", ".pq")
_GZ_TABLES = (".csv.gz", ".tsv.gz", ".tab.gz", ".jsonl.gz", ".ndjson.gz", ".json.gz")
_TEXT_SUFFIXES = (".txt", ".md", ".text")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_SIDECARS = ("_outlets.csv", "_metadata.csv")
_SUPPORTED = _TABLE_SUFFIXES + _GZ_TABLES + _TEXT_SUFFIXES + _HTML_SUFFIXES


class InputWarning(UserWarning):
    """Something in the input was read with an assumption the user should know about."""


def _warn(message: str) -> None:
    warnings.warn(message, InputWarning, stacklevel=3)


# --------------------------------------------------------------------------
# Bytes -> text
# --------------------------------------------------------------------------

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program",
    b"PAR1": "a Parquet file",
    b"SQLite format 3": "an SQLite database",
}


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise InputError(f"{path}: damaged gzip file ({e})") from None
    return data


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), else cp1252/latin-1 with a warning."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r} given for {name}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid {encoding} (byte offset {e.start}); try another encoding") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: damaged UTF-16 text (byte offset {e.start})") from None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not text: give a table or text file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file (it contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e.start
    for fallback in ("cp1252", "latin-1"):
        try:
            s = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        _warn(
            f"{name} is not valid UTF-8 (first bad byte at offset {bad}); read it as {fallback}. "
            f"Pass encoding=... (CLI: --encoding) if that is wrong."
        )
        return s
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


def _suffix(path: Path) -> str:
    """The format suffix, with .gz kept (".csv.gz")."""
    name = path.name.lower()
    for s in _GZ_TABLES:
        if name.endswith(s):
            return s
    return path.suffix.lower()


def _text_columns(columns, mapping: Mapping[str, str | None]) -> list:
    """Columns to read as text in a CSV (ids, names, texts keep their exact form)."""
    want = set()
    for key in ("text", "outlet", "title", "id"):
        if mapping.get(key):
            want.add(str(mapping[key]).lower())
        else:
            want.update(COLUMN_NAMES[key])
    return [c for c in columns if str(c).strip().lower() in want]


def _read_delimited(s: str, name: str, sep: str, mapping: Mapping[str, str | None]) -> pd.DataFrame:
    try:
        header = pd.read_csv(io.StringIO(s), sep=sep, nrows=0).columns
        if sep == "," and len(header) == 1 and len([c for c in str(header[0]).split(";") if c.strip()]) >= 2:
            # a spreadsheet saved with ";" between cells (the default where "," is the decimal mark)
            sep = ";"
            header = pd.read_csv(io.StringIO(s), sep=sep, nrows=0).columns
            _warn(f"{name}: its header has no comma but semicolons; read as a table separated by ';'")
        dtypes = {c: str for c in _text_columns(header, mapping)}
        df = pd.read_csv(io.StringIO(s), sep=sep, dtype=dtypes, keep_default_na=False, na_values=[""])
    except pd.errors.EmptyDataError:
        raise InputError(f"{name} is empty") from None
    except (pd.errors.ParserError, ValueError) as e:
        raise InputError(f"{name}: cannot read it as a {'TSV' if sep == chr(9) else 'CSV'} table: {e}") from None
    return df


def json_records(lines, name: object):
    """The JSON objects of JSON Lines, one per non-blank line.

    Parameters
    ----------
    lines : iterable of str
        The lines (an open text file, or ``text.splitlines()``).
    name : str or Path
        The file's name, for error messages.

    Yields
    ------
    (int, dict)
        The line number and the object.

    Raises
    ------
    InputError
        Naming the file and line of invalid JSON or of a line that is not an object.

    Examples
    --------
    >>> [r for _, r in json_records(['{"a": 1}', "", '{"a": 2}'], "x.jsonl")]
    [{'a': 1}, {'a': 2}]
    """
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}, line {lineno}: not valid JSON ({e.msg})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{name}, line {lineno}: each line must be a JSON object, not {type(rec).__name__}")
        yield lineno, rec


def _read_jsonl(s: str, name: str) -> pd.DataFrame:
    records = [rec for _, rec in json_records(s.splitlines(), name)]
    if not records:
        raise InputError(f"{name} is empty (no JSON lines)")
    return pd.DataFrame.from_records(records)


def _read_json(s: str, name: str) -> pd.DataFrame:
    try:
        data = json.loads(s)
    except json.JSONDecodeError as e:
        if "\n{" in s.strip():  # JSON Lines saved as .json
            return _read_jsonl(s, name)
        raise InputError(f"{name}: not valid JSON (line {e.lineno}: {e.msg})") from None
    if isinstance(data, dict):
        lists = [k for k in ("articles", "data", "records", "items", "documents") if isinstance(data.get(k), list)]
        if not lists:
            raise InputError(
                f"{name}: expected a list of article records or an object with an 'articles' list; "
                f"found an object with keys {', '.join(map(str, list(data)[:10]))}"
            )
        data = data[lists[0]]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise InputError(f"{name}: expected a list of article records (JSON objects)")
    if not data:
        raise InputError(f"{name} holds no articles (an empty list)")
    return pd.DataFrame.from_records(data)


def _read_table_file(path: Path, name: str, encoding: str | None, mapping: Mapping[str, str | None]) -> pd.DataFrame:
    suffix = _suffix(path)
    if suffix in (".parquet", ".pq"):
        try:
            df = pd.read_parquet(path)
        except Exception as e:  # pyarrow raises many kinds
            raise InputError(f"{name}: cannot read it as Parquet: {e}") from None
        if len(df) == 0:
            raise InputError(f"{name} holds no rows")
        return df
    data = _read_bytes(path)
    s = _decode(data, name, encoding)
    if not s.strip():
        raise InputError(f"{name} is empty")
    base = suffix.removesuffix(".gz")
    if base in (".jsonl", ".ndjson"):
        df = _read_jsonl(s, name)
    elif base == ".json":
        df = _read_json(s, name)
    else:
        df = _read_delimited(s, name, "\t" if base in (".tsv", ".tab") else ",", mapping)
    if len(df) == 0:
        raise InputError(f"{name} has a header but no rows")
    return df


def _find_column(columns, explicit: str | None, key: str, name: str) -> Any:
    """The column for ``key`` (text, outlet, ...), or None when absent."""
    if explicit is not None:
        if explicit in columns:
            return explicit
        folded = {str(c).strip().lower(): c for c in columns}
        if str(explicit).strip().lower() in folded:
            return folded[str(explicit).strip().lower()]
        raise InputError(
            f"{name}: no column {explicit!r} (given for the {key}); columns found: {column_list(columns)}"
        )
    folded = {}
    for c in columns:
        folded.setdefault(str(c).strip().lower(), c)
    for cand in COLUMN_NAMES[key]:
        if cand in folded:
            return folded[cand]
    return None


def _is_missing(v: Any) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return False


def _as_text(v: Any) -> str:
    return "" if _is_missing(v) else (v if isinstance(v, str) else str(v))


def _table_articles(df: pd.DataFrame, name: str, mapping: Mapping[str, str | None], *,
                    id_prefix: str | None, default_outlet: str | None = None,
                    source_file: str | None = None) -> pd.DataFrame:
    """Map an input table to the leading canonical columns plus its other columns."""
    cols = list(df.columns)
    found = {key: _find_column(cols, mapping.get(key), key, name) for key in COLUMN_NAMES}
    if found["text"] is None:
        raise InputError(
            f"{name}: cannot find the article text column (looked for "
            f"{', '.join(COLUMN_NAMES['text'][:4])}, ...); columns found: {column_list(cols)}. "
            f"Name it with text=... (CLI: --text COLUMN)."
        )
    n = len(df)
    out: dict[str, Any] = {}
    if found["id"] is not None:
        out["id"] = [_as_text(v) for v in df[found["id"]]]
    elif id_prefix is None:
        out["id"] = [str(x) for x in df.index]
    else:
        out["id"] = [f"{id_prefix}:{i}" for i in range(n)]
    if found["outlet"] is not None:
        out["outlet"] = [None if _is_missing(v) else _as_text(v) for v in df[found["outlet"]]]
    else:
        out["outlet"] = [default_outlet] * n
        if default_outlet is None:
            _warn(
                f"{name}: no outlet column found (looked for {', '.join(COLUMN_NAMES['outlet'][:4])}, ...); "
                f"columns found: {column_list(cols)}. Outlet set to {UNKNOWN_OUTLET!r}; name the column with "
                f"outlet=... (CLI: --outlet COLUMN)."
            )
    out["date"] = list(df[found["date"]]) if found["date"] is not None else [None] * n
    out["title"] = ([None if _is_missing(v) else _as_text(v) for v in df[found["title"]]]
                    if found["title"] is not None else [None] * n)
    out["text"] = [_as_text(v) for v in df[found["text"]]]
    if source_file is not None:
        out["source_file"] = [source_file] * n
    frame = pd.DataFrame(out, index=range(n))
    if found["date"] is not None and pd.api.types.is_datetime64_any_dtype(df[found["date"]]):
        frame["date"] = df[found["date"]].reset_index(drop=True)
    used = {c for c in found.values() if c is not None}
    for c in cols:
        if c in used:
            continue
        target = str(c)
        if target in _LEAD or target in ("date_offset", "duplicate_id", "source_file"):
            target = f"input_{target}"
        frame[target] = df[c].reset_index(drop=True)
    return frame


# --------------------------------------------------------------------------
# Text and HTML files
# --------------------------------------------------------------------------

_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "article.published",
)
_META_UPDATED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")


def _html_meta_dates(tree) -> tuple[str | None, str | None]:
    """Publication and update instants from the page's meta tags, JSON-LD or <time>."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if content and key and key not in found:
            found[key] = content.strip()
    published = next((found[k] for k in _META_DATE_KEYS if k in found), None)
    updated = next((found[k] for k in _META_UPDATED_KEYS if k in found), None)
    if published is None:
        for el in tree.iter("script"):
            if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
                continue
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', el.text)
            if m:
                published = m.group(1)
                u = re.search(r'"dateModified"\s*:\s*"([^"]+)"', el.text)
                updated = updated or (u.group(1) if u else None)
                break
    if published is None:
        for el in tree.iter("time"):
            if el.get("datetime"):
                published = el.get("datetime").strip()
                break
    return published, updated


def _html_article(markup: str, name: str) -> dict[str, Any]:
    """Main text and metadata of an HTML page (trafilatura for the text)."""
    import lxml.html
    import trafilatura

    row: dict[str, Any] = {"html": markup}
    # lxml refuses str input that carries an XML encoding declaration (XHTML);
    # the text is already decoded, so the declaration is dropped for parsing
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError) as e:
        raise InputError(f"{name}: cannot parse the HTML ({e})") from None
    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                      include_tables=False)
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = meta.get("text") or ""
    if not text.strip():
        _warn(f"{name}: no article text could be extracted from the HTML page; its text is empty")
    row["text"] = text
    row["title"] = meta.get("title") or None
    row["author"] = meta.get("author") or None
    row["site_name"] = meta.get("sitename") or None
    published, updated = _html_meta_dates(tree)
    row["date"] = published or meta.get("date") or None
    row["updated"] = updated
    return row


def _file_article(path: Path, name: str, encoding: str | None, *, explicit: bool) -> dict[str, Any]:
    data = _read_bytes(path)
    s = _decode(data, name, encoding)
    if not s.strip():
        if explicit:
            raise InputError(f"{name} is empty")
        _warn(f"{name} is empty: kept as an article with an empty text")
    if _suffix(path) in _HTML_SUFFIXES:
        if not s.strip():
            return {"text": "", "html": s}
        return _html_article(s, name)
    if _suffix(path) == ".md":
        # a Markdown file's first line "# Heading" is its title
        m = re.match(r"\s*#\s+(\S[^\n]*)", s)
        if m:
            return {"text": s, "title": m.group(1).strip().rstrip("#").strip()}
    return {"text": s}


# --------------------------------------------------------------------------
# Folders
# --------------------------------------------------------------------------


def _never_article(rel: Path) -> bool:
    """Files that are never articles: README*, LICENSE*, *.json, dot- and underscore-files."""
    if any(part.startswith((".", "_")) for part in rel.parts):
        return True
    stem = rel.name.upper()
    return stem.startswith(("README", "LICENSE", "LICENCE", "COPYING")) or rel.name.lower().endswith(".json")


def _read_sidecars(root: Path, encoding: str | None) -> dict[str, dict[str, Any]]:
    """Per-file metadata from ``_outlets.csv`` / ``_metadata.csv`` sidecars, keyed by path relative to root."""
    out: dict[str, dict[str, Any]] = {}
    for side in sorted(p for name in _SIDECARS for p in root.rglob(name)):
        rel_dir = side.parent.relative_to(root)
        label = side.relative_to(root).as_posix()
        df = _read_delimited(_decode(_read_bytes(side), label, encoding), label, ",", {})
        folded = {str(c).strip().lower(): c for c in df.columns}
        file_col = next((folded[k] for k in ("file", "filename", "file_name", "path", "name") if k in folded), None)
        if file_col is None:
            raise InputError(f"{label}: needs a 'file' column naming the files; columns found: {column_list(df.columns)}")
        for rec in df.to_dict("records"):
            fname = _as_text(rec.pop(file_col)).strip()
            if not fname:
                continue
            key = (rel_dir / fname).as_posix()
            meta = {str(k): v for k, v in rec.items() if not _is_missing(v)}
            out.setdefault(key, {}).update(meta)
    return out


def _read_folder(root: Path, mapping: Mapping[str, str | None], encoding: str | None) -> pd.DataFrame:
    files = sorted((p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
    sidecars = _read_sidecars(root, encoding)
    frames: list[pd.DataFrame] = []
    skipped: list[str] = []
    no_outlet: list[str] = []
    seen_keys: set[str] = set()
    for path in files:
        rel = path.relative_to(root)
        key = rel.as_posix()
        if _never_article(rel):
            continue
        suffix = _suffix(path)
        side = sidecars.get(key) or sidecars.get(rel.name) or {}
        if side:
            seen_keys.add(key if key in sidecars else rel.name)
        side_outlet = next((side[k] for k in side if k.lower() in COLUMN_NAMES["outlet"]), None)
        folder_outlet = rel.parent.name if rel.parent != Path(".") else None
        outlet = _as_text(side_outlet) if side_outlet is not None else folder_outlet
        if suffix in _TABLE_SUFFIXES + _GZ_TABLES:
            df = _read_table_file(path, key, encoding, mapping)
            frames.append(_table_articles(df, key, mapping, id_prefix=key,
                                          default_outlet=outlet, source_file=key))
            if outlet is None and _find_column(list(df.columns), mapping.get("outlet"), "outlet", key) is None:
                frames[-1]["outlet"] = UNKNOWN_OUTLET
        elif suffix in _TEXT_SUFFIXES + _HTML_SUFFIXES:
            row = _file_article(path, key, encoding, explicit=False)
            if outlet is None and row.get("site_name"):
                outlet = row["site_name"]
            row = {"id": key, "outlet": outlet, **row, "source_file": key}
            for k, v in side.items():
                low = k.lower()
                if low in COLUMN_NAMES["outlet"] or low == "outlet":
                    continue
                canon = next((c for c in ("id", "date", "title") if low in COLUMN_NAMES[c]), None)
                if canon is not None:
                    row[canon] = v  # the sidecar wins over the page's own metadata
                else:
                    row.setdefault(k, v)
            if outlet is None:
                no_outlet.append(key)
                row["outlet"] = UNKNOWN_OUTLET
            frames.append(pd.DataFrame([row]))
        else:
            skipped.append(key)
    if skipped:
        _warn(f"{root}: skipped {len(skipped)} file(s) of unknown format: {', '.join(skipped[:10])}"
              + (" ..." if len(skipped) > 10 else ""))
    if no_outlet:
        _warn(f"{root}: {len(no_outlet)} text file(s) have no outlet (not in a sub-folder nor in a "
              f"_outlets.csv sidecar): {', '.join(no_outlet[:5])}{' ...' if len(no_outlet) > 5 else ''}; "
              f"outlet set to {UNKNOWN_OUTLET!r}")
    missing = sorted(set(sidecars) - seen_keys)
    if missing:
        _warn(f"{root}: sidecar entries name files that were not found: {', '.join(missing[:5])}")
    if not frames:
        raise InputError(f"{root}: no articles found in the folder (looked for {', '.join(_SUPPORTED)})")
    return pd.concat(frames, ignore_index=True, sort=False)


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def _format_offset(off: timedelta) -> str:
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _parse_date_value(v: Any, dayfirst: bool | None) -> datetime | None | bool:
    """A datetime, None for missing, or False when the value cannot be read."""
    from biaskit.clean import parse_date_text

    if _is_missing(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if isinstance(v, datetime):
        return v
    s = str(v).strip()
    if not s:
        return None
    dt = parse_date_text(s, dayfirst=dayfirst)
    if dt is not None:
        return dt
    if re.search(r"\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}", s):
        from dateutil import parser as du

        tzinfos = {k: int(v.total_seconds()) for k, v in _tz_offsets().items()}
        try:
            return du.parse(s, dayfirst=bool(dayfirst), tzinfos=tzinfos)
        except (ValueError, OverflowError, TypeError):
            return False
    return False


def _tz_offsets() -> dict[str, timedelta]:
    from biaskit.clean import timezone_offsets

    return timezone_offsets()


def _guess_dayfirst(values) -> bool | None:
    """True when some d/m/y date has a first part above 12, False when a second part is."""
    first = second = False
    for v in values:
        if isinstance(v, str):
            m = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}\b", v)
            if m:
                first |= int(m.group(1)) > 12
                second |= int(m.group(2)) > 12
    if first and not second:
        return True
    if second and not first:
        return False
    return None


def _normalise_dates(values: list, ids: list[str], what: str) -> tuple[pd.Series, list[str | None]]:
    """Dates -> one datetime column (aware where known) and each row's original UTC offset."""
    dayfirst = _guess_dayfirst(values)
    parsed: list[datetime | None] = []
    bad: list[str] = []
    for v, i in zip(values, ids, strict=True):
        dt = _parse_date_value(v, dayfirst)
        if dt is False:
            bad.append(i)
            dt = None
        parsed.append(dt)
    if bad:
        _warn(f"{len(bad)} {what}(s) could not be read and are left empty (NaT); ids: "
              f"{', '.join(bad[:10])}{' ...' if len(bad) > 10 else ''}")
    offsets = [dt.utcoffset() if dt is not None and dt.tzinfo is not None else None for dt in parsed]
    offset_text = [_format_offset(o) if o is not None else None for o in offsets]
    distinct = {o for o in offsets if o is not None}
    naive = [k for k, dt in enumerate(parsed) if dt is not None and dt.tzinfo is None]
    if not distinct:
        col = pd.to_datetime(pd.Series(parsed, dtype=object), errors="coerce")
        return col, offset_text
    if naive:
        _warn(f"{len(naive)} {what}(s) have no time zone while others do; they are read as UTC "
              f"(ids: {', '.join(ids[k] for k in naive[:5])}{' ...' if len(naive) > 5 else ''})")
    utc = [None if dt is None else (dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc))
           for dt in parsed]
    col = pd.to_datetime(pd.Series(utc, dtype=object), utc=True, errors="coerce")
    if len(distinct) == 1 and not naive:
        col = col.dt.tz_convert(timezone(next(iter(distinct))))
    return col, offset_text


# --------------------------------------------------------------------------
# The articles table
# --------------------------------------------------------------------------


def _clean_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill ``body`` and the metadata found in the text; input values win."""
    from biaskit.clean import clean_text

    n = len(frame)
    body: list[str] = []
    found: dict[str, list[Any]] = {k: [None] * n for k in ("title", "dek", "author", "date", "updated", "image_credit")}
    titles = frame["title"].tolist()
    for k, text in enumerate(frame["text"].tolist()):
        known = titles[k] if isinstance(titles[k], str) and titles[k].strip() else None
        r = clean_text(text, title=known)
        body.append(r.body)
        for key, value in r.metadata().items():
            found[key][k] = value
    frame["body"] = body
    for key, values in found.items():
        if key in frame.columns:
            current = frame[key].tolist()
            frame[key] = [values[k] if _is_missing(current[k]) or (isinstance(current[k], str) and not current[k].strip())
                          else current[k] for k in range(n)]
        else:
            frame[key] = values
    return frame


def _finish(frame: pd.DataFrame, *, clean: bool) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    for key in ("title", "dek", "author", "updated", "image_credit"):
        if key not in frame.columns:
            frame[key] = None
    if clean:
        frame = _clean_rows(frame)
    else:
        frame["body"] = frame["text"]
    if "input_body" in frame.columns:
        same = [a == b for a, b in zip(frame["input_body"].map(_as_text), frame["body"], strict=True)]
        if all(same):
            frame = frame.drop(columns="input_body")
        else:
            _warn("the input has a 'body' column besides the text column; it is kept as 'input_body' "
                  "and 'body' holds the text cleaned by biaskit")
    ids = [str(x) for x in frame["id"]]
    frame["id"] = ids
    blank = [ids[k] for k, v in enumerate(frame["outlet"]) if _is_missing(v) or not str(v).strip()]
    if blank:
        _warn(f"{len(blank)} article(s) have an empty outlet, set to {UNKNOWN_OUTLET!r}: "
              f"{', '.join(blank[:5])}{' ...' if len(blank) > 5 else ''}")
    frame["outlet"] = [UNKNOWN_OUTLET if _is_missing(v) or not str(v).strip() else str(v) for v in frame["outlet"]]
    if pd.api.types.is_datetime64_any_dtype(frame["date"]):
        col = frame["date"]
        tz = getattr(col.dt, "tz", None)
        frame["date_offset"] = [
            None if pd.isna(v) or tz is None else _format_offset(v.utcoffset()) for v in col
        ]
    else:
        frame["date"], frame["date_offset"] = _normalise_dates(frame["date"].tolist(), ids, "date")
    if not pd.api.types.is_datetime64_any_dtype(frame["updated"]):
        frame["updated"], _ = _normalise_dates(frame["updated"].tolist(), ids, "update date")
    dup = frame["id"].duplicated(keep=False)
    frame["duplicate_id"] = dup.to_numpy()
    if dup.any():
        counts = frame.loc[dup, "id"].value_counts()
        _warn(f"{len(counts)} id(s) occur more than once ({int(dup.sum())} rows, kept and marked in "
              f"'duplicate_id'): " + ", ".join(f"{k!r} x{v}" for k, v in counts.head(5).items()))
    empty = [ids[k] for k, t in enumerate(frame["text"]) if not t.strip()]
    if empty:
        _warn(f"{len(empty)} article(s) have an empty or whitespace-only text (kept; the feature table "
              f"flags them): {', '.join(empty[:5])}{' ...' if len(empty) > 5 else ''}")
    lead = list(_LEAD) + list(META_COLUMNS)
    extra = [c for c in ("html", "source_file") if c in frame.columns]
    rest = [c for c in frame.columns if c not in lead and c not in extra]
    return frame[lead + extra + rest]


def read_articles(source: Any, *, text: str | None = None, outlet: str | None = None, id: str | None = None,
                  date: str | None = None, title: str | None = None, encoding: str | None = None,
                  clean: bool = True) -> pd.DataFrame:
    """Read articles from a file, a folder or a data frame into the articles table.

    Parameters
    ----------
    source : str, path or pandas.DataFrame
        A table file (``.csv``, ``.tsv``, ``.jsonl``, ``.json`` -- a list of
        records or ``{"articles": [...]}`` --, ``.parquet``; gzip-compressed
        ``.csv.gz``/``.tsv.gz``/``.jsonl.gz``), a single article (``.txt``,
        ``.md``, ``.html``), a folder of any of these, or a data frame.
        In a folder, files named ``README*``, ``LICENSE*``, ``*.json`` or
        starting with ``.`` or ``_`` are never articles; the sidecar
        ``_outlets.csv`` (columns ``file``, ``outlet`` and optionally ``date``,
        ``title``, ``id`` or others) describes the loose text files beside it.
    text, outlet, id, date, title : str, optional
        Column names, when the input's are not among the recognised ones
        (:data:`COLUMN_NAMES`: text/body/content/article,
        outlet/source/publication/publisher, date/published/pubdate,
        title/headline, id).
    encoding : str, optional
        The files' encoding; by default UTF-8 (with or without BOM), falling
        back to cp1252 and then latin-1 with an :class:`InputWarning`.
    clean : bool, default True
        Clean the texts (:func:`biaskit.clean.clean_text`); when False the
        body is the text as given and no metadata is read from it.

    Returns
    -------
    pandas.DataFrame
        The articles table (see the module documentation), one row per
        input article, in input order.

    Raises
    ------
    biaskit.errors.InputError
        Missing file, unknown format, binary or empty file, no text column,
        invalid JSON, ... The message names the file (and line or column).

    Examples
    --------
    >>> import pandas as pd
    >>> df = read_articles(pd.DataFrame({"content": ["Talks fail.\\nAdvertisement\\nMore later."],
    ...                                  "source": ["The Daily"]}))
    >>> df.loc[0, ["id", "outlet", "body"]].tolist()
    ['0', 'The Daily', 'Talks fail.\\n\\nMore later.']
    """
    mapping = {"text": text, "outlet": outlet, "id": id, "date": date, "title": title}
    if isinstance(source, pd.DataFrame):
        frame = _table_articles(source, "the data frame", mapping, id_prefix=None)
        if (outlet is None and _find_column(list(source.columns), None, "outlet", "") is None):
            frame["outlet"] = UNKNOWN_OUTLET
        return _finish(frame, clean=clean)
    if not isinstance(source, (str, os.PathLike)):
        raise InputError(f"cannot read articles from a {type(source).__name__}: give a file, a folder or a DataFrame")
    path = Path(source)
    if not path.exists():
        raise InputError(f"no such file or folder: {source}")
    if path.is_dir():
        return _finish(_read_folder(path, mapping, encoding), clean=clean)
    name = str(source)
    suffix = _suffix(path)
    if suffix in _TABLE_SUFFIXES + _GZ_TABLES:
        df = _read_table_file(path, name, encoding, mapping)
        frame = _table_articles(df, name, mapping, id_prefix=path.name, source_file=path.name)
        if outlet is None and _find_column(list(df.columns), None, "outlet", name) is None:
            frame["outlet"] = UNKNOWN_OUTLET
        return _finish(frame, clean=clean)
    if suffix in _TEXT_SUFFIXES + _HTML_SUFFIXES:
        row = _file_article(path, name, encoding, explicit=True)
        site = row.get("site_name") or UNKNOWN_OUTLET
        frame = pd.DataFrame([{"id": path.name, "outlet": site, **row, "source_file": path.name}])
        for key in ("date", "title"):
            if key not in frame.columns:
                frame[key] = None
        return _finish(frame, clean=clean)
    raise InputError(
        f"{name}: unknown format {suffix or '(no extension)'!r}; biaskit reads {', '.join(_SUPPORTED)} "
        f"files and folders of them"
    )


# --------------------------------------------------------------------------
# Writing and reading tables safely
# --------------------------------------------------------------------------

#: Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE_RE = re.compile(r"^'*[=+\-@\t\r]")
_UNESCAPE_RE = re.compile(r"^'+[=+\-@\t\r]")

#: Default encodings of list columns in CSV/TSV: "join" (" > "-joined) or "json".
LIST_COLUMNS = {"via": "join"}
_JOIN = " > "


def _escape_cell(v: Any) -> Any:
    if isinstance(v, str) and _ESCAPE_RE.match(v):
        return "'" + v
    return v


def _unescape_cell(v: Any) -> Any:
    if isinstance(v, str) and _UNESCAPE_RE.match(v):
        return v[1:]
    return v


def _is_listlike(v: Any) -> bool:
    return isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, (str, bytes)) and getattr(v, "ndim", 0) == 1)


def _list_encoding(col: str, values: pd.Series, list_columns: Mapping[str, str]) -> str | None:
    if col in list_columns:
        return list_columns[col]
    if col.endswith("_spans"):
        return "json"
    if values.dtype == object and any(_is_listlike(v) for v in values):
        return "json"
    return None


def _to_jsonable(v: Any) -> Any:
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_to_jsonable(x) for x in v]
    return v


def write_table(df: pd.DataFrame, path: str | os.PathLike, *, list_columns: Mapping[str, str] | None = None) -> Path:
    """Write a table to CSV, TSV, Parquet or JSON Lines (chosen by the extension).

    In CSV and TSV, text cells that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
    get a leading apostrophe; numeric columns are written as they are.
    :func:`read_table` removes the apostrophe again. List columns are written
    " > "-joined (``via``) or as JSON (span lists, any other list column).

    Parameters
    ----------
    df : pandas.DataFrame
    path : str or path
        ``.csv``, ``.tsv``, ``.parquet`` or ``.jsonl`` (``.csv.gz`` and
        ``.jsonl.gz`` too).
    list_columns : mapping, optional
        Column -> ``"join"`` or ``"json"``, overriding the defaults.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> df = pd.DataFrame({"speaker": ["=HYPERLINK(1)", "Ann"], "n": [-1, 2],
    ...                    "via": [("CNN", "Reuters"), ()]})
    >>> p = write_table(df, tempfile.mkdtemp() + "/t.csv")
    >>> print(p.read_text().splitlines()[1])
    '=HYPERLINK(1),-1,CNN > Reuters
    >>> read_table(p).equals(df)
    True
    """
    out = Path(path)
    name = out.name.lower()
    lists = {**LIST_COLUMNS, **(list_columns or {})}
    if not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
        frame = df.copy()
        for col in frame.columns:
            values = frame[col]
            enc = _list_encoding(str(col), values, lists)
            if enc == "join":
                frame[col] = [_JOIN.join(map(str, _to_jsonable(v))) if _is_listlike(v) else v for v in values]
            elif enc == "json":
                frame[col] = [json.dumps(_to_jsonable(v)) if _is_listlike(v) else v for v in values]
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                frame[col] = [None if pd.isna(v) else v.isoformat() for v in frame[col]]
            elif not pd.api.types.is_numeric_dtype(frame[col]) and not pd.api.types.is_bool_dtype(frame[col]):
                frame[col] = frame[col].map(_escape_cell, na_action="ignore").astype(object)
        sep = "\t" if ".tsv" in name else ","
        # pandas does not quote a lone carriage return; quote every text cell then
        has_cr = any(frame[c].map(lambda v: isinstance(v, str) and "\r" in v).any()
                     for c in frame.columns if frame[c].dtype == object)
        quoting = csv.QUOTE_NONNUMERIC if has_cr else csv.QUOTE_MINIMAL
        frame.to_csv(out, sep=sep, index=False, quoting=quoting, lineterminator="\n")
    elif name.endswith((".parquet", ".pq")):
        frame = df.copy()
        for col in frame.columns:
            if frame[col].dtype == object and any(isinstance(v, tuple) for v in frame[col]):
                frame[col] = [_to_jsonable(v) if _is_listlike(v) else v for v in frame[col]]
        frame.to_parquet(out, index=False)
    elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        frame = df.copy()
        for col in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[col]):
                frame[col] = [None if pd.isna(v) else v.isoformat() for v in frame[col]]
        text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        data = text.encode("utf-8")
        out.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    else:
        from biaskit.errors import BiaskitError

        raise BiaskitError(f"cannot tell the format of {str(path)!r}: use .csv, .tsv, .parquet or .jsonl")
    return out


def read_table(path: str | os.PathLike, *, list_columns: Mapping[str, str] | None = None,
               dates: tuple[str, ...] = ("date", "updated")) -> pd.DataFrame:
    """Read a table written by :func:`write_table`, undoing its escapes.

    The apostrophe that :func:`write_table` put before formula-like cells is
    removed, list columns are parsed back into tuples, and the ``dates``
    columns are read as datetimes.

    Parameters
    ----------
    path : str or path
    list_columns : mapping, optional
        Column -> ``"join"`` or ``"json"`` (defaults: ``via`` joined, ``*_spans`` JSON).
    dates : tuple of str
        Columns to read as datetimes when present.

    Returns
    -------
    pandas.DataFrame
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}")
    name = p.name.lower()
    lists = {**LIST_COLUMNS, **(list_columns or {})}
    if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
        sep = "\t" if ".tsv" in name else ","
        s = _decode(_read_bytes(p), str(path), None)
        if not s.strip():
            raise InputError(f"{path} is empty")
        try:
            df = pd.read_csv(io.StringIO(s), sep=sep, keep_default_na=False, na_values=[""])
        except (pd.errors.ParserError, ValueError) as e:
            raise InputError(f"{path}: cannot read it as a table: {e}") from None
        for col in df.columns:
            if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
                df[col] = df[col].map(_unescape_cell, na_action="ignore")
            enc = lists.get(str(col)) or ("json" if str(col).endswith("_spans") else None)
            if enc == "join":
                df[col] = [() if _is_missing(v) or v == "" else tuple(str(v).split(_JOIN)) for v in df[col]]
            elif enc == "json":
                df[col] = [() if _is_missing(v) else _to_tuples(json.loads(v)) for v in df[col]]
    elif name.endswith((".parquet", ".pq")):
        df = pd.read_parquet(p)
        for col in df.columns:
            if str(col) in lists or str(col).endswith("_spans"):
                df[col] = [() if v is None else _to_tuples(_to_jsonable(v)) for v in df[col]]
    elif name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        df = _read_jsonl(_decode(_read_bytes(p), str(path), None), str(path))
        for col in df.columns:
            if str(col) in lists or str(col).endswith("_spans"):
                df[col] = [() if v is None else _to_tuples(v) for v in df[col]]
    else:
        raise InputError(f"cannot tell the format of {str(path)!r}: use .csv, .tsv, .parquet or .jsonl")
    for col in dates:
        if col in df.columns and not pd.api.types.is_datetime64_any_dtype(df[col]):
            try:
                df[col] = pd.to_datetime(df[col], format="ISO8601")
            except (ValueError, TypeError):
                try:
                    df[col] = pd.to_datetime(df[col], format="ISO8601", utc=True)
                except (ValueError, TypeError):
                    pass
    return df


def _to_tuples(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_to_tuples(x) for x in v)
    return v


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(s: Any, *, max_length: int = 80) -> str:
    """A file name made from data (an outlet or article id), safe on every system.

    Letters are reduced to ASCII, anything but letters, digits, ``.``, ``-``
    and ``_`` becomes ``_``; no leading dot, no path separators, no reserved
    Windows names, at most ``max_length`` characters, never empty.

    Examples
    --------
    >>> safe_filename("The Daily / Édition spéciale")
    'The_Daily_Edition_speciale'
    >>> safe_filename("../../etc/passwd")
    'etc_passwd'
    >>> safe_filename("")
    '_'
    """
    text = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text)
    text = re.sub(r"_+", "_", text)
    text = re.sub(r"\.{2,}", ".", text).strip("._-")
    text = text[:max_length].rstrip("._-")
    if not text:
        return "_"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text
