"""The ``.biaskit`` pandas accessor: the same functions, called from a table.

Importing :mod:`biaskit.accessor` (done by ``biaskit.read_articles`` and
``biaskit.extract_features``, or explicitly) registers a ``biaskit``
namespace on DataFrames holding articles. The accessor is thin: each method
calls the public function of the same name with the frame as its first
argument.

Examples
--------
>>> import pandas as pd
>>> import biaskit.accessor  # noqa: F401
>>> df = pd.DataFrame({"text": ["Officials said the talks failed."], "outlet": ["X"]})
>>> df.biaskit.features(families=["readability"])["status"].tolist()
['ok']
"""

from __future__ import annotations

import pandas as pd

from biaskit.errors import InputError

__all__ = ["BiaskitAccessor"]


@pd.api.extensions.register_dataframe_accessor("biaskit")
class BiaskitAccessor:
    """``df.biaskit.features()``, ``.attributions()``, ``.vocabulary()``, ``.compare()``, ``.report()``."""

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame

    def _articles(self) -> pd.DataFrame:
        if "text" not in self._frame.columns:
            raise InputError(
                "this table has no 'text' column; columns found: " + ", ".join(map(str, self._frame.columns))
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
        """Compare groups on a feature table (:func:`biaskit.compare`)."""
        from biaskit.compare import compare

        return compare(self._frame, by=by, **kwargs)

    def report(self, by: str = "outlet", **kwargs):
        """Build a :class:`biaskit.Report` (shows inline in Jupyter)."""
        from biaskit.reporting import report

        return report(self._frame, by=by, **kwargs)
