"""Tests of biaskit.compare: group statistics, effect sizes, corrections, Fightin' Words."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED
from scipy import stats

from biaskit.compare import (
    COMPARE_COLUMNS,
    TERM_COLUMNS,
    _boot_delta,
    _mann_whitney,
    _Resample,
    _wilcoxon,
    benjamini_hochberg,
    cliffs_delta,
    compare,
    distinctive_terms,
    feature_columns,
    is_feature_table,
)
from biaskit.errors import BiaskitError, InputError


def _frame(groups: dict[str, np.ndarray]) -> pd.DataFrame:
    parts = [pd.DataFrame({"outlet": g, **{f"f.x{j}": v[:, j] for j in range(v.shape[1])}})
             for g, v in groups.items()]
    return pd.concat(parts, ignore_index=True)


# ---------------------------------------------------------------- helpers


def test_benjamini_hochberg_known_values():
    # m = 5: p*m/rank = .005 .02 .05 .05 .25 -> running min from the top
    p = [0.001, 0.008, 0.039, 0.041, 0.2]
    assert benjamini_hochberg(p) == pytest.approx([0.005, 0.02, 0.05125, 0.05125, 0.2])
    # order does not matter; NaN is not counted in m
    out = benjamini_hochberg([0.2, np.nan, 0.001])
    assert out[0] == pytest.approx(0.2) and math.isnan(out[1]) and out[2] == pytest.approx(0.002)


def test_cliffs_delta_by_hand():
    assert cliffs_delta([1, 2, 3], [1, 2, 3]) == 0.0
    assert cliffs_delta([5, 6], [1, 2]) == 1.0
    assert cliffs_delta([1, 2], [5, 6]) == -1.0
    # pairs: (2,1)+ (2,3)- (4,1)+ (4,3)+ -> (3 - 1) / 4
    assert cliffs_delta([2, 4], [1, 3]) == pytest.approx(0.5)
    # ties count zero: (1,1)0 (1,2)- (2,1)+ (2,2)0 -> 0
    assert cliffs_delta([1, 2], [1, 2]) == 0.0


@pytest.mark.parametrize("n_a,n_b,levels", [(30, 25, 5), (40, 60, 1000), (6, 7, 1000), (12, 9, 3)])
def test_mann_whitney_matches_scipy(n_a, n_b, levels):
    rng = np.random.default_rng(n_a + n_b)
    a = rng.integers(0, levels, n_a).astype(float)
    b = rng.integers(0, levels, n_b).astype(float) + 0.3 * (levels > 10)
    delta, u, p = _mann_whitney(a, b)
    ref = stats.mannwhitneyu(a, b, alternative="two-sided")
    assert u == pytest.approx(ref.statistic)
    assert p == pytest.approx(ref.pvalue, rel=1e-9)
    assert delta == pytest.approx(cliffs_delta(a, b))
    assert delta == pytest.approx(2 * u / (n_a * n_b) - 1)


def test_wilcoxon_matches_scipy_in_large_samples():
    rng = np.random.default_rng(5)
    d = np.round(rng.normal(0.3, 1, 60), 1)  # rounded: ties and zeros
    stat, p = _wilcoxon(d)
    ref = stats.wilcoxon(d, zero_method="wilcox", method="approx", correction=True)
    assert stat == pytest.approx(ref.statistic)
    assert p == pytest.approx(ref.pvalue, rel=1e-6)


def test_resample_counts_give_the_statistics_of_the_materialised_resamples():
    rng = np.random.default_rng(0)
    a = np.round(rng.normal(0, 1, 13), 1)
    b = np.round(rng.normal(0.5, 1, 10), 1)
    ra = _Resample(a, 50, np.random.default_rng(1))
    rb = _Resample(b, 50, np.random.default_rng(2))
    deltas = _boot_delta(ra, rb)
    for r in range(50):
        sa = np.repeat(ra.values, ra.counts[:, r].astype(int))
        sb = np.repeat(rb.values, rb.counts[:, r].astype(int))
        assert len(sa) == len(a) and len(sb) == len(b)
        assert deltas[r] == pytest.approx(cliffs_delta(sa, sb))
        assert ra.means()[r] == pytest.approx(sa.mean())
        assert ra.medians()[r] == pytest.approx(np.median(sa))
        assert rb.medians()[r] == pytest.approx(np.median(sb))


def test_feature_columns_and_detection():
    df = pd.DataFrame({"id": ["1"], "outlet": ["a"], "status": ["ok"], "sourcing.n": [1.0],
                       "sourcing.first_source_type": ["official"], "vocabulary.rate": [2]})
    assert feature_columns(df) == ["sourcing.n", "vocabulary.rate"]
    assert is_feature_table(df)
    assert not is_feature_table(df.drop(columns="status"))
    with pytest.raises(InputError, match="first_source_type"):
        feature_columns(df, ["sourcing.first_source_type"])
    with pytest.raises(InputError, match="nope"):
        feature_columns(df, ["nope"])


# ---------------------------------------------------------------- compare()


def test_output_is_tidy_long_with_documented_columns():
    rng = np.random.default_rng(0)
    df = _frame({g: rng.normal(size=(20, 2)) for g in "ABC"})
    res = compare(df, n_boot=200)
    assert tuple(res.columns) == COMPARE_COLUMNS
    # per feature: 3 groups x (mean, median) + 1 omnibus + 3 pairs
    assert len(res) == 2 * (6 + 1 + 3)
    assert set(res.statistic) == {"mean", "median", "omnibus", "cliffs_delta"}
    means = res[(res.statistic == "mean") & (res.feature == "f.x0")].set_index("group")
    assert means.loc["B", "estimate"] == pytest.approx(df.loc[df.outlet == "B", "f.x0"].mean())
    assert (means.ci_low <= means.estimate).all() and (means.estimate <= means.ci_high).all()
    assert res.significant.dtype == bool


def test_identical_groups_give_no_more_false_positives_than_stated():
    """Under the global null, raw p < .05 about 5% of the time; BH keeps any-rejection rare."""
    raw, any_sig = [], 0
    for rep in range(12):
        rng = np.random.default_rng(100 + rep)
        df = _frame({g: rng.lognormal(size=(25, 10)) for g in "ABCD"})
        res = compare(df, n_boot=100, seed=rep)
        tests = res[res.statistic.isin(["cliffs_delta", "omnibus"])]
        raw.extend(tests.p_value.tolist())
        any_sig += bool(tests.significant.any())
    raw = np.asarray(raw)
    assert 0.02 <= (raw < 0.05).mean() <= 0.08
    # P(any BH rejection | global null) <= alpha = 0.05 per call; 12 calls
    assert any_sig <= 3


def test_planted_difference_is_found_and_only_there():
    rng = np.random.default_rng(7)
    shift = 1.0
    data = {g: rng.normal(size=(60, 3)) for g in "ABCD"}
    data["C"][:, 0] += shift  # only feature 0, only outlet C
    res = compare(_frame(data), n_boot=1000)
    omni = res[res.statistic == "omnibus"].set_index("feature")
    assert omni.loc["f.x0", "significant"]
    assert not omni.loc["f.x1", "significant"] and not omni.loc["f.x2", "significant"]
    pairs = res[(res.statistic == "cliffs_delta") & (res.feature == "f.x0")]
    with_c = pairs[(pairs.group == "C") | (pairs.other == "C")]
    assert with_c.significant.all()
    assert not pairs.drop(with_c.index).significant.any()
    # true delta of N(0,1) vs N(1,1): P(X>Y) - P(X<Y) = 2*Phi(-1/sqrt 2) - 1
    true = 2 * stats.norm.cdf(-shift / math.sqrt(2)) - 1
    ac = pairs[(pairs.group == "A") & (pairs.other == "C")].iloc[0]
    assert ac.ci_low <= true <= ac.ci_high
    assert ac.estimate < 0  # A below C


def test_bootstrap_interval_of_the_mean_covers_at_the_stated_rate():
    # 200 replicate samples as 200 feature columns of one group (one call)
    reps = 200
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.exponential(2.0, (40, reps)), columns=[f"f.r{i}" for i in range(reps)])
    df.insert(0, "outlet", "A")
    res = compare(df, n_boot=1000).query("statistic == 'mean'")
    coverage = ((res.ci_low <= 2.0) & (2.0 <= res.ci_high)).mean()
    # percentile bootstrap on a skewed sample of 40 under-covers a little
    assert 0.87 <= coverage <= 0.99


def test_small_and_empty_groups_are_flagged_not_crashed():
    rng = np.random.default_rng(1)
    df = _frame({"A": rng.normal(size=(10, 1)), "B": rng.normal(size=(2, 1)), "C": rng.normal(size=(8, 1))})
    df.loc[df.outlet == "C", "f.x0"] = np.nan
    res = compare(df, n_boot=100)
    mean = res[res.statistic == "mean"].set_index("group")
    assert mean.loc["A", "flag"] == "" and not math.isnan(mean.loc["A", "ci_low"])
    assert mean.loc["B", "flag"] == "small_group" and math.isnan(mean.loc["B", "ci_low"])
    assert mean.loc["B", "estimate"] == pytest.approx(df.loc[df.outlet == "B", "f.x0"].mean())
    assert mean.loc["C", "flag"] == "no_data" and mean.loc["C", "n"] == 0
    omni = res[res.statistic == "omnibus"].iloc[0]
    assert omni.flag == "too_few_groups" and math.isnan(omni.p_value)
    assert not res.significant.any()


def test_constant_feature_is_flagged():
    df = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10, "f.x": 1.0})
    res = compare(df, n_boot=50)
    omni = res[res.statistic == "omnibus"].iloc[0]
    assert omni.flag == "constant"
    pair = res[res.statistic == "cliffs_delta"].iloc[0]
    assert pair.estimate == 0 and pair.flag == "constant" and not pair.significant


def test_bad_input_raises_clear_errors():
    df = pd.DataFrame({"outlet": ["A", None, "B"], "f.x": [1.0, 2.0, 3.0]})
    with pytest.raises(InputError, match="1 row"):
        compare(df)
    with pytest.raises(BiaskitError, match="leaning"):
        compare(df.fillna("B"), by="leaning")
    with pytest.raises(InputError, match="numeric"):
        compare(pd.DataFrame({"outlet": ["A"], "name": ["x"]}))


def test_seeded_and_independent_of_other_columns():
    rng = np.random.default_rng(3)
    df = _frame({g: rng.normal(size=(15, 3)) for g in "AB"})
    one = compare(df, columns=["f.x0"], n_boot=300, seed=11)
    again = compare(df, columns=["f.x0"], n_boot=300, seed=11)
    more = compare(df, n_boot=300, seed=11)
    pd.testing.assert_frame_equal(one, again)
    sub = more[more.feature == "f.x0"].reset_index(drop=True)
    cols = ["statistic", "group", "estimate", "ci_low", "ci_high", "p_value"]
    pd.testing.assert_frame_equal(one[cols], sub[cols])
    other_seed = compare(df, columns=["f.x0"], n_boot=300, seed=12)
    assert not np.allclose(one.ci_low.dropna(), other_seed.ci_low.dropna())


# ---------------------------------------------------------------- within="story"


def _stories(rng, n_stories=60, outlets="ABC", how=None, choice=None):
    """Each story has its own baseline; outlet effects added on top."""
    rows = []
    for s in range(n_stories):
        base = rng.normal(0, 3)
        for o in outlets:
            if choice and not choice(o, base):
                continue
            rows.append({"outlet": o, "story": f"s{s}",
                         "f.x": base + (how or {}).get(o, 0.0) + rng.normal(0, 0.3)})
    return pd.DataFrame(rows)


def test_within_story_finds_how_an_outlet_covers_the_same_stories():
    rng = np.random.default_rng(11)
    df = _stories(rng, how={"B": 0.5})
    res = compare(df, within="story", n_boot=500)
    assert set(res.statistic) == {"story_centred_mean", "omnibus", "paired_mean_difference"}
    pairs = res[res.statistic == "paired_mean_difference"].set_index(["group", "other"])
    ab = pairs.loc[("A", "B")]
    assert ab.significant and ab.ci_low <= -0.5 <= ab.ci_high and ab.n == 60
    assert not pairs.loc[("A", "C")].significant
    omni = res[res.statistic == "omnibus"].iloc[0]
    assert omni.test == "story_permutation" and omni.significant
    # without holding the story constant the story baselines swamp the 0.5 shift
    plain = compare(df, n_boot=300)
    assert not plain[plain.statistic == "cliffs_delta"].significant.any()


def test_within_story_separates_choice_of_stories_from_coverage():
    rng = np.random.default_rng(12)
    # A covers every story; B only stories with a high baseline; same coverage otherwise
    df = _stories(rng, n_stories=120, outlets="AB", choice=lambda o, base: o == "A" or base > 0)
    plain = compare(df, n_boot=300)
    assert plain[plain.statistic == "cliffs_delta"].significant.all()  # looks like a difference
    gap = plain[(plain.statistic == "mean")].set_index("group").estimate
    assert gap["B"] - gap["A"] > 1.5
    within = compare(df, within="story", n_boot=300)
    pair = within[within.statistic == "paired_mean_difference"].iloc[0]
    # on the shared stories the outlets write alike: the paired difference is noise-sized (sd 0.3)
    assert abs(pair.estimate) < 0.15 and pair.ci_high - pair.ci_low < 0.4


def test_within_story_permutation_null_rate():
    pvals = []
    for rep in range(15):
        rng = np.random.default_rng(200 + rep)
        df = _stories(rng, n_stories=40, outlets="ABCD")
        df = df.sample(frac=0.8, random_state=rep)  # incomplete blocks
        res = compare(df, within="story", n_boot=199, seed=rep)
        pvals.append(res[res.statistic == "omnibus"].p_value.iloc[0])
    pvals = np.asarray(pvals)
    assert (pvals < 0.05).sum() <= 3
    assert pvals.min() >= 1 / 200


def test_within_story_with_single_outlet_stories_is_flagged():
    df = pd.DataFrame({"outlet": list("AB" * 5), "story": [f"s{i}" for i in range(10)], "f.x": range(10)})
    res = compare(df, within="story", n_boot=50)
    pair = res[res.statistic == "paired_mean_difference"].iloc[0]
    assert pair.flag == "no_shared_stories" and pair.n == 0
    assert res[res.statistic == "omnibus"].iloc[0].flag == "too_few_groups"


# ---------------------------------------------------------------- real data (skips without ../shared)


def test_polnear_sourcing_comparison_runs_quickly():
    path = SHARED / "datasets" / "polnear" / "train.jsonl"
    if not path.exists():
        pytest.skip("../shared/datasets/polnear not available")
    import time

    arts = pd.read_json(path, lines=True)
    # a numeric per-article figure from the gold annotation: attributions per 1,000 characters
    feats = pd.DataFrame({
        "outlet": arts.outlet,
        "gold.attributions_per_kchar": arts.attributions.str.len() / arts.text.str.len() * 1000,
        "gold.length": arts.text.str.len().astype(float),
    })
    t = time.perf_counter()
    res = compare(feats)
    elapsed = time.perf_counter() - t
    assert elapsed < 20
    omni = res[res.statistic == "omnibus"].set_index("feature")
    assert omni.loc["gold.attributions_per_kchar", "significant"]  # outlets differ in attribution density
    assert res[res.statistic == "cliffs_delta"].shape[0] == 2 * 21


# ---------------------------------------------------------------- distinctive_terms()


def test_fightin_words_hand_computed():
    # A: "a a a b" ; B: "a b b b". Prior: corpus counts (a: 4, b: 4), alpha_0 = 8.
    df = pd.DataFrame({"outlet": ["A", "B"], "body": ["a a a b", "a b b b"]})
    res = distinctive_terms(df, min_count=1, against="both")
    assert tuple(res.columns) == TERM_COLUMNS
    # A vs B on "a": (3+4)/(4+8-3-4) = 7/5 ; (1+4)/(4+8-1-4) = 5/7
    delta = math.log(7 / 5) - math.log(5 / 7)
    se = math.sqrt(1 / 7 + 1 / 5)
    row = res[(res.group == "A") & (res.other == "B") & (res.term == "a")].iloc[0]
    assert row.log_odds_ratio == pytest.approx(delta)
    assert row.se == pytest.approx(se)
    assert row.z == pytest.approx(delta / se)  # 1.14927...
    assert row.z == pytest.approx(1.149271, abs=1e-6)
    assert (row["count"], row.count_other, row.n_terms, row.n_terms_other) == (3, 1, 4, 4)
    # two groups: A against the rest is A against B; B vs A mirrors it
    rest = res[(res.group == "A") & (res.other == "(rest)") & (res.term == "a")].iloc[0]
    assert rest.z == pytest.approx(row.z)
    mirror = res[(res.group == "B") & (res.other == "A") & (res.term == "a")].iloc[0]
    assert mirror.z == pytest.approx(-row.z)


def test_fightin_words_prior_size_and_uniform_prior_by_hand():
    df = pd.DataFrame({"outlet": ["A", "B"], "body": ["a a a b", "a b b b"]})
    # uniform prior with alpha_0 = 2: alpha_a = alpha_b = 1
    res = distinctive_terms(df, min_count=1, prior="uniform", prior_size=2)
    row = res[(res.group == "A") & (res.term == "a")].iloc[0]
    delta = math.log((3 + 1) / (4 + 2 - 3 - 1)) - math.log((1 + 1) / (4 + 2 - 1 - 1))
    assert row.log_odds_ratio == pytest.approx(delta)
    assert row.se == pytest.approx(math.sqrt(1 / 4 + 1 / 2))


def test_fightin_words_three_groups_rest_pools_the_others():
    df = pd.DataFrame({"outlet": ["A", "B", "C"], "body": ["x x y", "y y", "x y y"]})
    res = distinctive_terms(df, min_count=1)
    # A vs rest: y_A(x)=2 of 3; rest x=1 of 5; corpus x=3, y=5 -> alpha_x=3, alpha_0=8
    row = res[(res.group == "A") & (res.term == "x")].iloc[0]
    delta = math.log((2 + 3) / (3 + 8 - 2 - 3)) - math.log((1 + 3) / (5 + 8 - 1 - 3))
    assert row.log_odds_ratio == pytest.approx(delta)
    assert (row["count"], row.count_other) == (2, 1)


def test_distinctive_terms_uses_word_re_and_options():
    df = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
                       "body": ["The U.S. said it won't.", "The U.S. said so.", "The U.S. again.",
                                "Officials said the plan.", "Officials said no.", "The officials said."]})
    res = distinctive_terms(df, min_count=3)
    terms = set(res.term)
    assert "u.s." in terms  # one word by WORD_RE, lower-cased
    assert "won't" not in terms  # seen once < min_count
    assert res[res.group == "A"].iloc[0].term == "u.s."
    assert res[res.group == "B"].iloc[0].term == "officials"
    nostop = distinctive_terms(df, min_count=1, stop_words="english")
    assert "the" not in set(nostop.term)
    top = distinctive_terms(df, min_count=1, top=2)
    assert top.groupby(["group", "other"]).size().tolist() == [2, 2]


def test_distinctive_terms_on_the_attribution_table():
    att = pd.DataFrame({
        "id": range(10), "outlet": ["A"] * 5 + ["B"] * 5,
        "speaker": ["Peskov", "Peskov", "Peskov", "Biden", None, "Biden", "Biden", "Biden", "Peskov", None],
        "source_type": ["official"] * 4 + ["anonymous"] + ["official"] * 3 + ["anonymous"] * 2,
        "via": [("RIA Novosti",), ("RIA Novosti",), (), (), (), (), (), (), ("CNN",), ()],
    })
    res = distinctive_terms(att, term="speaker", min_count=1)
    assert res.attrs["missing_terms"] == 2
    a = res[res.group == "A"].set_index("term")
    assert a.loc["Peskov", "z"] > 0 > a.loc["Biden", "z"]  # case kept for names
    st = distinctive_terms(att, term="source_type", min_count=1)
    assert st[(st.group == "B")].iloc[0].term == "anonymous"
    via = distinctive_terms(att, term="via", min_count=1)
    assert via[via.group == "A"].set_index("term").loc["RIA Novosti", "count"] == 2


def test_distinctive_terms_errors():
    with pytest.raises(InputError, match="term="):
        distinctive_terms(pd.DataFrame({"outlet": ["A"], "speaker": ["x"]}))
    with pytest.raises(InputError, match="against"):
        distinctive_terms(pd.DataFrame({"outlet": ["A"], "body": ["x"]}), against="all")
    with pytest.raises(InputError, match="prior"):
        distinctive_terms(pd.DataFrame({"outlet": ["A"], "body": ["x"]}), prior="flat")


# ---------------------------------------------------------------- command line


def test_cli_compare_on_a_feature_table(tmp_path, capsys):
    from biaskit.cli.main import main
    from biaskit.io import read_table, write_table

    rng = np.random.default_rng(0)
    feats = _frame({g: rng.normal(size=(12, 2)) for g in "AB"}).rename(
        columns={"f.x0": "sourcing.rate", "f.x1": "readability.grade"})
    feats.insert(0, "status", "ok")
    feats.insert(0, "id", [str(i) for i in range(len(feats))])
    src = tmp_path / "features.csv"
    write_table(feats, src)
    out = tmp_path / "out.csv"
    assert main(["compare", str(src), "--by", "outlet", "-o", str(out), "--n-boot", "200"]) == 0
    res = read_table(out)
    assert list(res.columns) == list(COMPARE_COLUMNS)
    assert {"ci_low", "ci_high"} <= set(res.columns) and set(res.feature) == {"sourcing.rate", "readability.grade"}
    assert "compared 2 groups" in capsys.readouterr().err
    # a user mistake: a clear message, exit 2, no traceback
    assert main(["compare", str(src), "--by", "leaning", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "leaning" in err and "Traceback" not in err
    assert main(["compare", str(src), "--stories", "-o", str(out)]) == 2
    assert "texts" in capsys.readouterr().err


def test_cli_compare_on_articles_measures_them_first(tmp_path, capsys):
    from biaskit.cli.main import main
    from biaskit.io import read_table

    arts = pd.DataFrame({
        "id": [str(i) for i in range(12)],
        "outlet": ["A"] * 6 + ["B"] * 6,
        "text": ["The minister said the talks had failed. Officials were alarmed by the news."] * 6
        + ["Critics argued that the scheme, which had been announced with considerable fanfare, "
           "was unworkable. Nobody agreed."] * 6,
    })
    src = tmp_path / "articles.csv"
    arts.to_csv(src, index=False)
    out = tmp_path / "cmp.csv"
    code = main(["compare", str(src), "--families", "readability", "-o", str(out), "--n-boot", "100",
                 "--no-progress"])
    assert code == 0, capsys.readouterr().err
    res = read_table(out)
    assert res.feature.str.startswith("readability.").all()
    omni = res[res.statistic == "omnibus"]
    assert omni.significant.any()  # the two outlets write at clearly different reading levels


def test_compare_refuses_an_articles_table():
    from biaskit.errors import InputError

    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["A", "B"], "text": ["x", "y"],
                             "duplicate_id": [False, False]})
    with pytest.raises(InputError, match="articles table"):
        compare(articles, by="outlet")


def test_positions_are_not_compared_by_default():
    from biaskit.compare import feature_columns

    df = pd.DataFrame({"outlet": ["A", "B"], "sentiment.mean_compound": [0.1, 0.2],
                       "sentiment.most_negative_sentence": [3, 7], "readability.words_per_sentence": [20.0, 18.5]})
    assert feature_columns(df) == ["sentiment.mean_compound", "readability.words_per_sentence"]
    assert feature_columns(df, ["sentiment.most_negative_sentence"]) == ["sentiment.most_negative_sentence"]


def test_epsilon_squared_interval_from_the_groups_resamples():
    from biaskit.compare import _boot_epsilon_squared, _Resample

    rng = np.random.default_rng(3)
    groups = [np.round(rng.normal(size=n) * 2) / 2 + i * 0.3 for i, n in enumerate((12, 20, 9))]  # with ties
    rs = [_Resample(g, 40, np.random.default_rng(10 + i)) for i, g in enumerate(groups)]
    eps = _boot_epsilon_squared(rs)
    n_total, k = sum(map(len, groups)), len(groups)
    for b in range(0, 40, 7):  # each resample's value is scipy's H on the materialised resample
        h, _ = stats.kruskal(*(np.repeat(r.values, r.counts[:, b].astype(int)) for r in rs))
        assert eps[b] == pytest.approx(max(0.0, (h - k + 1) / (n_total - k)), abs=1e-12)
    # in compare(): a planted difference gets an interval around its estimate, away from 0
    data = {g: rng.normal(size=(60, 2)) for g in "ABC"}
    data["C"][:, 0] += 1.5
    omni = compare(_frame(data), n_boot=500).query("statistic == 'omnibus'").set_index("feature")
    big = omni.loc["f.x0"]
    assert 0 < big.ci_low <= big.estimate <= big.ci_high < 1
    assert omni.loc["f.x1", "ci_low"] < big.ci_low
