"""The feature table and its scikit-learn wrapper."""

import warnings

import numpy as np
import pandas as pd
import pytest

import biaskit
from biaskit.errors import BiaskitError
from biaskit.features import FAMILIES, extract_features, feature_names, parse_article
from biaskit.transform import FeatureExtractor

TEXTS = [
    'Officials said on Monday that the talks had failed. "We are deeply alarmed," the minister told reporters.',
    "The committee approved the budget after a long debate. Critics called the plan reckless and cruel.",
    "",
    "   \n\t ",
    "Der Minister sagte am Montag, dass die Gespräche gescheitert seien und dass die Regierung "
    "keine weiteren Einzelheiten nennen werde, weil die Lage im Land nach wie vor schwierig ist.",
    "Short.",
]


@pytest.fixture(scope="module")
def articles():
    return pd.DataFrame(
        {
            "id": [f"a{i}" for i in range(len(TEXTS))],
            "outlet": ["X", "Y", "X", "Y", "Z", "Z"],
            "date": pd.to_datetime(["2026-01-0%d" % (i + 1) for i in range(len(TEXTS))], utc=True),
            "title": ["t"] * len(TEXTS),
            "text": TEXTS,
            "body": TEXTS,
        }
    )


@pytest.mark.parametrize("families", [["readability"], ["sentiment"], ["readability", "sentiment"]])
def test_one_row_per_article_in_order(articles, families):
    out = extract_features(articles, families=families)
    assert len(out) == len(articles)
    assert list(out["id"]) == list(articles["id"])
    assert out.columns[:5].tolist() == ["id", "outlet", "date", "title", "status"]
    assert list(out["status"]) == ["ok", "ok", "empty_text", "empty_text", "not_english", "ok"]
    feat_cols = [c for c in out.columns if "." in c]
    assert feat_cols == feature_names(families)
    assert all(c.split(".")[0] in families for c in feat_cols)
    assert out.loc[out["status"] != "ok", feat_cols].isna().all().all()
    assert out.loc[out["status"] == "ok", feat_cols].notna().any(axis=1).all()


def test_families_keep_canonical_order_and_reject_unknown(articles):
    out = extract_features(articles, families="sentiment,readability")
    fams = [c.split(".")[0] for c in out.columns if "." in c]
    assert fams.index("sentiment") > max(i for i, f in enumerate(fams) if f == "readability")
    with pytest.raises(BiaskitError, match="unknown feature family 'mood'"):
        extract_features(articles, families=["mood"])


def test_all_families_have_content_independent_names():
    for fam in FAMILIES:
        try:
            names = feature_names([fam])
        except ImportError:
            pytest.skip(f"family {fam} not available")
        assert names and all(n.startswith(fam + ".") for n in names)


def test_list_of_texts_input():
    out = extract_features(["The minister resigned on Friday.", None], families=["readability"])
    assert list(out["status"]) == ["ok", "empty_text"]


def test_parse_article_maps_offsets_into_text():
    text = "Talks fail in Geneva\nAdvertisement\nOfficials said the talks failed.\nThey left."
    body = "Officials said the talks failed.\nThey left."
    doc = parse_article({"text": text, "body": body, "title": "Talks fail in Geneva"})
    assert doc.sentences[0].part == "title"
    for s in doc.sentences:
        a, b = doc.text_span(s.start, s.end)
        assert text[a:b] == doc.span(s.start, s.end)


def test_title_line_opening_the_body_is_parsed_as_title():
    text = "Stealth Over Health: Clinton Diverted.\n\nThe Post reports that aides avoided the ER.\n"
    doc = parse_article({"text": text, "body": text, "title": "Stealth over health: Clinton diverted"})
    assert [s.part for s in doc.sentences] == ["title", "body"]
    assert doc.word_count == 8
    for s in doc.sentences:
        a, b = doc.text_span(s.start, s.end)
        assert text[a:b] == doc.span(s.start, s.end)
    # a first line that is not the title stays in the body
    doc = parse_article({"text": text, "body": text, "title": "Something else"})
    assert [s.part for s in doc.sentences] == ["body", "body"]


def test_body_not_drawn_from_text_points_into_body():
    doc = parse_article({"text": "something else entirely", "body": "A body. Another one."})
    assert doc.text == "A body. Another one."


def test_feature_extractor_sklearn_contract():
    from sklearn.base import clone

    fx = FeatureExtractor(families=["readability", "sentiment"])
    assert fx.get_params() == {"families": ["readability", "sentiment"], "text_column": "text", "lexicon": None,
                               "wordlists": None}
    assert clone(fx).get_params()["families"] == ["readability", "sentiment"]
    with pytest.raises(TypeError):
        FeatureExtractor(["readability"])  # keyword-only
    X = TEXTS[:2] + [TEXTS[5]]
    Xt = fx.fit_transform(X)
    assert Xt.shape == (3, len(fx.get_feature_names_out()))
    nan_cols = {n for n, ok in zip(fx.get_feature_names_out(), np.isfinite(Xt).all(axis=0), strict=True) if not ok}
    assert nan_cols <= {"sentiment.title_compound"}  # texts without a title line
    pd_out = fx.set_output(transform="pandas").fit_transform(pd.DataFrame({"text": X, "other": [1, 2, 3]}))
    assert list(pd_out.columns) == list(fx.get_feature_names_out())


def test_feature_extractor_user_wordlists_name_outlets(tmp_path):
    # an outlet that no packaged list knows is a media relay once a user's word list names it
    text = "The mayor resigned on Monday, the Harbor Clarion reported, citing two aides."
    wl = tmp_path / "outlets.csv"
    wl.write_text("list,name,kind\noutlets,The Harbor Clarion,media\n", encoding="utf-8")
    col = "sourcing.second_hand_share"
    plain = FeatureExtractor(families=["sourcing"]).set_output(transform="pandas").fit_transform([text])
    named = FeatureExtractor(families=["sourcing"], wordlists=str(wl)).set_output(transform="pandas").fit_transform([text])
    assert plain[col].iloc[0] == 0.0
    assert named[col].iloc[0] == 1.0


def test_feature_extractor_in_pipeline():
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    X = TEXTS * 4
    y = [0, 1, 0, 1, 0, 1] * 4
    pipe = make_pipeline(FeatureExtractor(families=["readability"]), SimpleImputer(), LogisticRegression())
    pipe.fit(X, y)
    assert pipe.predict(X).shape == (len(X),)


def test_feature_extractor_api_checks():
    """scikit-learn's API checks pass where they apply to a text transformer.

    A transformer of texts declares string input, for which scikit-learn runs
    no checks at all; so the API checks are run with the 2-D tag forced on.
    Those that feed multi-column numeric arrays do not apply: they must fail
    only with biaskit's clear input error, never with a crash.
    """
    from sklearn.utils.estimator_checks import check_estimator

    class Forced(FeatureExtractor):
        def __sklearn_tags__(self):
            tags = super().__sklearn_tags__()
            tags.input_tags.two_d_array = True
            return tags

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = check_estimator(Forced(families=["readability"]), on_fail=None, legacy=False)
    assert len(results) >= 10
    passed = {r["check_name"] for r in results if r["status"] == "passed"}
    assert {"check_estimator_cloneable", "check_estimator_repr", "check_no_attributes_set_in_init",
            "check_do_not_raise_errors_in_init_or_set_params", "check_mixin_order",
            "check_valid_tag_types"} <= passed
    for r in results:
        if r["status"] == "failed":
            assert "expected a 1-D list of texts" in str(r["exception"]) or "InputError" in str(r["exception"]), r


def test_feature_extractor_is_stateless_and_needs_no_fit():
    # its tags say requires_fit=False: transform and the names work on a fresh instance
    fx = FeatureExtractor(families=["readability"])
    assert fx.__sklearn_tags__().requires_fit is False
    direct = fx.transform(TEXTS[:2])
    assert direct.shape == (2, len(fx.get_feature_names_out()))
    np.testing.assert_array_equal(direct, FeatureExtractor(families=["readability"]).fit(TEXTS[:2]).transform(TEXTS[:2]))
    assert not hasattr(fx, "feature_names_out_")  # transform stores nothing


def test_lazy_exports():
    assert biaskit.extract_features is extract_features
    with pytest.raises(AttributeError):
        biaskit.does_not_exist  # noqa: B018


def test_user_lexicon_categories_become_columns(tmp_path):
    from biaskit.lexicons import load_lexicon

    path = tmp_path / "mood.csv"
    path.write_text("term,category\ngloomy,mood\nchipper,mood\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    out = extract_features(["The gloomy minister said the chipper mayor had left."], families=["vocabulary"],
                           lexicon=lexicon)
    mood = [c for c in out.columns if "mood" in c]
    assert mood, list(out.columns)
    assert (out[mood].fillna(0).to_numpy() > 0).any()


def test_accessor_is_registered_by_import_biaskit():
    import subprocess
    import sys

    code = ("import pandas as pd, biaskit\n"
            "df = pd.DataFrame({'text': ['Officials said the talks failed.'], 'outlet': ['X']})\n"
            "print(df.biaskit.features(families=['readability'])['status'].tolist())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ok']"


def test_accessor_compare_measures_an_articles_table_first():
    df = pd.DataFrame({"text": TEXTS[:2] * 3, "outlet": ["X", "Y"] * 3})
    out = df.biaskit.compare(by="outlet", columns=["readability.words"], n_boot=50)
    assert set(out["feature"]) == {"readability.words"}


def test_accessor_compare_carries_the_story_column_and_extraction_options():
    df = pd.DataFrame({"text": TEXTS[:2] * 6, "outlet": ["X", "Y"] * 6, "event": [f"e{k // 2}" for k in range(12)]})
    out = df.biaskit.compare(by="outlet", within="event", families=["readability"],
                             columns=["readability.words"], n_boot=50)
    assert "paired_mean_difference" in set(out["statistic"])
    with pytest.raises(biaskit.errors.InputError, match="feature table"):
        biaskit.extract_features(df, families=["readability"]).biaskit.compare(families=["readability"])
    assert df.biaskit.show(0) is not None


def test_biaskit_parse_stays_the_function_after_the_extractors_import_its_module():
    # the module biaskit.parse is imported by every extractor; the package's name must stay the function
    import subprocess
    import sys

    code = ("import biaskit, biaskit.extract.sourcing, biaskit.parse\n"
            "recs = biaskit.attributions(biaskit.parse('Peskov said it would rain.'))\n"
            "print(recs[0].speaker, biaskit.attribution_table(['Lee said so.']).speaker.tolist())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Peskov", "['Lee']"]
