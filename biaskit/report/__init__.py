"""Reports: one model of the comparison, rendered as PDF, HTML and in Jupyter.

:func:`report` computes the tables (through biaskit's public functions) and
returns a :class:`Report`; ``Report.save("out.pdf")`` / ``save("out.html")``
render it, and a Jupyter cell shows it inline. :func:`show` and
:func:`annotate_html` (in :mod:`biaskit.report.annotate`) display one article
with its attributions and loaded terms highlighted.
"""

from __future__ import annotations

from biaskit.report.model import Report

__all__ = ["Report", "report"]


def __getattr__(name: str):
    # the builder imports the extractors; load it only when asked for
    if name == "report":
        from biaskit.report.build import report

        return report
    raise AttributeError(f"module 'biaskit.report' has no attribute {name!r}")
