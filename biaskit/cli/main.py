"""Entry point of the ``biaskit`` command."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings

from biaskit import __version__
from biaskit.errors import BiaskitError

# sub-command modules, in the order --help lists them
_COMMANDS = ("features", "attributions", "vocabulary", "compare", "report", "annotate", "evaluate")

_DESCRIPTION = """\
biaskit: media bias and sourcing analysis.

Load articles (CSV, TSV, JSON Lines, JSON, Parquet, a folder of .txt/.html
files), clean them, parse each once, and measure who is quoted and how
(attributions), in what words (loaded vocabulary), in what tone (VADER
sentiment) and at what reading level (readability); then compare outlets.
"""

_EPILOG = """\
examples:
  biaskit features datasets/sample -o reports/sample_features.csv
  biaskit attributions articles.csv --text body --outlet source -o attributions.csv
  biaskit report datasets/sample --by outlet -o reports/sample_report.pdf

Run 'biaskit COMMAND --help' for the options of one command.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biaskit",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"biaskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        try:
            module = importlib.import_module(f"biaskit.cli.{name}")
        except ModuleNotFoundError as exc:  # a command not built yet
            if exc.name == f"biaskit.cli.{name}":
                continue
            raise
        module.register(sub)
    return parser


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    """Show a warning as one line on stderr, without source file details."""
    text = " ".join(str(message).split())
    print(f"biaskit: warning: {text}", file=file or sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    previous = warnings.showwarning
    warnings.showwarning = _one_line_warning
    try:
        return _run(argv)
    finally:
        warnings.showwarning = previous


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BiaskitError as exc:
        print(f"biaskit: error: {exc}", file=sys.stderr)
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        name = getattr(exc, "filename", None) or ""
        print(f"biaskit: error: {exc.strerror or exc}: {name}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("biaskit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away ("biaskit evaluate ... --json | head"): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
