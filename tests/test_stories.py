"""Tests of biaskit.stories: story matching and the coverage table."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from biaskit.compare import compare
from biaskit.errors import InputError
from biaskit.stories import match_stories, story_coverage, story_similarity_pairs

ROOT = Path(__file__).resolve().parents[1]

STRIKE = ("Dockworkers at the Halden port walked out over pay and automation, the union said. "
          "Container ships queued outside the harbour as the strike entered its second day.")
BUDGET = ("The finance minister raised the fuel duty by four cents a litre in the budget and lifted "
          "pensions, saying the deficit would narrow next year.")
FLOOD = ("Rivers burst their banks in the northern valleys after a week of rain, and rescue crews "
         "evacuated villages as the flood water rose.")


def _arts(rows):
    return pd.DataFrame(rows, columns=["outlet", "date", "title", "body"])


def test_same_event_across_outlets_is_one_story():
    arts = _arts([
        ("A", "2025-09-15", "Port strike begins", STRIKE),
        ("B", "2025-09-15", "Budget day", BUDGET),
        ("B", "2025-09-16", "Dockers strike", "Halden dockworkers strike over pay; ships queued outside the port."),
        ("C", "2025-09-16", "Fuel duty up", "Budget: the minister raised fuel duty and pensions."),
        ("C", "2025-09-17", "Floods", FLOOD),
    ])
    s = match_stories(arts)
    assert s.name == "story" and s.index.equals(arts.index)
    assert s[0] == s[2] and s[1] == s[3]
    assert len({s[0], s[1], s[4]}) == 3
    assert s.tolist()[0] == "story-1"  # numbered by first article


def test_date_window_separates_similar_texts_far_apart_in_time():
    arts = _arts([
        ("A", "2025-01-01", "Port strike", STRIKE),
        ("B", "2025-03-01", "Port strike", STRIKE),
    ])
    assert match_stories(arts, window_days=7).nunique() == 2
    assert match_stories(arts, window_days=90).nunique() == 1


def test_undated_articles_are_compared_with_every_article():
    arts = _arts([
        ("A", "2025-01-01", "Port strike", STRIKE),
        ("B", None, "Port strike", STRIKE),
        ("C", "2025-06-01", "Floods", FLOOD),
    ])
    s = match_stories(arts)
    assert s[0] == s[1] != s[2]


def test_average_linkage_does_not_chain_but_single_does():
    # x ~ y and y ~ z, but x and z share nothing
    x = "alpha beta gamma delta epsilon"
    y = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    z = "zeta eta theta iota kappa"
    arts = _arts([("A", "2025-01-01", None, x), ("B", "2025-01-01", None, y), ("C", "2025-01-01", None, z)])
    pairs = story_similarity_pairs(arts)
    sim = {(int(i), int(j)): v for i, j, v in pairs[["i", "j", "similarity"]].itertuples(index=False)}
    assert sim[(0, 2)] == 0 and sim[(0, 1)] > 0.5 and sim[(1, 2)] > 0.5
    assert match_stories(arts, threshold=0.5, linkage="single").nunique() == 1
    avg = match_stories(arts, threshold=0.5, linkage="average")
    assert avg.nunique() == 2  # y joins one side; the mean with the other side is too low


def test_similarity_pairs_cover_every_pair_in_the_window():
    rng = np.random.default_rng(0)
    n = 40
    days = pd.Timestamp("2025-01-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 30, n), unit="D")
    words = np.array(["port", "strike", "budget", "fuel", "flood", "river", "vote", "court"])
    arts = pd.DataFrame({"outlet": "A", "title": None, "date": days,
                         "body": [" ".join(rng.choice(words, 6)) for _ in range(n)]})
    arts.loc[[3, 17], "date"] = pd.NaT
    pairs = story_similarity_pairs(arts, window_days=5)
    d = arts.date
    expected = {(i, j) for i, j in itertools.combinations(range(n), 2)
                if pd.isna(d[i]) or pd.isna(d[j]) or abs((d[i] - d[j]).days) <= 5}
    assert set(zip(pairs.i, pairs.j, strict=True)) == expected
    assert (pairs.similarity >= 0).all() and (pairs.similarity <= 1 + 1e-12).all()


def test_story_coverage_table():
    arts = _arts([
        ("A", "2025-09-15", "Port strike begins", STRIKE),
        ("B", "2025-09-16", "Dockers strike", STRIKE),
        ("A", "2025-09-17", "Strike day three", STRIKE),
        ("B", "2025-10-01", "Budget", BUDGET),
    ])
    cov = story_coverage(arts)
    assert list(cov.columns[:4]) == ["story", "outlet", "n_articles", "covered"]
    assert len(cov) == 2 * 2  # every story x every outlet
    first = cov[cov.story == "story-1"].set_index("outlet")
    assert first.loc["A", "n_articles"] == 2 and first.loc["B", "n_articles"] == 1
    assert first.loc["A", "story_outlets"] == 2 and first.loc["A", "story_title"] == "Port strike begins"
    second = cov[cov.story == "story-2"].set_index("outlet")
    assert not second.loc["A", "covered"] and second.loc["A", "n_articles"] == 0
    assert str(second.loc["B", "story_first_date"].date()) == "2025-10-01"
    matrix = cov.pivot(index="story", columns="outlet", values="n_articles")
    assert matrix.to_numpy().sum() == len(arts)
    # given ids are used as they are
    cov2 = story_coverage(arts, ["x", "x", "y", "y"])
    assert cov2.story.unique().tolist() == ["x", "y"]


def test_bad_input():
    arts = _arts([("A", "2025-01-01", "t", "x")])
    with pytest.raises(InputError, match="threshold"):
        match_stories(arts, threshold=1.5)
    with pytest.raises(InputError, match="linkage"):
        match_stories(arts, linkage="complete")
    with pytest.raises(InputError, match="text"):
        match_stories(pd.DataFrame({"outlet": ["A"], "date": ["2025-01-01"]}))
    with pytest.raises(InputError, match="story ids"):
        story_coverage(arts, ["a", "b"])
    assert match_stories(arts.iloc[:0]).empty


def test_stories_feed_the_within_story_comparison():
    rng = np.random.default_rng(4)
    texts = [STRIKE, BUDGET, FLOOD]
    rows = []
    for k in range(3):
        for o in "AB":
            rows.append((o, f"2025-0{k + 1}-10", f"t{k}", texts[k]))
    arts = _arts(rows)
    arts["story"] = match_stories(arts)
    assert arts.story.nunique() == 3
    arts["f.x"] = rng.normal(size=len(arts)) + (arts.outlet == "B")
    res = compare(arts, within="story", columns=["f.x"], min_n=2, n_boot=100)
    pair = res[res.statistic == "paired_mean_difference"].iloc[0]
    assert pair.n == 3


def test_bundled_sample_regression():
    folder = ROOT / "datasets" / "sample"
    if not (folder / "articles.csv").exists():
        pytest.skip("bundled sample not present")
    from biaskit.io import read_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = read_articles(folder)
    s = match_stories(arts)
    gold = arts["event"].to_numpy()
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(arts)), 2):
        same_p, same_g = s.iloc[i] == s.iloc[j], gold[i] == gold[j]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    # figures from benchmarks/bench_stories.py at the defaults: precision 1.00, recall 0.60
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.5
