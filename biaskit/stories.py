"""Group articles that cover the same story across outlets.

:func:`match_stories` gives every article a story id: two articles belong
to the same story when their texts are similar (TF-IDF cosine) and they were
published within a few days of each other. :func:`story_coverage` turns the
ids into the coverage table (which outlets covered which stories), and
``biaskit.compare(features, within="story")`` compares outlets on the
stories they share.

Method
------
1. Each article is represented by its title and body (optionally only the
   first ``lead_words`` words, where news puts the event) as a TF-IDF
   vector: words are :data:`biaskit.parse.WORD_RE` matches, lower-cased,
   English stop words removed, sub-linear term frequency (``1 + log tf``),
   smoothed inverse document frequency over the input itself, unit length.
2. Pairs of articles published at most ``window_days`` apart (by the
   instant in ``date``; undated articles are compared with every article)
   are scored by cosine similarity.
3. Articles are clustered by average linkage over the scored pairs: the two
   stories with the highest mean pairwise similarity are merged, as long as
   that mean is at least ``threshold``. Pairs outside the date window do not
   enter the mean, so a story can run longer than the window through its
   follow-ups, while one stray link cannot merge two large stories (as it
   can with ``linkage="single"``, which links every pair above the
   threshold, transitively).

Cost: every pair of articles inside the window is scored and kept (average
linkage needs the pairs with similarity 0 too), so memory grows with the
number of articles published within ``window_days`` of each other: 3,000
articles spread over two years give ~130,000 pairs; for corpora of many
thousands of articles a week, narrow the window or use ``linkage="single"``
(which keeps only the pairs above the threshold).

``threshold`` and ``window_days`` are the two knobs: a higher threshold
splits stories (more precise, less complete), a wider window joins
follow-ups days later. ``benchmarks/bench_stories.py`` measures pairwise
precision and recall on the bundled sample's ``event`` column.
"""

from __future__ import annotations

import heapq
import math
from typing import Any

import numpy as np
import pandas as pd

from biaskit.errors import InputError, column_list

__all__ = ["match_stories", "story_coverage", "story_similarity_pairs"]


def _tokenize(text: str) -> list[str]:
    from biaskit.parse import WORD_RE

    return WORD_RE.findall(text)


def _lead(text: str, n_words: int | None) -> str:
    if n_words is None:
        return text
    from biaskit.parse import WORD_RE

    for i, m in enumerate(WORD_RE.finditer(text)):
        if i == n_words:
            return text[: m.start()]
    return text


def _documents(articles: pd.DataFrame, text: str | None, title: str | None, lead_words: int | None) -> list[str]:
    if text is None:
        text = next((c for c in ("body", "text") if c in articles.columns), None)
        if text is None:
            raise InputError(
                "no text column ('body' or 'text') found; pass text=COLUMN. "
                f"Columns found: {column_list(articles.columns)}"
            )
    elif text not in articles.columns:
        raise InputError(f"no column {text!r}; columns found: {column_list(articles.columns)}")
    if title is not None and title not in articles.columns:
        title = None
    docs = []
    bodies = articles[text].to_numpy(dtype=object)
    titles = articles[title].to_numpy(dtype=object) if title else [None] * len(articles)
    for t, b in zip(titles, bodies, strict=True):
        parts = [str(x) for x in (t, b) if isinstance(x, str) and x.strip()]
        head = parts[0] if len(parts) == 2 else ""
        body = _lead(parts[-1], lead_words) if parts else ""
        docs.append(f"{head}\n\n{body}" if head else body)
    return docs


def _instants(articles: pd.DataFrame, date: str | None) -> np.ndarray:
    """Publication instants in days (float), NaN where unknown."""
    if date is None or date not in articles.columns:
        return np.full(len(articles), np.nan)
    values = articles[date]
    if not isinstance(values.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_any_dtype(values):
        values = pd.to_datetime(values.astype("string"), errors="coerce", utc=True, format="mixed")
    elif getattr(values.dt, "tz", None) is None:
        values = values.dt.tz_localize("UTC")
    ns = values.dt.tz_convert("UTC").dt.as_unit("ns").astype("int64").to_numpy().astype(float)
    ns[values.isna().to_numpy()] = np.nan
    return ns / 86_400e9


def _vectors(docs: list[str]):
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    vec = TfidfVectorizer(tokenizer=_tokenize, token_pattern=None, lowercase=True,
                          stop_words=sorted(ENGLISH_STOP_WORDS), sublinear_tf=True)
    import warnings

    with warnings.catch_warnings():
        # sklearn warns that its stop list is not tokenised by our tokenizer; WORD_RE keeps them whole
        warnings.simplefilter("ignore", UserWarning)
        try:
            return vec.fit_transform(docs)
        except ValueError:  # empty vocabulary: nothing but stop words or no text
            from scipy import sparse

            return sparse.csr_matrix((len(docs), 1))


def story_similarity_pairs(articles: pd.DataFrame, *, text: str | None = None, title: str | None = "title",
                           date: str | None = "date", window_days: float = 7.0, lead_words: int | None = None,
                           min_similarity: float = 0.0) -> pd.DataFrame:
    """Cosine similarity of every pair of articles published within the window.

    Returns a frame with columns ``i``, ``j`` (positions, ``i < j``) and
    ``similarity``, keeping pairs with a similarity of at least
    ``min_similarity`` (default 0: every pair in the window, which average
    linkage needs). Articles without a date are paired with every article.
    This is step 2 of :func:`match_stories`; it is public so that a
    threshold can be chosen by looking at the distribution.

    Examples
    --------
    >>> arts = pd.DataFrame({"title": ["Port strike", "Dockers strike", "Budget"],
    ...     "body": ["Dockers strike at the port.", "The port strike goes on.", "Fuel tax rises."],
    ...     "date": ["2025-01-01", "2025-01-02", "2025-01-02"]})
    >>> story_similarity_pairs(arts, min_similarity=0.1)[["i", "j"]].values.tolist()
    [[0, 1]]
    """
    docs = _documents(articles, text, title, lead_words)
    x = _vectors(docs).tocsr()
    days = _instants(articles, date)
    undated = np.flatnonzero(np.isnan(days))
    dated = np.flatnonzero(~np.isnan(days))
    order = dated[np.argsort(days[dated], kind="mergesort")]
    t = days[order]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def emit(block: np.ndarray, cand: np.ndarray) -> None:
        # every pair (i in block, j in cand) with i < j, in the window, scored
        if len(block) == 0 or len(cand) == 0:
            return
        sim = (x[block] @ x[cand].T).toarray()
        bi, cj = block[:, None], cand[None, :]
        gap = np.abs(days[bi] - days[cj])
        mask = (bi < cj) & (sim >= min_similarity) & ~(gap > window_days)  # NaN gap: undated, compared
        r, c = np.nonzero(mask)
        found.append((block[r], cand[c], sim[r, c]))

    step = 256
    for start in range(0, len(order), step):
        block = order[start:start + step]
        lo = np.searchsorted(t, t[start] - window_days, side="left")
        hi = np.searchsorted(t, t[min(start + step, len(order)) - 1] + window_days, side="right")
        emit(block, np.concatenate([order[lo:hi], undated]))
    everyone = np.arange(len(docs))
    for start in range(0, len(undated), step):
        emit(undated[start:start + step], everyone)
    if found:
        i, j, v = (np.concatenate(parts) for parts in zip(*found, strict=True))
    else:
        i = j = np.array([], dtype=np.int64)
        v = np.array([], dtype=float)
    out = pd.DataFrame({"i": i.astype(np.int64), "j": j.astype(np.int64), "similarity": v.astype(float)})
    return out.sort_values(["i", "j"], kind="mergesort").reset_index(drop=True)


def _single_linkage(n: int, pairs: pd.DataFrame, threshold: float) -> np.ndarray:
    parent = np.arange(n)

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    strong = pairs[pairs["similarity"] >= threshold]
    for i, j in zip(strong["i"].to_numpy(), strong["j"].to_numpy(), strict=True):
        ri, rj = find(int(i)), find(int(j))
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return np.array([find(i) for i in range(n)])


def _average_linkage(n: int, pairs: pd.DataFrame, threshold: float) -> np.ndarray:
    """Greedy average linkage over the scored (in-window) pairs.

    ``links[a][b] = [sum of similarities, number of scored pairs]`` between
    clusters a and b. Unscored pairs (outside the window) are not counted;
    every pair in the window is scored (a similarity of 0 counts), so the mean
    is over all the in-window pairs between the two stories.
    """
    links: dict[int, dict[int, list[float]]] = {i: {} for i in range(n)}
    for i, j, s in zip(pairs["i"].to_numpy(), pairs["j"].to_numpy(), pairs["similarity"].to_numpy(),
                       strict=True):
        i, j = int(i), int(j)
        links[i][j] = [float(s), 1.0]
        links[j][i] = links[i][j]
    heap = [(-s, i, j) for i, j, s in zip(pairs["i"], pairs["j"], pairs["similarity"], strict=True)
            if s >= threshold]
    heapq.heapify(heap)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    alive = np.ones(n, dtype=bool)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in links[a]:
            continue
        s, c = links[a][b]
        if not math.isclose(s / c, -neg, rel_tol=1e-12, abs_tol=1e-15):
            continue  # stale entry
        # merge b into a (keep the smaller id)
        a, b = min(a, b), max(a, b)
        members[a] += members.pop(b)
        alive[b] = False
        del links[a][b]
        for other, (s_b, c_b) in links.pop(b).items():
            if other == a:
                continue
            del links[other][b]
            cur = links[a].get(other)
            if cur is None:
                cur = [0.0, 0.0]
                links[a][other] = cur
                links[other][a] = cur
            cur[0] += s_b
            cur[1] += c_b
        for other, (s_o, c_o) in links[a].items():
            avg = s_o / c_o
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, other), max(a, other)))
    labels = np.empty(n, dtype=np.int64)
    for root, idx in members.items():
        labels[idx] = root
    return labels


def match_stories(articles: pd.DataFrame, *, window_days: float = 7.0, threshold: float = 0.2,
                  linkage: str = "average", text: str | None = None, title: str | None = "title",
                  date: str | None = "date", lead_words: int | None = None, prefix: str = "story") -> pd.Series:
    """A story id for every article: similar texts published within a few days.

    Parameters
    ----------
    articles : DataFrame
        The articles table (:func:`biaskit.read_articles`): ``title``, a text
        column (``body``, else ``text``) and ``date``.
    window_days : float, default 7
        Articles further apart in time than this are never compared directly
        (a developing story can still run longer through its follow-ups).
    threshold : float, default 0.2
        Minimum TF-IDF cosine similarity (average over the pairs between two
        stories, or of one pair with ``linkage="single"``) to put articles in
        the same story. Between 0 and 1.
    linkage : {"average", "single"}, default "average"
        How stories grow (see the module notes).
    text, title, date : str, optional
        Column names (text default: ``body``, else ``text``).
    lead_words : int, optional
        Use only the first ``lead_words`` words of each body (default: all).
    prefix : str, default "story"
        Prefix of the ids.

    Returns
    -------
    Series
        Named ``"story"``, aligned with ``articles``: ids like ``story-003``,
        numbered in order of each story's first article in the input. An
        article that matches nothing is a story of its own.

    Examples
    --------
    >>> arts = pd.DataFrame({
    ...     "outlet": ["A", "B", "A"],
    ...     "title": ["Dockers strike at Halden port", "Port strike: ships stranded", "Budget raises fuel tax"],
    ...     "body": ["Dockworkers at Halden port walked out over pay.",
    ...              "The Halden port strike by dockworkers stranded ships.",
    ...              "The budget raises the fuel tax by four cents."],
    ...     "date": ["2025-09-15", "2025-09-16", "2025-09-16"]})
    >>> match_stories(arts).tolist()
    ['story-1', 'story-1', 'story-2']
    """
    if not isinstance(articles, pd.DataFrame):
        raise InputError(f"expected the articles table (a DataFrame), got {type(articles).__name__}")
    if not 0 <= threshold <= 1:
        raise InputError(f"threshold must be between 0 and 1, got {threshold}")
    if window_days < 0:
        raise InputError(f"window_days must be zero or more, got {window_days}")
    if linkage not in ("average", "single"):
        raise InputError(f"linkage must be 'average' or 'single', got {linkage!r}")
    n = len(articles)
    if n == 0:
        return pd.Series([], index=articles.index, name="story", dtype=object)
    pairs = story_similarity_pairs(articles, text=text, title=title, date=date, window_days=window_days,
                                   lead_words=lead_words,
                                   min_similarity=0.0 if linkage == "average" else threshold)
    if linkage == "single":
        roots = _single_linkage(n, pairs, threshold)
    else:
        roots = _average_linkage(n, pairs, threshold)
    # number stories by their first article in input order
    _, first = np.unique(roots, return_index=True)
    rank = {int(roots[f]): k for k, f in enumerate(sorted(first), start=1)}
    width = len(str(len(rank)))
    ids = [f"{prefix}-{rank[int(r)]:0{width}d}" for r in roots]
    return pd.Series(ids, index=articles.index, name="story", dtype=object)


def story_coverage(articles: pd.DataFrame, stories: Any = None, *, by: str = "outlet", story: str = "story",
                   date: str | None = "date", title: str | None = "title", **match_kwargs: Any) -> pd.DataFrame:
    """Which outlets covered which stories: one row per (story, outlet).

    Parameters
    ----------
    articles : DataFrame
        The articles (or feature) table.
    stories : Series or sequence, optional
        Story id per article (aligned with ``articles``). Default: the
        ``story`` column if present, else :func:`match_stories` run with
        ``match_kwargs``.
    by : str, default "outlet"
        The outlet column.

    Returns
    -------
    DataFrame
        One row for every story and every outlet of the input, including the
        outlets that did not cover it (``n_articles`` 0, ``covered`` False),
        with the story's totals: ``story, outlet, n_articles, covered,
        story_articles, story_outlets, story_first_date, story_last_date,
        story_title`` (the title of the story's first article). Pivot it for
        a matrix: ``cov.pivot(index="story", columns="outlet",
        values="n_articles")``.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["A", "B", "A"], "story": ["s1", "s1", "s2"],
    ...                      "title": ["x", "y", "z"], "date": ["2025-01-01", "2025-01-02", "2025-01-05"]})
    >>> cov = story_coverage(arts)
    >>> cov[["story", "outlet", "n_articles", "story_outlets"]].values.tolist()
    [['s1', 'A', 1, 2], ['s1', 'B', 1, 2], ['s2', 'A', 1, 1], ['s2', 'B', 0, 1]]
    """
    if not isinstance(articles, pd.DataFrame):
        raise InputError(f"expected a DataFrame, got {type(articles).__name__}")
    if by not in articles.columns:
        raise InputError(f"no column {by!r}; columns found: {column_list(articles.columns)}")
    if stories is None:
        stories = articles[story] if story in articles.columns else match_stories(articles, **match_kwargs)
    ids = np.asarray(stories, dtype=object)
    if len(ids) != len(articles):
        raise InputError(f"{len(ids)} story ids for {len(articles)} articles")
    stories = pd.Series(ids, index=articles.index)
    if stories.isna().any():
        raise InputError(f"{int(stories.isna().sum())} article(s) have no story id")
    outlets = articles[by].astype("string").fillna("(none)")
    frame = pd.DataFrame({"story": stories.to_numpy(), "outlet": outlets.to_numpy()})
    days = _instants(articles, date)
    frame["_t"] = days
    frame["_pos"] = np.arange(len(frame))
    frame["_title"] = articles[title].to_numpy(dtype=object) if title and title in articles.columns else None
    story_order = list(dict.fromkeys(frame["story"]))
    outlet_order = sorted(frame["outlet"].unique())
    counts = frame.groupby(["story", "outlet"], sort=False).size()
    idx = pd.MultiIndex.from_product([story_order, outlet_order], names=["story", "outlet"])
    out = counts.reindex(idx, fill_value=0).rename("n_articles").reset_index()
    out["n_articles"] = out["n_articles"].astype(np.int64)
    out["covered"] = out["n_articles"] > 0
    g = frame.groupby("story", sort=False)
    first = frame.sort_values(["_t", "_pos"], na_position="last").groupby("story", sort=False).first()
    summary = pd.DataFrame({
        "story_articles": g.size(),
        "story_outlets": g["outlet"].nunique(),
        "story_first_date": pd.to_datetime(g["_t"].min() * 86_400e9, utc=True),
        "story_last_date": pd.to_datetime(g["_t"].max() * 86_400e9, utc=True),
        "story_title": first["_title"],
    })
    out = out.join(summary, on="story")
    return out
