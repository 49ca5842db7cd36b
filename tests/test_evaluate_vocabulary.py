"""Scoring the lexicons against labelled sentences (word and sentence level)."""

from __future__ import annotations

import json
import math
import random

import pandas as pd
import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.errors import InputError
from biaskit.evaluate.vocabulary import evaluate_vocabulary, read_gold, sentence_pipelines, word_level
from biaskit.lexicons import default_lexicon, load_lexicon
from biaskit.parse import parse

BABE = SHARED / "datasets" / "babe"


# --------------------------------------------------------------------------
# Word level, computed by hand
# --------------------------------------------------------------------------


def test_word_level_is_micro_averaged_over_sentences(tmp_path):
    p = tmp_path / "l.csv"
    p.write_text("term,category\nslammed,a\nso-called,b\nplan,b\n", encoding="utf-8")
    lex = load_lexicon(p, replace=True)
    docs = [parse("Critics slammed the so-called plan."), parse("The plan passed."), parse("Nothing here.")]
    gold = [["slammed", "so-called"], [], ["Nothing"]]
    r = word_level(docs, gold, lex)
    # predicted words: {slammed, so, called, plan} + {plan}; gold: {slammed, so, called} + {nothing}
    assert (r["word_true_positives"], r["word_predicted"], r["word_gold"]) == (3, 5, 4)
    assert r["word_precision"] == pytest.approx(3 / 5)
    assert r["word_recall"] == pytest.approx(3 / 4)
    assert r["word_f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert r["categories"]["a"] == {"precision": 1.0, "tp_share": pytest.approx(1 / 3), "predicted": 1,
                                    "true_positives": 1}
    assert r["categories"]["b"]["precision"] == pytest.approx(2 / 4)
    assert r["categories"]["b"]["tp_share"] == pytest.approx(2 / 3)


def test_word_level_without_predictions_or_gold():
    r = word_level([parse("Quiet day.")], [[]], default_lexicon())
    assert math.isnan(r["word_precision"]) and math.isnan(r["word_recall"]) and math.isnan(r["word_f1"])


# --------------------------------------------------------------------------
# Gold files
# --------------------------------------------------------------------------

_LOADED = ["slammed", "radical", "disastrous", "so-called", "thugs", "reckless", "chaos", "regime",
           "shameful", "bizarre", "propaganda", "hysteria"]
_NEUTRAL_SUBJECTS = ["The council", "The committee", "The ministry", "The company", "The agency", "The court"]
_NEUTRAL_VERBS = ["approved", "discussed", "published", "reviewed", "postponed", "announced"]
_OBJECTS = ["the budget", "the report", "the new rules", "the annual plan", "the school project", "the road works"]


def synthetic_gold(n: int = 60, seed: int = 3, folds: int = 2) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        subj, verb, obj = rng.choice(_NEUTRAL_SUBJECTS), rng.choice(_NEUTRAL_VERBS), rng.choice(_OBJECTS)
        if i % 2 == 0:
            w = rng.choice(_LOADED)
            text = f"{subj} {verb} {obj}, a {w} move that critics called {rng.choice(_LOADED)}."
            rows.append({"text": text, "label_bias": "Biased", "biased_words": json.dumps([w])})
        else:
            text = f"{subj} {verb} {obj} on {rng.choice(['Monday', 'Friday', 'Tuesday'])}."
            rows.append({"text": text, "label_bias": "Non-biased", "biased_words": "[]"})
        rows[-1]["fold"] = (i // 2) % folds
    return pd.DataFrame(rows)


def test_read_gold_parses_words_and_checks_columns(tmp_path):
    p = tmp_path / "g.csv"
    synthetic_gold(6).to_csv(p, index=False)
    g = read_gold(p)
    assert isinstance(g["biased_words"][0], list) and g["fold"].tolist() == ["0", "0", "1", "1", "0", "0"]
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"sentence": ["x"], "label_bias": ["Biased"]}).to_csv(bad, index=False)
    with pytest.raises(InputError, match=r"bad\.csv: no 'text' column; columns found: sentence, label_bias"):
        read_gold(bad)
    nolabel = tmp_path / "nolabel.csv"
    pd.DataFrame({"text": ["x"]}).to_csv(nolabel, index=False)
    with pytest.raises(InputError, match="needs a 'label_bias' column"):
        read_gold(nolabel)
    words = tmp_path / "words.csv"
    pd.DataFrame({"id": ["a", "b"], "text": ["x", "y"], "biased_words": ["[]", "slammed, radical"]}).to_csv(words, index=False)
    with pytest.raises(InputError, match=r"words\.csv: row 2 \(id b\), column 'biased_words': expected a JSON list"):
        read_gold(words)


def test_evaluate_cross_validates_over_folds(tmp_path):
    p = tmp_path / "gold.csv"
    synthetic_gold().to_csv(p, index=False)
    lexf = tmp_path / "mine.csv"
    lexf.write_text("term\nslammed\nbudget\n", encoding="utf-8")
    r = evaluate_vocabulary(p, lexicons=[lexf])
    for key in ("word_precision", "word_recall", "word_f1", "sentence_biased_f1", "sentence_macro_f1",
                "sentence_biased_f1_interpretable"):
        assert 0.0 <= r[key] <= 1.0, key
    assert r["protocol"].startswith("cross-validation") and set(r["per_fold"]) == {"0", "1"}
    assert r["sentence_labelled"] == 60 and r["sentence_pipeline"] in {"interpretable", "ngrams"}
    assert r["sentence_biased_f1"] == max(r["sentence_biased_f1_interpretable"], r["sentence_biased_f1_ngrams"])
    # the loaded sentences are easy to tell apart, and every marked word is in the packaged lexicon
    assert r["word_recall"] == 1.0 and r["sentence_biased_f1"] > 0.9
    assert set(r["word_categories"]) == set(default_lexicon().categories)
    mine = r["lexicons"][str(lexf)]
    assert mine["word_true_positives"] == sum(1 for i in range(0, 60, 2)
                                             if json.loads(synthetic_gold()["biased_words"][i]) == ["slammed"])
    json.dumps(r)  # the CLI prints it as JSON


def test_evaluate_with_a_test_file_and_its_errors(tmp_path):
    g = tmp_path / "train.csv"
    t = tmp_path / "test.csv"
    synthetic_gold(40, seed=1).drop(columns="fold").to_csv(g, index=False)
    synthetic_gold(20, seed=2).to_csv(t, index=False)
    r = evaluate_vocabulary(g, test=t)
    assert r["protocol"] == "trained on train.csv, scored on test.csv"
    assert r["sentence_labelled"] == 20 and r["sentences"] == 20 and "per_fold" not in r
    assert r["word_level_file"] == str(t)
    with pytest.raises(InputError, match="no 'fold' column"):
        evaluate_vocabulary(g)
    unlabelled = tmp_path / "u.csv"
    pd.DataFrame({"text": ["a", "b"], "label_bias": ["No agreement", ""], "fold": [0, 1]}).to_csv(unlabelled, index=False)
    with pytest.raises(InputError, match="no rows labelled 'Biased' or 'Non-biased'"):
        evaluate_vocabulary(unlabelled)


def test_cli_prints_the_required_json_keys(tmp_path, capsys):
    from biaskit.cli.main import main

    p = tmp_path / "gold.csv"
    synthetic_gold(40).to_csv(p, index=False)
    assert main(["evaluate", "vocabulary", "--gold", str(p), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("word_precision", "word_recall", "word_f1", "sentence_biased_f1", "sentence_macro_f1",
                "sentence_biased_f1_interpretable"):
        assert key in out


def test_pipelines_are_unfitted_scikit_learn_pipelines():
    from sklearn.base import clone
    from sklearn.pipeline import Pipeline

    blocks = {"numeric": slice(0, 2), "lexicon": slice(2, 3), "word": slice(3, 5), "char": slice(5, 7)}
    for pipe in sentence_pipelines(blocks).values():
        assert isinstance(pipe, Pipeline)
        clone(pipe)


# --------------------------------------------------------------------------
# Regression floors on BABE (issue 4, "Done when")
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def babe_result():
    gold = BABE / "babe_sg2.csv"
    if not gold.exists():
        pytest.skip("../shared/datasets/babe is not available")
    lexicon = BABE / "bias_word_lexicon.csv"
    return evaluate_vocabulary(gold, lexicons=[lexicon] if lexicon.exists() else [])


def test_babe_word_level_floor(babe_result):
    # above VADER's negative words (0.20) and BABE's own lexicon (0.15)
    assert babe_result["word_f1"] >= 0.22
    for name, res in babe_result["lexicons"].items():
        assert res["word_f1"] < babe_result["word_f1"], name


def test_babe_sentence_level_floors(babe_result):
    assert babe_result["protocol"] == "cross-validation over the 'fold' column (0, 1, 2, 3)"
    assert babe_result["sentence_biased_f1"] >= 0.74
    assert babe_result["sentence_biased_f1_interpretable"] >= 0.60
    assert babe_result["sentence_macro_f1"] >= 0.70
