"""Figures of the report, drawn from tidy tables with matplotlib.

Every drawing takes a tidy DataFrame and column names and only draws: the
numbers (means, interval bounds, shares) were computed when the report was
built. The figures are made for print: grayscale-safe (series differ by marker
shape and shade, never by hue alone), labelled axes with units, and a height
that grows with the number of groups so that 2 or 30 outlets stay legible
(the report builder folds outlets beyond the top N into "other").

Drawings use matplotlib's object API (no pyplot state), so rendering many
reports in one process leaks no figures.

Examples
--------
>>> import pandas as pd
>>> from biaskit.reporting.model import Figure
>>> data = pd.DataFrame({"outlet": ["A", "B"], "metric": ["m", "m"],
...                      "mean": [1.0, 2.0], "low": [0.5, 1.5], "high": [1.5, 2.5]})
>>> fig = Figure("pointrange", data, {"y": "outlet", "x": "mean", "low": "low", "high": "high",
...                                   "facet": "metric", "xlabel": "per 1,000 words"})
>>> render(fig, "png")[:4]
b'\\x89PNG'
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure as MplFigure

from biaskit.errors import BiaskitError
from biaskit.reporting.model import Figure

__all__ = ["PLOTS", "render", "draw", "png_size", "GRAYS", "MARKERS"]

#: Shades for series (black to light gray); grayscale-safe by construction.
GRAYS = ("#111111", "#7a7a7a", "#b0b0b0", "#4a4a4a", "#d0d0d0", "#2e2e2e")
#: Marker shapes for series: the first means of telling series apart.
MARKERS = ("o", "s", "^", "D", "v", "P")
#: Hatches for filled areas of different series.
HATCHES = ("", "///", "...", "xx", "\\\\", "++")

# horizontal box plots: ``orientation`` since matplotlib 3.10, ``vert`` (deprecated there) before
_MPL = tuple(int(p) for p in matplotlib.__version__.split(".")[:2] if p.isdigit())
_HORIZONTAL = {"orientation": "horizontal"} if _MPL >= (3, 10) else {"vert": False}

WIDTH_IN = 7.0  # fits the text width of A4 and Letter pages
_LABEL_MAX = 30

_STYLE = {
    "font.family": "DejaVu Sans",  # bundled with matplotlib: Latin, Greek, Cyrillic
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.labelsize": 8,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 7.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#333333",
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
}


def _short(label, limit: int = _LABEL_MAX) -> str:
    """A label cut to ``limit`` characters in the middle, so that names differing at the end
    ("... Gazette 1", "... Gazette 10") stay apart."""
    s = str(label)
    if len(s) <= limit:
        return s
    tail = max(4, (limit - 1) // 3)
    return s[: limit - 1 - tail].rstrip() + "…" + s[-tail:].lstrip()


def _title(ax, text, ncols: int) -> None:
    """A panel title wrapped to the panel's width (two lines at most)."""
    import textwrap

    width = max(18, int(WIDTH_IN / max(ncols, 1) * 13))  # characters that fit at 8.5 pt
    lines = textwrap.wrap(str(text), width) or [""]
    if len(lines) > 2:
        lines = [lines[0], _short(" ".join(lines[1:]), width)]
    ax.set_title("\n".join(lines), loc="left")


def _ncols(ax) -> int:
    return ax.get_subplotspec().get_gridspec().ncols


def _few_ticks(ax, *, integer: bool = False) -> None:
    """At most about one value label per 0.6 inch of a panel, so labels never run together.

    ``integer``: the values are counts, so the labels are whole numbers.
    """
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(nbins=max(3, int(WIDTH_IN / _ncols(ax) / 0.6)), steps=[1, 2, 2.5, 5, 10],
                                           integer=integer))


def _unit_ticks(ax, unit: str | None) -> None:
    """Value labels in the unit of the report's tables: ``pct`` (a share 0–1 shown as "5%")
    or ``pp`` (a difference of shares shown in percentage points, "+5")."""
    if unit not in ("pct", "pp"):
        return
    from matplotlib.ticker import FuncFormatter

    def label(v, _pos) -> str:
        step = np.diff(ax.get_xticks()[:2])
        digits = 0 if not len(step) or abs(step[0]) * 100 >= 1 - 1e-9 else 1
        text = f"{v * 100:{'+' if unit == 'pp' else ''}.{digits}f}"
        if float(text) == 0:
            text = f"{0:.{digits}f}"
        return text.replace("-", "−") + ("%" if unit == "pct" else "")

    ax.xaxis.set_major_formatter(FuncFormatter(label))


def _order(data: pd.DataFrame, col: str, order: Sequence | None) -> list:
    if order is not None:
        present = set(data[col].tolist())
        return [v for v in order if v in present]
    return list(dict.fromkeys(data[col].tolist()))


def _grid(n_panels: int, n_rows_each: int, ncols: int | None, *, row_in: float = 0.22,
          extra_in: float = 0.75, share_groups: bool = True) -> tuple[MplFigure, list]:
    """Panels for small multiples. With ``share_groups`` the panels of a row
    share their group axis, labelled once on the left."""
    if ncols is None:
        ncols = 2 if n_panels == 4 else 3
    ncols = max(1, min(ncols, n_panels))
    nrows = math.ceil(n_panels / ncols)
    panel_h = max(1.3, row_in * n_rows_each + extra_in)
    fig = MplFigure(figsize=(WIDTH_IN, panel_h * nrows + 0.3), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, sharey="row" if share_groups else False)
    flat = list(axes.ravel())
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    if share_groups:
        for i, ax in enumerate(flat[:n_panels]):
            if i % ncols:
                ax.tick_params(labelleft=False)
    return fig, flat[:n_panels]


# ---------------------------------------------------------------------------
# drawings
# ---------------------------------------------------------------------------


def pointrange(data: pd.DataFrame, *, y: str, x: str, low: str | None = None, high: str | None = None,
               facet: str | None = None, series: str | None = None, xlabel: str | Mapping = "",
               ylabel: str = "", order: Sequence | None = None, facet_order: Sequence | None = None,
               series_order: Sequence | None = None, facet_labels: Mapping | None = None,
               ncols: int | None = None, reference: float | None = None,
               units: str | Mapping | None = None) -> MplFigure:
    """Dots with interval bars, one row per group, one panel per facet.

    ``series`` (e.g. own voice vs quoted) is shown by marker shape and shade,
    dodged vertically. ``xlabel`` may map each facet to its own axis label.
    ``units`` (one for all panels, or one per facet) labels the values of a
    panel as the tables show them: ``"pct"`` writes a share 0–1 as a
    percentage, ``"pp"`` a difference of shares in percentage points; the
    data stay shares.
    """
    groups = _order(data, y, order)
    facets = _order(data, facet, facet_order) if facet else [None]
    series_vals = _order(data, series, series_order) if series else [None]
    fig, axes = _grid(len(facets), len(groups), ncols)
    positions = {g: i for i, g in enumerate(groups)}
    step = 0.7 / max(1, len(series_vals))
    for ax, fv in zip(axes, facets, strict=False):
        part = data if fv is None else data[data[facet] == fv]
        for k, sv in enumerate(series_vals):
            sub = part if sv is None else part[part[series] == sv]
            offset = (k - (len(series_vals) - 1) / 2) * step if series else 0.0
            ys = np.array([positions[g] for g in sub[y]], dtype=float) + offset
            xs = sub[x].to_numpy(dtype=float)
            shade = GRAYS[k % len(GRAYS)]
            if low and high:
                lo = sub[low].to_numpy(dtype=float)
                hi = sub[high].to_numpy(dtype=float)
                ok = ~(np.isnan(lo) | np.isnan(hi))
                ax.hlines(ys[ok], lo[ok], hi[ok], color=shade, linewidth=1.4)
            face = shade if k % 2 == 0 else "white"
            ax.scatter(xs, ys, marker=MARKERS[k % len(MARKERS)], s=26, facecolor=face,
                       edgecolor=shade, linewidth=1.1, zorder=3,
                       label=None if sv is None else _short(sv))
        if reference is not None:
            ax.axvline(reference, color="#888888", linewidth=0.8, linestyle="--")
        ax.set_yticks(range(len(groups)))
        ax.set_yticklabels([_short(g) for g in groups])
        ax.set_ylim(len(groups) - 0.5, -0.5)
        if fv is not None:
            _title(ax, (facet_labels or {}).get(fv, fv), _ncols(ax))
        label = xlabel.get(fv, "") if isinstance(xlabel, Mapping) else xlabel
        ax.set_xlabel(label)
        _few_ticks(ax)
        _unit_ticks(ax, units.get(fv) if isinstance(units, Mapping) else units)
        ax.set_ylabel(ylabel)
    if series:
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 4), frameon=False)
    return fig


def heatmap(data: pd.DataFrame, *, row: str, col: str, value: str, fmt: str = "pct",
            row_order: Sequence | None = None, col_order: Sequence | None = None,
            col_labels: Mapping | None = None, xlabel: str = "", ylabel: str = "",
            colorbar_label: str = "", missing: str = "n/a") -> MplFigure:
    """A gray-scale grid of values with the value written in each cell.

    ``fmt`` is ``pct`` (shares shown as whole percentages; a share above 0
    that rounds to 0 reads "<1%"), ``int`` or ``num`` (one decimal). Cells
    with no value (missing from ``data`` or NaN) are left white and read
    ``missing``; a value of 0 is written as 0, so the caller decides which
    cells are zero and which are undefined.
    """
    rows = _order(data, row, row_order)
    cols = _order(data, col, col_order)
    grid = data.pivot_table(index=row, columns=col, values=value, aggfunc="first", dropna=False)
    grid = grid.reindex(index=rows, columns=cols)
    values = grid.to_numpy(dtype=float)
    height = max(1.6, 0.26 * len(rows) + 1.4)
    fig = MplFigure(figsize=(WIDTH_IN, height), layout="constrained")
    ax = fig.subplots()
    finite = values[np.isfinite(values)]
    vmax = float(finite.max()) if finite.size else 1.0
    vmax = vmax if vmax > 0 else 1.0
    image = ax.imshow(np.ma.masked_invalid(values), cmap="Greys", vmin=0, vmax=vmax, aspect="auto")
    ax.grid(False)
    ax.set_xticks(range(len(cols)))
    labels = [_short((col_labels or {}).get(c, c), 18) for c in cols]
    # rotate the column labels when they would not fit side by side (about 13 characters per inch)
    crowded = max(map(len, labels), default=0) * len(cols) > WIDTH_IN * 0.8 * 13
    ax.set_xticklabels(labels, rotation=35 if crowded else 0, ha="right" if crowded else "center",
                       rotation_mode="anchor" if crowded else "default")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([_short(r) for r in rows])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    small = len(cols) <= 14 and len(rows) <= 35
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = values[i, j]
            if not small:
                continue
            if not np.isfinite(v):
                if missing:
                    ax.text(j, i, missing, ha="center", va="center", fontsize=6.5, color="#777777")
                continue
            if fmt == "pct":
                text = "<1%" if 0 < v < 0.005 else f"{v * 100:.0f}%"
            else:
                text = f"{v:,.0f}" if fmt == "int" else f"{v:.1f}"
            ax.text(j, i, text, ha="center", va="center", fontsize=6.5,
                    color="white" if v > 0.55 * vmax else "black")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.01)
    bar.set_label(colorbar_label)
    bar.outline.set_visible(False)
    if fmt == "pct":
        bar.ax.yaxis.set_major_formatter(lambda v, _: f"{v * 100:.0f}%")
    return fig


def boxes(data: pd.DataFrame, *, y: str, x: str, facet: str | None = None, xlabel: str | Mapping = "",
          ylabel: str = "", order: Sequence | None = None, facet_order: Sequence | None = None,
          facet_labels: Mapping | None = None, ncols: int | None = None) -> MplFigure:
    """Distributions per group as horizontal box plots (one panel per facet).

    Boxes span the quartiles, the line is the median, whiskers reach 1.5
    interquartile ranges; dots beyond are single articles.
    """
    groups = _order(data, y, order)
    facets = _order(data, facet, facet_order) if facet else [None]
    fig, axes = _grid(len(facets), len(groups), ncols)
    for ax, fv in zip(axes, facets, strict=False):
        part = data if fv is None else data[data[facet] == fv]
        values = part[x].to_numpy(dtype=float)
        keys = part[y].to_numpy()
        series = [values[(keys == g) & np.isfinite(values)] for g in groups]
        positions = [i for i, v in enumerate(series) if len(v)]
        ax.boxplot([series[i] for i in positions], positions=positions, widths=0.6, **_HORIZONTAL,
                   patch_artist=True, manage_ticks=False,
                   boxprops={"facecolor": "#d9d9d9", "edgecolor": "#222222", "linewidth": 0.8},
                   medianprops={"color": "#000000", "linewidth": 1.2},
                   whiskerprops={"color": "#222222", "linewidth": 0.8},
                   capprops={"color": "#222222", "linewidth": 0.8},
                   flierprops={"marker": "o", "markersize": 2.2, "markerfacecolor": "#666666",
                               "markeredgecolor": "none"})
        ax.set_yticks(range(len(groups)))
        ax.set_yticklabels([_short(g) for g in groups])
        ax.set_ylim(len(groups) - 0.5, -0.5)
        if fv is not None:
            _title(ax, (facet_labels or {}).get(fv, fv), _ncols(ax))
        ax.set_xlabel(xlabel.get(fv, "") if isinstance(xlabel, Mapping) else xlabel)
        ax.set_ylabel(ylabel)
        _few_ticks(ax)
    return fig


def bars(data: pd.DataFrame, *, y: str, x: str, low: str | None = None, high: str | None = None,
         facet: str | None = None, xlabel: str | Mapping = "", ylabel: str = "",
         order: Sequence | None = None, facet_order: Sequence | None = None,
         facet_labels: Mapping | None = None, ncols: int | None = None,
         reference: float | None = None, reference_label: str | None = None) -> MplFigure:
    """Horizontal bars per group (with interval whiskers when given)."""
    facets = _order(data, facet, facet_order) if facet else [None]
    n_rows = max(len(_order(data if fv is None else data[data[facet] == fv], y, order)) for fv in facets)
    fig, axes = _grid(len(facets), n_rows, ncols, share_groups=False)
    for ax, fv in zip(axes, facets, strict=False):
        part = data if fv is None else data[data[facet] == fv]
        groups = _order(part, y, order)
        part = part.set_index(y).reindex(groups)
        vals = part[x].to_numpy(dtype=float)
        pos = np.arange(len(groups))
        ax.barh(pos, vals, color="#9a9a9a", edgecolor="#222222", linewidth=0.6, height=0.65)
        if low and high:
            lo, hi = part[low].to_numpy(dtype=float), part[high].to_numpy(dtype=float)
            ok = ~(np.isnan(lo) | np.isnan(hi))
            ax.hlines(pos[ok], lo[ok], hi[ok], color="#000000", linewidth=1.2)
        if reference is not None:
            ax.axvline(reference, color="#000000", linewidth=0.9, linestyle="--",
                       label=reference_label)
            if reference_label:
                ax.legend(loc="lower right", frameon=False)
        ax.set_yticks(pos)
        ax.set_yticklabels([_short(g) for g in groups])
        ax.set_ylim(len(groups) - 0.5, -0.5)
        if fv is not None:
            _title(ax, (facet_labels or {}).get(fv, fv), _ncols(ax))
        ax.set_xlabel(xlabel.get(fv, "") if isinstance(xlabel, Mapping) else xlabel)
        ax.set_ylabel(ylabel)
        counts = not (low and high) and bool(np.all(np.isnan(vals) | (vals == np.round(vals))))
        _few_ticks(ax, integer=counts)
    return fig


#: Drawings by name (the ``plot`` of a :class:`~biaskit.reporting.model.Figure`).
PLOTS: dict[str, Callable[..., MplFigure]] = {
    "pointrange": pointrange,
    "heatmap": heatmap,
    "boxes": boxes,
    "bars": bars,
}


def draw(figure: Figure) -> MplFigure:
    """Draw a report figure as a matplotlib figure (not shown, not registered with pyplot)."""
    try:
        func = PLOTS[figure.plot]
    except KeyError:
        raise BiaskitError(f"unknown figure kind {figure.plot!r}; known: {sorted(PLOTS)}") from None
    with rc_context(_STYLE):
        fig = func(figure.data, **dict(figure.params))
        FigureCanvasAgg(fig)
    return fig


def render(figure: Figure, fmt: str = "png", *, dpi: int = 150) -> bytes:
    """The figure as PNG or SVG bytes."""
    if fmt not in ("png", "svg"):
        raise BiaskitError(f"figures render as png or svg, not {fmt!r}")
    with rc_context(_STYLE):
        fig = draw(figure)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi, facecolor="white")
    return buf.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG, read from its header."""
    import struct

    w, h = struct.unpack(">II", png[16:24])
    return w, h
