"""The ``.biaskit`` pandas accessor: the same functions, called from a table.

``import biaskit`` registers a ``biaskit`` namespace on DataFrames holding
articles. The accessor is thin: each method
calls the public function of the same name with the frame as its first
argument.

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
    """``df.biaskit.features()``, ``.attributions()``, ``.vocabulary()``, ``.compare()``, ``.report()``."""

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

    def compare(self, by: str = "outlet", **kwargs) -> pd.DataFrame:
        """Compare groups (:func:`biaskit.compare`); an articles table is measured first."""
        from biaskit.compare import compare

        frame = self._frame
        if "status" not in frame.columns and "text" in frame.columns:
            from biaskit.features import extract_features

            features = extract_features(frame)
            if by in frame.columns and by not in features.columns:
                features[by] = frame[by].to_numpy()
            frame = features
        return compare(frame, by=by, **kwargs)

    def report(self, by: str = "outlet", **kwargs):
        """Build a :class:`biaskit.Report` (shows inline in Jupyter)."""
        from biaskit.reporting import report

        return report(self._frame, by=by, **kwargs)
