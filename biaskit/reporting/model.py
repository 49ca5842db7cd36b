"""The report model: sections of tables, figures and text, built from tidy tables.

A :class:`Report` is plain data. It holds full-precision tables (pandas
DataFrames) and the tidy data behind each figure; the renderers (HTML, PDF,
Jupyter) only format and draw what is here, they never compute a statistic.
Rounding happens in :mod:`biaskit.reporting._format`, at rendering time.

Examples
--------
>>> import pandas as pd
>>> from biaskit.reporting.model import Column, Report, Section, Table, Text
>>> counts = pd.DataFrame({"outlet": ["A", "B"], "articles": [3, 5]})
>>> table = Table(counts, (Column("outlet", "Outlet", "text"), Column("articles", "Articles", "int")),
...               caption="Articles per outlet")
>>> rep = Report("Demo", sections=(Section("overview", "Corpus overview", (Text(("Two outlets.",)), table)),))
>>> [s.heading for s in rep.sections]
['Corpus overview']
>>> rep.section("overview").blocks[1].data["articles"].sum()
np.int64(8)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import pandas as pd

from biaskit.errors import BiaskitError

__all__ = [
    "Block",
    "Bullets",
    "Column",
    "Definitions",
    "Figure",
    "Heading",
    "Note",
    "Report",
    "Section",
    "Table",
    "Text",
    "FORMATS",
]

#: Value formats a :class:`Column` may ask for (see :mod:`biaskit.reporting._format`).
#: ``text``: as is; ``int``: thousands separators; ``num``: ``digits``
#: decimals (default 2); ``pct``: a share 0–1 shown as a percentage; ``p``: a
#: p-value (``< 0.001`` below that); ``pp``: a difference of two shares 0–1
#: shown in percentage points with its sign (``+8.8 pp``); ``date``: a date; ``list``: items joined
#: with ", "; ``bool``: yes/no; ``pairs``: a sequence of (label, number)
#: shown as ``label (number)``, the number with ``digits`` decimals (integers
#: as integers).
FORMATS = ("text", "int", "num", "pct", "pp", "p", "date", "list", "bool", "pairs")


@dataclass(frozen=True, slots=True)
class Column:
    """How one column of a :class:`Table` is shown.

    Parameters
    ----------
    key : str
        Column name in the table's data.
    label : str
        Header shown to the reader.
    fmt : str
        One of :data:`FORMATS`.
    digits : int, optional
        Decimals for ``num``, ``pct`` and ``pp`` (renderer default when None).
    low, high : str, optional
        Names of columns holding a confidence interval for this value; the
        renderers show ``value [low, high]``.
    """

    key: str
    label: str
    fmt: str = "text"
    digits: int | None = None
    low: str | None = None
    high: str | None = None

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise BiaskitError(f"unknown column format {self.fmt!r} for column {self.key!r}; use one of {FORMATS}")

    @property
    def numeric(self) -> bool:
        """True when the column holds numbers (right-aligned when rendered)."""
        return self.fmt in ("int", "num", "pct", "pp", "p")


@dataclass(frozen=True, eq=False)
class Table:
    """A table: full-precision data and how to show each column.

    ``data`` may hold more columns than are shown (interval bounds, ids).
    """

    data: pd.DataFrame
    columns: tuple[Column, ...]
    caption: str = ""
    note: str | None = None
    kind: str = field(default="table", init=False)

    def __post_init__(self) -> None:
        missing = [c.key for c in self.columns if c.key not in self.data.columns]
        for c in self.columns:
            missing += [k for k in (c.low, c.high) if k is not None and k not in self.data.columns]
        if missing:
            raise BiaskitError(f"table {self.caption!r}: columns {missing} are not in its data "
                               f"(found: {list(self.data.columns)})")


@dataclass(frozen=True, eq=False)
class Figure:
    """A figure: tidy data and the name of the drawing in :mod:`biaskit.reporting.figures`.

    Parameters
    ----------
    plot : str
        Name of a drawing function in :data:`biaskit.reporting.figures.PLOTS`.
    data : DataFrame
        The tidy data drawn (nothing is computed from it but the drawing).
    params : mapping
        Keyword arguments of the drawing (column names, axis labels).
    caption : str
        Caption under the figure.
    alt : str
        A text alternative for readers who cannot see the figure.
    """

    plot: str
    data: pd.DataFrame
    params: Mapping[str, Any] = field(default_factory=dict)
    caption: str = ""
    alt: str = ""
    kind: str = field(default="figure", init=False)


@dataclass(frozen=True, slots=True)
class Text:
    """Paragraphs of plain text (renderers escape it)."""

    paragraphs: tuple[str, ...]
    kind: str = field(default="text", init=False)


@dataclass(frozen=True, slots=True)
class Note:
    """A highlighted remark, e.g. why a part of a section was skipped."""

    text: str
    kind: str = field(default="note", init=False)


@dataclass(frozen=True, slots=True)
class Heading:
    """A sub-heading inside a section."""

    text: str
    kind: str = field(default="heading", init=False)


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list of plain-text items."""

    items: tuple[str, ...]
    kind: str = field(default="bullets", init=False)


@dataclass(frozen=True, slots=True)
class Definitions:
    """Terms and their explanations (a glossary)."""

    items: tuple[tuple[str, str], ...]
    kind: str = field(default="definitions", init=False)


Block = Union[Table, Figure, Text, Note, Heading, Bullets, Definitions]


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a report.

    ``skipped`` holds the reason when the section's data were missing; the
    section is then rendered as its heading and that note.
    """

    key: str
    heading: str
    blocks: tuple[Block, ...] = ()
    skipped: str | None = None


@dataclass(frozen=True, eq=False)
class Report:
    """A report: title, sections and the facts needed to reproduce it.

    Build one with :func:`biaskit.report` (from articles or a feature table);
    render it with :meth:`to_html`, :meth:`to_pdf`, :meth:`save`, or by
    leaving it as the last expression of a Jupyter cell.

    Parameters
    ----------
    title : str
    sections : tuple of Section
    author : str, optional
    subtitle : str, optional
    created : str, optional
        ISO timestamp of the build.
    provenance : mapping, optional
        biaskit version, parameters and input fingerprint (shown in the
        methods section and in the HTML head).
    notice : str, optional
        A warning shown on the first page, under the title (e.g. that no
        article could be measured).
    """

    title: str
    sections: tuple[Section, ...] = ()
    author: str | None = None
    subtitle: str | None = None
    created: str | None = None
    provenance: Mapping[str, Any] = field(default_factory=dict)
    notice: str | None = None

    def section(self, key: str) -> Section:
        """The section with this key."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"no section {key!r}; sections: {[s.key for s in self.sections]}")

    def tables(self) -> Iterator[tuple[Section, Table]]:
        """Every table, with its section."""
        for s in self.sections:
            for b in s.blocks:
                if isinstance(b, Table):
                    yield s, b

    def figures(self) -> Iterator[tuple[Section, Figure]]:
        """Every figure, with its section."""
        for s in self.sections:
            for b in s.blocks:
                if isinstance(b, Figure):
                    yield s, b

    # -- rendering --------------------------------------------------------------
    def to_html(self, path: str | Path | None = None, *, standalone: bool = True, dpi: int | None = None) -> str:
        """Render as one self-contained HTML document (figures embedded).

        Returns the HTML; also writes it to ``path`` when given. ``dpi`` sets
        the figures' resolution (default 150).
        """
        from biaskit.reporting.html import render_html

        html = render_html(self, standalone=standalone, dpi=dpi)
        if path is not None:
            _target(path).write_text(html, encoding="utf-8")
        return html

    def to_pdf(self, path: str | Path | None = None, *, pagesize: str = "a4", dpi: int | None = None) -> bytes:
        """Render as PDF (``pagesize`` "a4" or "letter"; figures at ``dpi``,
        default 170); returns the bytes, also written to ``path`` when given."""
        from biaskit.reporting.pdf import render_pdf

        data = render_pdf(self, pagesize=pagesize, dpi=dpi)
        if path is not None:
            _target(path).write_bytes(data)
        return data

    def save(self, path: str | Path) -> Path:
        """Write the report; the format follows the suffix (``.pdf``, ``.html``/``.htm``).

        Missing parent folders are created (as ``biaskit report -o`` does).
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            self.to_pdf(path)
        elif suffix in (".html", ".htm"):
            self.to_html(path)
        else:
            raise BiaskitError(f"cannot write a report to {str(path)!r}: use a .pdf or .html file name")
        return path

    def _repr_html_(self) -> str:
        return self.to_html(standalone=False, dpi=110)  # screen resolution: Jupyter shows ~96 pixels per inch

    def __repr__(self) -> str:
        keys = ", ".join(s.key + (" (skipped)" if s.skipped else "") for s in self.sections)
        return f"<Report {self.title!r}: {keys}>"


def _target(path: str | Path) -> Path:
    """The file to write, its parent folders created; a clear error when that cannot be done."""
    path = Path(path)
    if path.is_dir():
        raise BiaskitError(f"cannot write the report to {str(path)!r}: it is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BiaskitError(f"cannot create the folder {str(path.parent)!r} for the report: "
                           f"{exc.strerror or exc}") from None
    return path
