"""The corpus's own outlets are known as media to the attribution extractor (names without a masthead word, which would make them media by their shape)."""

import pandas as pd

import biaskit

TEXT = ("The minister resigned on Friday, the Harbor Clarion reported, citing two officials. "
        '"It is over," Mayor Jane Holt told the Harbor Clarion.')


def _articles():
    return pd.DataFrame({
        "id": ["a", "b"],
        "outlet": ["The Harbor Clarion", "Daily Meridian"],
        "text": ["Prices rose on Monday, officials said.", TEXT],
    })


def test_attribution_table_types_corpus_outlets_as_media():
    table = biaskit.attribution_table(_articles())
    rows = table[table["id"] == "b"]
    assert "The Harbor Clarion" not in set(rows["speaker"])
    assert any("The Harbor Clarion" in list(v) for v in rows["via"])


def test_features_count_corpus_outlets_as_relays():
    feats = biaskit.extract_features(_articles(), families=["sourcing"])
    row = feats.set_index("id").loc["b"]
    assert row["sourcing.second_hand_share"] > 0


def test_outlets_as_media_can_be_switched_off_for_chunk_independent_features():
    arts = _articles()
    whole = biaskit.extract_features(arts, families=["sourcing"], outlets_as_media=False)
    alone = biaskit.extract_features(arts.iloc[[1]], families=["sourcing"], outlets_as_media=False)
    a = whole.set_index("id").loc["b"].drop(["outlet", "date", "title"])
    b = alone.set_index("id").loc["b"].drop(["outlet", "date", "title"])
    assert a.equals(b)
    default = biaskit.extract_features(arts, families=["sourcing"]).set_index("id").loc["b"]
    assert default["sourcing.second_hand_share"] > a["sourcing.second_hand_share"]
