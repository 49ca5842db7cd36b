"""Self-contained HTML rendering of a :class:`~biaskit.reporting.model.Report`.

One file, no external requests: the style sheet is inline and figures are
embedded as base64 PNG ``data:`` URIs. The template engine (Jinja2) escapes
every value, so article-derived text (outlet names, titles, speakers, terms)
is always shown as text, never interpreted as markup.

Examples
--------
>>> import pandas as pd
>>> from biaskit.reporting.model import Report, Section, Text
>>> html = render_html(Report("<b>Demo</b>", sections=(Section("s", "One", (Text(("a < b",)),)),)))
>>> "&lt;b&gt;Demo&lt;/b&gt;" in html and "a &lt; b" in html
True
"""

from __future__ import annotations

import base64
import re

import jinja2

from biaskit import __version__
from biaskit.reporting import figures
from biaskit.reporting._format import table_cells
from biaskit.reporting.model import Figure, Report, Table

__all__ = ["render_html", "template_environment"]

_FIGURE_DPI = 150  # about 1.5 image pixels per CSS pixel at the figure's 7-inch width


def template_environment() -> jinja2.Environment:
    """The Jinja2 environment of biaskit's templates (autoescape always on)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("biaskit.reporting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )


def _anchor(key: str) -> str:
    return "sec-" + re.sub(r"[^A-Za-z0-9_-]+", "-", key)


def _figure_view(fig: Figure, dpi: int) -> dict:
    png = figures.render(fig, "png", dpi=dpi)
    width_px, _ = figures.png_size(png)
    return {
        "kind": "figure",
        "src": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        "alt": fig.alt or fig.caption,
        "caption": fig.caption,
        "width": round(width_px * 96 / dpi),  # CSS pixels: the figure's size in inches
    }


def _table_view(table: Table) -> dict:
    return {
        "kind": "table",
        "caption": table.caption,
        "note": table.note,
        "columns": table.columns,
        "rows": table_cells(table),
    }


def _block_view(block, dpi: int):
    if isinstance(block, Table):
        return _table_view(block)
    if isinstance(block, Figure):
        return _figure_view(block, dpi)
    return block


def render_html(report: Report, *, standalone: bool = True, dpi: int | None = None) -> str:
    """The report as HTML.

    Parameters
    ----------
    report : Report
    standalone : bool
        True: a whole document (``<!DOCTYPE html>`` ...); False: a fragment
        for Jupyter's ``_repr_html_``.
    dpi : int, optional
        Resolution of the embedded figures (default 150).
    """
    dpi = int(dpi or _FIGURE_DPI)
    sections = [
        {
            "anchor": _anchor(s.key),
            "heading": s.heading,
            "skipped": s.skipped,
            "blocks": [_block_view(b, dpi) for b in s.blocks],
        }
        for s in report.sections
    ]
    template = template_environment().get_template("report.html.j2")
    return template.render(
        report=report,
        sections=sections,
        standalone=standalone,
        version=report.provenance.get("biaskit_version", __version__),
        fingerprint=report.provenance.get("input_fingerprint"),
    )
