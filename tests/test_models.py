"""Tests of biaskit.models: grouped cross-validation and explaining classifiers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from biaskit.errors import InputError
from biaskit.models import evaluate_outlet_model, grouped_folds, interpretable_columns, outlet_classifier


def _data(seed=0, n_stories=30, outlets=("A", "B", "C")):
    """Each outlet covers every story; outlet C uses more anonymous sources."""
    rng = np.random.default_rng(seed)
    rows = []
    for s in range(n_stories):
        topic = rng.choice(["strike", "budget", "flood"])
        for o in outlets:
            rows.append({
                "id": f"{o}{s}", "outlet": o, "story": f"s{s}", "status": "ok",
                "sourcing.anonymous_share": rng.normal(0.8 if o == "C" else 0.2, 0.1),
                "readability.grade": rng.normal(10, 1),
                "sourcing.first_source_type": "official",
                "body": f"{topic} report {topic} " + ("sources said " if o == "C" else "the minister said ") * 2,
            })
    return pd.DataFrame(rows)


def test_interpretable_columns_are_the_numeric_dotted_ones():
    assert interpretable_columns(_data()) == ["sourcing.anonymous_share", "readability.grade"]


@pytest.mark.parametrize("groups", ["story", "outlet"])
def test_grouped_folds_never_share_a_group(groups):
    data = _data(n_stories=12, outlets=("A", "B", "C", "D", "E", "F"))
    data["leaning"] = data.outlet.map({"A": "left", "B": "right", "C": "right", "D": "left", "E": "left",
                                       "F": "right"})
    rep = evaluate_outlet_model(data, target="leaning" if groups == "outlet" else "outlet", groups=groups,
                                n_splits=3)
    assert len(rep.folds) == 3
    covered = np.zeros(len(data), dtype=int)
    for train, test in rep.folds:
        assert not set(data[groups].iloc[train]) & set(data[groups].iloc[test])
        assert len(set(train) & set(test)) == 0
        covered[test] += 1
    assert (covered == 1).all()  # every row predicted exactly once
    assert rep.scores.groups_test.sum() == data[groups].nunique()


def test_grouped_folds_helper_checks_group_count():
    with pytest.raises(InputError, match="2 groups"):
        grouped_folds(["a", "a", "b"], n_splits=5)


def test_a_fold_with_one_training_class_is_a_clear_error():
    data = _data()
    data["leaning"] = data.outlet.map({"A": "left", "B": "right", "C": "right"})
    with pytest.raises(InputError, match="one class only"):
        evaluate_outlet_model(data, target="leaning", groups="outlet", n_splits=3)


def test_report_contents_and_what_distinguishes_the_outlets():
    data = _data()
    rep = evaluate_outlet_model(data, target="outlet", groups="story")
    assert list(rep.confusion.index) == ["A", "B", "C"] == list(rep.confusion.columns)
    assert rep.confusion.to_numpy().sum() == len(data)
    pc = rep.per_class.set_index("class")
    assert pc.loc["C", "recall"] > 0.9 and pc.loc["C", "precision"] > 0.9
    assert pc.support.sum() == len(data)
    assert {"fold", "accuracy", "macro_f1", "majority_macro_f1"} <= set(rep.scores.columns)
    assert rep.predictions.index.equals(data.index)
    imp = rep.importance
    assert set(imp.method) == {"coefficient"}
    top_c = imp[imp["class"] == "C"].iloc[0]
    assert top_c.feature == "features__sourcing.anonymous_share"
    assert top_c["mean"] > 0 and top_c.sign_consistent and top_c.n_folds == 5
    # the string feature is not used
    assert not imp.feature.str.contains("first_source_type").any()


def test_words_can_be_added_and_the_estimator_swapped():
    from sklearn.ensemble import RandomForestClassifier

    data = _data()
    words = evaluate_outlet_model(data, text="body", features=False)
    assert words.importance.feature.str.startswith("words__").all()
    assert "words__sources" in set(words.importance.feature)
    both = evaluate_outlet_model(data, text="body")
    assert both.importance.feature.str.startswith("features__").any()
    forest = evaluate_outlet_model(data, model=RandomForestClassifier(n_estimators=20, random_state=0),
                                   n_repeats=2)
    assert set(forest.importance.method) == {"permutation"}
    assert forest.importance.iloc[0].feature == "sourcing.anonymous_share"
    assert forest.importance["class"].eq("(all)").all()


def test_binary_target_gives_opposite_coefficients():
    data = _data(outlets=("B", "C"))
    rep = evaluate_outlet_model(data, n_splits=3)
    imp = rep.importance.set_index(["class", "feature"])["mean"]
    f = "features__sourcing.anonymous_share"
    assert imp[("C", f)] == pytest.approx(-imp[("B", f)]) and imp[("C", f)] > 0


def test_errors():
    data = _data()
    with pytest.raises(InputError, match="equals the target"):
        evaluate_outlet_model(data, target="outlet", groups="outlet")
    with pytest.raises(InputError, match="no groups column"):
        evaluate_outlet_model(data, groups="event")
    bad = data.copy()
    bad.loc[3, "outlet"] = None
    with pytest.raises(InputError, match="no 'outlet' label"):
        evaluate_outlet_model(bad)
    with pytest.raises(InputError):
        outlet_classifier(features=False)
    with pytest.raises(InputError, match="coef_"):
        from sklearn.neighbors import KNeighborsClassifier

        evaluate_outlet_model(data, model=KNeighborsClassifier(), importance="coefficient")


def test_missing_feature_values_are_imputed_not_dropped():
    data = _data()
    data.loc[data.index[::7], "readability.grade"] = np.nan
    data.loc[data.index[:3], "status"] = "empty_body"
    rep = evaluate_outlet_model(data)
    assert rep.predictions.notna().all() and len(rep.predictions) == len(data)


# ---------------------------------------------------------------- the leaning word model


def test_balanced_weights_equalise_outlets_then_classes():
    from biaskit.models import balanced_weights

    groups = ["big"] * 8 + ["small"] + ["r1", "r2"]
    y = ["left"] * 9 + ["right"] * 2
    w = balanced_weights(groups, y)
    assert w.mean() == pytest.approx(1.0)
    s = pd.Series(w)
    by_group = s.groupby(groups).sum()
    assert by_group["big"] == pytest.approx(by_group["small"])  # outlets weigh the same within a class
    by_class = s.groupby(y).sum()
    assert by_class["left"] == pytest.approx(by_class["right"])


def _leaning_corpus():
    rows = []
    for k in range(12):
        lean = ["left", "center", "right"][k % 3]
        word = {"left": "inequality workers", "center": "officials announced", "right": "taxpayers freedom"}[lean]
        for j in range(3):
            rows.append({"outlet": f"o{k}", "label": lean,
                         "text": f"{word} report number {j} house{k}style house{k}style"})
    return pd.DataFrame(rows)


def test_leaning_text_classifier_keeps_only_terms_shared_by_outlets():
    from biaskit.models import LeaningTextClassifier

    df = _leaning_corpus()
    clf = LeaningTextClassifier(min_groups=3, min_df=1).fit(df.text, df.label, groups=df.outlet)
    hashed = clf.hash(["house0style", "taxpayers"])
    house_col = hashed[0].indices[0]
    tax_col = hashed[1].indices[0]
    assert house_col not in set(clf.vocabulary_)  # one outlet's phrase: dropped
    assert tax_col in set(clf.vocabulary_)  # used by 4 outlets: kept
    assert clf.predict(["taxpayers deserve freedom"]).tolist() == ["right"]
    # hashing once and fitting on counts gives the same model
    counts = clf.hash(df.text)
    again = LeaningTextClassifier(min_groups=3, min_df=1).fit(counts, df.label, groups=df.outlet)
    assert np.array_equal(again.vocabulary_, clf.vocabulary_)
    assert np.allclose(again.predict_proba(counts), clf.predict_proba(df.text))
    # without groups every term is kept that passes min_df
    plain = LeaningTextClassifier(min_df=1).fit(df.text, df.label)
    assert house_col in set(plain.vocabulary_)
    with pytest.raises(InputError, match="min_groups"):
        LeaningTextClassifier(min_groups=50).fit(df.text, df.label, groups=df.outlet)


def test_leaning_text_classifier_is_a_scikit_learn_estimator():
    from sklearn.base import clone

    from biaskit.models import LeaningTextClassifier

    clf = LeaningTextClassifier(alpha=1e-4, min_groups=2)
    twin = clone(clf)
    assert twin.get_params()["alpha"] == 1e-4 and twin.get_params()["min_groups"] == 2
