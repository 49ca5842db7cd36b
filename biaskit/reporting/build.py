"""Build a :class:`~biaskit.reporting.model.Report` from articles or a feature table.

:func:`report` is the one place where the report's numbers are computed, all
through biaskit's public functions (:func:`biaskit.extract_features`,
:func:`biaskit.attribution_table`, :func:`biaskit.vocabulary_table`,
:func:`biaskit.compare`, :func:`biaskit.distinctive_terms`,
:func:`biaskit.match_stories`, the models). Each section is built from tidy
tables by its own small function; a section whose data or function is
missing is kept as its heading and a note that says why.
"""

from __future__ import annotations

import hashlib
import importlib
import math
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pandas as pd

from biaskit import __version__
from biaskit.errors import BiaskitError, InputError
from biaskit.records import STATUS_OK
from biaskit.reporting.metrics import VOICE_LABELS, describe
from biaskit.reporting.model import (
    Bullets,
    Column,
    Definitions,
    Figure,
    Heading,
    Note,
    Report,
    Section,
    Table,
    Text,
)

__all__ = ["report", "SECTION_HEADINGS"]

#: Section keys and headings, in report order.
SECTION_HEADINGS = {
    "overview": "Corpus overview",
    "sourcing": "Sourcing",
    "vocabulary": "Loaded vocabulary",
    "tone": "Tone and readability",
    "distinctive": "Distinctive terms",
    "models": "What distinguishes the outlets",
    "methods": "Methods and limitations",
}



# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------


@dataclass
class _Inputs:
    """The tables a report is built from (filled once, read by every section)."""

    by: str
    features: pd.DataFrame
    articles: pd.DataFrame | None
    attributions: pd.DataFrame | None
    hits: pd.DataFrame | None
    groups: pd.Series  # folded group of each feature row
    order: list[str]  # group order in tables and figures
    folded: dict[str, list[str]]  # "Other (k …)" -> original groups
    params: dict[str, Any]
    notes: dict[str, str] = field(default_factory=dict)  # section -> why data are missing
    comparison: pd.DataFrame | None = None  # compare() over every feature the report shows
    stories: pd.Series | None = None
    unmatched_outlets: pd.DataFrame | None = None  # join_outlet_metadata's report of unjoined outlets
    left_out: pd.DataFrame | None = None  # articles with no value in the grouping column (not compared)
    n_input: int = 0  # articles in the input, those left out included
    timings: dict[str, float] = field(default_factory=dict)


def _is_feature_table(frame: pd.DataFrame) -> bool:
    return "status" in frame.columns and "text" not in frame.columns and any(
        "." in str(c) for c in frame.columns
    )


def _optional(module: str, name: str) -> Callable | None:
    """A public function of another biaskit module, or None while it does not exist."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == module or module.startswith(exc.name + ".")):
            return None
        raise
    except AttributeError:
        return None


class _Progress:
    """Stage messages for long runs (stderr), with timings kept for the methods section."""

    def __init__(self, enabled: bool | Callable[[str], None]):
        if callable(enabled):
            self._say = enabled
        elif enabled:
            self._say = lambda msg: print(f"biaskit: {msg}", file=sys.stderr, flush=True)
        else:
            self._say = None
        self.timings: dict[str, float] = {}
        self._stage: str | None = None
        self._t0 = 0.0

    def stage(self, name: str, message: str | None) -> None:
        self.done()
        self._stage, self._t0 = name, time.perf_counter()
        if self._say and message:
            self._say(message)

    def done(self) -> None:
        if self._stage is not None:
            self.timings[self._stage] = time.perf_counter() - self._t0
            self._stage = None


def _fold(groups: pd.Series, max_groups: int, by: str) -> tuple[pd.Series, list[str], dict[str, list[str]]]:
    """Keep the ``max_groups - 1`` largest groups and fold the rest into one "Other" group."""
    counts = groups.value_counts()
    names = sorted(counts.index, key=str)
    if len(names) <= max_groups:
        return groups, names, {}
    keep = sorted(sorted(counts.index, key=lambda g: (-counts[g], str(g)))[: max_groups - 1], key=str)
    rest = sorted((g for g in names if g not in set(keep)), key=str)
    noun = "outlets" if by == "outlet" else f"{by} values"
    other = f"Other ({len(rest)} {noun})"
    folded = groups.where(groups.isin(keep), other)
    return folded, [*keep, other], {other: rest}


def _fingerprint(articles: pd.DataFrame | None, features: pd.DataFrame) -> str:
    """SHA-256 over the input (ids, outlets and texts; or the feature table)."""
    h = hashlib.sha256()
    if articles is not None:
        cols = [c for c in ("id", "outlet", "text") if c in articles.columns]
        for row in articles[cols].itertuples(index=False):
            for v in row:
                h.update(b"\x1f" + ("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)).encode())
            h.update(b"\x1e")
    else:
        h.update(features.to_csv(index=False).encode())
    return h.hexdigest()


def _load(data: Any) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """(articles, features) from what the user gave."""
    if isinstance(data, pd.DataFrame):
        if _is_feature_table(data):
            return None, data
        if "text" in data.columns and "body" in data.columns:  # already an articles table
            return data, None
    from biaskit.io import read_articles

    return read_articles(data), None


def _group_labels(values: pd.Series) -> pd.Series:
    """Each value as a group label; None where there is no value (missing or blank)."""
    out = values.astype(object).map(lambda v: None if _is_missing(v) else (str(v).strip() or None))
    return out.astype(object)


def _is_missing(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _row_groups(table: pd.DataFrame, inp: _Inputs) -> pd.Series:
    """The folded group of each row of an attribution or hit table; None for a row whose article
    is not compared (no value in the grouping column)."""
    id_to_group = dict(zip(inp.features["id"].astype(str), inp.groups, strict=False)) \
        if "id" in inp.features.columns else {}
    fold_back = {g: other for other, gs in inp.folded.items() for g in gs}
    if inp.by in table.columns:
        out = _group_labels(table[inp.by]).map(lambda g: fold_back.get(g, g))
    elif "id" in table.columns and id_to_group:
        out = table["id"].astype(str).map(id_to_group)
    else:
        raise InputError(f"the {table.attrs.get('name', 'record')} table has neither a {inp.by!r} nor an "
                         "'id' column")
    return out.where(out.isin(inp.order), None).astype(object)


def _grouped(table: pd.DataFrame, inp: _Inputs, col: str = "group") -> pd.DataFrame:
    """A copy of an attribution or hit table with each row's group in ``col``, keeping only
    the rows of the articles compared."""
    out = table.copy()
    out[col] = _row_groups(out, inp).to_numpy()
    return out[out[col].notna()]


# ---------------------------------------------------------------------------
# small table helpers
# ---------------------------------------------------------------------------


def _present(features: pd.DataFrame, candidates: Sequence[str]) -> list[str]:
    """The candidate columns present and numeric with at least one value."""
    out = []
    for c in candidates:
        if c in features.columns and c not in out:
            s = pd.to_numeric(features[c], errors="coerce")
            if s.notna().any():
                out.append(c)
    return out


def _first(features: pd.DataFrame, *candidates: str) -> str | None:
    found = _present(features, candidates)
    return found[0] if found else None


def _by_prefix(features: pd.DataFrame, prefix: str) -> list[str]:
    return [c for c in features.columns if str(c).startswith(prefix)]


def _means(inp: _Inputs, cols: Sequence[str], statistic: str = "mean") -> pd.DataFrame:
    """Long table feature, group, estimate, ci_low, ci_high, n, flag (from compare)."""
    cmp = inp.comparison
    if cmp is None or not len(cols):
        return pd.DataFrame(columns=["feature", "group", "estimate", "ci_low", "ci_high", "n", "flag"])
    part = cmp[(cmp["statistic"] == statistic) & cmp["feature"].isin(cols)]
    part = part[["feature", "group", "estimate", "ci_low", "ci_high", "n", "flag"]].copy()
    part["group"] = pd.Categorical(part["group"], categories=inp.order, ordered=True)
    part["feature"] = pd.Categorical(part["feature"], categories=list(cols), ordered=True)
    return part.sort_values(["feature", "group"]).reset_index(drop=True).astype({"group": str, "feature": str})


#: Widest table (in features) that shows each mean with its interval.
MAX_INTERVAL_COLUMNS = 6


def _wide_table(inp: _Inputs, cols: Sequence[str], caption: str, note: str | None = None, *,
                statistic: str = "mean", intervals: bool | None = None, labels: dict | None = None,
                n_label: str = "Articles", differences: bool = False) -> Table:
    """Groups as rows, one column per feature with its interval.

    ``differences=True`` says the values are differences (within-story
    distances): shares are then shown in percentage points.
    ``intervals=None`` shows the intervals when there are at most
    :data:`MAX_INTERVAL_COLUMNS` features (wider tables would not fit a page;
    their intervals are drawn in the figure beside them, and the note says so).
    """
    if intervals is None:
        intervals = len(cols) <= MAX_INTERVAL_COLUMNS
        if not intervals:
            extra = "Means; their 95% intervals are drawn in the figure."
            note = f"{note} {extra}" if note else extra
    long = _means(inp, cols, statistic)
    wide = pd.DataFrame({"group": inp.order})
    columns = [Column("group", _group_title(inp), "text")]
    for c in cols:
        part = long[long["feature"] == c].set_index("group")
        wide[c] = wide["group"].map(part["estimate"])
        wide[c + "__low"] = wide["group"].map(part["ci_low"])
        wide[c + "__high"] = wide["group"].map(part["ci_high"])
        m = describe(c)
        fmt = m.fmt if m.fmt in ("num", "pct", "int") else "num"
        if differences:  # a difference of two shares is in percentage points, not a share
            fmt = {"pct": "pp", "int": "num"}.get(fmt, fmt)
        columns.append(Column(c, (labels or {}).get(c, m.label), fmt, m.digits,
                              low=c + "__low" if intervals else None, high=c + "__high" if intervals else None))
    n_col = long.groupby("group")["n"].max() if len(long) else pd.Series(dtype=float)
    wide["n"] = wide["group"].map(n_col)
    columns.insert(1, Column("n", n_label, "int"))
    return Table(wide, tuple(columns), caption=caption, note=note)


#: What a ``flag`` of :func:`biaskit.compare` means, in the words of a table note.
_FLAG_MEANING = {
    "small_group": "fewer than the smallest group size with values, so no test",
    "no_data": "no values",
    "constant": "every article has the same value, so there is nothing to test",
    "too_few_groups": "fewer than two groups large enough to test",
    "no_shared_stories": "no story covered by two groups",
}


def _flag_column(part: pd.DataFrame, columns: list[Column], note: str) -> tuple[list[Column], str]:
    """Add a "Not tested" column and its note only when some row has a flag."""
    flags = part["flag"].fillna("").astype(str)
    if not flags.ne("").any():
        return columns, note
    part["flag_text"] = flags.map(lambda f: f.replace("_", " ") if f else None)
    columns = [*columns, Column("flag_text", "Not tested because", "text")]
    used = sorted(set(flags[flags.ne("")]))
    note += " Not tested because: " + "; ".join(
        f"{f.replace('_', ' ')} — {_FLAG_MEANING.get(f, f.replace('_', ' '))}" for f in used) + "."
    return columns, note


def _verdicts(tests: pd.DataFrame) -> list[str]:
    """"yes" or "no" for each test that was run, "not tested" where none was (no p-value).

    Examples
    --------
    >>> _verdicts(pd.DataFrame({"p_adjusted": [0.01, 0.2, np.nan], "significant": [True, False, False]}))
    ['yes', 'no', 'not tested']
    """
    return ["not tested" if pd.isna(p) else ("yes" if bool(sig) else "no")
            for p, sig in zip(tests["p_adjusted"], tests["significant"], strict=True)]


def _tests_table(inp: _Inputs, cols: Sequence[str], caption: str) -> Table | None:
    cmp = inp.comparison
    if cmp is None:
        return None
    part = cmp[(cmp["statistic"] == "omnibus") & cmp["feature"].isin(cols)].copy()
    if part.empty:
        return None
    part["label"] = part["feature"].map(lambda c: describe(c).label)
    pair_rows = cmp[(cmp["statistic"] == "cliffs_delta") & cmp["feature"].isin(cols)]
    pairs = pair_rows[pair_rows["significant"]]
    tested = pair_rows[pair_rows["p_adjusted"].notna()]
    part["pairs"] = part["feature"].map(pairs.groupby("feature").size()).fillna(0).astype(int)
    part["pairs_tested"] = part["feature"].map(tested.groupby("feature").size()).fillna(0).astype(int)
    part["pairs_text"] = [f"{a} of {b}" if b else "not tested"
                          for a, b in zip(part["pairs"], part["pairs_tested"], strict=True)]
    part["differ"] = _verdicts(part)
    part["feature"] = pd.Categorical(part["feature"], categories=list(cols), ordered=True)
    part = part.sort_values("feature").astype({"feature": str}).reset_index(drop=True)
    g = _plural(inp.by, 2)
    columns = [
        Column("label", "Measure", "text"),
        Column("test_statistic", "Kruskal–Wallis H", "num", 2),
        Column("estimate", "ε² (share of rank variance) [95% CI]", "num", 3, low="ci_low", high="ci_high"),
        Column("p_adjusted", "p (BH-adjusted)", "p"),
        Column("differ", f"{g.capitalize()} differ overall (adjusted p < 0.05)", "text"),
        Column("pairs_text", "Pairs that differ (Mann–Whitney, adjusted p < 0.05)", "text"),
    ]
    note = (f"Overall: the Kruskal–Wallis test across all {g}. Pairs: each pair of {g} compared with the "
            "Mann–Whitney U test (its size is Cliff's delta). The p-values are adjusted (Benjamini–Hochberg) "
            "over every measure in this report, the overall tests and the pairwise tests separately. The two "
            "answer different questions: a measure can differ overall with no single pair clear of the "
            "threshold (many small differences), or a pair can differ while the overall test does not "
            "(one pair apart, the rest alike). ε² near 0 means the groups overlap almost entirely.")
    columns, note = _flag_column(part, columns, note)
    return Table(part, tuple(columns), caption=caption, note=note)


def _group_title(inp: _Inputs) -> str:
    return inp.by.replace("_", " ").capitalize()


def _long_for_figure(inp: _Inputs, cols: Sequence[str], statistic: str = "mean") -> pd.DataFrame:
    long = _means(inp, cols, statistic)
    long["facet"] = long["feature"].map(lambda c: describe(c).label)
    return long


def _pointrange(inp: _Inputs, cols: Sequence[str], caption: str, *, ncols: int | None = None, statistic: str = "mean",
                reference: float | None = None, differences: bool = False) -> Figure:
    """Means (or, with ``differences``, within-story differences) with intervals, one panel per
    measure; shares are labelled as the tables show them (% or, for differences, percentage points)."""
    long = _long_for_figure(inp, cols, statistic)
    labels, units = {}, {}
    for c in cols:
        m = describe(c)
        labels[m.label] = m.axis_label
        if m.fmt == "pct":
            units[m.label] = "pp" if differences else "pct"
            if differences:  # the caption says these are differences; the axis gives the unit
                labels[m.label] = "percentage points"
    return Figure(
        "pointrange", long,
        {"y": "group", "x": "estimate", "low": "ci_low", "high": "ci_high", "facet": "facet",
         "xlabel": labels, "order": inp.order, "facet_order": [describe(c).label for c in cols], "ncols": ncols,
         "reference": reference, "units": units},
        caption=caption,
        alt=f"Mean and 95% interval per {inp.by} for: " + ", ".join(describe(c).label for c in cols) + ".",
    )


def _top_per_group(frame: pd.DataFrame, group_col: str, sort_cols: list[str], n: int,
                   ascending: list[bool] | bool = False) -> pd.DataFrame:
    frame = frame.sort_values([group_col, *sort_cols], ascending=[True, *([ascending] * len(sort_cols)
                                                                            if isinstance(ascending, bool)
                                                                            else ascending)],
                              kind="mergesort")
    return frame.groupby(group_col, sort=False).head(n)


def _ordered(frame: pd.DataFrame, col: str, order: list[str]) -> pd.DataFrame:
    key = {g: i for i, g in enumerate(order)}
    return frame.assign(_k=frame[col].map(key).fillna(len(order))).sort_values(["_k"], kind="mergesort") \
        .drop(columns="_k").reset_index(drop=True)


# ---------------------------------------------------------------------------
# sections
# ---------------------------------------------------------------------------

_STATUS_MEANING = {
    "ok": "measured",
    "empty_text": "the text is empty",
    "empty_body": "nothing was left after removing page furniture (menus, credits, share buttons)",
    "not_english": "the text does not look English; the word lists and formulas are English-only",
}


def _dates(features: pd.DataFrame) -> pd.Series:
    if "date" not in features.columns:
        return pd.Series(pd.NaT, index=features.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.to_datetime(features["date"], errors="coerce", utc=True, format="mixed")


def _overview(inp: _Inputs) -> Section:
    f = inp.features
    raw = _group_labels(f[inp.by])
    dates = _dates(f)
    ok = f["status"].astype(str).eq(STATUS_OK) if "status" in f.columns else pd.Series(True, index=f.index)
    words_col = _first(f, "readability.words", "readability.word_count", "sourcing.words")
    frame = pd.DataFrame({"group": raw.to_numpy(), "ok": ok.to_numpy(), "date": dates.to_numpy()})
    frame["words"] = pd.to_numeric(f[words_col], errors="coerce").to_numpy() if words_col else np.nan
    per = frame.groupby("group", sort=True).agg(
        articles=("ok", "size"), measured=("ok", "sum"), words=("words", "sum"),
        words_median=("words", "median"), first=("date", "min"), last=("date", "max"))
    per = per.reset_index()
    n_groups = len(per)
    columns = [Column("group", _group_title(inp), "text"), Column("articles", "Articles", "int"),
               Column("measured", "Measured", "int")]
    if words_col:
        columns += [Column("words", "Words", "int"), Column("words_median", "Median words per article", "int")]
    if dates.notna().any():
        columns += [Column("first", "First date", "date"), Column("last", "Last date", "date")]
    total = len(f)
    n_ok = int(ok.sum())
    start, end = dates.min(), dates.max()
    span = ("" if pd.isna(start) else f" published on {start:%Y-%m-%d}" if start.date() == end.date() else
            f" published between {start:%Y-%m-%d} and {end:%Y-%m-%d}")
    compared = (_count(total, "article") if total == inp.n_input or not inp.n_input else
                f"{total:,} of the {inp.n_input:,} articles in the input,")
    if n_ok == total:
        measured = "It could be measured." if total == 1 else f"All {total:,} could be measured."
    elif n_ok == 0:
        measured = ("It could not be measured" if total == 1 else f"None of the {total:,} could be measured") + (
            f" — {_status_summary(f)}. The sections that follow have no measures to show.")
    else:
        measured = (f"{n_ok:,} of them could be measured; the other {total - n_ok:,} "
                    f"{'is' if total - n_ok == 1 else 'are'} listed below with the reason.")
    intro = [f"This report compares {compared} from {_count(n_groups, inp.by)}{span}. {measured}"]
    if words_col and n_ok:
        n_words = _count(int(np.nansum(frame["words"])), "word")
        intro.append((f"Together the measured articles hold {n_words}" if n_ok > 1 else
                      f"The measured article holds {n_words}") + " of body text (titles are not counted in rates).")
    if inp.folded:
        other, rest = next(iter(inp.folded.items()))
        intro.append(f"To keep figures legible, the {len(inp.order) - 1} largest {_plural(inp.by, 2)} are shown "
                     f"by name and the other {len(rest)} are grouped as \"{other}\" in the sections that follow: "
                     + ", ".join(rest) + ".")
    blocks: list = [Text(tuple(intro))]
    if inp.left_out is not None and len(inp.left_out):
        blocks.append(Note(_left_out_note(inp)))
    blocks.append(Table(per, tuple(columns), caption=f"Articles per {inp.by}"))
    if n_groups >= 2:
        counts = pd.DataFrame({"group": inp.order})
        counts["articles"] = counts["group"].map(inp.groups.value_counts()).fillna(0).astype(int)
        g1, g2 = inp.by.replace("_", " "), _plural(inp.by, 2)
        blocks.append(Figure("bars", counts, {"y": "group", "x": "articles", "xlabel": "articles",
                                               "order": inp.order},
                             caption=f"Articles per {g1}. {g2.capitalize()} with more articles weigh more in "
                                     f"pooled figures; the per-{g1} means below weigh each article equally "
                                     f"within its {g1}.",
                             alt=f"Bar chart of the number of articles per {g1}."))
    if "status" in f.columns and n_ok < total:
        st = f["status"].astype(str)
        bad = pd.DataFrame({"status": st[~ok], "group": raw[~ok]})
        by_status = bad.groupby("status").agg(articles=("group", "size"),
                                              groups=("group", lambda g: sorted(set(g))))
        by_status = by_status.reset_index()
        by_status["meaning"] = by_status["status"].map(_status_meaning)
        blocks.append(Table(by_status, (Column("status", "Status", "text"), Column("meaning", "Meaning", "text"),
                                        Column("articles", "Articles", "int"),
                                        Column("groups", _plural(inp.by, 2).capitalize(), "list")),
                            caption="Articles that could not be measured",
                            note="These rows stay in the data with empty features; no article was dropped."))
    um = inp.unmatched_outlets
    if um is not None and len(um):
        cols_u = [Column(c, label, fmt) for c, label, fmt in (
            ("outlet", "Outlet", "text"), ("n_rows", "Articles", "int"), ("status", "Status", "text"),
            ("candidates", "Close names in the metadata", "list")) if c in um.columns]
        blocks.append(Table(um.reset_index(drop=True), tuple(cols_u),
                            caption="Outlets not joined to the outlet metadata",
                            note="Their articles have no metadata (e.g. no "
                                 f"{'leaning' if inp.by == 'outlet' else inp.by.replace('_', ' ')}); add an alias "
                                 "or fix the name in the metadata file to join them."))
    elif um is not None:
        blocks.append(Note("Every outlet was found in the outlet metadata."))
    return Section("overview", SECTION_HEADINGS["overview"], tuple(blocks))


def _plural(by: str, n: int) -> str:
    """The name of a grouping column as a noun, singular for 1 and plural otherwise.

    Examples
    --------
    >>> _plural("outlet", 1), _plural("outlet", 2), _plural("country", 3), _plural("bias", 2)
    ('outlet', 'outlets', 'countries', 'bias')
    """
    word = by.replace("_", " ")
    if n == 1 or word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"


def _count(n: int, word: str) -> str:
    """A number and a noun that agrees with it.

    Examples
    --------
    >>> _count(1, "article"), _count(0, "article"), _count(1200, "rating")
    ('1 article', '0 articles', '1,200 ratings')
    """
    return f"{n:,} {_plural(word, n)}"


def _one(inp: _Inputs) -> str:
    """One group, in words ("outlet", "rating")."""
    return _plural(inp.by, 1)


def _a(word: str) -> str:
    """The word with its indefinite article ("an outlet", "a rating")."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _many(inp: _Inputs) -> str:
    """Groups, in words ("outlets", "ratings")."""
    return _plural(inp.by, 2)


def _heading(inp: _Inputs, key: str) -> str:
    """A section's heading in the words of the grouping (the ratings, not the outlets)."""
    if key == "models":
        return f"What distinguishes the {_plural(inp.by, 2)}"
    return SECTION_HEADINGS[key]


def _nothing_to_group(by: str, unmatched: pd.DataFrame | None) -> str:
    """The error when no article has a value in the grouping column."""
    msg = f"no article has a value in the column {by!r} to group it by, so there is nothing to compare"
    if unmatched is not None and len(unmatched) and "outlet" in unmatched.columns:
        names = [str(o) for o in unmatched["outlet"]]
        msg += (f"; none of the input's outlets was found in the outlet metadata ({', '.join(names[:8])}"
                + (", …" if len(names) > 8 else "") + "): fix the names or add aliases to the metadata file")
    return msg


def _left_out(features: pd.DataFrame, keep: np.ndarray, by: str) -> pd.DataFrame:
    """The articles with no value in the grouping column: their number per outlet (or their ids)."""
    gone = features[~keep]
    if by != "outlet" and "outlet" in gone.columns:
        names = gone["outlet"].astype(object).where(gone["outlet"].notna(), "(no outlet)").astype(str)
        counts = names.value_counts()
        order = sorted(counts.index, key=lambda o: (-counts[o], o))
        return pd.DataFrame({"outlet": order, "articles": [int(counts[o]) for o in order]})
    ids = gone["id"].astype(str).tolist() if "id" in gone.columns else [str(i) for i in gone.index]
    return pd.DataFrame({"id": ids})


def _left_out_note(inp: _Inputs) -> str:
    """Says how many articles were left out of the comparison for want of a group, and which."""
    lo = inp.left_out
    n = int(lo["articles"].sum()) if "articles" in lo.columns else len(lo)
    word = inp.by.replace("_", " ")
    text = (f"{n:,} of the {inp.n_input:,} articles have no {word} (no value in the column {inp.by!r}) and are "
            f"left out of every comparison in this report; they are not treated as a group of their own.")
    if "outlet" in lo.columns:
        shown = ", ".join(f"{o} ({k:,})" for o, k in zip(lo["outlet"][:12], lo["articles"][:12], strict=True))
        more = f" and {len(lo) - 12:,} more" if len(lo) > 12 else ""
        text += f" Their outlets (articles): {shown}{more}."
        if inp.unmatched_outlets is not None and len(inp.unmatched_outlets):
            text += " Outlets missing from the outlet metadata are listed below."
    else:
        shown = ", ".join(lo["id"][:10])
        text += f" Their ids: {shown}" + (", …" if len(lo) > 10 else "") + "."
    return text


def _status_summary(features: pd.DataFrame) -> str:
    """The statuses of the articles that could not be measured, in words."""
    st = features["status"].astype(str) if "status" in features.columns else pd.Series(dtype=str)
    bad = st[st.ne(STATUS_OK)].value_counts()
    return "; ".join(f"{_status_meaning(s)} (status {s}) for {_count(int(k), 'article')}" for s, k in bad.items())


def _status_meaning(status: str) -> str:
    return _STATUS_MEANING.get(status, "an extractor failed on this text" if status.startswith("error") else status)


def _nothing_measured(inp: _Inputs) -> str | None:
    """The first page's warning when not a single article could be measured."""
    f = inp.features
    if "status" not in f.columns or f["status"].astype(str).eq(STATUS_OK).any():
        return None
    return (f"No article could be measured, so this report has no measures to compare. Why: "
            f"{_status_summary(f)}. The corpus overview lists them; fix the input and build the report again.")


#: Per-article sourcing measures shown with intervals, by preference (first found of each tuple).
SOURCING_MEASURES = (
    ("sourcing.attributions_per_1000_words", "sourcing.attributions_per_1000"),
    ("sourcing.anonymous_share",),
    ("sourcing.second_hand_share",),
    ("sourcing.quoted_word_share",),
    ("sourcing.distinct_speakers", "sourcing.n_speakers", "sourcing.speakers"),
    ("sourcing.source_diversity_bits", "sourcing.source_diversity", "sourcing.speaker_entropy"),
)
#: Longest quotation (in words) listed as a possible scare quote.
SCARE_QUOTE_MAX_WORDS = 5
SCARE_QUOTE_MEASURES = ("sourcing.unsourced_quotes", "sourcing.unattributed_quotes", "sourcing.scare_quotes")


def _choose(features: pd.DataFrame, spec: Sequence[Sequence[str]]) -> list[str]:
    out = []
    for alternatives in spec:
        c = _first(features, *alternatives)
        if c:
            out.append(c)
    return out


def _attributed(att: pd.DataFrame) -> pd.DataFrame:
    if "quote_form" not in att.columns:
        return att
    return att[att["quote_form"].astype(str) != "unattributed"]


def _via_items(value) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(" > ") if v.strip()]
    try:
        return [str(v) for v in value if str(v).strip()]
    except TypeError:
        return [str(value)]


def _most_common(frame: pd.DataFrame, keys: list[str], col: str) -> pd.DataFrame:
    """The most frequent non-missing value of ``col`` per ``keys`` (ties: first in sort order)."""
    known = frame[frame[col].notna()]
    counts = known.groupby([*keys, col]).size().rename("_n").reset_index()
    counts = counts.sort_values([*keys, "_n", col], ascending=[True] * len(keys) + [False, True], kind="mergesort")
    return counts.drop_duplicates(keys)[[*keys, col]]


def _anonymous_note(cols: Sequence[str], *, table: bool = False) -> str:
    """Why the unnamed-sources mean and the source-type grid's "anonymous" differ (empty when the
    report does not show the unnamed-sources measure)."""
    if "sourcing.anonymous_share" not in cols:
        return ""
    label = describe("sourcing.anonymous_share").label
    if table:
        return (f"{label}: the share of an article's attributions whose source is not named — the source type "
                "anonymous or no resolved speaker at all (\"it was reported\") — averaged over the articles. "
                "The source-type grid below counts the type anonymous only, pooled over all attributions, so "
                "its \"anonymous\" share is a different number.")
    return (f" This grid counts the type anonymous only, over all attributions pooled; the table above "
            f"(\"{label}\") also counts attributions with no resolved speaker and averages per article, so the "
            "two numbers differ.")


def _sourcing(inp: _Inputs) -> Section:
    f = inp.features
    cols = _choose(f, SOURCING_MEASURES)
    att = inp.attributions
    if not cols and att is None:
        return Section("sourcing", SECTION_HEADINGS["sourcing"],
                       skipped=inp.notes.get("sourcing", "No sourcing features or attribution table were available."))
    blocks: list = [Note(inp.notes["attributions_given"])] if "attributions_given" in inp.notes else []
    blocks += [Text((
        "Who gets to speak, and how. An attribution is any statement the article ascribes to a source: a "
        "direct quotation, a partial (mixed) quotation or reported speech. Figures are means over each "
        f"{inp.by}'s articles with 95% bootstrap intervals: where two intervals overlap widely, the data do "
        "not show a difference.",
    ))]
    if cols:
        blocks.append(_wide_table(inp, cols, f"Sourcing profile per {inp.by} (mean and 95% interval)",
                                  _anonymous_note(cols, table=True) or None))
        blocks.append(_pointrange(inp, cols, f"Sourcing profile per {inp.by}: means with 95% bootstrap "
                                              "intervals."))
        tests = _tests_table(inp, cols, f"Do the {_many(inp)} differ in sourcing?")
        if tests is not None:
            blocks.append(tests)
    elif "sourcing" in inp.notes:
        blocks.append(Note(inp.notes["sourcing"]))
    if att is None:
        blocks.append(Note(inp.notes.get("attributions", "No attribution table: the speakers and source types "
                                                          "are not shown.")))
        return Section("sourcing", SECTION_HEADINGS["sourcing"], tuple(blocks))

    a = _grouped(_attributed(att), inp)
    if a.empty:
        blocks.append(Note("No attributions were found in these articles."))
        return Section("sourcing", SECTION_HEADINGS["sourcing"], tuple(blocks))

    # source-type composition, pooled over the group's attributions
    if "source_type" in a.columns:
        comp = (a.assign(source_type=a["source_type"].fillna("unknown").astype(str))
                .groupby(["group", "source_type"]).size().rename("count").reset_index())
        from biaskit.records import SOURCE_TYPES

        types = [t for t in SOURCE_TYPES if t in set(comp["source_type"])] + sorted(
            set(comp["source_type"]) - set(SOURCE_TYPES))
        # a full grid: 0 where the group has attributions but none of a type, NaN ("n/a") where it has none
        comp = (comp.set_index(["group", "source_type"])["count"]
                .reindex(pd.MultiIndex.from_product([inp.order, types], names=["group", "source_type"]))
                .reset_index())
        totals = comp.groupby("group")["count"].transform("sum", min_count=1)
        comp["count"] = comp["count"].where(totals.isna(), comp["count"].fillna(0))
        comp["share"] = comp["count"] / totals
        blocks.append(Heading("Source types"))
        blocks.append(Figure(
            "heatmap", comp, {"row": "group", "col": "source_type", "value": "share", "fmt": "pct",
                              "row_order": inp.order, "col_order": types, "xlabel": "source type",
                              "colorbar_label": f"share of the {_one(inp)}'s attributions"},
            caption=f"Source types per {inp.by}: share of all its attributions (pooled over its articles; "
                    "quotations with no source are left out). Official: a named or titled government "
                    "person; government: a body or its document; media and agency: other outlets and wires; "
                    "anonymous: the source type anonymous only (\"officials said\"). 0%: the "
                    f"{_one(inp)} has attributions but none of that type; n/a: it has no attributions at all."
                    + _anonymous_note(cols),
            alt=f"Grid of the share of each source type per {inp.by}."))
    # how sources are quoted
    if "quote_form" in a.columns:
        forms = pd.crosstab(a["group"], a["quote_form"].astype(str))
        shares = forms.div(forms.sum(axis=1), axis=0)
        table = pd.DataFrame({"group": [g for g in inp.order if g in forms.index]})
        table["attributions"] = table["group"].map(forms.sum(axis=1))
        cols_q = [Column("group", _group_title(inp), "text"), Column("attributions", "Attributions", "int")]
        for form in ("direct", "mixed", "indirect"):
            if form in shares.columns:
                table[form] = table["group"].map(shares[form])
                cols_q.append(Column(form, form.capitalize(), "pct", 1))
        if "hedged" in a.columns:
            hedged = a.assign(h=a["hedged"].astype("boolean").fillna(False).astype(bool)).groupby("group")["h"].mean()
            table["hedged"] = table["group"].map(hedged)
            cols_q.append(Column("hedged", "Hedged", "pct", 1))
        if "via" in a.columns:
            relayed = a.assign(v=a["via"].map(lambda v: bool(_via_items(v)))).groupby("group")["v"].mean()
            table["relayed"] = table["group"].map(relayed)
            cols_q.append(Column("relayed", "Through an intermediary", "pct", 1))
        blocks.append(Table(table, tuple(cols_q), caption="How sources are quoted (share of attributions)",
                            note="Direct: the content is one full quotation; mixed: a partial quotation inside "
                                 "reported speech; indirect: reported speech without quotation marks. Hedged: "
                                 "distanced by \"reportedly\", \"allegedly\" and the like. Through an "
                                 "intermediary: the attribution names a medium, agency or document it came "
                                 "through (its via chain)."))
    # most cited speakers
    if "speaker" in a.columns:
        sp = a[a["speaker"].notna() & a["speaker"].astype(str).str.strip().ne("")]
        if not sp.empty:
            sp = sp.assign(speaker=sp["speaker"].astype(str))
            top = sp.groupby(["group", "speaker"]).size().rename("attributions").reset_index()
            top = _top_per_group(top, "group", ["attributions"], inp.params["top_n"] // 2 or 1)
            chosen = sp.merge(top[["group", "speaker"]], on=["group", "speaker"])
            if "id" in chosen.columns:
                top = top.merge(chosen.groupby(["group", "speaker"])["id"].nunique().rename("articles").reset_index(),
                                on=["group", "speaker"], how="left")
            for col in ("source_type", "role"):
                if col in chosen.columns:
                    top = top.merge(_most_common(chosen, ["group", "speaker"], col), on=["group", "speaker"],
                                    how="left")
            top = _ordered(top, "group", inp.order)
            cols_s = [Column("group", _group_title(inp), "text"), Column("speaker", "Speaker", "text")]
            if "role" in top.columns:
                cols_s.append(Column("role", "Role", "text"))
            if "source_type" in top.columns:
                cols_s.append(Column("source_type", "Type", "text"))
            cols_s.append(Column("attributions", "Attributions", "int"))
            if "articles" in top.columns:
                cols_s.append(Column("articles", "Articles", "int"))
            blocks.append(Table(top, tuple(cols_s), caption=f"Most cited speakers per {inp.by}",
                                note="Speakers as resolved by the extractor (\"he\" and bare surnames resolved "
                                     "to the fullest earlier mention within the article). Names are not merged "
                                     "across articles beyond exact spelling."))
    # intermediaries
    if "via" in a.columns:
        rows = [(g, item) for g, v in zip(a["group"], a["via"], strict=False) for item in _via_items(v)[:1]]
        if rows:
            via = pd.DataFrame(rows, columns=["group", "via"]).groupby(["group", "via"]).size() \
                .rename("attributions").reset_index()
            via = _ordered(_top_per_group(via, "group", ["attributions"], 3), "group", inp.order)
            blocks.append(Table(via, (Column("group", _group_title(inp), "text"),
                                      Column("via", "Intermediary (nearest to the outlet)", "text"),
                                      Column("attributions", "Attributions", "int")),
                                caption=f"Whom the {_many(inp)} quote through",
                                note="The first link of each via chain: the medium, agency or document that the "
                                     "outlet names as its channel (\"according to Russian media reports, citing "
                                     "…\", \"X told CNN\")."))
    return Section("sourcing", SECTION_HEADINGS["sourcing"], tuple(blocks))


_VOCAB_RE = (r"vocabulary\.(?P<c>[a-z0-9_]+?)_(?P<v>own|quoted|scare_quote)_per_1k",)


def _vocabulary_rate_columns(features: pd.DataFrame) -> pd.DataFrame:
    """feature, category, voice of the per-category rate columns of the feature table."""
    import re

    rows = []
    for c in features.columns:
        for pattern in _VOCAB_RE:
            m = re.fullmatch(pattern, str(c))
            if m and m.group("c") not in ("all", "total", "any"):
                rows.append((c, m.group("c"), m.group("v")))
                break
    out = pd.DataFrame(rows, columns=["feature", "category", "voice"])
    out = out[out["voice"].isin(["own", "quoted"])]
    if len(out):
        present = set(_present(features, out["feature"].tolist()))
        out = out[out["feature"].isin(present)]
        # a category with no hit at all in the corpus has nothing to compare
        used = {c for c, part in out.groupby("category")
                if (pd.to_numeric(features[list(part["feature"])].stack(), errors="coerce").fillna(0) > 0).any()}
        out = out[out["category"].isin(used)]
    return out.reset_index(drop=True)


def _unused_categories(features: pd.DataFrame) -> list[str]:
    """Lexicon categories present in the feature table without a single hit."""
    import re

    cats = {}
    for c in features.columns:
        m = re.fullmatch(_VOCAB_RE[0], str(c))
        if m and m.group("v") in ("own", "quoted"):
            vals = pd.to_numeric(features[c], errors="coerce").fillna(0)
            cats[m.group("c")] = cats.get(m.group("c"), False) or bool((vals > 0).any())
    return [c for c, used in cats.items() if not used]


def _term_list(frame: pd.DataFrame, n: int) -> list[tuple[str, int]]:
    top = frame.groupby("entry").size().sort_values(ascending=False, kind="mergesort").head(n)
    return [(str(t), int(c)) for t, c in top.items()]


def _vocabulary(inp: _Inputs) -> Section:
    f = inp.features
    rates = _vocabulary_rate_columns(f)
    hits = inp.hits
    share_col = _first(f, "vocabulary.own_loaded_sentence_share", "vocabulary.own_sentence_share",
                       "vocabulary.loaded_sentence_share", "vocabulary.own_voice_sentence_share")
    scare_col = _first(f, *SCARE_QUOTE_MEASURES)
    if rates.empty and hits is None and share_col is None:
        return Section("vocabulary", SECTION_HEADINGS["vocabulary"],
                       skipped=inp.notes.get("vocabulary", "No vocabulary features or lexicon hits were available."))
    blocks: list = [Text((
        "Word choice, separated by voice. A loaded term in the outlet's own voice is the outlet's choice; the "
        "same term inside a quotation belongs to the source who said it; a term inside quotation marks with "
        "no source (a scare quote) is the outlet distancing itself, and counts with the outlet. Rates are hits "
        "per 1,000 body words, on the same denominator for every voice.",
        "A lexicon hit is a reason to read the sentence, not proof of bias: words such as \"regime\" or "
        "\"slammed\" can be the accurate word, and the lists cannot see context or irony.",
    ))]
    if not rates.empty:
        own = rates[rates["voice"] == "own"]
        categories = list(dict.fromkeys(rates["category"]))
        long = _means(inp, rates["feature"].tolist()).merge(rates, on="feature")
        long["voice_label"] = long["voice"].map(VOICE_LABELS)
        long["category_label"] = long["category"].str.replace("_", " ")
        shown = long[long["voice"].isin(["own", "quoted"])]
        blocks.append(Figure(
            "pointrange", shown,
            {"y": "group", "x": "estimate", "low": "ci_low", "high": "ci_high", "facet": "category_label",
             "series": "voice_label", "order": inp.order, "series_order": [VOICE_LABELS["own"],
                                                                         VOICE_LABELS["quoted"]],
             "facet_order": [c.replace("_", " ") for c in categories], "xlabel": "hits per 1,000 words",
             "ncols": None},
            caption="Lexicon hits per 1,000 words by category: the outlet's own voice (filled circles: words "
                    "outside quotation marks) against its sources' quoted words (open squares); means with 95% "
                    "bootstrap intervals. Scare quotes are counted apart (below).",
            alt=f"Dot plot of lexicon hit rates per category, own voice against quotations, per {_one(inp)}."))
        unused = _unused_categories(f)
        if unused:
            blocks.append(Note("No hit at all in these articles for: " + ", ".join(u.replace("_", " ") for u in unused)
                               + "."))
        cat_labels = dict(zip(rates["feature"], rates["category"].str.replace("_", " ").str.capitalize(),
                              strict=True))
        interval_note = "Means over the articles; their 95% intervals are drawn in the figure above."
        if not own.empty:
            blocks.append(_wide_table(inp, own["feature"].tolist(),
                                      f"Own-voice rates by category per {inp.by} (hits per 1,000 words)",
                                      interval_note, intervals=False, labels=cat_labels))
        quoted = rates[rates["voice"] == "quoted"]
        if not quoted.empty:
            blocks.append(_wide_table(inp, quoted["feature"].tolist(),
                                      f"Rates inside attributed quotations per {inp.by} (hits per 1,000 words)",
                                      interval_note, intervals=False, labels=cat_labels))
    if share_col:
        blocks.append(_wide_table(inp, [share_col], f"{describe(share_col).label} per {inp.by}"))
    tests = _tests_table(inp, [*rates["feature"], *([share_col] if share_col else [])],
                         f"Do the {_many(inp)} differ in loaded vocabulary?")
    if tests is not None:
        blocks.append(tests)
    h = _grouped(hits, inp) if hits is not None and len(hits) else None
    if h is not None and len(h):
        key = "entry" if "entry" in h.columns else "term"
        h["entry"] = h[key].astype(str)
        voice = h["voice"].astype(str) if "voice" in h.columns else pd.Series("own", index=h.index)
        rows = []
        n = inp.params["top_n"]
        for g in inp.order:
            part = h[h["group"] == g]
            if part.empty:
                continue
            own_part = part[voice[part.index].isin(["own", "scare_quote"])]
            quoted_part = part[voice[part.index] == "quoted"]
            rows.append({"group": g, "own": _term_list(own_part, n), "quoted": _term_list(quoted_part, n // 2 or 1),
                         "hits": len(part)})
        top = pd.DataFrame(rows)
        blocks.append(Table(top, (Column("group", _group_title(inp), "text"), Column("hits", "Hits", "int"),
                                  Column("own", "Own voice: most frequent terms (hits)", "pairs"),
                                  Column("quoted", "In quotations", "pairs")),
                            caption=f"Most frequent lexicon terms per {inp.by}",
                            note="Terms are the lexicon entries matched (inflected forms counted with their "
                                 f"entry). Raw counts: {_many(inp)} with more articles have more hits."))
        if "category" in h.columns:
            cats = h.assign(voice=voice).groupby(["category", "voice"]).size().unstack(fill_value=0)
            cats = cats.reset_index()
            cols_c = [Column("category", "Category", "text")]
            for v in ("own", "scare_quote", "quoted"):
                if v in cats.columns:
                    cols_c.append(Column(v, VOICE_LABELS[v].capitalize(), "int"))
            blocks.append(Table(cats, tuple(cols_c), caption="Lexicon hits by category and voice (whole corpus)"))
    # scare quotes
    att = inp.attributions
    scare_blocks: list = []
    if scare_col:
        scare_blocks.append(_wide_table(inp, [scare_col], f"Quotations with no source per article, per {inp.by}"))
    if att is not None and "quote_form" in att.columns and "content_text" in att.columns:
        sq = _grouped(att[att["quote_form"].astype(str) == "unattributed"], inp)
        if len(sq):
            sq["phrase"] = sq["content_text"].astype(str).str.strip().str.strip("\"'“”‘’«»").str.strip()
            words = sq["phrase"].str.count(r"\w+")
            short = sq[words.between(1, SCARE_QUOTE_MAX_WORDS)]
            n_long = int((words > SCARE_QUOTE_MAX_WORDS).sum())
            rows = []
            for g in inp.order:
                part = short[short["group"] == g]
                n_long_g = int(((sq["group"] == g) & (words > SCARE_QUOTE_MAX_WORDS)).sum())
                if len(part) or n_long_g:
                    top = part.groupby("phrase").size().sort_values(ascending=False, kind="mergesort")
                    rows.append({"group": g, "count": len(part), "long": n_long_g,
                                 "phrases": [(f"“{p}”", int(c)) for p, c in top.head(inp.params["top_n"]).items()]})
            if rows:
                scare_blocks.append(Table(
                    pd.DataFrame(rows),
                    (Column("group", _group_title(inp), "text"),
                     Column("count", f"Short (≤ {SCARE_QUOTE_MAX_WORDS} words)", "int"),
                     Column("phrases", "Most frequent (times)", "pairs"),
                     Column("long", "Longer", "int")),
                    caption="Quotations with no source",
                    note=f"Short phrases in quotation marks that no source is said to have spoken are usually "
                         f"scare quotes (the outlet's own distancing) or names and titles. Longer quotations with "
                         f"no source ({n_long:,} in all) are more often speech the extractor could not "
                         "attribute; read them in the annotated view."))
    if scare_blocks:
        blocks.append(Heading("Scare quotes"))
        blocks += scare_blocks
    return Section("vocabulary", SECTION_HEADINGS["vocabulary"], tuple(blocks))


TONE_MEASURES = (
    ("sentiment.mean_compound", "sentiment.compound_mean"),
    ("sentiment.share_negative", "sentiment.negative_share"),
    ("sentiment.share_positive", "sentiment.positive_share"),
)
READABILITY_MEASURES = (
    ("readability.flesch_reading_ease",),
    ("readability.flesch_kincaid_grade",),
    ("readability.consensus_grade", "readability.consensus"),
    ("readability.words_per_sentence",),
)


def _distribution_figure(inp: _Inputs, cols: Sequence[str], caption: str) -> Figure:
    f = inp.features
    parts = []
    for c in cols:
        parts.append(pd.DataFrame({"group": inp.groups.to_numpy(), "facet": describe(c).label,
                                   "value": pd.to_numeric(f[c], errors="coerce").to_numpy()}))
    long = pd.concat(parts, ignore_index=True)
    long = long[np.isfinite(long["value"].to_numpy(dtype=float))]
    return Figure("boxes", long.reset_index(drop=True),
                  {"y": "group", "x": "value", "facet": "facet", "order": inp.order,
                   "facet_order": [describe(c).label for c in cols],
                   "xlabel": {describe(c).label: describe(c).axis_label for c in cols}, "ncols": None},
                  caption=caption,
                  alt="Box plots per group of: " + ", ".join(describe(c).label for c in cols) + ".")


def _tone(inp: _Inputs) -> Section:
    f = inp.features
    tone = _choose(f, TONE_MEASURES)
    read = _choose(f, READABILITY_MEASURES)
    if not tone and not read:
        return Section("tone", SECTION_HEADINGS["tone"],
                       skipped=inp.notes.get("tone", "No sentiment or readability features were available."))
    blocks: list = []
    if tone:
        blocks += [
            Heading("Tone (VADER sentiment)"),
            Text(("Tone is scored sentence by sentence with VADER, a lexicon-and-rules model built for social "
                  "media posts: it scores the words, not the stance of the article, and news about bad events "
                  f"reads as negative whoever writes it. Compare {_many(inp)} on the same stories (below) before "
                  "reading a difference as a choice of the outlets.",)),
            _distribution_figure(inp, tone, f"Distribution of tone per {inp.by}: each box spans the middle half "
                                            "of the articles, the line is the median, dots are single articles."),
            _wide_table(inp, tone, f"Tone per {inp.by} (mean and 95% interval)"),
        ]
    if read:
        blocks += [
            Heading("Readability"),
            Text(("Readability formulas estimate how hard a text is from sentence length and word length. They "
                  "ignore meaning, layout and familiarity with the topic, so treat differences of a grade or "
                  "less as noise.",)),
            _distribution_figure(inp, read, f"Distribution of readability per {inp.by}."),
            _wide_table(inp, read, f"Readability per {inp.by} (mean and 95% interval)"),
        ]
    tests = _tests_table(inp, [*tone, *read], f"Do the {_many(inp)} differ in tone and readability?")
    if tests is not None:
        blocks.append(tests)
    return Section("tone", SECTION_HEADINGS["tone"], tuple(blocks))


def _distinctive(inp: _Inputs) -> Section:
    distinctive_terms = _optional("biaskit.compare", "distinctive_terms")
    if distinctive_terms is None:
        return Section("distinctive", SECTION_HEADINGS["distinctive"],
                       skipped="Distinctive terms are not available in this biaskit installation.")
    blocks: list = [Text((
        f"Words that one {_one(inp)} uses more than the others, measured by the weighted log-odds ratio with an "
        f"informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, \"Fightin' Words\"): each {_one(inp)} "
        "against all the others together. The z-score in brackets weighs the difference by its uncertainty, so rare "
        "words do not top the list by chance; above about 2 the difference is unlikely to be noise for that "
        "one word, but with thousands of words compared, read the list as a ranking, not as a set of tests. "
        "Common English function words (scikit-learn's English stop list) are left out, and so are their "
        "contractions (\"it's\", \"we're\", \"don't\").",
    ))]
    n = inp.params["top_n"]
    if inp.articles is not None:
        arts = inp.articles.assign(_group=inp.groups.to_numpy())
        text_col = "body" if "body" in arts.columns else "text"
        arts = arts[arts[text_col].notna()]
        terms = distinctive_terms(arts, by="_group", text=text_col, against="rest", top=n,
                                  min_count=inp.params["min_count"], stop_words="english")
        blocks.append(_terms_table(inp, terms, n, f"Most distinctive words per {inp.by} (z-score)"))
    else:
        blocks.append(Note("The input was a feature table without texts: distinctive words need the articles."))
    att = inp.attributions
    if att is not None and "speaker" in att.columns and len(att):
        a = _grouped(_attributed(att), inp, "_group")
        a = a[a["speaker"].notna()]
        if a["_group"].nunique() >= 2 and len(a):
            sp = distinctive_terms(a, by="_group", term="speaker", against="rest", top=5, min_count=2)
            if len(sp):
                blocks.append(_terms_table(inp, sp, 5, f"Speakers most typical of each {inp.by} (z-score)",
                                           note="The same estimator over the attribution table: speakers that "
                                                f"{_a(_one(inp))} cites more than the others do."))
    return Section("distinctive", SECTION_HEADINGS["distinctive"], tuple(blocks))


def _terms_table(inp: _Inputs, terms: pd.DataFrame, n: int, caption: str, note: str | None = None) -> Table:
    rows = []
    for g in inp.order:
        part = terms[(terms["group"] == g) & (terms["z"] > 0)].head(n)
        rows.append({"group": g, "terms": [(str(t), float(z)) for t, z in zip(part["term"], part["z"], strict=False)],
                     "n": len(part)})
    frame = pd.DataFrame(rows)
    return Table(frame, (Column("group", _group_title(inp), "text"), Column("terms", "Terms (z)", "pairs", 1)),
                 caption=caption, note=note)


# ---------------------------------------------------------------------------
# methods and limitations
# ---------------------------------------------------------------------------


def _versions() -> dict[str, str]:
    out = {"biaskit": __version__, "python": platform.python_version()}
    for name in ("pandas", "numpy", "scipy", "sklearn", "vaderSentiment", "matplotlib", "reportlab"):
        try:
            mod = importlib.import_module(name)
            out[name] = str(getattr(mod, "__version__", None) or _dist_version(name))
        except ImportError:
            continue
    return out


def _dist_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version({"sklearn": "scikit-learn"}.get(name, name))
    except PackageNotFoundError:
        return "?"


def _lexicon_block(inp: _Inputs) -> list:
    categories = _optional("biaskit.lexicons", "CATEGORIES")
    load_lexicon = _optional("biaskit.lexicons", "load_lexicon")
    lex = inp.params.get("lexicon_object")
    if lex is None and load_lexicon is not None and inp.params.get("lexicon") is None:
        try:
            lex = load_lexicon()
        except BiaskitError:
            lex = None
    items = []
    if categories:
        counts = {}
        if lex is not None and hasattr(lex, "entries"):
            for e in lex.entries:
                counts[e.category] = counts.get(e.category, 0) + 1
        for cat, meaning in categories.items():
            n = counts.get(cat)
            items.append((cat, meaning[:1].upper() + meaning[1:] + (f" ({n:,} entries)." if n else ".")))
    text = ("The packaged word lists (lexicons of loaded vocabulary, reporting verbs, roles, outlets and "
            "agencies, anonymity phrases, hedges) were written by the biaskit project from general knowledge "
            "of news language; each entry carries a provenance note in the package's CSV files. They were not "
            "derived from any annotated data set. English only.")
    user = inp.params.get("lexicon")
    if user is not None:
        text += f" This report also used the user lexicon {user!r}."
    blocks: list = [Heading("Word lists and their provenance"), Text((text,))]
    if items:
        blocks.append(Definitions(tuple(items)))
    return blocks


def _readable(value: Any) -> str:
    """A parameter value as a reader would write it (no Python reprs).

    Examples
    --------
    >>> [_readable(v) for v in (None, True, False, ["readability", "sentiment"], 2000, "auto", ())]
    ['—', 'yes', 'no', 'readability, sentiment', '2,000', 'auto', '—']
    """
    if value is None:
        return "—"
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_readable(v)}" for k, v in value.items()) or "—"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_readable(v) for v in value) or "—"
    return str(value)


def _methods(inp: _Inputs, provenance: dict[str, Any]) -> Section:
    import re

    measures = inp.params.get("measures", [])
    items: list[tuple[str, str]] = []
    vocab_done = False
    for c in measures:
        if re.fullmatch(_VOCAB_RE[0], str(c)):
            if not vocab_done:
                items.append(("Lexicon hits per 1,000 words (by category; own voice, in quotations)",
                              describe(c).meaning + " The categories are explained below."))
                vocab_done = True
            continue
        items.append((describe(c).label, describe(c).meaning or f"Feature column {c}."))
    blocks: list = [
        Heading("What the measures mean"),
        Definitions(tuple(items)) if items else Note("No per-article measures were compared."),
        Heading("Statistics"),
        Text((
            f"Each {inp.by}'s mean is given with a 95% percentile bootstrap interval ({inp.params['n_boot']:,} "
            f"resamples of its articles, seed {inp.params['seed']}); {_plural(inp.by, 2)} with fewer than "
            f"{inp.params['min_n']} measured articles get no interval and take no part in the tests. Differences "
            "across all groups are tested with the Kruskal–Wallis rank test (ε², the share of rank variance "
            "between groups, says how large they are); pairs are compared with Cliff's delta (the probability "
            "that an article of one group scores higher than one of the other, minus the reverse), chosen "
            "because it assumes no distribution and reads directly, with the Mann–Whitney U test. All p-values "
            "are adjusted with the Benjamini–Hochberg procedure over every measure in the report (the overall "
            "tests and the pairwise tests as two separate families), controlling the false discovery rate at "
            "5%.",
            "Means weigh each article equally within its group; pooled shares (source types, quote forms) weigh "
            "each attribution equally, so long articles count more there.",
        )),
        *([Heading("Stories"), Text((f"Stories (for the within-story comparison and the classifier's folds): "
                                      f"{inp.params['stories_method']}. Another column of story ids can be "
                                      "given (--story-column COL, or stories='COL'); --no-stories "
                                      f"(stories=False) compares {_many(inp)} over everything their articles "
                                      "cover.",))]
          if inp.params.get("stories_method") else []),
        Heading("Sentiment"),
        Text(("Tone comes from VADER (Hutto and Gilbert 2014), a lexicon of about 7,500 words rated by "
              "crowd-workers plus rules for negation, intensifiers and punctuation, built for social media posts. "
              "It is applied sentence by sentence. It does not know who says what, misses irony and domain "
              "meanings (\"a positive test\"), and reports the tone of the events as much as the tone of the "
              "writing.",)),
        *_lexicon_block(inp),
        Heading("Limitations"),
        Bullets((
            "A lexicon hit is not proof of bias. Words flag places to read; whether a word is loaded depends on "
            "the event, the speaker and the alternatives available.",
            "Attributions are found by rules, not by a person: some are missed (unusual verbs, long-distance "
            "constructions) and some nested reports are split differently from how a human annotator would. "
            "Check single articles with biaskit's annotated view before quoting a number.",
            "Outlets choose different stories. A difference in tone or sourcing can come from what an outlet "
            "covers rather than how; the within-story comparison, where available, holds the story constant.",
            "The corpus's selection limits every conclusion: this report describes these articles only — the "
            "outlets, period and topics as they were collected — not the outlets in general.",
            "Readability formulas count sentence and word length, not clarity; sentiment scores words, not "
            "stance.",
        )),
        Heading("Reproducibility"),
    ]
    rows = [("biaskit version", provenance["biaskit_version"]),
            ("Created", provenance["created"]),
            ("Input fingerprint (SHA-256)", provenance["input_fingerprint"]),
            ("Input", provenance["input_kind"]),
            ("Articles", f"{provenance['articles']:,}")]
    rows += [(f"Parameter {k}", _readable(v)) for k, v in provenance["parameters"].items()]
    rows += [(f"Version of {k}", v) for k, v in provenance["versions"].items() if k != "biaskit"]
    blocks.append(Table(pd.DataFrame(rows, columns=["item", "value"]),
                        (Column("item", "Item", "text"), Column("value", "Value", "text")),
                        caption="How this report was made",
                        note="The fingerprint is a SHA-256 hash over the articles' ids, outlets and texts (or "
                             "over the feature table when that was the input): the same input gives the same "
                             "fingerprint, and with the same versions and parameters the same report."))
    return Section("methods", SECTION_HEADINGS["methods"], tuple(blocks))


# ---------------------------------------------------------------------------
# what distinguishes the outlets: classifier and within-story comparison
# ---------------------------------------------------------------------------


def _within_story_blocks(inp: _Inputs) -> list:
    if inp.stories is None:
        return [Note("Stories were not matched (matching needs the articles' texts; it was switched off or the "
                     f"input was a feature table), so {_many(inp)} are compared over everything their articles "
                     "cover. Give story ids (stories='COLUMN', or --story-column) or the articles to compare "
                     f"{_many(inp)} on the same events.")]
    stories = inp.stories.astype(object)
    frame = pd.DataFrame({"group": inp.groups.to_numpy(), "story": stories.to_numpy()})
    cover = frame.dropna().groupby("story")["group"].nunique()
    shared = set(cover[cover >= 2].index)
    per = frame.dropna().groupby("group").agg(stories=("story", "nunique"),
                                              shared=("story", lambda s: len(set(s) & shared)))
    per = per.reindex(inp.order).reset_index()
    blocks: list = [
        Heading("Within-story comparison"),
        Text((f"{len(cover):,} stories were found ({inp.params.get('stories_method', 'story matching')}); "
              f"{len(shared):,} of them were covered by at least two {_plural(inp.by, 2)}. Below, each "
              f"{_one(inp)}'s articles are compared with the other coverage of the same story: a value above 0 "
              f"means the {_one(inp)} scores higher than the average coverage of the stories it covered. This "
              "separates how an event is covered from which events are chosen.",)),
        Table(per, (Column("group", _group_title(inp), "text"), Column("stories", "Stories covered", "int"),
                    Column("shared", f"Shared with another {_one(inp)}", "int")),
              caption="Story coverage"),
    ]
    if not shared:
        blocks.append(Note(f"No story was covered by two or more {_many(inp)}: there is nothing to compare within "
                           "stories."))
        return blocks
    compare = _optional("biaskit.compare", "compare")
    cols = [c for c in inp.params.get("key_measures", []) if c in inp.features.columns]
    if compare is None or not cols:
        return blocks
    data = inp.features[cols].assign(_group=inp.groups.to_numpy(), _story=stories.to_numpy())
    data = data[data["_story"].notna()]
    res = compare(data, by="_group", within="_story", columns=cols, n_boot=inp.params["n_boot"],
                  seed=inp.params["seed"], min_n=inp.params["min_n"])
    sub = _Inputs(by=inp.by, features=inp.features, articles=None, attributions=None, hits=None,
                  groups=inp.groups, order=inp.order, folded=inp.folded, params=inp.params, comparison=res)
    if (res["statistic"] == "story_centred_mean").any():
        blocks.append(_pointrange(sub, cols, f"Within-story differences: each {_one(inp)}'s mean distance from "
                                             "the other coverage of the same stories, with 95% intervals (0 = "
                                             "like the others)."
                                             + (" Differences of shares in percentage points."
                                                if any(describe(c).fmt == "pct" for c in cols) else ""),
                                  statistic="story_centred_mean", reference=0.0, differences=True))
        blocks.append(_wide_table(sub, cols, f"Within-story differences per {inp.by} (mean distance from the "
                                             "story average)",
                                  note=f"Shared stories: the stories the {inp.by} covered that another "
                                       f"{inp.by} covered too. Fewer than {inp.params['min_n']} give no interval."
                                       + (" Differences of shares are in percentage points (pp)."
                                          if any(describe(c).fmt == "pct" for c in cols) else ""),
                                  statistic="story_centred_mean", n_label="Shared stories", differences=True))
        omni = res[(res["statistic"] == "omnibus")]
        if len(omni):
            omni = omni.copy().reset_index(drop=True)
            omni["label"] = omni["feature"].map(lambda c: describe(c).label)
            omni["differ"] = _verdicts(omni)
            g = _plural(inp.by, 2)
            columns = [Column("label", "Measure", "text"),
                       Column("estimate", f"Share of within-story variance explained by the {inp.by}", "pct", 1),
                       Column("p_adjusted", "p (BH-adjusted)", "p"),
                       Column("differ", f"{g.capitalize()} differ on the same stories (adjusted p < 0.05)",
                              "text")]
            columns, note = _flag_column(omni, columns, (
                f"Permutation test: the {inp.by} labels are shuffled within each story, so only differences "
                "between coverages of the same story count; p-values adjusted (Benjamini–Hochberg) over "
                "these measures."))
            blocks.append(Table(omni, tuple(columns), caption=f"Do the {g} differ on the same stories?",
                                note=note))
    return blocks


def _models(inp: _Inputs) -> Section:
    one, many = _one(inp), _many(inp)
    blocks: list = [Text((
        f"Can the {one} of an article be told from its measures alone? A classifier over biaskit's "
        "interpretable features (sourcing, vocabulary, tone, readability) is trained and scored with "
        f"cross-validation; its per-{one} scores say how distinct each {one}'s profile is, and its weights "
        f"say which measures set the {one} apart. A score near the majority-class baseline means the {many} "
        "are not told apart by these measures.",
    ))]
    blocks += _classifier_blocks(inp)
    blocks += _within_story_blocks(inp)
    return Section("models", _heading(inp, "models"), tuple(blocks))


#: Feature columns left out of the classifier: sizes (which say how long an article is, not how it is
#: written) and positions (the index of the most negative sentence is not a measure).
NOT_MODEL_FEATURES = frozenset({
    "readability.words", "readability.sentences", "readability.syllables", "readability.polysyllables",
    "readability.complex_words", "readability.difficult_words", "readability.letters",
    "sentiment.most_negative_sentence", "sentiment.most_positive_sentence",
    "sourcing.attributions", "vocabulary.title_hits",
})


def _cv_groups(inp: _Inputs) -> tuple[pd.Series | None, str]:
    """Groups that must not straddle a cross-validation fold, and how they were made."""
    if inp.stories is not None:
        return inp.stories.astype(object).fillna("(no story)"), "grouped by story"
    if inp.articles is not None:
        match_stories = _optional("biaskit.stories", "match_stories")
        if match_stories is not None:
            ids = match_stories(inp.articles)
            return pd.Series(np.asarray(ids, dtype=object), index=inp.features.index), \
                "grouped by story (stories matched for the folds only)"
    dates = _dates(inp.features)
    if dates.notna().any():
        return dates.dt.strftime("%Y-%m-%d").fillna("(no date)").astype(object), "grouped by publication day"
    return None, ""


def _classifier_blocks(inp: _Inputs) -> list:
    evaluate = _optional("biaskit.models", "evaluate_outlet_model")
    if evaluate is None:
        return [Note("The outlet classifier is not available in this biaskit installation.")]
    if not inp.params.get("classifier", True):
        return [Note("The classifier was switched off for this report.")]
    f = inp.features
    ok = f["status"].astype(str).eq(STATUS_OK).to_numpy() if "status" in f.columns else np.ones(len(f), bool)
    cols = [c for c in f.columns if "." in str(c) and c not in NOT_MODEL_FEATURES
            and pd.api.types.is_numeric_dtype(f[c]) and pd.to_numeric(f[c], errors="coerce").notna().any()]
    if not cols:
        return [Note("No numeric features to train a classifier on.")]
    groups, how = _cv_groups(inp)
    if groups is None:
        return [Note("The classifier needs stories or dates to keep related articles out of each other's "
                     "test folds; neither was available.")]
    data = f.loc[ok, cols].apply(pd.to_numeric, errors="coerce")
    data["_target"] = inp.groups.to_numpy()[ok]
    data["_cv"] = groups.to_numpy()[ok]
    counts = data["_target"].value_counts()
    n_folds = min(5, int(data["_cv"].nunique()))
    if len(counts) < 2 or n_folds < 2 or counts.min() < 2:
        return [Note(f"Too few articles or groups to cross-validate a classifier (each {inp.by} needs at least "
                     "two measured articles, and the articles must fall into at least two folds).")]
    from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

    try:
        # one BLAS thread: on a busy machine, BLAS threads spinning against each other made the
        # logistic regression 20-40x slower (measured on PolNeAR train); results are the same
        with threadpool_limits(limits=1, user_api="blas"):
            res = evaluate(data, target="_target", groups="_cv", n_splits=n_folds, seed=inp.params["seed"])
    except (BiaskitError, ValueError) as exc:
        return [Note(f"The classifier could not be evaluated on these articles: {exc}")]
    scores = res.scores
    summary = pd.DataFrame([
        {"measure": "Macro-F1 (mean over folds)", "value": scores["macro_f1"].mean(),
         "low": scores["macro_f1"].min(), "high": scores["macro_f1"].max()},
        {"measure": "Accuracy (mean over folds)", "value": scores["accuracy"].mean(),
         "low": scores["accuracy"].min(), "high": scores["accuracy"].max()},
        {"measure": f"Macro-F1 of always guessing the largest {inp.by}", "value": scores["majority_macro_f1"].mean(),
         "low": scores["majority_macro_f1"].min(), "high": scores["majority_macro_f1"].max()},
    ])
    blocks: list = [
        Heading(f"{_one(inp).capitalize()} classifier"),
        Table(summary, (Column("measure", "Score", "text"),
                        Column("value", "Value [lowest, highest fold]", "num", 2, low="low", high="high")),
              caption=f"How well the measures tell the {_plural(inp.by, 2)} apart",
              note=f"Logistic regression (class-balanced) over {len(cols)} standardised features (rates, shares "
                   "and scores; article length and sentence positions left out), "
                   f"{n_folds}-fold cross-validation {how}, so that articles on one story are never both "
                   f"trained on and tested. Macro-F1 averages the per-{_one(inp)} F1 scores: 1 is perfect."),
    ]
    per = _ordered(res.per_class.rename(columns={"class": "group"}), "group", inp.order)
    blocks.append(Table(per, (Column("group", _group_title(inp), "text"), Column("precision", "Precision", "num", 2),
                              Column("recall", "Recall", "num", 2), Column("f1", "F1", "num", 2),
                              Column("support", "Articles", "int")),
                        caption=f"Scores per {inp.by} (out-of-fold predictions)",
                        note=f"Recall: share of the {_one(inp)}'s articles recognised as its own; precision: "
                             f"share of the articles attributed to the {_one(inp)} that were its own."))
    conf = res.confusion.copy()
    long = conf.stack().rename("count").reset_index()
    long.columns = ["true", "predicted", "count"]
    long["share"] = long["count"] / long.groupby("true")["count"].transform("sum")
    order = [g for g in inp.order if g in set(long["true"])]
    blocks.append(Figure("heatmap", long, {"row": "true", "col": "predicted", "value": "share", "fmt": "pct",
                                           "row_order": order, "col_order": order,
                                           "xlabel": f"predicted {inp.by}", "ylabel": f"true {inp.by}",
                                           "colorbar_label": f"share of the true {_one(inp)}'s articles"},
                         caption=f"Confusion matrix: each row is {_a(_one(inp))}'s articles, split by the "
                                 f"{_one(inp)} the model "
                                 "guessed. A dark diagonal means a distinct profile.",
                         alt=f"Grid of predicted against true {_many(inp)}."))
    imp = res.importance
    if len(imp):
        imp = imp.copy()
        imp["feature"] = imp["feature"].astype(str).str.replace(r"^features__", "", regex=True)
        imp["label"] = imp["feature"].map(lambda c: describe(c).label)
        if (imp["method"] == "coefficient").any():
            top = imp[imp["mean"] > 0].rename(columns={"class": "group"})
            top = _ordered(_top_per_group(top, "group", ["mean"], 3), "group", inp.order)
            cols_t = (Column("group", _group_title(inp), "text"), Column("label", "Measure", "text"),
                      Column("mean", "Weight (log-odds per SD)", "num", 2, low="min", high="max"),
                      Column("sign_consistent", "Same sign in every fold", "bool"))
            note = ("Standardised coefficients: how much one standard deviation more of the measure raises the "
                    f"log-odds that an article is this {_one(inp)}'s, averaged over the folds' models (in brackets: "
                    "the lowest and highest fold). Measures are correlated, so read the weights as a profile, "
                    "not as causes.")
        else:
            top = imp.rename(columns={"class": "group"}).head(10)
            cols_t = (Column("label", "Measure", "text"),
                      Column("mean", "Drop in macro-F1 when shuffled", "num", 3, low="min", high="max"))
            note = "Permutation importance on the held-out folds."
        blocks.append(Table(top.reset_index(drop=True), cols_t,
                            caption=f"Measures that most set each {inp.by} apart", note=note))
    return blocks


# ---------------------------------------------------------------------------
# the public function
# ---------------------------------------------------------------------------

_FAMILY_NEEDS = {
    "readability": (("biaskit.extract.readability", "readability"),),
    "sentiment": (("biaskit.extract.sentiment", "sentiment"),),
    "sourcing": (("biaskit.extract.sourcing", "attributions"),
                 ("biaskit.extract.sourcing_table", "sourcing_features")),
    # the vocabulary family needs the attributions to tell quoted words from the outlet's own
    "vocabulary": (("biaskit.extract.vocabulary", "vocabulary_hits"),
                   ("biaskit.extract.sourcing", "attributions")),
}


def _available_families() -> tuple[list[str], list[str]]:
    ok, missing = [], []
    for fam, needs in _FAMILY_NEEDS.items():
        present = all(_optional(module, name) is not None for module, name in needs)
        (ok if present else missing).append(fam)
    return ok, missing


def _extract_all(articles: pd.DataFrame, families: Sequence[str], *, lexicon: Any, wordlists: Any,
                 progress: bool) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None]:
    """The feature table, the attribution table and the lexicon-hit table in one pass."""
    from biaskit.features import extract_tables

    tables = extract_tables(articles, families=families, lexicon=lexicon, wordlists=wordlists, progress=progress)
    return tables.features, tables.attributions, tables.vocabulary


#: Columns that already group articles into stories; with ``stories="auto"`` the first one present is
#: used instead of matching stories by text.
STORY_COLUMNS = ("story_id", "story", "event_id", "event")


def _stories(inp: _Inputs, stories: Any, articles: pd.DataFrame | None) -> tuple[pd.Series | None, str]:
    if stories is None or stories is False:
        return None, ""
    if isinstance(stories, str) and stories == "auto":
        for frame in (articles, inp.features):
            col = next((c for c in STORY_COLUMNS if frame is not None and c in frame.columns
                        and frame[c].notna().any()), None)
            if col is not None:
                ids = frame[col].reset_index(drop=True).set_axis(inp.features.index)
                return ids.astype(object).where(ids.notna(), None), (
                    f"the input's column {col!r}, used as given instead of matching stories by text")
        if articles is None or _optional("biaskit.stories", "match_stories") is None:
            return None, ""
        stories = True
    if isinstance(stories, pd.Series):
        if len(stories) != len(inp.features):
            raise InputError(f"stories has {len(stories)} values for {len(inp.features)} articles")
        return pd.Series(stories.to_numpy(), index=inp.features.index), "story ids given by the user"
    if isinstance(stories, str):
        for frame in (inp.features, articles):
            if frame is not None and stories in frame.columns:
                return frame[stories].reset_index(drop=True).set_axis(inp.features.index), \
                    f"stories from the column {stories!r}"
        raise InputError(f"no column {stories!r} holding story ids; columns found: "
                         f"{', '.join(map(str, (articles if articles is not None else inp.features).columns))}")
    if stories is True:
        if articles is None:
            raise InputError("story matching needs the articles' texts; the input is a feature table. "
                             "Pass stories='COLUMN' to use story ids you have, or give the articles.")
        match_stories = _optional("biaskit.stories", "match_stories")
        if match_stories is None:
            inp.notes["stories"] = "Story matching is not available in this biaskit installation."
            return None, ""
        result = match_stories(articles)
        if isinstance(result, pd.DataFrame):
            col = next((c for c in ("story", "story_id") if c in result.columns), None)
            if col is None:
                raise BiaskitError("match_stories returned no 'story' column")
            result = result[col]
        return pd.Series(np.asarray(result, dtype=object), index=inp.features.index), \
            "text similarity within a date window (biaskit.match_stories)"
    raise InputError(f"stories must be True, False, a column name or a Series, not {type(stories).__name__}")


def _check_by(by: str, table: pd.DataFrame, outlets: Any) -> None:
    """Fail before any measuring when the grouping column is nowhere to be found.

    ``by`` may be a column of the input or (with ``outlets``) of the outlet
    metadata; the error lists the input's own columns, not feature columns.
    """
    if by in table.columns:
        return
    meta_cols: list[str] = []
    if outlets is not None:
        read_outlets = _optional("biaskit.outlets", "_read_outlets")
        if read_outlets is None:
            return  # the join (later) says what is wrong
        meta_cols = [str(c) for c in read_outlets(outlets).columns]
        if by in meta_cols:
            return
    own = [str(c) for c in table.columns if not (_is_feature_table(table) and "." in str(c))]
    msg = f"no column {by!r} to group the articles by; the input's columns are: {', '.join(own)}"
    if outlets is not None:
        msg += f"; the outlet metadata's columns are: {', '.join(meta_cols)}"
    else:
        msg += " (give outlet metadata with outlets= / --outlets to group by one of its columns, e.g. leaning)"
    raise InputError(msg)


def report(articles_or_features: Any, by: str = "outlet", *, title: str | None = None,
           author: str | None = None, subtitle: str | None = None, stories: bool | str | pd.Series = "auto",
           outlets: Any = None, attributions: pd.DataFrame | None = None, vocabulary: pd.DataFrame | None = None,
           lexicon: Any = None, wordlists: Any = None, max_groups: int = 12, top_n: int = 8,
           n_boot: int = 2000, seed: int = 0, min_n: int = 5, min_count: int = 5, classifier: bool = True,
           progress: bool | Callable[[str], None] = False) -> Report:
    """Build a cross-outlet report from articles or from a feature table.

    Parameters
    ----------
    articles_or_features : DataFrame or path
        The articles table (:func:`biaskit.read_articles`), anything it reads
        (a file or folder), or a feature table from
        :func:`biaskit.extract_features` (then the sections that need texts —
        speakers, top terms, distinctive words — are built only from the
        ``attributions`` and ``vocabulary`` tables if given).
    by : str, default "outlet"
        The column that groups articles (an article column, or a column of
        the ``outlets`` metadata such as ``leaning``). Articles with no value
        there (e.g. an outlet missing from the metadata) are left out of the
        comparison, never made a group of their own; the overview says how
        many and from which outlets. The report's wording follows this
        column ("Do the leanings differ …").
    title, author, subtitle : str, optional
        Shown on the report's first page (as text, never as markup).
    stories : "auto", bool, str or Series
        ``"auto"`` (default): use the input's story column when it has one
        (the first of :data:`STORY_COLUMNS`: ``story_id``, ``story``,
        ``event_id``, ``event``), otherwise match stories across outlets
        (:func:`biaskit.match_stories`) when the input has texts; and add the
        within-story comparison; ``True``: the same, and an error for a
        feature table; ``False``: no story matching; a column name: use that
        column's story ids; a Series: story ids in row order.
    outlets : DataFrame or path, optional
        Outlet metadata (outlet -> leaning, country, ...) joined with
        :func:`biaskit.join_outlet_metadata`; unmatched outlets are listed in
        the overview.
    attributions, vocabulary : DataFrame, optional
        Precomputed (or hand-corrected) attribution and lexicon-hit tables;
        computed from the articles when not given.
    lexicon, wordlists : optional
        Passed to the extractors (user lexicon, user word lists).
    max_groups : int, default 12
        Groups shown by name; the smallest beyond ``max_groups - 1`` are
        folded into one "Other" group.
    top_n : int, default 8
        Terms and speakers listed per group.
    n_boot, seed, min_n : int
        Bootstrap resamples, seed and smallest group with an interval
        (see :func:`biaskit.compare`).
    min_count : int, default 5
        Smallest corpus count of a word in the distinctive-terms table.
    classifier : bool, default True
        Include the outlet classifier (the slowest part on large corpora).
    progress : bool or callable
        Print stage messages on stderr (or pass each to the callable).

    Returns
    -------
    Report
        Render it with ``.save("report.pdf")``, ``.save("report.html")``, or
        show it in Jupyter.
    """
    if not isinstance(by, str) or not by:
        raise InputError("by must be the name of a column, such as 'outlet'")
    if max_groups < 2:
        raise InputError(f"max_groups must be at least 2, got {max_groups}")
    prog = _Progress(progress)
    given_path = isinstance(articles_or_features, (str, os.PathLike))
    prog.stage("load", f"reading {os.fspath(articles_or_features)}" if given_path else None)
    articles, features = _load(articles_or_features)
    _check_by(by, articles if features is None else features, outlets)
    input_kind = "feature table" if features is not None else "articles"
    families, missing_families = _available_families()
    notes: dict[str, str] = {}
    for fam in missing_families:
        notes[{"readability": "tone", "sentiment": "tone"}.get(fam, fam)] = (
            f"The {fam} extractor is not available in this biaskit installation.")
    if features is None:
        prog.stage("features", f"measuring {len(articles):,} articles ({', '.join(families)})")
        features, att_table, hit_table = _extract_all(articles, families, lexicon=lexicon, wordlists=wordlists,
                                                      progress=bool(progress))
        if attributions is not None:  # a table given (perhaps corrected by hand) is the one measured
            profile = _optional("biaskit.extract.sourcing_table", "sourcing_profile")
            if profile is not None and "sourcing" in families:
                prog.stage("profile", "recomputing the sourcing profile from the attribution table given")
                prof = profile(attributions, articles, wordlists=wordlists)
                ok = features["status"].astype(str).eq(STATUS_OK).to_numpy()
                for c in prof.columns:
                    if str(c).startswith("sourcing.") and c in features.columns:
                        if pd.api.types.is_numeric_dtype(prof[c]):
                            features[c] = np.where(ok, prof[c].to_numpy(dtype=float), np.nan)
                        else:
                            features[c] = [v if k else None for v, k in zip(prof[c], ok, strict=True)]
                notes["attributions_given"] = ("The sourcing measures were recomputed from the attribution "
                                               "table given with the articles (e.g. corrected by hand).")
        attributions = att_table if attributions is None else attributions
        vocabulary = hit_table if vocabulary is None else vocabulary
    if len(features) == 0:
        raise InputError("the input holds no articles")

    unmatched: pd.DataFrame | None = None
    if outlets is not None:
        join = _optional("biaskit.outlets", "join_outlet_metadata")
        if join is None:
            raise BiaskitError("outlet metadata cannot be joined: biaskit.join_outlet_metadata is not available")
        prog.stage("outlets", "joining outlet metadata")
        features, unmatched = join(features, outlets)

    if by not in features.columns:
        if articles is not None and by in articles.columns:
            features = features.assign(**{by: articles[by].to_numpy()})
        else:
            found = list(features.columns if articles is None else articles.columns)
            raise InputError(f"no column {by!r} to group the articles by; columns found: "
                             f"{', '.join(map(str, found))}")
    raw_groups = _group_labels(features[by])
    has_group = raw_groups.notna().to_numpy()
    if not has_group.any():
        raise InputError(_nothing_to_group(by, unmatched))
    fingerprint = _fingerprint(articles, features)  # over the whole input
    n_input = len(features)
    left_out = None
    if not has_group.all():  # articles with no value are left out of the comparison, not made a group
        left_out = _left_out(features, has_group, by)
        features, raw_groups = features[has_group], raw_groups[has_group]
        articles = None if articles is None else articles[has_group]
    groups, order, folded = _fold(raw_groups, max_groups, by)
    params = {"by": by, "stories": stories if isinstance(stories, (bool, str)) else "given (Series)",
              "max_groups": max_groups, "top_n": top_n, "n_boot": n_boot, "seed": seed, "min_n": min_n,
              "min_count": min_count, "classifier": classifier, "families": families,
              "lexicon": None if lexicon is None else str(getattr(lexicon, "sources", lexicon)),
              "outlet_metadata": None if outlets is None else (str(outlets) if not isinstance(outlets, pd.DataFrame)
                                                               else "DataFrame")}
    inp = _Inputs(by=by, features=features.reset_index(drop=True), articles=None if articles is None
                  else articles.reset_index(drop=True), attributions=attributions, hits=vocabulary,
                  groups=groups.reset_index(drop=True), order=order, folded=folded, params=params, notes=notes,
                  unmatched_outlets=unmatched, left_out=left_out, n_input=n_input)

    # the measures every section shows, compared once so the BH correction covers the whole report
    f = inp.features
    vocab_cols = _vocabulary_rate_columns(f)["feature"].tolist()
    share_col = _first(f, "vocabulary.own_loaded_sentence_share", "vocabulary.own_sentence_share",
                       "vocabulary.loaded_sentence_share", "vocabulary.own_voice_sentence_share")
    sourcing_cols = _choose(f, SOURCING_MEASURES)
    scare = _first(f, *SCARE_QUOTE_MEASURES)
    tone_cols = _choose(f, TONE_MEASURES)
    read_cols = _choose(f, READABILITY_MEASURES)
    measures = list(dict.fromkeys([*sourcing_cols, *([scare] if scare else []), *vocab_cols,
                                   *([share_col] if share_col else []), *tone_cols, *read_cols]))
    params["measures"] = measures
    params["key_measures"] = list(dict.fromkeys([*sourcing_cols[:4], *([share_col] if share_col else []),
                                                 *tone_cols[:1], *read_cols[:1]]))
    compare = _optional("biaskit.compare", "compare")
    if measures and compare is not None:
        prog.stage("compare", f"comparing {len(order)} groups on {len(measures)} measures")
        data = f[measures].apply(pd.to_numeric, errors="coerce").assign(_group=inp.groups.to_numpy())
        inp.comparison = compare(data, by="_group", columns=measures, n_boot=n_boot, seed=seed, min_n=min_n)

    if stories is not None and stories is not False:
        prog.stage("stories", "finding stories" if stories in (True, "auto") else "reading story ids")
    inp.stories, params["stories_method"] = _stories(inp, stories, inp.articles)

    created = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    provenance = {
        "biaskit_version": __version__,
        "created": created,
        "input_fingerprint": fingerprint,
        "input_kind": input_kind,
        "articles": n_input,
        "articles_compared": len(inp.features),
        "parameters": {k: v for k, v in params.items() if k not in ("measures", "key_measures", "stories_method")},
        "versions": _versions(),
    }
    notice = _nothing_measured(inp)
    sections = []
    for key, build in (("overview", _overview), ("sourcing", _sourcing), ("vocabulary", _vocabulary),
                       ("tone", _tone), ("distinctive", _distinctive), ("models", _models)):
        prog.stage(key, f"building the section {SECTION_HEADINGS[key]!r}")
        if notice and key != "overview":
            sections.append(Section(key, _heading(inp, key), skipped="No article could be measured (see the "
                                                                      "corpus overview), so there is nothing to "
                                                                      "compare here."))
            continue
        sections.append(build(inp))
    sections.append(_methods(inp, provenance))
    prog.done()
    provenance["timings_seconds"] = dict(prog.timings)
    n_groups = int(raw_groups.nunique())
    default_title = (f"How {_count(n_groups, 'outlet')} {'reports' if n_groups == 1 else 'report'}: sourcing, "
                     "word choice and tone" if by == "outlet" else
                     f"Articles by {by.replace('_', ' ')}: sourcing, word choice and tone")
    return Report(
        title=title if title is not None else default_title,
        subtitle=subtitle,
        author=author,
        created=created,
        sections=tuple(sections),
        provenance=provenance,
        notice=notice,
    )
