"""Reports: one model of the comparison, rendered as PDF, HTML and in Jupyter.

``biaskit.report(articles, by="outlet", ...)`` computes the tables (through
biaskit's public functions) and returns a :class:`Report`;
``Report.save("out.pdf")`` / ``save("out.html")`` render it, and a Jupyter
cell shows it inline. :func:`biaskit.show` and :func:`biaskit.annotate_html`
(in :mod:`biaskit.report.annotate`) display one article with its
attributions and loaded terms highlighted.

This package is itself callable: ``biaskit.report(...)`` is
:func:`biaskit.report.build.report` whether Python resolves the name to the
function or to this package (the package shares the function's name, and
once a submodule such as :mod:`biaskit.report.annotate` is imported, the
attribute ``biaskit.report`` is the package).

Examples
--------
>>> import biaskit
>>> from biaskit.report.build import report as build_report
>>> callable(biaskit.report) and biaskit.report.report is build_report
True
"""

from __future__ import annotations

import sys
import types

from biaskit.report.model import Report

__all__ = ["Report", "report"]


def __getattr__(name: str):
    # the builder imports the extractors; load it only when asked for
    if name == "report":
        from biaskit.report.build import report

        return report
    raise AttributeError(f"module 'biaskit.report' has no attribute {name!r}")


class _CallablePackage(types.ModuleType):
    """Makes ``biaskit.report(...)`` build a report even when the name resolves to this package."""

    def __call__(self, *args, **kwargs) -> Report:
        from biaskit.report.build import report

        return report(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
