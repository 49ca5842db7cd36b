"""Join outlet-level metadata (leaning, country, owner, ...) onto a corpus by outlet name.

Outlet names are written many ways: "Fox News (Online)", "Fox Online News",
"NPR Editorial " with a stray space, "The Hill" and "Hill". The join tries,
for each corpus outlet, in order:

1. ``alias``: a name given in ``aliases`` (corpus name -> metadata name);
2. ``exact``: the same string;
3. ``normalized``: the same after :func:`normalize_outlet` (Unicode
   compatibility form, case folded, accents removed, "&" read as "and",
   punctuation to spaces, a leading "the" dropped);
4. ``loose``: the same set of words after dropping words that do not name
   an outlet (:data:`GENERIC_WORDS`: "news", "online", "web", "com", ...),
   so "Fox News (Online)" meets "Fox Online News" -- only when exactly one
   metadata outlet has that key.

A metadata name that occurs more than once with different values in the
joined columns is *ambiguous* and is not joined (pass ``columns=`` with the
columns that agree, or an alias). Every corpus outlet that is not joined is
listed in the report, with the closest metadata names as suggestions; no
article is ever dropped.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from biaskit.errors import InputError, column_list

__all__ = ["GENERIC_WORDS", "join_outlet_metadata", "loose_outlet_key", "normalize_outlet"]

#: Words dropped by the loose key: they describe a channel or a web address,
#: not which outlet it is.
GENERIC_WORDS = frozenset({
    "the", "news", "online", "web", "com", "org", "net", "co", "uk", "www", "edition", "site", "digital",
})

_PUNCT = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


def normalize_outlet(name: Any) -> str:
    """A comparable form of an outlet name.

    Examples
    --------
    >>> normalize_outlet("  The  Hill ")
    'hill'
    >>> normalize_outlet("Le Monde Diplomatique")
    'le monde diplomatique'
    >>> normalize_outlet("Ms. Magazine"), normalize_outlet("AT&T News"), normalize_outlet("Café Babel")
    ('ms magazine', 'at and t news', 'cafe babel')
    >>> normalize_outlet("Children\u2019s Defense Fund")
    'childrens defense fund'
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    s = unicodedata.normalize("NFKD", str(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("&", " and ")
    s = _APOSTROPHES.sub("", s)
    s = _PUNCT.sub(" ", s).replace("_", " ")
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


def loose_outlet_key(name: Any) -> str:
    """The loose key: the sorted set of words that name the outlet.

    Examples
    --------
    >>> loose_outlet_key("Fox News (Online)") == loose_outlet_key("Fox Online News")
    True
    >>> loose_outlet_key("New York Times - News"), loose_outlet_key("NBCNews.com")
    ('new times york', 'nbcnews')
    >>> loose_outlet_key("Newsmax - Opinion")
    'newsmax opinion'
    """
    words = [w for w in normalize_outlet(name).split() if w not in GENERIC_WORDS]
    return " ".join(sorted(set(words)))


def _trigrams(name: Any) -> frozenset[str]:
    s = f"  {normalize_outlet(name)} "
    return frozenset(s[i:i + 3] for i in range(len(s) - 2))


def _suggest(name: str, choices: list[tuple[str, frozenset[str]]], n: int = 3, cutoff: float = 0.4) -> list[str]:
    """Up to ``n`` metadata names whose character trigrams overlap most (Dice >= cutoff)."""
    mine = _trigrams(name)
    if not mine:
        return []
    scored = []
    for other, grams in choices:
        if grams:
            dice = 2 * len(mine & grams) / (len(mine) + len(grams))
            if dice >= cutoff:
                scored.append((-dice, other))
    return [o for _, o in sorted(scored)[:n]]


def _read_outlets(outlets: Any) -> pd.DataFrame:
    if isinstance(outlets, pd.DataFrame):
        return outlets
    if isinstance(outlets, (str, os.PathLike)):
        from biaskit.io import read_table

        if not os.path.exists(outlets):
            raise InputError(f"outlet table {os.fspath(outlets)!r} does not exist")
        return read_table(outlets)
    raise InputError(f"expected an outlet table (DataFrame or path), got {type(outlets).__name__}")


def _key_index(meta: pd.DataFrame, name_col: str, key_func, value_cols: list[str]) -> dict[str, Any]:
    """key -> metadata row position, or ("ambiguous", names, positions)."""
    by_key: dict[str, list[int]] = {}
    for pos, name in enumerate(meta[name_col].to_numpy(dtype=object)):
        if name is None or (isinstance(name, float) and name != name):
            continue
        key = key_func(name)
        if key:
            by_key.setdefault(key, []).append(pos)
    rows = meta[value_cols].astype("string").fillna("\x00").to_numpy(dtype=object)
    index: dict[str, Any] = {}
    for key, pos in by_key.items():
        if len(pos) == 1 or len({tuple(rows[p]) for p in pos}) == 1:
            index[key] = pos[0]
        else:
            names = sorted({str(meta[name_col].iat[p]) for p in pos})
            index[key] = ("ambiguous", names, pos)
    return index


def join_outlet_metadata(corpus: pd.DataFrame, outlets: Any, *, on: str = "outlet",
                         outlet_column: str | None = None, columns: Iterable[str] | None = None,
                         aliases: Mapping[str, str] | None = None, loose: bool = True,
                         prefix: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join an outlet table onto a corpus by outlet name; report what did not join.

    Parameters
    ----------
    corpus : DataFrame
        Articles, features or attributions: any table with an outlet column.
    outlets : DataFrame or path
        One row per outlet (CSV/TSV/Parquet/JSON Lines path, or a frame), e.g.
        the AllSides ratings file or Baly et al.'s ``outlets.csv``.
    on : str, default "outlet"
        The corpus's outlet column.
    outlet_column : str, optional
        The outlet-name column of ``outlets`` (default: ``on`` if present,
        else the first of ``outlet``, ``name``, ``source``).
    columns : list of str, optional
        Metadata columns to add (default: all but the name column).
    aliases : mapping, optional
        Corpus name -> metadata name, for names no rule can match
        ("wash-post" -> "Washington Post").
    loose : bool, default True
        Also try the loose key (see the module notes).
    prefix : str, default ""
        Prefix for the added columns, e.g. ``"allsides_"``. A metadata column
        whose name the corpus already has is an error unless a prefix is given.

    Returns
    -------
    joined : DataFrame
        The corpus, same rows in the same order, with the metadata columns and
        ``outlet_match`` (the metadata name joined) and ``outlet_match_kind``
        (``alias``, ``exact``, ``normalized``, ``loose``, ``ambiguous`` or
        ``unmatched``). Unjoined rows have missing metadata.
    report : DataFrame
        One row per corpus outlet that was not joined: ``outlet``,
        ``n_rows``, ``status`` (``unmatched`` / ``ambiguous``),
        ``candidates`` (the ambiguous names, or up to three close names).

    Examples
    --------
    >>> corpus = pd.DataFrame({"outlet": ["Fox News (Online)", "The Hill", "Daily Planet"]})
    >>> meta = pd.DataFrame({"outlet": ["Fox Online News", "Hill", "Daily Beast"],
    ...                      "rating": ["right", "center", "left"]})
    >>> joined, report = join_outlet_metadata(corpus, meta)
    >>> joined[["outlet", "rating", "outlet_match_kind"]].values.tolist()
    [['Fox News (Online)', 'right', 'loose'], ['The Hill', 'center', 'normalized'], ['Daily Planet', nan, 'unmatched']]
    >>> report[["outlet", "status", "candidates"]].values.tolist()
    [['Daily Planet', 'unmatched', 'Daily Beast']]
    """
    if not isinstance(corpus, pd.DataFrame):
        raise InputError(f"expected the corpus as a DataFrame, got {type(corpus).__name__}")
    if on not in corpus.columns:
        raise InputError(f"no outlet column {on!r} in the corpus; columns found: {column_list(corpus.columns)}")
    meta = _read_outlets(outlets).reset_index(drop=True)
    if outlet_column is None:
        outlet_column = next((c for c in (on, "outlet", "name", "source") if c in meta.columns), None)
        if outlet_column is None:
            raise InputError(
                "cannot tell which column of the outlet table holds the names; pass outlet_column=. "
                f"Columns found: {column_list(meta.columns)}"
            )
    elif outlet_column not in meta.columns:
        raise InputError(f"no column {outlet_column!r} in the outlet table; columns found: "
                         f"{column_list(meta.columns)}")
    if columns is None:
        value_cols = [c for c in meta.columns if c != outlet_column]
    else:
        value_cols = [columns] if isinstance(columns, str) else list(columns)
        missing = [c for c in value_cols if c not in meta.columns]
        if missing:
            raise InputError(f"no column(s) {', '.join(map(repr, missing))} in the outlet table")
    out_names = [f"{prefix}{c}" for c in value_cols]
    clash = [n for n in out_names + ["outlet_match", "outlet_match_kind"] if n in corpus.columns]
    if clash:
        raise InputError(f"the corpus already has column(s) {', '.join(map(repr, clash))}; pass prefix= "
                         "(e.g. prefix='meta_') to keep both")
    meta_names = meta[outlet_column]
    alias_map = {str(k): str(v) for k, v in (aliases or {}).items()}
    exact_index = _key_index(meta, outlet_column, lambda x: "" if pd.isna(x) else str(x), value_cols)
    norm_index = _key_index(meta, outlet_column, normalize_outlet, value_cols)
    loose_index = _key_index(meta, outlet_column, loose_outlet_key, value_cols) if loose else {}

    def resolve(name: str) -> tuple[str, Any]:
        if name in alias_map:
            target = alias_map[name]
            hit = exact_index.get(target)
            if hit is None:
                raise InputError(f"alias {name!r} -> {target!r}: no outlet named {target!r} in the outlet table")
            return ("alias", hit)
        for kind, index, key in (("exact", exact_index, name), ("normalized", norm_index, normalize_outlet(name)),
                                 ("loose", loose_index, loose_outlet_key(name))):
            hit = index.get(key) if key else None
            if hit is not None:
                return (kind, hit)
        return ("unmatched", None)

    names = corpus[on]
    distinct = pd.unique(names.dropna().astype(str))
    resolved = {n: resolve(n) for n in distinct}
    counts = names.astype("string").value_counts(dropna=False)

    pos_of: dict[str, int | None] = {}
    kind_of: dict[str, str] = {}
    report_rows = []
    choices = [(str(x), _trigrams(x)) for x in meta_names.dropna().unique()]
    for n, (kind, hit) in resolved.items():
        if isinstance(hit, tuple):  # ambiguous
            kind_of[n], pos_of[n] = "ambiguous", None
            report_rows.append({"outlet": n, "n_rows": int(counts.get(n, 0)), "status": "ambiguous",
                                "candidates": "; ".join(hit[1])})
        elif hit is None:
            kind_of[n], pos_of[n] = "unmatched", None
            close = _suggest(n, choices)
            report_rows.append({"outlet": n, "n_rows": int(counts.get(n, 0)), "status": "unmatched",
                                "candidates": "; ".join(close)})
        else:
            kind_of[n], pos_of[n] = kind, int(hit)
    n_missing = int(names.isna().sum())
    if n_missing:
        report_rows.append({"outlet": None, "n_rows": n_missing, "status": "unmatched",
                            "candidates": "(no outlet name)"})

    key = names.astype(str).where(names.notna(), None)
    positions = [pos_of.get(k) if k is not None else None for k in key]
    joined = corpus.copy()
    take = [-1 if p is None else p for p in positions]  # -1: no row, gives a missing value
    for src, dst in zip(value_cols, out_names, strict=True):
        values = meta[src].reindex(take)
        if pd.api.types.is_integer_dtype(meta[src]) or pd.api.types.is_bool_dtype(meta[src]):
            values = values.astype("Int64" if pd.api.types.is_integer_dtype(meta[src]) else "boolean")
        joined[dst] = values.set_axis(corpus.index)
    match_names = meta[outlet_column].reindex(take).to_numpy(dtype=object)
    joined["outlet_match"] = match_names
    joined["outlet_match_kind"] = [kind_of.get(k, "unmatched") if k is not None else "unmatched" for k in key]
    report = pd.DataFrame(report_rows, columns=["outlet", "n_rows", "status", "candidates"])
    report = report.sort_values(["n_rows", "outlet"], ascending=[False, True], kind="mergesort")
    return joined, report.reset_index(drop=True)
