"""Errors that biaskit raises for user mistakes.

The command line catches :class:`BiaskitError` and prints its message on one
line, without a traceback.
"""

from __future__ import annotations

__all__ = ["BiaskitError", "InputError", "LexiconError", "column_list"]


class BiaskitError(Exception):
    """A problem with the user's input or settings, explained in the message."""


class InputError(BiaskitError, ValueError):
    """Input data that cannot be read: names the file, row or column."""


class LexiconError(BiaskitError, ValueError):
    """A malformed word list or lexicon: names the file and line."""


def column_list(columns, limit: int = 15) -> str:
    """Column names for an error message: the first ``limit``, then how many more.

    Examples
    --------
    >>> column_list(["id", "text"])
    'id, text'
    >>> column_list([f"c{i}" for i in range(20)], limit=3)
    'c0, c1, c2 (and 17 more)'
    >>> column_list([])
    '(none)'
    """
    cols = [str(c) for c in columns]
    if not cols:
        return "(none)"
    shown = ", ".join(cols[:limit])
    return shown + (f" (and {len(cols) - limit} more)" if len(cols) > limit else "")
