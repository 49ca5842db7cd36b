"""The ``.biaskit`` pandas accessor: the same functions, called from a table.

``import biaskit`` registers a ``biaskit`` namespace on DataFrames holding
articles. The accessor is thin: each method calls a public function with
the frame as its first argument (``features`` → :func:`biaskit.extract_features`,
``attributions`` → :func:`biaskit.attribution_table`, ``vocabulary`` →
:func:`biaskit.vocabulary_table`, ``compare`` → :func:`biaskit.compare`,
``show`` → :func:`biaskit.show`, ``report`` → :func:`biaskit.report`).

Examples
--------
>>> import pandas as pd
>>> import biaskit
>>> df = pd.DataFrame({"text": ["Officials said the talks failed."], "outlet": ["X"]})
>>> df.biaskit.features(families=["readability"])["status"].tolist()
['ok']
"""

from __future__ import annotations

import pandas as pd

from biaskit.errors import InputError, column_list

__all__ = ["BiaskitAccessor"]


@pd.api.extensions.register_dataframe_accessor("biaskit")
class BiaskitAccessor:
    """``df.biaskit.features()``, ``.attributions()``, ``.vocabulary()``, ``.compare()``, ``.show()``, ``.report()``.

    Each calls the biaskit function named in its docstring on the table.
    """

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame

    def _articles(self) -> pd.DataFrame:
        if "text" not in self._frame.columns:
            raise InputError(
                "this table has no 'text' column; columns found: " + column_list(self._frame.columns)
            )
        return self._frame

    def features(self, **kwargs) -> pd.DataFrame:
        """One row of features per article (:func:`biaskit.extract_features`)."""
        from biaskit.features import extract_features

        return extract_features(self._articles(), **kwargs)

    def attributions(self, **kwargs) -> pd.DataFrame:
        """One row per attribution (:func:`biaskit.attribution_table`)."""
        from biaskit.extract.sourcing_table import attribution_table

        return attribution_table(self._articles(), **kwargs)

    def vocabulary(self, **kwargs) -> pd.DataFrame:
        """One row per lexicon hit (:func:`biaskit.vocabulary_table`)."""
        from biaskit.extract.vocabulary import vocabulary_table

        return vocabulary_table(self._articles(), **kwargs)

    def compare(self, by: str = "outlet", *, within: str | None = None, families=None, wordlists=None,
                lexicon=None, **kwargs) -> pd.DataFrame:
        """Compare groups (:func:`biaskit.compare`); an articles table is measured first.

        For an articles table, ``families``, ``wordlists`` and ``lexicon`` go
        to :func:`biaskit.extract_features`, and the ``by`` and ``within``
        columns are carried into the measured table; the other keywords go to
        :func:`biaskit.compare`.
        """
        from biaskit.compare import compare

        frame = self._frame
        if "status" not in frame.columns and "text" in frame.columns:
            from biaskit.features import extract_features

            keep = [c for c in dict.fromkeys((by, within)) if c and c in frame.columns
                    and c not in ("id", "outlet", "date", "title")]
            frame = extract_features(frame, families=families, wordlists=wordlists, lexicon=lexicon, keep=keep)
        elif families is not None or wordlists is not None or lexicon is not None:
            raise InputError("families, wordlists and lexicon apply to an articles table; this is a feature table")
        return compare(frame, by=by, within=within, **kwargs)

    def show(self, row: int = 0, **kwargs):
        """One article with its attributions and loaded terms highlighted (:func:`biaskit.show`)."""
        from biaskit.reporting.annotate import show

        return show(self._articles().iloc[row], **kwargs)

    def report(self, by: str = "outlet", **kwargs):
        """Build a :class:`biaskit.Report` (shows inline in Jupyter)."""
        from biaskit.reporting import report

        return report(self._frame, by=by, **kwargs)
