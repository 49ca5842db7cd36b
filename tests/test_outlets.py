"""Tests of biaskit.outlets: joining outlet metadata by normalised name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.errors import InputError
from biaskit.outlets import join_outlet_metadata, loose_outlet_key, normalize_outlet


@pytest.mark.parametrize("a,b", [
    ("The Hill", "Hill"),
    ("NPR Editorial ", "NPR Editorial"),
    ("Cafe\u0301 Babel", "Café Babel"),
    ("Children\u2019s Defense Fund", "Children's Defense Fund"),
    ("AT&T", "AT and T"),
    ("FOX  NEWS", "Fox News"),
])
def test_normalize_outlet_equates_spellings(a, b):
    assert normalize_outlet(a) == normalize_outlet(b)


def test_normalize_keeps_distinct_outlets_apart():
    assert normalize_outlet("New York Post") != normalize_outlet("New York Times")
    assert loose_outlet_key("Fox News Opinion") != loose_outlet_key("Fox News")
    assert loose_outlet_key("Fox News (Online)") == loose_outlet_key("Fox Online News")
    assert normalize_outlet(None) == "" and normalize_outlet(float("nan")) == ""


def test_join_keeps_rows_and_reports_unmatched():
    corpus = pd.DataFrame({"id": range(6),
                           "outlet": ["The Hill", "Fox News (Online)", "Hill", "Daily Planet", None, "CNN"]})
    meta = pd.DataFrame({"outlet": ["Hill", "Fox Online News", "CNN (Web News)", "Daily Beast"],
                         "rating": ["center", "right", "left", "left"], "rating_num": [3, 5, 2, 1]})
    joined, report = join_outlet_metadata(corpus, meta)
    assert len(joined) == len(corpus) and joined["id"].tolist() == list(range(6))
    assert joined.rating.tolist()[:3] == ["center", "right", "center"]
    assert joined.outlet_match_kind.tolist() == ["normalized", "loose", "exact", "unmatched", "unmatched", "loose"]
    assert joined.outlet_match.tolist()[5] == "CNN (Web News)"  # "cnn" is the loose key of both
    assert str(joined.rating_num.dtype) == "Int64" and pd.isna(joined.rating_num[3])
    assert set(report.status) == {"unmatched"}
    rep = report.set_index(report.outlet.fillna("(none)"))
    assert rep.loc["Daily Planet", "n_rows"] == 1
    assert rep.loc["(none)", "candidates"] == "(no outlet name)"
    assert "Daily Beast" in rep.loc["Daily Planet", "candidates"]
    # the caller's frame is untouched
    assert list(corpus.columns) == ["id", "outlet"]


def test_ambiguous_names_are_not_joined_unless_the_columns_agree():
    corpus = pd.DataFrame({"outlet": ["PJ Media", "Howard Kurtz"]})
    meta = pd.DataFrame({"outlet": ["PJ Media", "PJ Media", "Howard Kurtz", "Howard Kurtz"],
                         "rating": ["right-center", "right", "center", "center"],
                         "type": ["News Media", "News Media", "News Media", "Author"]})
    joined, report = join_outlet_metadata(corpus, meta)
    assert joined.outlet_match_kind.tolist() == ["ambiguous", "ambiguous"]
    assert joined.rating.isna().all()
    assert set(report.status) == {"ambiguous"}
    only_rating, report2 = join_outlet_metadata(corpus, meta, columns=["rating"])
    assert only_rating.rating.tolist() == [None, "center"] or pd.isna(only_rating.rating[0])
    assert only_rating.rating[1] == "center"
    assert report2.outlet.tolist() == ["PJ Media"]


def test_aliases_prefix_and_errors():
    corpus = pd.DataFrame({"outlet": ["wash-post", "nyt"], "rating": [1, 2]})
    meta = pd.DataFrame({"name": ["Washington Post", "New York Times"], "rating": ["left", "left"]})
    with pytest.raises(InputError, match="prefix"):
        join_outlet_metadata(corpus, meta)
    joined, report = join_outlet_metadata(corpus, meta, aliases={"wash-post": "Washington Post"},
                                          prefix="meta_")
    assert joined.meta_rating.tolist()[0] == "left" and joined.outlet_match_kind[0] == "alias"
    assert report.outlet.tolist() == ["nyt"]
    with pytest.raises(InputError, match="Washington Times"):
        join_outlet_metadata(corpus, meta, aliases={"wash-post": "Washington Times"}, prefix="m_")
    with pytest.raises(InputError, match="source"):
        join_outlet_metadata(corpus, meta, on="source")
    with pytest.raises(InputError, match="outlet_column"):
        join_outlet_metadata(corpus, meta.rename(columns={"name": "label"}), prefix="m_")
    with pytest.raises(InputError, match="colour"):
        join_outlet_metadata(corpus, meta, columns=["colour"], prefix="m_")
    with pytest.raises(InputError, match="does not exist"):
        join_outlet_metadata(corpus, "no/such/file.csv")


def test_reads_a_csv_path(tmp_path):
    path = tmp_path / "outlets.csv"
    pd.DataFrame({"outlet": ["Hill"], "country": ["US"]}).to_csv(path, index=False)
    joined, report = join_outlet_metadata(pd.DataFrame({"outlet": ["The Hill"]}), path)
    assert joined.country.tolist() == ["US"] and report.empty


def test_allsides_ratings_join_the_article_bias_prediction_outlets():
    ratings = SHARED / "datasets" / "outlet_ratings" / "allsides_ratings_2019-10-18.csv"
    outlets = SHARED / "datasets" / "article_bias_prediction" / "outlets.csv"
    if not (ratings.exists() and outlets.exists()):
        pytest.skip("../shared/datasets not available")
    corpus = pd.read_csv(outlets)
    joined, report = join_outlet_metadata(corpus, ratings, columns=["rating", "rating_3class"],
                                          prefix="allsides_")
    assert len(joined) == len(corpus)
    matched = joined[joined.allsides_rating_3class.notna()]
    assert len(matched) > 0.65 * len(corpus)
    # the ratings agree with Baly et al.'s AllSides labels where both exist
    assert (matched.allsides_rating_3class == matched.allsides_label).mean() > 0.95
    kinds = dict(zip(joined.outlet, joined.outlet_match_kind, strict=True))
    assert kinds["Fox News (Online)"] == "loose" and kinds["CNN (Web News)"] == "exact"
    assert set(report.status) <= {"unmatched", "ambiguous"}
    assert report.n_rows.sum() == int((~joined.outlet_match_kind.isin(
        ["exact", "normalized", "loose", "alias"])).sum())
    assert np.isin(report.outlet, corpus.outlet).all()
