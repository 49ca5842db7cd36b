"""Models that explain: which measurable choices tell outlets (or leanings) apart.

:func:`outlet_classifier` builds a scikit-learn :class:`~sklearn.pipeline.Pipeline`
over biaskit's interpretable features (the numeric ``family.name`` columns
of :func:`biaskit.extract_features`), optionally with word features from a
text column, ending in any classifier (default: a class-balanced logistic
regression). :func:`evaluate_outlet_model` cross-validates it with folds
grouped by story (or by outlet, to predict the leaning of outlets never seen
in training) and returns the confusion matrix, per-class scores and the
features that distinguish each class, with their spread over the folds.

Why grouped folds: articles of one story share words, and articles of one
outlet share boilerplate. If the same story (or outlet) is on both sides of
a split, a model can score well by recognising the story (or the outlet's
page furniture) instead of learning what the outlets do differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin

from biaskit.errors import InputError, column_list

__all__ = [
    "LeaningTextClassifier",
    "OutletModelReport",
    "balanced_weights",
    "evaluate_outlet_model",
    "grouped_folds",
    "interpretable_columns",
    "outlet_classifier",
    "word_tokens",
]


def word_tokens(text: str) -> list[str]:
    """Lower-cased words of a text by :data:`biaskit.parse.WORD_RE` (the word features' tokenizer).

    Examples
    --------
    >>> word_tokens("The U.S. said it won't.")
    ['the', 'u.s.', 'said', 'it', "won't"]
    """
    from biaskit.parse import WORD_RE

    return [w.lower() for w in WORD_RE.findall(text)]


def interpretable_columns(X: pd.DataFrame) -> list[str]:
    """The numeric ``family.name`` feature columns of a frame (used as a column selector).

    Examples
    --------
    >>> interpretable_columns(pd.DataFrame({"id": ["a"], "sourcing.n": [1.0], "sourcing.kind": ["x"]}))
    ['sourcing.n']
    """
    from biaskit.compare import feature_columns

    cols = [c for c in feature_columns(X) if "." in str(c)]
    return cols


def outlet_classifier(*, features: bool | list[str] = True, text: str | None = None, estimator: Any = None,
                      word_options: dict | None = None):
    """A Pipeline: interpretable features (and optionally words) -> classifier.

    Parameters
    ----------
    features : bool or list of str, default True
        Use the interpretable feature columns: all numeric ``family.name``
        columns found at fit time (True), the listed columns, or none (False).
        Missing values (unmeasured articles) are imputed with the training
        median, then every feature is standardised, so linear coefficients
        are in log-odds per standard deviation and comparable.
    text : str, optional
        Column holding the article text; adds TF-IDF word features (words by
        :data:`biaskit.parse.WORD_RE`, lower-cased, sub-linear tf, terms in at
        least 2 articles). Word features predict better but explain less.
    estimator : scikit-learn classifier, optional
        The final step (default: ``LogisticRegression(class_weight="balanced",
        max_iter=2000)``). Any classifier works; linear ones (with ``coef_``)
        give per-class coefficients, the others permutation importance.
    word_options : dict, optional
        Extra keyword arguments for the :class:`TfidfVectorizer`.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``"columns"`` (a ColumnTransformer with parts ``"features"`` and
        ``"words"``) and ``"model"``. Fit it on a frame with the feature
        columns (and the text column) and the target labels.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> X = pd.DataFrame({"sourcing.rate": np.r_[rng.normal(0, 1, 30), rng.normal(3, 1, 30)],
    ...                   "readability.grade": rng.normal(10, 2, 60)})
    >>> y = ["A"] * 30 + ["B"] * 30
    >>> model = outlet_classifier().fit(X, y)
    >>> float(model.score(X, y)) > 0.9
    True
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    parts = []
    if features is not False:
        selector = interpretable_columns if features is True else list(features)
        numeric = Pipeline([("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
                            ("scale", StandardScaler())])
        parts.append(("features", numeric, selector))
    if text is not None:
        opts = {"tokenizer": word_tokens, "token_pattern": None, "lowercase": False, "sublinear_tf": True,
                "min_df": 2}
        opts.update(word_options or {})
        parts.append(("words", TfidfVectorizer(**opts), text))
    if not parts:
        raise InputError("the classifier needs features=True (or a list of columns) or a text column")
    columns = ColumnTransformer(parts, remainder="drop", sparse_threshold=0.3 if text is not None else 0.0)
    if estimator is None:
        estimator = LogisticRegression(class_weight="balanced", max_iter=2000)
    return Pipeline([("columns", columns), ("model", estimator)])


def balanced_weights(groups: Any, y: Any) -> np.ndarray:
    """Sample weights giving every group the same total weight, then every class.

    For predicting the leaning of unseen outlets: without them, a few large
    outlets (a thousand articles each) dominate the fit, and the model learns
    their house style rather than what their leaning has in common with other
    outlets. Each article gets ``1 / (articles of its outlet)``; the weights are
    then rescaled so that each class has the same total and the mean weight is 1.

    Examples
    --------
    >>> balanced_weights(["a", "a", "a", "b", "c"], ["L", "L", "L", "L", "R"]).round(3).tolist()
    [0.417, 0.417, 0.417, 1.25, 2.5]
    """
    g = pd.Series(np.asarray(groups, dtype=object)).astype(str)
    labels = pd.Series(np.asarray(y, dtype=object)).astype(str)
    if len(g) != len(labels):
        raise InputError(f"{len(g)} groups for {len(labels)} labels")
    w = 1.0 / g.map(g.value_counts()).to_numpy(dtype=float)
    per_class = pd.Series(w).groupby(labels.to_numpy()).transform("sum").to_numpy()
    w = w / per_class
    return w * len(w) / w.sum()


class LeaningTextClassifier(ClassifierMixin, BaseEstimator):
    """A word model for the leaning of unseen outlets (``benchmarks/bench_leaning.py``).

    Words by :data:`biaskit.parse.WORD_RE` (lower-cased unigrams and bigrams)
    are hashed (``HashingVectorizer``: stateless, so nothing is learnt from
    the rows it is applied to), then weighted by sub-linear TF-IDF with the
    idf and the vocabulary taken from the training rows only, and classified
    by a linear model trained by SGD with logistic loss. Two choices target
    unseen outlets:

    - **shared vocabulary**: a term is kept only if at least ``min_groups``
      different outlets used it in the training rows. Terms of one or a few
      outlets (bylines, house phrases, page furniture) identify the outlet,
      not its leaning, and do not transfer to outlets never seen;
    - **balanced weights** (:func:`balanced_weights`): every outlet, then every
      class, has the same total weight, so a few outlets with a thousand
      articles each do not dominate the fit.

    ``fit(X, y, groups=outlets)``: ``X`` is a list of texts or a count matrix
    already hashed with :meth:`hash` (to hash a corpus once and fit many
    folds). Without ``groups`` neither choice applies (classes are still
    balanced). It predicts well and explains little: use
    :func:`outlet_classifier` to see which measures differ.

    Examples
    --------
    >>> texts = ["tax cuts for job creators", "tax cuts for the rich", "the court ruled today"] * 4
    >>> clf = LeaningTextClassifier(min_groups=2, min_df=1).fit(
    ...     texts, ["right", "left", "center"] * 4, groups=list("abcdefghijkl"))
    >>> clf.predict(["job creators want tax cuts"]).tolist()
    ['right']
    """

    def __init__(self, *, alpha: float = 1e-5, min_df: int = 2, min_groups: int = 10,
                 ngram_range: tuple[int, int] = (1, 2), n_features: int = 2**21, max_iter: int = 30,
                 random_state: int = 0):
        self.alpha = alpha
        self.min_df = min_df
        self.min_groups = min_groups
        self.ngram_range = ngram_range
        self.n_features = n_features
        self.max_iter = max_iter
        self.random_state = random_state

    def hash(self, texts: Any):
        """Hashed word counts of texts (a sparse matrix; stateless)."""
        from sklearn.feature_extraction.text import HashingVectorizer

        hv = HashingVectorizer(tokenizer=word_tokens, token_pattern=None, lowercase=False,
                               ngram_range=tuple(self.ngram_range), n_features=self.n_features,
                               alternate_sign=False, norm=None, dtype=np.float32)
        return hv.transform(["" if t is None or (isinstance(t, float) and t != t) else str(t) for t in texts])

    def _counts(self, X):
        from scipy import sparse

        return X.tocsr() if sparse.issparse(X) else self.hash(X)

    def _weigh(self, counts):
        from sklearn.preprocessing import normalize

        a = counts[:, self.vocabulary_].astype(np.float32)
        a.data = 1.0 + np.log(a.data)
        return normalize(a.multiply(self.idf_).tocsr())

    def fit(self, X, y, groups: Any = None) -> LeaningTextClassifier:
        from scipy import sparse
        from sklearn.linear_model import SGDClassifier

        counts = self._counts(X)
        y = np.asarray(y, dtype=object).astype(str)
        n = counts.shape[0]
        present = (counts > 0).astype(np.float32)
        df = np.asarray(present.sum(axis=0)).ravel()
        keep = df >= self.min_df
        if groups is not None:
            codes, uniq = pd.factorize(pd.Series(np.asarray(groups, dtype=object)).astype(str))
            member = sparse.csr_matrix((np.ones(n, np.float32), (codes, np.arange(n))), shape=(len(uniq), n))
            n_groups = np.asarray(((member @ present) > 0).sum(axis=0)).ravel()
            keep &= n_groups >= self.min_groups
            weights = balanced_weights(groups, y)
        else:
            weights = balanced_weights(np.arange(n), y)
        self.vocabulary_ = np.flatnonzero(keep)
        if len(self.vocabulary_) == 0:
            raise InputError("no term passes min_df and min_groups in the training rows; lower them")
        self.idf_ = (np.log((1 + n) / (1 + df[self.vocabulary_])) + 1).astype(np.float32)
        self.model_ = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=self.max_iter, tol=None,
                                    random_state=self.random_state)
        self.model_.fit(self._weigh(counts), y, sample_weight=weights)
        self.classes_ = self.model_.classes_
        return self

    def predict(self, X) -> np.ndarray:
        return self.model_.predict(self._weigh(self._counts(X)))

    def predict_proba(self, X) -> np.ndarray:
        return self.model_.predict_proba(self._weigh(self._counts(X)))


def grouped_folds(groups: Any, n_splits: int = 5) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test positions of ``GroupKFold`` folds: no group is on both sides.

    Raises an error when there are fewer groups than folds; checks the
    property it promises.

    Examples
    --------
    >>> stories = ["s1", "s1", "s2", "s3", "s3", "s4"]
    >>> [[stories[i] for i in test] for _, test in grouped_folds(stories, n_splits=2)]
    [['s3', 's3', 's4'], ['s1', 's1', 's2']]
    """
    from sklearn.model_selection import GroupKFold

    g = np.asarray(pd.Series(groups).astype("string").fillna("\x00missing").to_numpy(dtype=object))
    n_groups = len(pd.unique(g))
    if n_groups < n_splits:
        raise InputError(f"{n_groups} groups cannot fill {n_splits} folds; lower n_splits or use more groups")
    folds = []
    for train, test in GroupKFold(n_splits=n_splits).split(np.zeros(len(g)), groups=g):
        if set(g[train]) & set(g[test]):  # pragma: no cover - GroupKFold guarantees it
            raise RuntimeError("a group is on both sides of a fold")
        folds.append((train, test))
    return folds


@dataclass(frozen=True)
class OutletModelReport:
    """What :func:`evaluate_outlet_model` found.

    Attributes
    ----------
    scores : DataFrame
        One row per fold: ``fold, n_train, n_test, groups_train, groups_test,
        accuracy, macro_f1`` (and the majority-class baseline of the fold).
    confusion : DataFrame
        True class (rows) by predicted class (columns), out-of-fold counts.
    per_class : DataFrame
        ``class, precision, recall, f1, support`` over all out-of-fold
        predictions.
    importance : DataFrame
        Tidy: ``method, class, feature, mean, std, min, max, n_folds,
        sign_consistent``. ``method`` is ``coefficient`` (standardised
        linear coefficients: log-odds of the class per standard deviation of
        the feature; one row per class and feature) or ``permutation`` (drop
        in macro-F1 on the held-out fold when the column is shuffled; class
        ``"(all)"``). The spread is over the folds' models; folds share most
        of their training rows, so it understates sampling uncertainty.
    predictions : Series
        Out-of-fold predicted class per input row.
    folds : list of (train, test) position arrays
        The splits used, for auditing.
    """

    scores: pd.DataFrame
    confusion: pd.DataFrame
    per_class: pd.DataFrame
    importance: pd.DataFrame
    predictions: pd.Series
    folds: list = field(repr=False)

    @property
    def macro_f1(self) -> float:
        """Mean macro-F1 over the folds."""
        return float(self.scores["macro_f1"].mean())

    @property
    def accuracy(self) -> float:
        """Mean accuracy over the folds."""
        return float(self.scores["accuracy"].mean())


def _feature_names(model) -> list[str]:
    try:
        return [str(n) for n in model.named_steps["columns"].get_feature_names_out()]
    except (AttributeError, ValueError, TypeError):  # pragma: no cover - exotic transformers
        n = model.named_steps["model"].n_features_in_
        return [f"x{i}" for i in range(n)]


def _coefficients(model) -> pd.DataFrame | None:
    est = model.named_steps["model"]
    coef = getattr(est, "coef_", None)
    if coef is None:
        return None
    coef = np.asarray(coef.toarray() if hasattr(coef, "toarray") else coef, dtype=float)
    classes = [str(c) for c in est.classes_]
    names = _feature_names(model)
    if coef.shape[0] == 1 and len(classes) == 2:  # binary: one row for the second class
        coef = np.vstack([-coef[0], coef[0]])
    rows = []
    for k, cls in enumerate(classes):
        rows.append(pd.DataFrame({"class": cls, "feature": names, "value": coef[k]}))
    return pd.concat(rows, ignore_index=True)


def _summarise(values: pd.DataFrame, method: str) -> pd.DataFrame:
    g = values.groupby(["class", "feature"], sort=False)["value"]
    out = pd.DataFrame({
        "mean": g.mean(), "std": g.std(ddof=1), "min": g.min(), "max": g.max(), "n_folds": g.size(),
    }).reset_index()
    out["sign_consistent"] = (out["min"] > 0) | (out["max"] < 0)
    out.insert(0, "method", method)
    order = out["mean"].abs().sort_values(ascending=False, kind="mergesort").index
    return out.loc[order].sort_values("class", kind="mergesort").reset_index(drop=True)


def evaluate_outlet_model(data: pd.DataFrame, target: str = "outlet", *, groups: str = "story",
                          model: Any = None, text: str | None = None, features: bool | list[str] = True,
                          n_splits: int = 5, importance: str = "auto", n_repeats: int = 5,
                          seed: int = 0) -> OutletModelReport:
    """Cross-validate an outlet (or leaning) classifier with grouped folds.

    Parameters
    ----------
    data : DataFrame
        One row per article: the feature table (plus a text column when
        ``text`` is given), the ``target`` column and the ``groups`` column.
    target : str, default "outlet"
        What to predict: ``"outlet"``, or a leaning column (e.g. from
        :func:`biaskit.join_outlet_metadata`).
    groups : str, default "story"
        Column whose values never straddle a fold: ``"story"`` (from
        :func:`biaskit.match_stories`) for outlets, ``"outlet"`` to predict
        the leaning of outlets unseen in training. It cannot be the target.
    model : Pipeline or classifier, optional
        Default: :func:`outlet_classifier` with ``features`` and ``text``. A
        bare classifier is wrapped by :func:`outlet_classifier` as its final
        step, so a scholar can swap the estimator and keep the preprocessing.
    n_splits : int, default 5
        Number of folds (``GroupKFold``).
    importance : {"auto", "coefficient", "permutation", "none"}
        How to say which features distinguish the classes ("auto":
        coefficients when the final estimator has ``coef_``).
    n_repeats : int, default 5
        Shuffles per column for permutation importance.
    seed : int, default 0
        Seed for permutation importance.

    Returns
    -------
    OutletModelReport

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> n = 120
    >>> data = pd.DataFrame({"outlet": np.repeat(["A", "B", "C"], n // 3),
    ...                      "story": np.tile(np.arange(20), 6),
    ...                      "sourcing.anonymous_share": rng.normal(0, 1, n),
    ...                      "vocabulary.loaded_rate": rng.normal(0, 1, n)})
    >>> data.loc[data.outlet == "C", "sourcing.anonymous_share"] += 3
    >>> rep = evaluate_outlet_model(data)
    >>> rep.confusion.shape, rep.per_class.set_index("class").loc["C", "recall"] > 0.8
    ((3, 3), np.True_)
    >>> top = rep.importance.query("`class` == 'C'").iloc[0]
    >>> top.feature, bool(top.sign_consistent)
    ('features__sourcing.anonymous_share', True)
    """
    from sklearn.base import clone, is_classifier
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    if not isinstance(data, pd.DataFrame):
        raise InputError(f"expected a DataFrame, got {type(data).__name__}")
    for col, what in ((target, "target"), (groups, "groups")):
        if col not in data.columns:
            raise InputError(f"no {what} column {col!r}; columns found: {column_list(data.columns)}")
    if groups == target:
        raise InputError(
            f"groups={groups!r} equals the target: every test fold would hold only classes the model never "
            "saw. Group by story to predict outlets, or predict a leaning column grouped by outlet"
        )
    if text is not None and text not in data.columns:
        raise InputError(f"no text column {text!r}; columns found: {column_list(data.columns)}")
    y_all = data[target]
    if y_all.isna().any():
        rows = np.flatnonzero(y_all.isna().to_numpy())
        raise InputError(f"{len(rows)} row(s) have no {target!r} label (first rows: {rows[:10].tolist()}); "
                         "drop or fill them first")
    if importance not in ("auto", "coefficient", "permutation", "none"):
        raise InputError(f"importance must be auto, coefficient, permutation or none, got {importance!r}")
    if model is None:
        model = outlet_classifier(features=features, text=text)
    elif is_classifier(model) and not hasattr(model, "named_steps"):
        model = outlet_classifier(features=features, text=text, estimator=model)
    y = y_all.astype(str).to_numpy()
    g = data[groups].astype("string").fillna("\x00missing").to_numpy(dtype=object)
    folds = grouped_folds(g, n_splits=n_splits)
    classes = sorted(set(y))
    X = data.reset_index(drop=True)
    pred = np.empty(len(X), dtype=object)
    fold_rows, coef_parts, perm_parts = [], [], []
    for k, (train, test) in enumerate(folds):
        if len(set(y[train])) < 2:
            raise InputError(f"fold {k}: the training rows hold one class only ({y[train][0]!r}); "
                             f"use fewer folds or more {groups!r} groups per class")
        fitted = clone(model).fit(X.iloc[train], y[train])
        p = np.asarray(fitted.predict(X.iloc[test]), dtype=object).astype(str)
        pred[test] = p
        majority = pd.Series(y[train]).value_counts().index[0]
        fold_rows.append({
            "fold": k, "n_train": len(train), "n_test": len(test),
            "groups_train": len(set(g[train])), "groups_test": len(set(g[test])),
            "accuracy": accuracy_score(y[test], p),
            "macro_f1": f1_score(y[test], p, average="macro", labels=sorted(set(y[test]) | set(p)),
                                 zero_division=0),
            "majority_macro_f1": f1_score(y[test], np.full(len(test), majority), average="macro",
                                          labels=sorted(set(y[test]) | {majority}), zero_division=0),
        })
        method = importance
        if method == "auto":
            method = "coefficient" if hasattr(fitted.named_steps["model"], "coef_") else "permutation"
        if method == "coefficient":
            c = _coefficients(fitted)
            if c is None:
                raise InputError("importance='coefficient' needs a final estimator with coef_; "
                                 "use importance='permutation'")
            coef_parts.append(c)
        elif method == "permutation":
            from sklearn.inspection import permutation_importance

            cols = list(dict.fromkeys(
                (interpretable_columns(X) if features is True else list(features or []))
                + ([text] if text else [])))
            res = permutation_importance(fitted, X.iloc[test][cols], y[test], scoring="f1_macro",
                                         n_repeats=n_repeats, random_state=seed + k)
            perm_parts.append(pd.DataFrame({"class": "(all)", "feature": cols, "value": res.importances_mean}))
    scores = pd.DataFrame(fold_rows)
    cm = confusion_matrix(y, pred.astype(str), labels=classes)
    confusion = pd.DataFrame(cm, index=pd.Index(classes, name="true"), columns=pd.Index(classes, name="predicted"))
    prec, rec, f1, support = precision_recall_fscore_support(y, pred.astype(str), labels=classes, zero_division=0)
    per_class = pd.DataFrame({"class": classes, "precision": prec, "recall": rec, "f1": f1, "support": support})
    if coef_parts:
        imp = _summarise(pd.concat(coef_parts, ignore_index=True), "coefficient")
    elif perm_parts:
        imp = _summarise(pd.concat(perm_parts, ignore_index=True), "permutation")
    else:
        imp = pd.DataFrame(columns=["method", "class", "feature", "mean", "std", "min", "max", "n_folds",
                                    "sign_consistent"])
    return OutletModelReport(scores=scores, confusion=confusion, per_class=per_class, importance=imp,
                             predictions=pd.Series(pred, index=data.index, name="predicted"), folds=folds)


