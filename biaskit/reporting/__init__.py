"""Reports: one model of the comparison, rendered as PDF, HTML and in Jupyter.

:func:`biaskit.report` (:func:`biaskit.reporting.build.report`) computes the
tables through biaskit's public functions and returns a :class:`Report`;
``Report.save("out.pdf")`` / ``save("out.html")`` render it, and a Jupyter
cell shows it inline. :func:`biaskit.show` and :func:`biaskit.annotate_html`
(in :mod:`biaskit.reporting.annotate`) display one article with its
attributions and loaded terms highlighted.

The package is named ``reporting`` so that ``biaskit.report`` always means
the function.

Examples
--------
>>> import biaskit
>>> from biaskit.reporting.build import report as build_report
>>> biaskit.report is build_report
True
"""

from __future__ import annotations

from biaskit.reporting.model import Report

__all__ = ["Report", "report"]


def __getattr__(name: str):
    # the builder imports the extractors; load it only when asked for
    if name == "report":
        from biaskit.reporting.build import report

        return report
    raise AttributeError(f"module 'biaskit.reporting' has no attribute {name!r}")
