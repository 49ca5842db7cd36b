"""Compare groups of articles (outlets, leanings) with stated uncertainty.

Two questions, two functions:

:func:`compare`
    How do outlets differ on numeric features (a feature table from
    :func:`biaskit.extract_features`, or any frame of numbers)? Per group:
    n, mean and median with seeded bootstrap intervals; across groups: a
    Kruskal--Wallis omnibus test; per pair: Cliff's delta with a bootstrap
    interval and a Mann--Whitney U test; Benjamini--Hochberg correction over
    each family of tests. With ``within="story"`` the outlets are compared on
    the same stories (paired within-story differences), which separates what
    an outlet chooses to cover from how it covers it.
:func:`distinctive_terms`
    Which words (or speakers, or source types) distinguish a group: the
    weighted log-odds ratio with an informative Dirichlet prior of Monroe,
    Colaresi & Quinn (2008), "Fightin' Words", with z-scores, each group
    against the rest and pairwise.

Both return tidy long DataFrames (one row per estimate) that a plot or a
table can take directly. The statistics are explained in ``docs/compare.md``.

References
----------
Cliff, N. (1993). Dominance statistics: ordinal analyses to answer ordinal
questions. *Psychological Bulletin* 114(3), 494--509.

Benjamini, Y., Hochberg, Y. (1995). Controlling the false discovery rate.
*JRSS B* 57(1), 289--300.

Monroe, B. L., Colaresi, M. P., Quinn, K. M. (2008). Fightin' words: lexical
feature selection and evaluation for identifying the content of political
conflict. *Political Analysis* 16(4), 372--403.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from biaskit.errors import InputError, column_list

__all__ = [
    "COMPARE_COLUMNS",
    "TERM_COLUMNS",
    "benjamini_hochberg",
    "cliffs_delta",
    "compare",
    "distinctive_terms",
    "feature_columns",
    "is_feature_table",
]

#: Columns of the table returned by :func:`compare`, in order.
COMPARE_COLUMNS = (
    "feature",
    "statistic",
    "group",
    "other",
    "n",
    "n_other",
    "estimate",
    "ci_low",
    "ci_high",
    "test",
    "test_statistic",
    "p_value",
    "p_adjusted",
    "significant",
    "flag",
)

#: Columns of the table returned by :func:`distinctive_terms`, in order.
TERM_COLUMNS = (
    "group",
    "other",
    "term",
    "count",
    "count_other",
    "n_terms",
    "n_terms_other",
    "log_odds_ratio",
    "se",
    "z",
)

#: Leading (non-feature) columns of a feature table.
_ID_COLUMNS = ("id", "outlet", "date", "title", "status", "story", "duplicate_id")
#: numeric feature columns that are positions, not measures (never compared by default)
_POSITION_COLUMNS = frozenset({"sentiment.most_negative_sentence", "sentiment.most_positive_sentence"})

#: Name used in the ``other`` column of a one-against-the-rest comparison.
REST = "(rest)"


# --------------------------------------------------------------------------
# Small pure helpers
# --------------------------------------------------------------------------


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini--Hochberg adjusted p-values (missing values stay missing).

    The adjusted value of the i-th smallest of m p-values is
    ``min_{k >= i} min(1, p_(k) * m / k)``; rejecting where it is below
    ``alpha`` keeps the expected share of false discoveries at or below
    ``alpha`` (for independent or positively dependent tests). Missing
    p-values are not counted in m.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, float("nan")]).round(3).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return out
    pv = p[ok]
    order = np.argsort(pv, kind="mergesort")
    ranked = pv[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1].clip(max=1.0)
    res = np.empty(m)
    res[order] = adjusted
    out[ok] = res
    return out


def cliffs_delta(a: Sequence[float], b: Sequence[float]) -> float:
    """Cliff's delta: P(A > B) - P(A < B) over all pairs of one value of each.

    It runs from -1 (every ``a`` below every ``b``) to 1; 0 means neither
    group tends to be larger. It uses only the order of the values, so it
    suits skewed features (rates with many zeros, long right tails) where a
    mean difference in standard deviations would be dominated by a few
    articles. It is ``2 U / (n_a n_b) - 1`` for the Mann--Whitney U of ``a``.

    Examples
    --------
    >>> cliffs_delta([1, 2, 3], [1, 2, 3])
    0.0
    >>> cliffs_delta([4, 5], [1, 2, 3])
    1.0
    >>> round(cliffs_delta([1, 3, 5], [2, 4]), 4)  # (1-2 + 3-1 + 5-0 ... ) / 6
    0.0
    """
    x = np.asarray(a, dtype=float)
    y = np.sort(np.asarray(b, dtype=float))
    if len(x) == 0 or len(y) == 0:
        return float("nan")
    below = np.searchsorted(y, x, side="left")  # number of b < a_i
    above = len(y) - np.searchsorted(y, x, side="right")  # number of b > a_i
    return float((below - above).sum() / (len(x) * len(y)))


def _stable_key(*parts: Any) -> int:
    """A stable 32-bit integer for seeding from names (not Python's salted hash)."""
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def _rng(seed: int, *parts: Any) -> np.random.Generator:
    """One generator per (seed, feature, group): results do not depend on which
    other features or groups are in the call, nor on their order."""
    return np.random.default_rng([int(seed), *(_stable_key(p) for p in parts)])


def _percentile_interval(samples: np.ndarray, ci: float) -> tuple[float, float]:
    lo, hi = np.quantile(samples, [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return float(lo), float(hi)


def feature_columns(frame: pd.DataFrame, columns: Iterable[str] | None = None,
                    exclude: Iterable[str] = ()) -> list[str]:
    """The numeric feature columns to compare.

    With ``columns`` given, each must exist and be numeric (or boolean).
    Otherwise the numeric columns with a dot in their name (the feature
    table's ``family.name`` columns) are used; if there are none, every
    numeric column except ``exclude`` and the usual id columns. Columns
    that hold a position rather than a measure
    (``sentiment.most_negative_sentence`` and ``most_positive_sentence``, the
    index of a sentence) are left out unless named in ``columns``.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["a"], "sourcing.n": [1.0],
    ...                    "sourcing.first_source_type": ["official"]})
    >>> feature_columns(df)
    ['sourcing.n']
    """
    excluded = set(exclude) | set(_ID_COLUMNS)
    if columns is not None:
        if isinstance(columns, str):
            columns = [columns]
        cols = list(columns)
        for c in cols:
            if c not in frame.columns:
                raise InputError(
                    f"no column {c!r} to compare; columns found: {column_list(frame.columns)}"
                )
            if not _is_numeric(frame[c]):
                raise InputError(f"column {c!r} is not numeric (dtype {frame[c].dtype}); it cannot be compared")
        return cols
    numeric = [c for c in frame.columns if c not in excluded and _is_numeric(frame[c])
               and c not in _POSITION_COLUMNS]
    dotted = [c for c in numeric if "." in str(c)]
    return dotted or numeric


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)


def is_feature_table(frame: pd.DataFrame) -> bool:
    """True for a feature table (a ``status`` column and dotted feature columns).

    Examples
    --------
    >>> is_feature_table(pd.DataFrame({"status": ["ok"], "readability.grade": [8.0]}))
    True
    >>> is_feature_table(pd.DataFrame({"text": ["Hello."]}))
    False
    """
    if "status" not in frame.columns:
        return False
    return any("." in str(c) and c not in _ID_COLUMNS for c in frame.columns)


def _values(series: pd.Series) -> np.ndarray:
    """Float values without the missing ones."""
    arr = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return arr[~np.isnan(arr)]


def _check_groups(frame: pd.DataFrame, by: str, what: str = "by") -> pd.Series:
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"expected a DataFrame, got {type(frame).__name__}")
    if by not in frame.columns:
        raise InputError(
            f"no column {by!r} to group by ({what}={by!r}); columns found: {column_list(frame.columns)}"
        )
    groups = frame[by]
    missing = groups.isna().to_numpy()
    if missing.any():
        rows = np.flatnonzero(missing)
        shown = ", ".join(str(r) for r in rows[:10]) + (", ..." if len(rows) > 10 else "")
        raise InputError(
            f"{len(rows)} row(s) have no value in column {by!r} (rows {shown}); fill or drop them first"
        )
    return groups.astype(str)


# --------------------------------------------------------------------------
# compare()
# --------------------------------------------------------------------------


def _draw_counts(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n, n_boot) array: how often each of n rows is drawn in each of n_boot resamples."""
    idx = rng.integers(0, n, size=(n_boot, n), dtype=np.int32)
    flat = (idx.astype(np.int64) * n_boot + np.arange(n_boot, dtype=np.int64)[:, None]).ravel()
    # small whole numbers: exact in float32, which halves the memory traffic of the bootstrap
    return np.bincount(flat, minlength=n * n_boot).reshape(n, n_boot).astype(np.float32)


class _Resample:
    """Bootstrap resamples of one sample, stored as counts over its sorted values.

    ``counts[k, r]`` is how many times the k-th smallest value is drawn in
    resample r (the rows of a resample are drawn uniformly with replacement);
    ``cum`` is the running count along the sorted values. Means, order
    statistics (medians) and Cliff's delta of every resample follow from
    these in O(n_boot * n), without materialising the resampled values.
    """

    __slots__ = ("values", "counts", "cum")

    def __init__(self, values: np.ndarray, n_boot: int = 0, rng: np.random.Generator | None = None, *,
                 counts: np.ndarray | None = None):
        n = len(values)
        order = np.argsort(values, kind="mergesort")
        self.values = values[order]
        if counts is None:
            counts = _draw_counts(n, n_boot, rng)
        self.counts = counts[order]  # (n, n_boot), rows follow the sorted values
        self.cum = np.zeros((n + 1, self.counts.shape[1]), dtype=np.float32)
        for j in range(n):  # row by row: faster than cumsum along the first axis
            np.add(self.cum[j], self.counts[j], out=self.cum[j + 1])

    def means(self) -> np.ndarray:
        return self.values @ self.counts / len(self.values)

    def order_statistic(self, k: int) -> np.ndarray:
        """The k-th smallest value (1-based) of every resample."""
        pos = (self.cum[1:] < k).sum(axis=0)
        return self.values[pos]

    def medians(self) -> np.ndarray:
        n = len(self.values)
        if n % 2:
            return self.order_statistic((n + 1) // 2)
        return (self.order_statistic(n // 2) + self.order_statistic(n // 2 + 1)) / 2


def _boot_epsilon_squared(resamples: list[_Resample]) -> np.ndarray:
    """Kruskal--Wallis epsilon-squared of every bootstrap resample of the groups, in O(n_boot * n).

    Each group is resampled within itself (its ``counts``). The midrank of a
    value in a pooled resample is the count of pooled draws below it plus
    half of (its own multiplicity + 1); a group's rank sum is its draws'
    midranks summed; H gets the usual tie correction. No resampled value is
    materialised. A resample whose pooled draws are all equal has no H
    (NaN, left out of the interval).
    """
    values = np.concatenate([r.values for r in resamples])
    uniq, inv = np.unique(values, return_inverse=True)
    n_boot = resamples[0].counts.shape[1]
    # counts are small whole numbers, exact in float32 (as in the resamples themselves)
    mult = np.zeros((len(uniq), n_boot), dtype=np.float32)
    parts = []
    start = 0
    for r in resamples:
        n = len(r.values)
        idx = inv[start:start + n]
        start += n
        # the group's multiplicity of each unique value in every resample
        if n < 2 or np.all(idx[1:] != idx[:-1]):  # (sorted values: a repeated value repeats its index in a row)
            mult[idx] += r.counts
        else:
            np.add.at(mult, idx, r.counts)
        parts.append((idx, r.counts, n))
    big_n = float(start)
    midrank = np.cumsum(mult, axis=0)  # pooled draws up to each value, then its midrank in place
    midrank -= (mult - 1.0) / 2.0
    # the rank sums as deviations from their mean (no cancellation in float32)
    centre = (big_n + 1.0) / 2.0
    between = np.zeros(n_boot)
    for idx, counts, n in parts:
        dev = (midrank[idx] * counts).sum(axis=0, dtype=np.float64) / n - centre
        between += n * dev * dev
    h = 12.0 / (big_n * (big_n + 1.0)) * between
    ties = 1.0 - ((mult * mult - 1.0) * mult).sum(axis=0, dtype=np.float64) / (big_n ** 3 - big_n)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.where(ties > 0, h / ties, np.nan)
    k = len(resamples)
    return np.maximum(0.0, (h - k + 1.0) / (big_n - k))


def _boot_delta(ra: _Resample, rb: _Resample) -> np.ndarray:
    """Cliff's delta of every bootstrap resample pair, in O(n_boot * (n_a + n_b)).

    For resample counts ``w`` (of a) and ``v`` (of b), delta* is
    ``sum_i w_i (V_below(a_i) - V_above(a_i)) / (n_a n_b)`` where ``V_below``
    is the resampled count of b values below ``a_i``; with ``C`` the running
    count of v over the sorted b values, ``V_below - V_above = C[lo_i] +
    C[hi_i] - n_b``. The positions ``lo_i``, ``hi_i`` of each ``a_i`` among
    the sorted b values are found once.
    """
    lo = np.searchsorted(rb.values, ra.values, side="left")
    hi = np.searchsorted(rb.values, ra.values, side="right")
    n_a, n_b = len(ra.values), len(rb.values)
    s = np.einsum("ij,ij->j", ra.counts, rb.cum[lo] + rb.cum[hi]).astype(float)
    return (s - n_a * n_b) / (n_a * n_b)


def _mann_whitney(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """Cliff's delta, U of ``a`` and the two-sided Mann--Whitney p-value.

    Large samples use the normal approximation with tie and continuity
    corrections (as scipy's ``mannwhitneyu`` does); when either sample has 8
    values or fewer, scipy's exact/automatic method is used.
    """
    b_sorted = np.sort(b)
    lo = np.searchsorted(b_sorted, a, side="left")
    hi = np.searchsorted(b_sorted, a, side="right")
    n_a, n_b = len(a), len(b)
    u = float(lo.sum() + 0.5 * (hi - lo).sum())
    delta = (2 * u - n_a * n_b) / (n_a * n_b)
    if min(n_a, n_b) <= 8:
        from scipy import stats

        return delta, u, float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    from scipy.special import ndtr

    n = n_a + n_b
    _, t = np.unique(np.concatenate([a, b]), return_counts=True)
    tie_term = float((t**3 - t).sum()) / (n * (n - 1))
    var = n_a * n_b / 12.0 * ((n + 1) - tie_term)
    if var <= 0:
        return delta, u, 1.0
    z = (abs(u - n_a * n_b / 2.0) - 0.5) / math.sqrt(var)
    p = float(min(1.0, 2.0 * ndtr(-max(z, 0.0))))
    return delta, u, p


def _row(**kw: Any) -> dict:
    base = dict.fromkeys(COMPARE_COLUMNS)
    base["flag"] = ""
    base.update(kw)
    return base


def _group_rows(feature: str, groups: list[str], vals: dict[str, np.ndarray], *, n_boot: int,
                ci: float, seed: int, min_n: int, resamples: dict[str, _Resample],
                statistic_prefix: str = "", row_counts: dict[str, np.ndarray] | None = None) -> list[dict]:
    rows = []
    for g in groups:
        v = vals[g]
        n = len(v)
        shared = row_counts.get(g) if row_counts else None
        flag = "" if n >= min_n else ("no_data" if n == 0 else "small_group")
        mean = float(v.mean()) if n else math.nan
        median = float(np.median(v)) if n else math.nan
        mean_ci = median_ci = (math.nan, math.nan)
        if n >= min_n:
            if shared is not None and shared.shape[0] == n:  # no missing value: the group's row resamples
                r = _Resample(v, counts=shared)
            else:
                r = _Resample(v, n_boot, _rng(seed, feature, g, statistic_prefix))
            resamples[g] = r
            mean_ci = _percentile_interval(r.means(), ci)
            if not statistic_prefix:
                median_ci = _percentile_interval(r.medians(), ci)
        rows.append(_row(feature=feature, statistic=f"{statistic_prefix}mean", group=g, n=n, estimate=mean,
                         ci_low=mean_ci[0], ci_high=mean_ci[1], flag=flag))
        if not statistic_prefix:
            rows.append(_row(feature=feature, statistic="median", group=g, n=n, estimate=median,
                             ci_low=median_ci[0], ci_high=median_ci[1], flag=flag))
    return rows


def _independent(frame: pd.DataFrame, groups: pd.Series, cols: list[str], order: list[str], *,
                 n_boot: int, ci: float, seed: int, min_n: int) -> list[dict]:
    from scipy import stats

    rows: list[dict] = []
    codes = {g: np.flatnonzero((groups == g).to_numpy()) for g in order}
    # the articles of each group are resampled once (seeded by the group's name) and the resamples
    # are shared by every feature that has no missing value in the group
    row_counts = {g: _draw_counts(len(idx), n_boot, _rng(seed, "rows", g))
                  for g, idx in codes.items() if len(idx) >= min_n}
    for feature in cols:
        col = pd.to_numeric(frame[feature], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        vals = {g: col[idx][~np.isnan(col[idx])] for g, idx in codes.items()}
        resamples: dict[str, _Resample] = {}
        rows += _group_rows(feature, order, vals, n_boot=n_boot, ci=ci, seed=seed, min_n=min_n,
                            resamples=resamples, row_counts=row_counts)

        usable = [g for g in order if len(vals[g]) >= min_n]
        n_total = int(sum(len(vals[g]) for g in usable))
        omni = _row(feature=feature, statistic="omnibus", n=n_total, test="kruskal_wallis")
        if len(usable) < 2:
            omni["flag"] = "too_few_groups"
        else:
            pooled = np.concatenate([vals[g] for g in usable])
            if np.all(pooled == pooled[0]):
                omni["flag"] = "constant"
            else:
                h, p = stats.kruskal(*(vals[g] for g in usable))
                k = len(usable)
                # epsilon-squared (Tomczak & Tomczak 2014), bounded 0..1, with a percentile interval over the
                # groups' bootstrap resamples (the same resamples as the groups' means)
                if n_total > k:
                    boot = _boot_epsilon_squared([resamples[g] for g in usable])
                    boot = boot[~np.isnan(boot)]
                    lo, hi = _percentile_interval(boot, ci) if len(boot) else (math.nan, math.nan)
                    omni.update(estimate=float(max(0.0, (h - k + 1) / (n_total - k))), ci_low=lo, ci_high=hi)
                else:
                    omni["estimate"] = math.nan
                omni.update(test_statistic=float(h), p_value=float(p))
        rows.append(omni)

        for a, b in itertools.combinations(order, 2):
            va, vb = vals[a], vals[b]
            row = _row(feature=feature, statistic="cliffs_delta", group=a, other=b, n=len(va),
                       n_other=len(vb), test="mann_whitney_u")
            if len(va) == 0 or len(vb) == 0:
                row["flag"] = "no_data"
                rows.append(row)
                continue
            if a not in resamples or b not in resamples:
                row.update(estimate=cliffs_delta(va, vb), flag="small_group")
                rows.append(row)
                continue
            delta, u, p = _mann_whitney(va, vb)
            lo, hi = _percentile_interval(_boot_delta(resamples[a], resamples[b]), ci)
            row.update(estimate=delta, ci_low=lo, ci_high=hi, test_statistic=u, p_value=p)
            if np.all(va == va[0]) and np.all(vb == va[0]):
                row["flag"] = "constant"
            rows.append(row)
    return rows


def _wilcoxon(diff: np.ndarray) -> tuple[float, float]:
    """Wilcoxon signed-rank test of paired differences (zeros dropped).

    Returns the smaller of the positive and negative rank sums and the
    two-sided p-value. With fewer than 25 non-zero differences scipy's
    ``wilcoxon`` (exact where it can be) is used; otherwise the normal
    approximation with tie and continuity corrections.
    """
    d = diff[diff != 0]
    n = len(d)
    if n == 0:
        return 0.0, 1.0
    if n < 25:
        from scipy import stats

        res = stats.wilcoxon(d, zero_method="wilcox", alternative="two-sided")
        return float(res.statistic), float(res.pvalue)
    from scipy.special import ndtr
    from scipy.stats import rankdata

    ranks = rankdata(np.abs(d))
    r_plus = float(ranks[d > 0].sum())
    r_minus = float(ranks[d < 0].sum())
    mean = n * (n + 1) / 4.0
    _, t = np.unique(np.abs(d), return_counts=True)
    var = n * (n + 1) * (2 * n + 1) / 24.0 - float((t**3 - t).sum()) / 48.0
    z = (abs(r_plus - mean) - 0.5) / math.sqrt(var)
    return min(r_plus, r_minus), float(min(1.0, 2.0 * ndtr(-max(z, 0.0))))


def _within(frame: pd.DataFrame, groups: pd.Series, stories: pd.Series, cols: list[str],
            order: list[str], *, n_boot: int, ci: float, seed: int, min_n: int) -> list[dict]:
    """Paired comparisons on the stories that several groups covered."""
    rows: list[dict] = []
    g_code = pd.Categorical(groups.to_numpy(), categories=order).codes
    s_code, s_names = pd.factorize(stories.to_numpy(), sort=True)
    k, n_s = len(order), len(s_names)
    perm_memo: dict[bytes, np.ndarray] = {}  # permutations per cell layout, for this call only
    for feature in cols:
        col = pd.to_numeric(frame[feature], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        ok = ~np.isnan(col)
        # one value per (story, group): the mean of that group's articles on the story
        flat = s_code[ok] * k + g_code[ok]
        sums = np.bincount(flat, weights=col[ok], minlength=n_s * k).reshape(n_s, k)
        ns = np.bincount(flat, minlength=n_s * k).reshape(n_s, k)
        with np.errstate(invalid="ignore", divide="ignore"):
            cell = np.where(ns > 0, sums / np.maximum(ns, 1), np.nan)
        shared = cell[(ns > 0).sum(axis=1) >= 2]  # stories covered by two groups or more
        # story-centred values: how far a group's coverage sits from the story's mean
        centred = shared - np.nanmean(shared, axis=1, keepdims=True) if len(shared) else shared
        resamples: dict[str, _Resample] = {}
        vals = {g: centred[:, j][~np.isnan(centred[:, j])] for j, g in enumerate(order)}
        rows += _group_rows(feature, order, vals, n_boot=n_boot, ci=ci, seed=seed, min_n=min_n,
                            resamples=resamples, statistic_prefix="story_centred_")
        rows.append(_story_permutation(feature, shared, centred, n_boot=n_boot, seed=seed, min_n=min_n,
                                       memo=perm_memo))
        for (ia, a), (ib, b) in itertools.combinations(enumerate(order), 2):
            both = ~np.isnan(shared[:, ia]) & ~np.isnan(shared[:, ib])
            diff = shared[both, ia] - shared[both, ib]
            n = len(diff)
            row = _row(feature=feature, statistic="paired_mean_difference", group=a, other=b, n=n,
                       n_other=n, test="wilcoxon_signed_rank",
                       estimate=float(diff.mean()) if n else math.nan)
            if n == 0:
                row["flag"] = "no_shared_stories"
            elif n < min_n:
                row["flag"] = "small_group"
            elif np.all(diff == 0):
                row.update(ci_low=0.0, ci_high=0.0, flag="constant")
            else:
                r = _Resample(diff, n_boot, _rng(seed, feature, a, b, "paired"))
                lo, hi = _percentile_interval(r.means(), ci)
                w, p = _wilcoxon(diff)
                row.update(ci_low=lo, ci_high=hi, test_statistic=w, p_value=p)
            rows.append(row)
    return rows


def _story_permutation(feature: str, shared: np.ndarray, centred: np.ndarray, *, n_boot: int, seed: int,
                       min_n: int, memo: dict[bytes, np.ndarray]) -> dict:
    """Omnibus test within stories: permute the group labels inside each story.

    ``shared`` is the (story x group) table of cell means (missing where the
    group did not cover the story) of the stories covered by two groups or
    more. Statistic: the between-group sum of squares of the story-centred
    values, reported with its share of their total sum of squares (an
    eta-squared with the story effect removed). Under the null hypothesis that
    the group does not matter once the story is fixed, the cells of a story
    are exchangeable, so the permutation p-value is valid for incomplete
    blocks too. Groups with fewer than ``min_n`` stories are left out.
    """
    present = ~np.isnan(shared)
    usable = present.sum(axis=0) >= min_n
    row = _row(feature=feature, statistic="omnibus", n=0, test="story_permutation")
    if usable.sum() < 2:
        row["flag"] = "too_few_groups"
        return row
    cells = present & usable[None, :]
    keep = cells.sum(axis=1) >= 2
    cells, x_tab = cells[keep], shared[keep]
    if not keep.any():
        row["flag"] = "no_shared_stories"
        return row
    x_tab = np.where(cells, x_tab, np.nan)
    x_tab = x_tab - np.nanmean(x_tab, axis=1, keepdims=True)
    story_idx, labels = np.nonzero(cells)  # cells in story order
    x = x_tab[story_idx, labels]
    row["n"] = int(keep.sum())
    ss_total = float((x**2).sum())
    if ss_total <= 1e-12 * max(1.0, float(np.abs(x_tab[cells]).max(initial=0.0)) ** 2):
        row["flag"] = "constant"
        return row
    k = shared.shape[1]
    n_g = np.bincount(labels, minlength=k).astype(float)
    n_g[n_g == 0] = np.inf

    def between(perm_labels: np.ndarray) -> np.ndarray:
        p_count = perm_labels.shape[0]
        flat = (perm_labels + (np.arange(p_count) * k)[:, None]).ravel()
        sums = np.bincount(flat, weights=np.tile(x, p_count), minlength=p_count * k).reshape(p_count, k)
        return (sums**2 / n_g).sum(axis=1)

    observed = float(between(labels[None, :])[0])
    key = story_idx.tobytes() + b"|" + labels.tobytes()
    perms = memo.get(key)
    if perms is None:
        rng = _rng(seed, "story_permutation", len(x))
        # a random order inside each story: sort random keys offset by the story number
        keys = rng.random((n_boot, len(x))) + story_idx[None, :]
        perms = labels[np.argsort(keys, axis=1)]
        memo[key] = perms
    null = between(perms)
    p = (1 + int((null >= observed * (1 - 1e-12)).sum())) / (n_boot + 1)
    row.update(estimate=observed / ss_total, test_statistic=observed, p_value=float(p))
    return row


def compare(features: pd.DataFrame, by: str = "outlet", *, within: str | None = None,
            columns: Iterable[str] | None = None, n_boot: int = 2000, ci: float = 0.95, seed: int = 0,
            alpha: float = 0.05, min_n: int = 5) -> pd.DataFrame:
    """Compare groups of articles on numeric features, with intervals and corrected tests.

    Parameters
    ----------
    features : DataFrame
        One row per article: a feature table from
        :func:`biaskit.extract_features` or any frame with numeric columns.
        Missing values (unmeasured articles) are left out feature by feature;
        ``n`` says how many values each estimate used.
    by : str, default "outlet"
        Column naming the groups (outlet, leaning, ...). Rows without a value
        raise an error rather than being dropped.
    within : str, optional
        Column naming the story of each article (see
        :func:`biaskit.match_stories`). Then groups are compared on the same
        stories: each group's articles on a story are averaged, and only
        stories covered by at least two groups are used (a story covered by
        one outlet says nothing about *how* outlets differ).
    columns : list of str, optional
        Feature columns (default: every numeric ``family.name`` column; string
        features such as ``sourcing.first_source_type`` are skipped).
    n_boot : int, default 2000
        Bootstrap resamples (and, with ``within``, label permutations).
    ci : float, default 0.95
        Confidence level of the intervals.
    seed : int, default 0
        Seed of the bootstrap. The articles of each group are resampled with a
        generator derived from the seed and the group's name, and the same
        resamples serve every feature without missing values in that group (a
        feature with missing values gets its own, derived from the seed and
        the feature's and group's names). So the same input and seed give the
        same table, and a figure does not change when other features or groups
        are added to the call.
    alpha : float, default 0.05
        False discovery rate for the ``significant`` column.
    min_n : int, default 5
        Groups (or shared stories) with fewer values get no interval and take
        no part in the tests; their rows are flagged ``small_group``.

    Returns
    -------
    DataFrame
        Tidy long table, columns :data:`COMPARE_COLUMNS`. ``statistic`` is:

        ``mean``, ``median``
            per group, with a percentile bootstrap interval.
        ``omnibus``
            one row per feature: Kruskal--Wallis H across the groups
            (``test_statistic``), its p-value, and epsilon-squared (the share
            of rank variance between groups, 0..1) as ``estimate``, with a
            percentile bootstrap interval (groups resampled within themselves).
        ``cliffs_delta``
            per pair (``group`` vs ``other``): P(group > other) -
            P(group < other), a bootstrap interval, and the Mann--Whitney U
            test of the same contrast.

        With ``within``: ``story_centred_mean`` (a group's mean distance from
        the story means, interval bootstrapped over its stories),
        ``omnibus`` by a within-story label permutation test (``estimate``:
        share of within-story variance explained by the group) and
        ``paired_mean_difference`` (mean over shared stories of group minus
        other, bootstrap interval, Wilcoxon signed-rank test).

        ``p_adjusted`` is the Benjamini--Hochberg adjustment over all omnibus
        rows together and, separately, over all pairwise rows together;
        ``significant`` is ``p_adjusted < alpha``. ``flag`` is empty or says
        why a figure is missing: ``small_group``, ``no_data``, ``constant``,
        ``too_few_groups``, ``no_shared_stories``.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> df = pd.DataFrame({"outlet": ["A"] * 40 + ["B"] * 40,
    ...                    "sourcing.rate": np.r_[rng.normal(0, 1, 40), rng.normal(2, 1, 40)]})
    >>> res = compare(df, n_boot=500)
    >>> res.loc[res.statistic == "cliffs_delta", ["group", "other", "significant"]].to_dict("records")
    [{'group': 'A', 'other': 'B', 'significant': True}]
    >>> sorted(res.statistic.unique())
    ['cliffs_delta', 'mean', 'median', 'omnibus']
    """
    groups = _check_groups(features, by)
    if columns is None and "text" in features.columns and not is_feature_table(features):
        raise InputError(
            "this is an articles table (it has a 'text' column and no feature columns): measure it first, "
            "e.g. compare(biaskit.extract_features(articles, keep=[...]), by=...), or pass columns=[...]"
        )
    if not 0 < ci < 1:
        raise InputError(f"ci must be between 0 and 1, got {ci}")
    if int(n_boot) < 1:
        raise InputError(f"n_boot must be a positive number of resamples, got {n_boot}")
    if min_n < 2:
        raise InputError(f"min_n must be at least 2, got {min_n}")
    exclude = {by} | ({within} if within else set())
    cols = feature_columns(features, columns, exclude=exclude)
    if not cols:
        raise InputError("no numeric feature columns to compare; pass columns=[...]")
    order = sorted(groups.unique())
    if within is None:
        rows = _independent(features, groups, cols, order, n_boot=int(n_boot), ci=ci, seed=seed, min_n=min_n)
        pair_stats = {"cliffs_delta"}
    else:
        stories = _check_groups(features, within, what="within")
        rows = _within(features, groups, stories, cols, order, n_boot=int(n_boot), ci=ci, seed=seed,
                       min_n=min_n)
        pair_stats = {"paired_mean_difference"}
    out = pd.DataFrame.from_records(rows, columns=list(COMPARE_COLUMNS))
    for fam in ({"omnibus"}, pair_stats):
        mask = out["statistic"].isin(fam).to_numpy()
        out.loc[mask, "p_adjusted"] = benjamini_hochberg(out.loc[mask, "p_value"].to_numpy(dtype=float))
    for c in ("estimate", "ci_low", "ci_high", "test_statistic", "p_value", "p_adjusted"):
        out[c] = out[c].astype(float)
    for c in ("n", "n_other"):
        out[c] = out[c].astype("Int64")
    out["significant"] = (out["p_adjusted"] < alpha).where(out["p_adjusted"].notna(), other=False).astype(bool)
    return out


# --------------------------------------------------------------------------
# distinctive_terms()
# --------------------------------------------------------------------------


def _english_stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_APOSTROPHES = ("'", "\u2019")


def _is_stop(word: str, stop: frozenset[str]) -> bool:
    """A stop word, or a contraction of one.

    Contractions and clitics count with the function word they are built on:
    a word is dropped when the part before its first apostrophe is a stop
    word ("it's", "that's", "we're", "i'd", "they've") and every negative
    contraction is dropped ("don't", "didn't", "can't"), since "n't" attaches
    only to auxiliary verbs. Possessives of content words stay
    ("government's").

    Examples
    --------
    >>> stop = frozenset({"it", "that", "we", "do", "the"})
    >>> [w for w in ["it's", "that\u2019s", "we're", "didn't", "government's", "the", "port"]
    ...  if not _is_stop(w, stop)]
    ["government's", 'port']
    """
    if word in stop:
        return True
    cut = min((i for i in (word.find(a) for a in _APOSTROPHES) if i > 0), default=-1)
    if cut < 0:
        return False
    if word[cut + 1:] == "t" and word[cut - 1] == "n":  # X-n't: a negated auxiliary
        return True
    return word[:cut] in stop


def _count_terms(data: pd.DataFrame, groups: pd.Series, *, text: str | None, term: str | None,
                 lowercase: bool, stop: frozenset[str]) -> tuple[dict[str, Counter], int]:
    from biaskit.parse import WORD_RE

    counts: dict[str, Counter] = {}
    skipped = 0
    column = data[text if text is not None else term]
    for g, value in zip(groups.to_numpy(), column.to_numpy(dtype=object), strict=True):
        c = counts.setdefault(g, Counter())
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            skipped += 1
            continue
        if text is not None:
            words = WORD_RE.findall(str(value))
        elif isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
            words = [str(w) for w in value]
        else:
            words = [str(value)]
        if lowercase:
            words = [w.lower() for w in words]
        if stop:
            words = [w for w in words if not _is_stop(w.lower(), stop)]
        c.update(words)
    return counts, skipped


def _log_odds(y_i: np.ndarray, y_j: np.ndarray, alpha_w: np.ndarray) -> tuple[np.ndarray, ...]:
    """Monroe et al. (2008) eq. 16 and 18-20: delta, its standard error, z."""
    a0 = alpha_w.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_i + alpha_w) / (n_i + a0 - y_i - alpha_w))
                 - np.log((y_j + alpha_w) / (n_j + a0 - y_j - alpha_w)))
        var = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
        se = np.sqrt(var)
        z = delta / se
    return delta, se, z


def distinctive_terms(data: pd.DataFrame, by: str = "outlet", *, text: str | None = None,
                      term: str | None = None, against: str = "rest",
                      prior: str | Mapping[str, float] | pd.Series = "corpus", prior_size: float | None = None,
                      min_count: int = 5, stop_words: str | Iterable[str] | None = None,
                      lowercase: bool | None = None, top: int | None = None) -> pd.DataFrame:
    """Terms that distinguish each group: weighted log-odds with an informative prior.

    The "Fightin' Words" estimator of Monroe, Colaresi & Quinn (2008,
    section 3.5.1). For term w, group i with counts ``y_w^i`` out of ``n^i``
    terms, and a Dirichlet prior ``alpha_w`` summing to ``alpha_0``::

        delta_w = log((y_w^i + alpha_w) / (n^i + alpha_0 - y_w^i - alpha_w))
                - log((y_w^j + alpha_w) / (n^j + alpha_0 - y_w^j - alpha_w))
        se_w    = sqrt(1 / (y_w^i + alpha_w) + 1 / (y_w^j + alpha_w))
        z_w     = delta_w / se_w

    where j is the rest of the corpus (``against="rest"``) or another group
    (``against="pairwise"``). The prior shrinks the log-odds of rare terms
    towards zero, and dividing by the standard error keeps frequent function
    words from dominating only because they are frequent. ``|z| > 1.96`` is
    the paper's (uncorrected) threshold; rank by z rather than read it as a
    test over thousands of terms.

    Parameters
    ----------
    data : DataFrame
        Articles (with a text column) or any table with one term per row,
        such as the attribution table (``term="speaker"`` or
        ``term="source_type"``: which speakers or source types distinguish an
        outlet).
    by : str, default "outlet"
        Group column.
    text : str, optional
        Text column to split into words with :data:`biaskit.parse.WORD_RE`
        (the one definition of a word). Default: ``body`` or ``text`` when
        ``term`` is not given.
    term : str, optional
        Column whose values are the terms (one per row; list values count each
        element, e.g. the ``via`` chain). Missing values are not terms; their
        number is in ``result.attrs["missing_terms"]``.
    against : {"rest", "pairwise", "both"}, default "rest"
        Each group against all other groups together, each ordered pair of
        groups, or both.
    prior : "corpus", "uniform", or mapping of term -> count, default "corpus"
        Shape of the prior: the term frequencies of the whole input
        (informative; the paper's choice), equal for every term, or counts
        from a background corpus (terms absent from it get a count of 0.5).
    prior_size : float, optional
        alpha_0, the prior's total weight in pseudo-counts. Default: the
        number of terms in the input, i.e. ``alpha_w`` equals the corpus
        count of w (a prior as strong as the data). Smaller values trust the
        groups' own counts more.
    min_count : int, default 5
        Terms seen fewer times in the whole input are left out of the result
        (they still count in the totals and the prior).
    stop_words : "english", list of str, or None, default None
        Terms to remove before counting (``"english"``: scikit-learn's list).
        Contractions of a stop word go with it: a word whose part before the
        apostrophe is a stop word ("it's", "we're") is removed, and so is
        every negative contraction ("didn't"); possessives of other words
        ("minister's") stay.
        By default nothing is removed: the prior and the standard error already
        keep frequent words from dominating, and function words ("we", "her")
        can be what distinguishes a group.
    lowercase : bool, optional
        Fold case (default: True for text, False for ``term`` columns).
    top : int, optional
        Keep only the ``top`` terms with the largest z per comparison.

    Returns
    -------
    DataFrame
        Columns :data:`TERM_COLUMNS`: ``group``, ``other`` (``"(rest)"`` or a
        group), ``term``, the counts and totals on both sides,
        ``log_odds_ratio`` (delta), ``se`` and ``z``; sorted by comparison and
        z descending. A positive z means the term is more typical of ``group``.

    Examples
    --------
    >>> import pandas as pd
    >>> att = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6,
    ...                     "source_type": ["official"] * 5 + ["expert"] + ["expert"] * 5 + ["official"]})
    >>> res = distinctive_terms(att, term="source_type", min_count=1)
    >>> res[["group", "term", "z"]].round(3).values.tolist()[:2]
    [['A', 'official', 1.87], ['A', 'expert', -1.87]]
    """
    groups = _check_groups(data, by)
    if text is not None and term is not None:
        raise InputError("give either text= (a text column to split into words) or term= (a column of terms)")
    if text is None and term is None:
        text = next((c for c in ("body", "text") if c in data.columns), None)
        if text is None:
            raise InputError(
                "no text column ('body' or 'text') found; pass text=COLUMN, or term=COLUMN for a table "
                "with one term per row (e.g. term='speaker' on the attribution table)"
            )
    column = text if text is not None else term
    if column not in data.columns:
        raise InputError(f"no column {column!r}; columns found: {column_list(data.columns)}")
    if against not in ("rest", "pairwise", "both"):
        raise InputError(f"against must be 'rest', 'pairwise' or 'both', got {against!r}")
    if lowercase is None:
        lowercase = text is not None
    if stop_words is None:
        stop: frozenset[str] = frozenset()
    elif isinstance(stop_words, str):
        if stop_words != "english":
            raise InputError(f"stop_words must be 'english', a list of words or None, got {stop_words!r}")
        stop = _english_stop_words()
    else:
        stop = frozenset(w.lower() for w in stop_words)

    counts, skipped = _count_terms(data, groups, text=text, term=term, lowercase=lowercase, stop=stop)
    order = sorted(counts)
    vocab = sorted(set().union(*counts.values())) if counts else []
    if not vocab:
        out = pd.DataFrame(columns=list(TERM_COLUMNS))
        out.attrs["missing_terms"] = skipped
        return out
    index = {w: i for i, w in enumerate(vocab)}
    mat = np.zeros((len(order), len(vocab)))
    for gi, g in enumerate(order):
        for w, c in counts[g].items():
            mat[gi, index[w]] = c
    total = mat.sum(axis=0)

    if isinstance(prior, str):
        if prior == "corpus":
            shape = total
        elif prior == "uniform":
            shape = np.ones(len(vocab))
        else:
            raise InputError(f"prior must be 'corpus', 'uniform' or a mapping of term -> count, got {prior!r}")
    else:
        background = dict(prior.items()) if isinstance(prior, (Mapping, pd.Series)) else None
        if background is None:
            raise InputError("prior must be 'corpus', 'uniform' or a mapping of term -> count")
        shape = np.array([float(background.get(w, 0.0)) for w in vocab])
        shape[shape <= 0] = 0.5
    a0 = float(total.sum()) if prior_size is None else float(prior_size)
    if a0 <= 0:
        raise InputError(f"prior_size must be positive, got {prior_size}")
    alpha_w = shape / shape.sum() * a0

    keep = total >= min_count
    terms = np.array(vocab, dtype=object)
    frames = []
    comparisons: list[tuple[int, int | None]] = []
    if against in ("rest", "both"):
        comparisons += [(i, None) for i in range(len(order))]
    if against in ("pairwise", "both"):
        comparisons += [(i, j) for i in range(len(order)) for j in range(len(order)) if i != j]
    for i, j in comparisons:
        y_i = mat[i]
        y_j = total - y_i if j is None else mat[j]
        delta, se, z = _log_odds(y_i, y_j, alpha_w)
        part = pd.DataFrame({
            "group": order[i],
            "other": REST if j is None else order[j],
            "term": terms[keep],
            "count": y_i[keep].astype(np.int64),
            "count_other": y_j[keep].astype(np.int64),
            "n_terms": int(y_i.sum()),
            "n_terms_other": int(y_j.sum()),
            "log_odds_ratio": delta[keep],
            "se": se[keep],
            "z": z[keep],
        })
        part = part.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
        if top is not None:
            part = part.head(int(top))
        frames.append(part)
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(TERM_COLUMNS))
    out.attrs["missing_terms"] = skipped
    return out
