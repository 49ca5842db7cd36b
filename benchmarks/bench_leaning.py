"""Predict left / center / right for articles from outlets never seen in training.

Data: Baly et al. (2020) Article-Bias-Prediction, the subset in
``../shared/datasets/article_bias_prediction/`` (see its README). The label is
the outlet's AllSides rating, so the only honest test is on outlets the model
never saw: every split below keeps outlets apart.

Two measurements, each beside a majority-class baseline measured in the same run:

1. **Test file.** Train on the media-split ``train`` rows, score the
   media-split ``valid`` rows (36 outlets; noisy). ``--train PATH`` /
   ``--test PATH`` replace them (JSON Lines, gzipped or not, in that folder's
   format). Training rows never include ``outlet_in_test`` rows (outlets that
   also occur in the official held-out test set); a test file is scored whole.
2. **Grouped cross-validation** over a pool -- by default every media-split
   ``train`` and ``valid`` row, in file order (the protocol of the reference
   figure; ``--cv-pool strict`` also leaves out the ``outlet_in_test`` rows;
   with ``--train``: that file's rows without its ``outlet_in_test`` rows) --
   ``GroupKFold(n_splits=5)`` with the outlet as group: mean and per-fold
   macro-F1. Steadier than one small validation part, but the folds still
   differ a lot because a few large outlets dominate each fold; always read
   the spread.

Models:

- ``reference``: TF-IDF unigrams + logistic regression (the issue's reference
  point, re-measured here);
- ``biaskit words``: :class:`biaskit.models.LeaningTextClassifier` --
  unigrams and bigrams, idf from the training fold, only terms used by at
  least 10 training outlets, each outlet (then each class) weighted the same,
  logistic loss by SGD;
- ``features``: biaskit's interpretable features
  (:func:`biaskit.extract_features`: readability, sentiment, sourcing,
  vocabulary) in :func:`biaskit.models.outlet_classifier` (standardised,
  class-balanced logistic regression), alone and
  added to the words (probabilities averaged). Measuring every article takes
  ~50 ms, so this part runs on a seeded subset: at most ``--feature-per-outlet``
  articles per outlet (default 50; ``0`` skips it), with the words model
  re-measured on the same subset and folds for a fair comparison.
  ``--features-cache PATH`` keeps the measured features between runs.

Usage::

    python benchmarks/bench_leaning.py [--train PATH] [--test PATH] [--json]
        [--feature-per-outlet 50] [--features-cache PATH] [--jobs 2] [--no-reference] [--cv-pool strict]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from biaskit.errors import InputError  # noqa: E402
from biaskit.models import LeaningTextClassifier, word_tokens  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets" / "article_bias_prediction" / "abp_trainval_subset.jsonl.gz"
LABELS = ("left", "center", "right")


# ---------------------------------------------------------------- data


def read_jsonl(path: str | os.PathLike) -> pd.DataFrame:
    """Rows of an Article-Bias-Prediction JSON Lines file (gzipped or not), in file order."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}")
    opener = gzip.open if p.name.endswith(".gz") else open
    rows = []
    with opener(p, "rt", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}, line {line_no}: not JSON ({exc.msg})") from None
    df = pd.DataFrame(rows)
    if "label" not in df.columns and "outlet_bias" in df.columns:
        df["label"] = df["outlet_bias"]
    missing = [c for c in ("text", "label", "outlet") if c not in df.columns]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
    bad = ~df["label"].isin(LABELS)
    if bad.any():
        raise InputError(f"{path}, line {int(np.flatnonzero(bad)[0]) + 1}: label {df['label'][bad].iloc[0]!r} "
                         f"is not one of {', '.join(LABELS)}")
    if "outlet_in_test" not in df.columns:
        df["outlet_in_test"] = False
    df["outlet_in_test"] = df["outlet_in_test"].fillna(False).astype(bool)
    df["text"] = df["text"].fillna("").astype(str)
    return df.reset_index(drop=True)


def load(args) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame, dict]:
    """(cross-validation pool, mask of its training rows, test rows, description).

    The training rows of the test-file measurement are a subset of the pool
    (by default the media-split train rows of the media-split train + valid
    pool; with ``--train``, the pool is that file), so every text is hashed once.
    """
    data = None
    if args.train is None or args.test is None:
        data = read_jsonl(args.data)
    if args.train is not None:
        train_all = read_jsonl(args.train)
        pool = train_all[~train_all.outlet_in_test].reset_index(drop=True)
        is_train = np.ones(len(pool), dtype=bool)
        pool_desc = f"{args.train} without outlet_in_test rows"
    else:
        pool = data[data.split_media.isin(["train", "valid"])]
        if args.cv_pool == "strict":
            pool = pool[~pool.outlet_in_test]
        pool = pool.reset_index(drop=True)
        # the test-file model never trains on outlet_in_test rows, whatever the pool
        is_train = ((pool.split_media == "train") & ~pool.outlet_in_test).to_numpy()
        pool_desc = ("media-split train + valid rows without outlet_in_test rows" if args.cv_pool == "strict"
                     else "all media-split train + valid rows (outlet_in_test rows included)")
    test = read_jsonl(args.test) if args.test is not None else data[data.split_media == "valid"]
    desc = {
        "train": args.train or f"{args.data} [split_media=train, outlet_in_test=False]",
        "test": args.test or f"{args.data} [split_media=valid, all rows]",
        "cv_pool": pool_desc,
    }
    return pool, is_train, test.reset_index(drop=True), desc


# ---------------------------------------------------------------- scoring


def scores(y_true, y_pred) -> dict:
    from sklearn.metrics import accuracy_score, f1_score

    return {"macro_f1": float(f1_score(y_true, y_pred, labels=list(LABELS), average="macro", zero_division=0)),
            "accuracy": float(accuracy_score(y_true, y_pred))}


def majority(y_train, n) -> np.ndarray:
    values, counts = np.unique(y_train, return_counts=True)
    return np.full(n, values[np.argmax(counts)], dtype=object)


def grouped_folds(groups, n_splits):
    from sklearn.model_selection import GroupKFold

    folds = list(GroupKFold(n_splits=n_splits).split(np.zeros(len(groups)), groups=groups))
    for train, test in folds:  # the point of the protocol: no outlet on both sides
        assert not set(groups[train]) & set(groups[test])
    return folds


# ---------------------------------------------------------------- models


def _hash_chunk(texts: list[str]):
    """Unigram counts and unigram+bigram counts of texts, tokenised once.

    The same hashing as :meth:`LeaningTextClassifier.hash` (n-grams are the
    words joined by a space, as scikit-learn builds them), so a model fitted
    on these counts is the model fitted on the texts.
    """
    from sklearn.feature_extraction.text import HashingVectorizer

    model = LeaningTextClassifier()
    token_lists = [word_tokens(t) for t in texts]

    def unigrams(tokens):
        return tokens

    def uni_and_bigrams(tokens):
        return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]

    common = {"n_features": model.n_features, "alternate_sign": False, "norm": None, "dtype": np.float32}
    uni = HashingVectorizer(analyzer=unigrams, **common).transform(token_lists)
    both = HashingVectorizer(analyzer=uni_and_bigrams, **common).transform(token_lists)
    return uni, both


def hash_texts(texts: list[str], jobs: int):
    """(unigram counts, unigram+bigram counts), hashed (stateless) in parallel chunks."""
    from scipy import sparse

    chunks = [texts[c[0]:c[-1] + 1] for c in np.array_split(np.arange(len(texts)), max(1, jobs) * 8) if len(c)]
    if jobs <= 1:
        parts = [_hash_chunk(c) for c in chunks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            parts = list(ex.map(_hash_chunk, chunks))
    return (sparse.vstack([p[0] for p in parts]).tocsr(), sparse.vstack([p[1] for p in parts]).tocsr())


def reference_predict(uni_train, y_train, uni_test) -> np.ndarray:
    """TF-IDF unigrams (raw tf, smooth idf from the training rows, l2) + LogisticRegression()."""
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    keep = np.flatnonzero(np.asarray((uni_train > 0).sum(axis=0)).ravel() > 0)  # the training vocabulary
    tf = TfidfTransformer().fit(uni_train[:, keep])
    clf = LogisticRegression(max_iter=1000).fit(tf.transform(uni_train[:, keep]), y_train)
    return clf.predict(tf.transform(uni_test[:, keep]))


def words_model() -> LeaningTextClassifier:
    return LeaningTextClassifier(alpha=1e-5, min_df=2, min_groups=10, ngram_range=(1, 2))


# ---------------------------------------------------------------- interpretable features


def _features_chunk(job) -> pd.DataFrame:
    articles, outlets = job
    warnings.simplefilter("ignore")
    from biaskit.extract.sourcing_table import corpus_wordlists
    from biaskit.features import extract_features

    # the sourcing extractor reads the corpus's outlet names as media names: every chunk gets the
    # names of the whole subset, so that the features do not depend on the chunking
    wordlists = corpus_wordlists(None, pd.DataFrame({"outlet": outlets}))
    return extract_features(articles, wordlists=wordlists)


def feature_subset(pool: pd.DataFrame, per_outlet: int, seed: int = 0) -> np.ndarray:
    """Positions (in file order) of at most ``per_outlet`` seeded rows of each outlet."""
    rng = np.random.default_rng(seed)
    picks = [np.sort(rng.permutation(ix)[:per_outlet]) for ix in pool.groupby("outlet", sort=False).indices.values()]
    return np.sort(np.concatenate(picks))


def measure_features(rows: pd.DataFrame, jobs: int, cache: str | None) -> pd.DataFrame:
    ids = rows["id"].astype(str).tolist()
    if cache and Path(cache).exists():
        cached = pd.read_pickle(cache)
        if cached["id"].astype(str).tolist() == ids:
            return cached
    from biaskit.io import read_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # read (and clean) the whole subset at once, so the result does not depend on --jobs
        articles = read_articles(rows.assign(id=ids)[["id", "outlet", "title", "text"]].reset_index(drop=True))
    outlets = sorted(articles["outlet"].dropna().astype(str).unique())
    chunks = [(articles.iloc[c], outlets) for c in np.array_split(np.arange(len(articles)), 8) if len(c)]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            parts = list(ex.map(_features_chunk, chunks))
    else:
        parts = [_features_chunk(c) for c in chunks]
    feats = pd.concat(parts, ignore_index=True)
    feats = feats[sorted(feats.columns, key=lambda c: ("." in c, c))]  # one column order, however chunked
    if cache:
        feats.to_pickle(cache)
    return feats


def features_model(X, y):
    """The library's default interpretable classifier (class-balanced logistic regression)."""
    from biaskit.models import outlet_classifier

    return outlet_classifier(features=True).fit(X, y)


def aligned_proba(model, X) -> np.ndarray:
    """Class probabilities in the order of sorted(LABELS), zeros for a class absent from training."""
    proba = model.predict_proba(X)
    out = np.zeros((proba.shape[0], len(LABELS)))
    order = sorted(LABELS)
    for k, c in enumerate(model.classes_):
        out[:, order.index(str(c))] = proba[:, k]
    return out


# ---------------------------------------------------------------- main


def cross_validate(name, folds, y, fit_predict) -> dict:
    per_fold, t = [], time.perf_counter()
    for train, test in folds:
        per_fold.append(scores(y[test], fit_predict(train, test)))
    f1 = [s["macro_f1"] for s in per_fold]
    acc = [s["accuracy"] for s in per_fold]
    return {"model": name, "macro_f1_mean": float(np.mean(f1)), "macro_f1_folds": f1,
            "accuracy_mean": float(np.mean(acc)), "accuracy_folds": acc, "seconds": time.perf_counter() - t}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--data", default=str(DATA), help="the folder's JSONL file (default: the shared subset)")
    ap.add_argument("--train", help="training JSONL (used whole except its outlet_in_test rows)")
    ap.add_argument("--test", help="test JSONL (scored whole)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--folds", type=int, default=5, help="GroupKFold splits (default 5)")
    ap.add_argument("--feature-per-outlet", type=int, default=50,
                    help="interpretable features on at most N articles per outlet (default 50; 0 skips)")
    ap.add_argument("--features-cache", help="pickle file keeping the measured features between runs")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes (default 2)")
    ap.add_argument("--no-reference", action="store_true", help="skip the TF-IDF unigram reference model")
    ap.add_argument("--cv-pool", choices=("all", "strict"), default="all",
                    help="cross-validation pool without --train: 'all' (default, the issue's protocol) is every "
                         "media-split train + valid row; 'strict' leaves out the outlet_in_test rows too")
    args = ap.parse_args(argv)
    if (args.train is None or args.test is None) and not Path(args.data).exists():
        print(f"data not found: {args.data} (pass --train and --test)", file=sys.stderr)
        return 2
    say = (lambda msg: None) if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))
    t0 = time.perf_counter()
    try:
        pool, is_train, test, desc = load(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    train = pool[is_train]
    say(f"train {len(train)} rows / {train.outlet.nunique()} outlets; test {len(test)} rows / "
        f"{test.outlet.nunique()} outlets; cv pool {len(pool)} rows / {pool.outlet.nunique()} outlets")
    out: dict = {"data": desc, "n_train": len(train), "n_test": len(test), "n_cv_pool": len(pool),
                 "n_train_outlets": int(train.outlet.nunique()), "n_test_outlets": int(test.outlet.nunique()),
                 "n_cv_outlets": int(pool.outlet.nunique()), "folds": args.folds}

    # hashed counts, once per text (stateless, so no information crosses a split)
    say("hashing words ...")
    all_text = pd.concat([pool.text, test.text], ignore_index=True).tolist()
    t = time.perf_counter()
    uni, big = hash_texts(all_text, args.jobs)
    out["hash_seconds"] = time.perf_counter() - t
    n_pool = len(pool)
    H_pool, H_test = big[:n_pool], big[n_pool:]
    U_pool, U_test = uni[:n_pool], uni[n_pool:]
    H_train, U_train = H_pool[is_train], U_pool[is_train]
    del uni, big
    y_pool, g_pool = pool.label.to_numpy(dtype=object), pool.outlet.to_numpy(dtype=object)
    y_train, g_train = train.label.to_numpy(dtype=object), train.outlet.to_numpy(dtype=object)
    y_test = test.label.to_numpy(dtype=object)

    # 1. the test file
    say("test file ...")
    t = time.perf_counter()
    pred = words_model().fit(H_train, y_train, groups=g_train).predict(H_test)
    out.update(scores(y_test, pred))
    base = scores(y_test, majority(y_train, len(test)))
    out["majority_macro_f1"], out["majority_accuracy"] = base["macro_f1"], base["accuracy"]
    if not args.no_reference:
        ref = scores(y_test, reference_predict(U_train, y_train, U_test))
        out["reference_macro_f1"], out["reference_accuracy"] = ref["macro_f1"], ref["accuracy"]
    out["test_seconds"] = time.perf_counter() - t

    # 2. grouped cross-validation over the pool
    folds = grouped_folds(g_pool, args.folds)
    say("grouped cross-validation ...")
    cv = {"majority": cross_validate("majority class", folds, y_pool,
                                     lambda tr, te: majority(y_pool[tr], len(te)))}
    if not args.no_reference:
        cv["reference"] = cross_validate("TF-IDF unigrams + LR", folds, y_pool,
                                         lambda tr, te: reference_predict(U_pool[tr], y_pool[tr], U_pool[te]))
    cv["words"] = cross_validate("biaskit words", folds, y_pool,
                                 lambda tr, te: words_model().fit(H_pool[tr], y_pool[tr], groups=g_pool[tr])
                                 .predict(H_pool[te]))
    out["grouped_cv_macro_f1_mean"] = cv["words"]["macro_f1_mean"]
    out["grouped_cv_macro_f1_folds"] = cv["words"]["macro_f1_folds"]
    out["grouped_cv_accuracy_mean"] = cv["words"]["accuracy_mean"]
    out["grouped_cv"] = cv

    # 3. interpretable features on a subset, same protocol
    if args.feature_per_outlet > 0:
        pos = feature_subset(pool, args.feature_per_outlet)
        say(f"measuring {len(pos)} articles (at most {args.feature_per_outlet} per outlet) ...")
        t = time.perf_counter()
        feats = measure_features(pool.iloc[pos], args.jobs, args.features_cache)
        measured = time.perf_counter() - t
        ys, gs, Hs = y_pool[pos], g_pool[pos], H_pool[pos]
        sub_folds = grouped_folds(gs, args.folds)

        classes = np.array(sorted(LABELS), dtype=object)  # aligned_proba's column order
        proba: dict[str, list[np.ndarray]] = {"features": [], "words": []}
        fit_seconds = {"features": 0.0, "words": 0.0}
        for tr, te in sub_folds:  # each model fitted once per fold; the combination reuses them
            t = time.perf_counter()
            proba["features"].append(aligned_proba(features_model(feats.iloc[tr], ys[tr]), feats.iloc[te]))
            fit_seconds["features"] += time.perf_counter() - t
            t = time.perf_counter()
            proba["words"].append(aligned_proba(words_model().fit(Hs[tr], ys[tr], groups=gs[tr]), Hs[te]))
            fit_seconds["words"] += time.perf_counter() - t
        fold_of = {id(te): k for k, (_, te) in enumerate(sub_folds)}

        def from_proba(*names):
            return lambda tr, te: classes[sum(proba[n][fold_of[id(te)]] for n in names).argmax(axis=1)]

        sub = {
            "majority": cross_validate("majority class", sub_folds, ys, lambda tr, te: majority(ys[tr], len(te))),
            "features": cross_validate("interpretable features", sub_folds, ys, from_proba("features")),
            "words": cross_validate("biaskit words", sub_folds, ys, from_proba("words")),
            "words_and_features": cross_validate("words + features (mean probability)", sub_folds, ys,
                                                 from_proba("words", "features")),
        }
        for name in ("features", "words"):
            sub[name]["seconds"] = fit_seconds[name]
        sub["words_and_features"]["seconds"] = fit_seconds["features"] + fit_seconds["words"]
        out["features_subset"] = {"n": len(pos), "per_outlet": args.feature_per_outlet,
                                  "n_outlets": int(len(set(gs))), "n_features": int(
                                      sum(1 for c in feats.columns if "." in c
                                          and pd.api.types.is_numeric_dtype(feats[c]))),
                                  "not_measured": int((feats.status != "ok").sum()),
                                  "measure_seconds": measured, "cv": sub}
    out["seconds"] = time.perf_counter() - t0

    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    timing = ", ".join(f"{k} {out[k + '_seconds']:.0f} s" for k in ("hash", "test") if k + "_seconds" in out)
    print(f"\nLeaning of unseen outlets (Article-Bias-Prediction), {out['seconds']:.0f} s ({timing}; "
          "cross-validation times per model below)")
    print(f"test file: {out['n_test']} rows, {out['n_test_outlets']} outlets; trained on {out['n_train']} rows, "
          f"{out['n_train_outlets']} outlets")
    print(f"  {'model':34s} {'macro-F1':>8s} {'accuracy':>8s}")
    print(f"  {'majority class':34s} {out['majority_macro_f1']:8.3f} {out['majority_accuracy']:8.3f}")
    if "reference_macro_f1" in out:
        print(f"  {'TF-IDF unigrams + LR':34s} {out['reference_macro_f1']:8.3f} {out['reference_accuracy']:8.3f}")
    print(f"  {'biaskit words':34s} {out['macro_f1']:8.3f} {out['accuracy']:8.3f}")

    def table(title, results):
        print(f"\n{title}")
        print(f"  {'model':34s} {'macro-F1':>8s} {'folds':>36s} {'accuracy':>8s}")
        base_f1 = results["majority"]["macro_f1_mean"]
        for r in results.values():
            folds_s = " ".join(f"{v:.3f}" for v in r["macro_f1_folds"])
            print(f"  {r['model']:34s} {r['macro_f1_mean']:8.3f} {folds_s:>36s} {r['accuracy_mean']:8.3f}"
                  f"   x{r['macro_f1_mean'] / base_f1:.2f} majority  {r['seconds']:5.0f} s")

    table(f"grouped {args.folds}-fold CV by outlet over {out['n_cv_pool']} rows, {out['n_cv_outlets']} outlets "
          f"({desc['cv_pool']}):", cv)
    if "features_subset" in out:
        fs = out["features_subset"]
        table(f"interpretable features: subset of {fs['n']} rows (<= {fs['per_outlet']} per outlet, "
              f"{fs['n_outlets']} outlets, {fs['n_features']} features, measured in {fs['measure_seconds']:.0f} s), "
              "same protocol:", fs["cv"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
