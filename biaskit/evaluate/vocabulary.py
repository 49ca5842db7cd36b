"""Scoring the loaded-vocabulary lexicons against expert annotations.

The gold standard is a table of sentences (BABE's format: ``text``,
``label_bias`` "Biased" / "Non-biased", ``biased_words`` a JSON list of the
words annotators marked, ``fold``). Two questions are asked of it.

Word level
    Does the lexicon mark the words that experts marked? For each sentence,
    the set of lower-cased word tokens (``\\w+``) inside lexicon hits is
    compared with the set of lower-cased word tokens of the annotators'
    ``biased_words``; true positives, predictions and gold words are summed
    over *all* sentences of the file (biased and non-biased alike) before
    precision, recall and F1 are computed (micro average). Each category's
    precision and its share of the true positives say which kinds of word
    choice the experts agree with.

Sentence level
    Can biaskit's features tell the sentences labelled "Biased" from the
    "Non-biased" ones (other labels are skipped)? Each sentence is measured as
    a one-sentence article. Two scikit-learn pipelines are scored:

    ``interpretable``
        biaskit's interpretable features alone -- vocabulary rates by
        category and voice, VADER sentiment, readability -- standardised, into
        a class-balanced logistic regression. Every coefficient can be read.
    ``ngrams``
        the same features (down-weighted) plus word 1-2-grams, character
        2-5-grams within words, and the bag of lexicon entries hit, each
        TF-IDF weighted (sublinear), into a class-balanced linear SVM.

    Scores are cross-validated over the ``fold`` column (each fold predicted
    by a model trained on the others) or, with ``test``, the pipelines are
    trained on the gold file and scored on the test file: F1 of the biased
    class and macro-F1.

Only run-time use is made of the gold data: nothing learned from it is
stored in the package (BABE is AGPL-licensed).

How the settings were chosen
    The pipeline settings below (feature weights, ``C``) were chosen once by
    4-fold cross-validation over folds 0-3 of BABE SG2 among a handful of
    values, and are fixed here; the n-gram analysers are stateless (hashing),
    and every weight that depends on data (IDF, scaling, the classifier) is
    fitted inside each training fold.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from biaskit.errors import InputError, column_list

__all__ = [
    "evaluate_vocabulary",
    "read_gold",
    "sentence_pipelines",
    "word_level",
]

_W = re.compile(r"\w+")
BIASED, NON_BIASED = "Biased", "Non-biased"

# fixed settings of the sentence pipelines (see the module docstring)
_NUMERIC_WEIGHT = 0.03
_LEXICON_WEIGHT = 0.5
_SVM_C = 0.1
_LOGREG_C = 1.0
_HASH_FEATURES = 2**20
_CLIP = 5.0


# --------------------------------------------------------------------------
# Reading the gold file
# --------------------------------------------------------------------------


def read_gold(path: str | os.PathLike):
    """Read a gold file of labelled sentences (CSV, TSV, JSON Lines, Parquet).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    DataFrame
        With a ``text`` column, and ``label_bias``, ``biased_words`` (parsed
        into lists of str) and ``fold`` where the file has them.

    Raises
    ------
    InputError
        No ``text`` column, none of ``label_bias``/``biased_words``, or a
        ``biased_words`` cell that is not a JSON list (file, row and id named).
    """
    from biaskit.io import read_table

    path = Path(path)
    df = read_table(path, dates=())
    cols = list(df.columns)
    if "text" not in df.columns:
        raise InputError(f"{path}: no 'text' column; columns found: {column_list(cols)}")
    if "label_bias" not in df.columns and "biased_words" not in df.columns:
        raise InputError(
            f"{path}: needs a 'label_bias' column (Biased / Non-biased) or a 'biased_words' column "
            f"(a JSON list of words); columns found: {column_list(cols)}"
        )
    df = df.reset_index(drop=True)
    df["text"] = ["" if _missing(t) else str(t) for t in df["text"]]
    if "biased_words" in df.columns:
        parsed = []
        for i, v in enumerate(df["biased_words"]):
            parsed.append(_parse_words(v, path, i, df))
        df["biased_words"] = parsed
    if "fold" in df.columns:
        df["fold"] = [None if _missing(v) else str(v).strip() for v in df["fold"]]
    return df


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _parse_words(v: Any, path: Path, i: int, df) -> list[str]:
    if _missing(v) or (isinstance(v, str) and not v.strip()):
        return []
    if isinstance(v, (list, tuple, np.ndarray)):
        return [str(x) for x in v]
    try:
        value = json.loads(v)
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, list):
        rid = df["id"].iloc[i] if "id" in df.columns else i
        raise InputError(
            f"{path}: row {i + 1} (id {rid}), column 'biased_words': expected a JSON list of words "
            f'such as ["slammed", "radical"], got {str(v)[:60]!r}'
        )
    return [str(x) for x in value]


# --------------------------------------------------------------------------
# Word level
# --------------------------------------------------------------------------


def _words(s: str) -> set[str]:
    return {w.lower() for w in _W.findall(s)}


def word_level(docs: Sequence, gold_words: Sequence[Iterable[str]], lexicon) -> dict[str, Any]:
    """Micro-averaged word-level precision, recall and F1 of one lexicon.

    Parameters
    ----------
    docs : sequence of Doc
        One parsed sentence (or text) per gold row.
    gold_words : sequence of iterables of str
        The annotators' words for each row.
    lexicon : Lexicon

    Returns
    -------
    dict
        ``word_precision``, ``word_recall``, ``word_f1``, the counts
        ``word_true_positives``, ``word_predicted``, ``word_gold``, and
        ``categories``: for each category its ``precision``, ``tp_share``
        (share of all true positives that this category's hits cover),
        ``predicted`` and ``true_positives``.

    Examples
    --------
    >>> from biaskit.parse import parse
    >>> from biaskit.lexicons import default_lexicon
    >>> r = word_level([parse("Critics slammed the radical plan.")], [["slammed"]], default_lexicon())
    >>> r["word_precision"], r["word_recall"]
    (0.5, 1.0)
    """
    tp = pred_n = gold_n = 0
    cat_tp: Counter = Counter()
    cat_pred: Counter = Counter()
    for doc, gw in zip(docs, gold_words, strict=True):
        gold = set()
        for w in gw:
            gold |= _words(w)
        pred: set[str] = set()
        per_cat: dict[str, set[str]] = defaultdict(set)
        for _, i, j, entries in lexicon.matcher.find(doc):
            ws = _words(doc.string[doc.tokens[i][0]:doc.tokens[j - 1][1]])
            pred |= ws
            for e in entries:
                per_cat[e.category] |= ws
        tp += len(pred & gold)
        pred_n += len(pred)
        gold_n += len(gold)
        for c, ws in per_cat.items():
            cat_tp[c] += len(ws & gold)
            cat_pred[c] += len(ws)
    p = tp / pred_n if pred_n else math.nan
    r = tp / gold_n if gold_n else math.nan
    f = 2 * p * r / (p + r) if pred_n and gold_n and (p + r) else (0.0 if pred_n and gold_n else math.nan)
    cats = {}
    for c in lexicon.categories:
        cats[c] = {
            "precision": cat_tp[c] / cat_pred[c] if cat_pred[c] else math.nan,
            "tp_share": cat_tp[c] / tp if tp else math.nan,
            "predicted": cat_pred[c],
            "true_positives": cat_tp[c],
        }
    return {"word_precision": p, "word_recall": r, "word_f1": f, "word_true_positives": tp,
            "word_predicted": pred_n, "word_gold": gold_n, "categories": cats}


# --------------------------------------------------------------------------
# Sentence level: features and pipelines
# --------------------------------------------------------------------------


def _to_dense(X):
    return X.toarray() if hasattr(X, "toarray") else np.asarray(X)


def _clip(X):
    return np.clip(X, -_CLIP, _CLIP)


def _numeric_block():
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    return Pipeline([
        ("dense", FunctionTransformer(_to_dense, accept_sparse=True)),
        ("scale", StandardScaler()),
        ("clip", FunctionTransformer(_clip)),
    ])


class _Block:
    """Selects a block of columns (``start:stop``) of the input matrix.

    A stateless scikit-learn transformer; the pipelines join blocks with a
    ``FeatureUnion`` (a ``ColumnTransformer`` spends seconds listing the
    "remaining" columns of a two-million-column hashed matrix).
    """

    def __init__(self, start: int = 0, stop: int | None = None):
        self.start = start
        self.stop = stop

    def get_params(self, deep: bool = True) -> dict:
        return {"start": self.start, "stop": self.stop}

    def set_params(self, **params):
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return X[:, self.start:self.stop]

    def fit_transform(self, X, y=None):
        return self.transform(X)


def sentence_pipelines(blocks: Mapping[str, slice]) -> dict[str, Any]:
    """The two sentence-level pipelines, over a matrix of feature blocks.

    Parameters
    ----------
    blocks : mapping of str to slice
        The columns of the input matrix holding each block: ``numeric``
        (biaskit's interpretable features), ``lexicon`` (hashed counts of the
        lexicon entries and categories hit), ``word`` (hashed word 1-2-gram
        counts) and ``char`` (hashed character 2-5-gram counts).

    Returns
    -------
    dict of str to sklearn.pipeline.Pipeline
        ``interpretable`` and ``ngrams`` (see the module docstring).

    Examples
    --------
    >>> p = sentence_pipelines({"numeric": slice(0, 3), "lexicon": slice(3, 5),
    ...                         "word": slice(5, 9), "char": slice(9, 12)})
    >>> sorted(p)
    ['interpretable', 'ngrams']
    """
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    def block(name, then):
        sl = blocks[name]
        return Pipeline([("columns", _Block(sl.start, sl.stop)), *then])

    def tfidf():
        return [("tfidf", TfidfTransformer(sublinear_tf=True))]

    interpretable = Pipeline([
        ("features", block("numeric", _numeric_block().steps)),
        ("model", LogisticRegression(C=_LOGREG_C, class_weight="balanced", solver="newton-cholesky", max_iter=500)),
    ])
    ngrams = Pipeline([
        ("features", FeatureUnion(
            [
                ("numeric", block("numeric", _numeric_block().steps)),
                ("lexicon", block("lexicon", tfidf())),
                ("word", block("word", tfidf())),
                ("char", block("char", tfidf())),
            ],
            transformer_weights={"numeric": _NUMERIC_WEIGHT, "lexicon": _LEXICON_WEIGHT, "word": 1.0, "char": 1.0},
        )),
        ("model", LinearSVC(C=_SVM_C, class_weight="balanced", max_iter=20000, random_state=0)),
    ])
    return {"interpretable": interpretable, "ngrams": ngrams}


def _sentence_frame(texts: Sequence[str]):
    import pandas as pd

    n = len(texts)
    return pd.DataFrame({
        "id": [str(i) for i in range(n)],
        "outlet": [None] * n,
        "date": [pd.NaT] * n,
        "title": [None] * n,
        "text": list(texts),
        "body": list(texts),
    })


def _feature_matrix(texts: Sequence[str], docs: Sequence, lexicon):
    """The input matrix of the pipelines and its blocks (stateless transforms only)."""
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import HashingVectorizer

    from biaskit.features import extract_features

    feats = extract_features(_sentence_frame(texts), families=["readability", "sentiment", "vocabulary"],
                             lexicon=lexicon)
    skip = {"id", "outlet", "date", "title", "status"}
    cols = [c for c in feats.columns if c not in skip and feats[c].dtype.kind in "fiub"]
    numeric = feats[cols].to_numpy(dtype=float)
    numeric = np.nan_to_num(numeric, nan=0.0, posinf=0.0, neginf=0.0)
    entries = []
    for doc in docs:
        toks = []
        for _, _, _, es in lexicon.matcher.find(doc):
            for e in es:
                toks.append("entry=" + e.category + ":" + e.term.replace(" ", "_"))
                toks.append("category=" + e.category)
        entries.append(" ".join(toks))
    hv = {"alternate_sign": False, "norm": None, "n_features": _HASH_FEATURES}
    lex = HashingVectorizer(token_pattern=r"\S+", lowercase=False, alternate_sign=False, norm=None,
                            n_features=2**16).transform(entries)
    word = HashingVectorizer(ngram_range=(1, 2), **hv).transform(texts)
    char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **hv).transform(texts)
    X = sp.hstack([sp.csr_matrix(numeric), lex, word, char], format="csr")
    a = numeric.shape[1]
    b = a + lex.shape[1]
    c = b + word.shape[1]
    blocks = {"numeric": slice(0, a), "lexicon": slice(a, b), "word": slice(b, c), "char": slice(c, X.shape[1])}
    statuses = Counter(feats["status"])
    return X, blocks, cols, statuses


def _scores(y_true, y_pred) -> dict[str, float]:
    from sklearn.metrics import f1_score

    return {"biased_f1": float(f1_score(y_true, y_pred, pos_label=1, zero_division=0)),
            "macro_f1": float(f1_score(y_true, y_pred, average="macro", zero_division=0))}


def _labelled(df) -> tuple[np.ndarray, np.ndarray]:
    """Row indices with a Biased / Non-biased label, and the 0/1 target."""
    if "label_bias" not in df.columns:
        return np.array([], dtype=int), np.array([], dtype=int)
    lab = [str(v).strip() if not _missing(v) else "" for v in df["label_bias"]]
    idx = np.array([i for i, v in enumerate(lab) if v in (BIASED, NON_BIASED)], dtype=int)
    y = np.array([1 if lab[i] == BIASED else 0 for i in idx], dtype=int)
    return idx, y


# --------------------------------------------------------------------------
# The evaluation
# --------------------------------------------------------------------------


def _as_lexicon(spec):
    from biaskit.lexicons import Lexicon, load_lexicon

    if isinstance(spec, Lexicon):
        return "lexicon", spec
    return str(spec), load_lexicon(spec, replace=True)


def evaluate_vocabulary(gold: str | os.PathLike, *, lexicons: Sequence = (),
                        test: str | os.PathLike | None = None) -> dict[str, Any]:
    """Score the packaged lexicon (and user lexicons) against labelled sentences.

    Parameters
    ----------
    gold : path
        A CSV (or TSV, JSONL, Parquet) of sentences with ``text``,
        ``label_bias`` and ``biased_words`` (BABE's format) and, without
        ``test``, a ``fold`` column for cross-validation.
    lexicons : sequence of paths or Lexicon
        User lexicons scored at word level, each alone (as
        ``load_lexicon(path, replace=True)``), beside the packaged one.
    test : path, optional
        A second file in the same format: the sentence pipelines are trained
        on ``gold`` and scored on it, and the word level is scored on it.

    Returns
    -------
    dict
        ``word_precision``, ``word_recall``, ``word_f1`` (packaged lexicon;
        counts and ``word_categories`` beside them), ``lexicons`` (the same
        for each user lexicon), ``sentence_biased_f1`` and
        ``sentence_macro_f1`` (of the pipeline with the higher biased-class
        F1, named in ``sentence_pipeline``), ``sentence_biased_f1_interpretable``
        and ``sentence_macro_f1_interpretable``, ``sentence_biased_f1_ngrams``
        and ``sentence_macro_f1_ngrams``, ``per_fold`` scores under
        cross-validation, and the protocol and row counts.

    Raises
    ------
    InputError
        A malformed gold or test file, or no ``fold`` column (nor ``test``)
        for the sentence level.
    """
    from biaskit.features import parse_article
    from biaskit.lexicons import default_lexicon

    gold = Path(gold)
    gdf = read_gold(gold)
    tdf = read_gold(test) if test is not None else None
    packaged = default_lexicon()
    user = [_as_lexicon(s) for s in lexicons]

    # ---- word level (on the scored file) -------------------------------
    wdf = tdf if tdf is not None else gdf
    wfile = Path(test) if test is not None else gold

    def parse_all(df):
        return [parse_article({"text": t, "body": t}) for t in df["text"]]

    gdocs = parse_all(gdf)
    tdocs = parse_all(tdf) if tdf is not None else None
    wdocs = tdocs if tdocs is not None else gdocs
    result: dict[str, Any] = {
        "gold": str(gold),
        "test": str(test) if test is not None else None,
        "word_level_file": str(wfile),
        "sentences": len(wdf),
    }
    if "biased_words" in wdf.columns:
        wl = word_level(wdocs, wdf["biased_words"], packaged)
        cats = wl.pop("categories")
        result.update(wl)
        result["word_categories"] = cats
        result["lexicons"] = {}
        for name, lex in user:
            ul = word_level(wdocs, wdf["biased_words"], lex)
            result["lexicons"][name] = ul
    else:
        for k in ("word_precision", "word_recall", "word_f1"):
            result[k] = None
        result["word_note"] = f"{wfile} has no 'biased_words' column: word level not scored"

    # ---- sentence level --------------------------------------------------
    g_idx, g_y = _labelled(gdf)
    if tdf is not None:
        t_idx, t_y = _labelled(tdf)
        if not len(t_idx):
            raise InputError(f"{test}: no rows labelled {BIASED!r} or {NON_BIASED!r} in 'label_bias'")
    if not len(g_idx):
        raise InputError(f"{gold}: no rows labelled {BIASED!r} or {NON_BIASED!r} in 'label_bias'")
    texts = [gdf["text"][i] for i in g_idx]
    docs = [gdocs[i] for i in g_idx]
    if tdf is not None:
        texts += [tdf["text"][i] for i in t_idx]
        docs += [tdocs[i] for i in t_idx]
    X, blocks, names, statuses = _feature_matrix(texts, docs, packaged)
    result["sentence_features"] = len(names)
    result["sentence_status"] = dict(statuses)
    preds: dict[str, np.ndarray] = {}
    per_fold: dict[str, dict[str, Any]] = {}
    if tdf is None:
        if "fold" not in gdf.columns:
            raise InputError(f"{gold}: no 'fold' column to cross-validate over; add one or give --test FILE")
        folds = np.array([gdf["fold"][i] for i in g_idx], dtype=object)
        if any(f is None for f in folds):
            raise InputError(f"{gold}: some labelled rows have no 'fold' value")
        uniq = sorted(set(folds), key=lambda v: (len(v), v))
        if len(uniq) < 2:
            raise InputError(f"{gold}: cross-validation needs at least two folds, found {uniq}")
        y = g_y
        for name in ("interpretable", "ngrams"):
            preds[name] = np.zeros(len(y), dtype=int)
        for k in uniq:
            te = folds == k
            tr = ~te
            if len(set(y[tr])) < 2:
                raise InputError(f"{gold}: the folds other than {k!r} hold only one class")
            fold_scores = {}
            for name, pipe in sentence_pipelines(blocks).items():
                pipe.fit(X[tr], y[tr])
                preds[name][te] = pipe.predict(X[te])
                fold_scores[name] = _scores(y[te], preds[name][te])
            per_fold[str(k)] = fold_scores
        result["protocol"] = f"cross-validation over the 'fold' column ({column_list(uniq)})"
        y_eval = y
    else:
        n = len(g_idx)
        y_eval = t_y
        if len(set(g_y)) < 2:
            raise InputError(f"{gold}: the labelled rows hold only one class")
        for name, pipe in sentence_pipelines(blocks).items():
            pipe.fit(X[:n], g_y)
            preds[name] = pipe.predict(X[n:])
        result["protocol"] = f"trained on {gold.name}, scored on {Path(test).name}"
    scores = {name: _scores(y_eval, p) for name, p in preds.items()}
    best = max(scores, key=lambda k: scores[k]["biased_f1"])
    result.update({
        "sentence_labelled": int(len(y_eval)),
        "sentence_biased_share": float(np.mean(y_eval)),
        "sentence_pipeline": best,
        "sentence_biased_f1": scores[best]["biased_f1"],
        "sentence_macro_f1": scores[best]["macro_f1"],
        "sentence_biased_f1_interpretable": scores["interpretable"]["biased_f1"],
        "sentence_macro_f1_interpretable": scores["interpretable"]["macro_f1"],
        "sentence_biased_f1_ngrams": scores["ngrams"]["biased_f1"],
        "sentence_macro_f1_ngrams": scores["ngrams"]["macro_f1"],
    })
    if per_fold:
        result["per_fold"] = per_fold
    return result
