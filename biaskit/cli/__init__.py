"""The ``biaskit`` command line: a thin layer over the Python API.

Each sub-command lives in its own module here and exposes
``register(subparsers)``, which adds its parser and sets ``func`` (a callable
taking the parsed arguments and returning an exit code).
"""
