"""biaskit's features as a scikit-learn transformer.

:class:`FeatureExtractor` is a thin, stateless wrapper over
:func:`biaskit.extract_features`, for use in scikit-learn pipelines. It lives
in its own module so that importing the rest of biaskit does not import
scikit-learn.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from biaskit.errors import InputError, column_list
from biaskit.features import _PROBE, extract_features, family_features, feature_names

__all__ = ["FeatureExtractor"]

def _to_articles_frame(X: Any, text_column: str) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        if text_column in X.columns:
            frame = X.rename(columns={text_column: "text"}) if text_column != "text" else X
            return frame
        if X.shape[1] == 1:
            return pd.DataFrame({"text": X.iloc[:, 0].astype("string").to_numpy(dtype=object)})
        raise InputError(f"no column {text_column!r} in the input; columns found: {column_list(X.columns)}")
    if isinstance(X, pd.Series):
        return pd.DataFrame({"text": X.to_numpy(dtype=object)})
    if isinstance(X, str):
        raise InputError("expected a list of texts or a DataFrame of articles, got a single string")
    arr = np.asarray(X, dtype=object)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise InputError(f"expected a 1-D list of texts, got an array of shape {arr.shape}")
    return pd.DataFrame({"text": arr})


class FeatureExtractor(TransformerMixin, BaseEstimator):
    """Interpretable article features as a scikit-learn transformer.

    A stateless wrapper over :func:`extract_features`: ``fit`` learns
    nothing but the input's shape, ``transform`` returns the numeric feature
    columns. Rows that cannot be measured (empty or non-English texts) get
    missing values, so put an imputer after this step in a pipeline.

    Each article is measured on its own: ``transform`` equals
    ``extract_features(X, outlets_as_media=False)``, so an article's
    features never depend on which other articles are in the batch (a
    pipeline gives the same row in training, cross-validation and
    prediction). The one difference from ``extract_features``'s default is
    in the sourcing family: outlet names that no packaged or user word
    list knows are not counted as news media, so "told the Harbor Ledger"
    is a media relay only if a word list names the Harbor Ledger (pass
    your outlets in a word list to count them).

    Parameters
    ----------
    families : list of str, optional
        Feature families (default: all of :data:`FAMILIES`).
    text_column : str, default="text"
        Column holding the article text when ``X`` is a DataFrame.
    lexicon : Lexicon, optional
        Loaded-vocabulary lexicon (default: the packaged one).
    wordlists : Wordlists, path or list of paths, optional
        Word lists for the attribution extractor (default: the packaged
        ones); paths add your own entries (outlets, agencies, reporting
        verbs; see :func:`biaskit.load_wordlists`).

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        Names of the numeric features returned by ``transform``.
    n_features_in_ : int
        Number of input columns seen during fit (1 for a list of texts).

    Examples
    --------
    >>> from biaskit import FeatureExtractor
    >>> fx = FeatureExtractor(families=["readability"]).set_output(transform="pandas")
    >>> out = fx.fit_transform(["The cat sat on the mat.", "Officials said prices rose."])
    >>> out.shape[0], "readability.flesch_reading_ease" in out.columns
    (2, True)
    """

    def __init__(self, *, families=None, text_column="text", lexicon=None, wordlists=None):
        self.families = families
        self.text_column = text_column
        self.lexicon = lexicon
        self.wordlists = wordlists

    def fit(self, X, y=None):
        """Check the input and record the output feature names."""
        frame = _to_articles_frame(X, self.text_column)
        self.n_features_in_ = 1 if not isinstance(X, pd.DataFrame) else X.shape[1]
        if isinstance(X, pd.DataFrame):
            self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        del frame
        names = feature_names(self.families, lexicon=self.lexicon)
        numeric = _numeric_names(self.families, names, self.lexicon)
        self.feature_names_out_ = np.asarray(numeric, dtype=object)
        return self

    def transform(self, X):
        """Numeric features of each article (one row per input row).

        Stateless: works without ``fit`` too (nothing is learned).
        """
        names = getattr(self, "feature_names_out_", None)
        if names is None:
            names = _numeric_names(self.families, feature_names(self.families, lexicon=self.lexicon), self.lexicon)
        frame = _to_articles_frame(X, self.text_column)
        # each article is measured on its own, whatever else is in the batch
        feats = extract_features(frame.reset_index(drop=True), families=self.families, lexicon=self.lexicon,
                                 wordlists=self.wordlists, outlets_as_media=False)
        return feats[list(names)].to_numpy(dtype=float)

    def get_feature_names_out(self, input_features=None):
        """Names of the features returned by ``transform`` (known without ``fit``)."""
        names = getattr(self, "feature_names_out_", None)
        if names is None:
            names = np.asarray(_numeric_names(self.families, feature_names(self.families, lexicon=self.lexicon),
                                              self.lexicon), dtype=object)
        return names.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags


def _numeric_names(families, names, lexicon) -> list[str]:
    """Names of the features whose values are numbers (drops string features)."""
    probe = family_features(_PROBE, families, lexicon=lexicon)
    return [n for n in names if isinstance(probe.get(n), (int, float, np.integer, np.floating, np.bool_))]
