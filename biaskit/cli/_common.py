"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from biaskit.errors import BiaskitError

__all__ = ["add_input_options", "add_output_option", "add_wordlists_option", "load_input", "check_output"]

_INPUT_HELP = """\
INPUT is a table file (.csv, .tsv, .jsonl, .json, .parquet, also .csv.gz /
.jsonl.gz), a single .txt/.md/.html article, or a folder of them (sub-folder
names, or a _outlets.csv sidecar, give the outlet of loose text files).
Columns named text/body/content/article, outlet/source/publication/publisher,
date/published, title/headline and id are recognised; use the options below
when yours are named differently."""


def add_input_options(parser: argparse.ArgumentParser, *, id_flag: str = "--id") -> None:
    """Add INPUT and the column-mapping options to a sub-command's parser.

    ``id_flag`` names the option for the id column; a command whose ``--id``
    selects an article (``annotate``) passes ``"--id-column"``.
    """
    parser.add_argument("input", metavar="INPUT", help="articles to read (file or folder; see below)")
    group = parser.add_argument_group("input columns", _INPUT_HELP)
    group.add_argument("--text", metavar="COL", help="column holding the article text")
    group.add_argument("--outlet", metavar="COL", help="column holding the outlet name")
    group.add_argument(id_flag, metavar="COL", dest="id_column", help="column holding the article id")
    group.add_argument("--date", metavar="COL", help="column holding the publication date")
    group.add_argument("--title", metavar="COL", dest="title_column", help="column holding the title")
    group.add_argument("--encoding", metavar="NAME", help="text encoding of the input (default: detect)")


def add_output_option(parser: argparse.ArgumentParser, suffixes: tuple[str, ...]) -> None:
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True,
        help=f"file to write; its extension sets the format ({', '.join(suffixes)})",
    )


def add_wordlists_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--wordlists PATH`` (repeatable): a user's word lists for the attribution extractor."""
    parser.add_argument("--wordlists", action="append", default=[], metavar="PATH",
                        help="your own word lists (CSV or YAML) adding outlets, agencies, reporting verbs, "
                             "roles ... to the packaged ones (e.g. datasets/sample/_wordlist.csv); "
                             "repeat for several files")


def wordlists_arg(args: argparse.Namespace):
    """The ``--wordlists`` paths given, or None for the packaged lists."""
    paths = getattr(args, "wordlists", None)
    return list(paths) if paths else None


def check_output(path: str, suffixes: tuple[str, ...], *, input_path: str | None = None) -> Path:
    """Validate the output path before any work is done.

    The extension must name a format of ``suffixes``; the output must not be
    a folder, nor the input file itself, nor a file inside the input folder
    that a later read of that folder would take for articles (a name
    starting with ``_`` or ``.`` is never read as an article, so it is
    allowed). A missing parent folder is created.
    """
    out = Path(path)
    name = out.name.lower()
    if not any(name.endswith(s) for s in suffixes):
        raise BiaskitError(
            f"cannot tell the output format of {path!r}: use one of {', '.join(suffixes)}"
        )
    if out.exists() and out.is_dir():
        raise BiaskitError(f"output {path!r} is a folder; give a file name")
    if input_path is not None:
        src = Path(input_path).resolve()
        dest = out.resolve()
        if dest == src:
            raise BiaskitError(f"output {path!r} is the input file; write the result to another file")
        if src.is_dir() and src in dest.parents and not out.name.startswith(("_", ".")):
            raise BiaskitError(
                f"output {path!r} lies inside the input folder {input_path!r}, where it would be read as "
                f"articles next time; write it elsewhere (or give it a name starting with '_')"
            )
    if not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    return out


def load_input(args: argparse.Namespace):
    """Read the articles named on the command line (see :func:`biaskit.read_articles`)."""
    from biaskit.io import read_articles

    kwargs = {
        "text": getattr(args, "text", None),
        "outlet": getattr(args, "outlet", None),
        "id": getattr(args, "id_column", None),
        "date": getattr(args, "date", None),
        "title": getattr(args, "title_column", None),
    }
    encoding = getattr(args, "encoding", None)
    if encoding:
        kwargs["encoding"] = encoding
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    return read_articles(args.input, **kwargs)
