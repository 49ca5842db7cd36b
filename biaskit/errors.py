"""Errors that biaskit raises for user mistakes.

The command line catches :class:`BiaskitError` and prints its message on one
line, without a traceback.
"""

from __future__ import annotations

__all__ = ["BiaskitError", "InputError", "LexiconError"]


class BiaskitError(Exception):
    """A problem with the user's input or settings, explained in the message."""


class InputError(BiaskitError, ValueError):
    """Input data that cannot be read: names the file, row or column."""


class LexiconError(BiaskitError, ValueError):
    """A malformed word list or lexicon: names the file and line."""
