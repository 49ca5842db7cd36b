"""``biaskit vocabulary``: one row per loaded word or phrase found in the articles."""

from __future__ import annotations

import argparse
import sys

_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".jsonl", ".jsonl.gz", ".parquet")

_DESCRIPTION = """\
Find the loaded vocabulary of each article -- emotive words, labels for
people and groups, conflict framing, boosters, hedges, factive verbs of
saying ("admitted", "claimed"), evaluative adjectives, partisan phrases --
and write one row per hit.

Columns: id and outlet of the article; term (the text matched), entry (the
lexicon entry, in its base form: "slammed" -> "slam"), category, sentence
(its index in the article's parse), start/end (character offsets into the
article's text as given), voice, and the entry's polarity and intensity.

voice says whose word it is:
  own          outside quotation marks: the outlet's own choice
  quoted       inside a quotation attributed to a source: the source's word
  scare_quote  inside a quotation with no source: the outlet distancing
               itself ("a 'peace' deal"), counted with the outlet

A hit is a place to look, not proof of bias: compare outlets covering the
same events, and own voice against quotations. 'biaskit features' turns the
hits into rates per 1,000 words (vocabulary.* columns).

Lexicons: the packaged one (categories loaded, label, conflict, booster,
hedge, factive, evaluative, partisan) plus any --lexicon you give: a CSV,
TSV, YAML or TXT file with a 'term' (or 'word') column; 'category' defaults
to the file's name. --replace uses your files alone; --disable switches
packaged categories off. A CSV of sentences (one per row, a 'text' column)
is a valid INPUT."""

_EPILOG = """\
examples:
  biaskit vocabulary datasets/sample -o reports/sample_vocabulary.csv
  biaskit vocabulary sentences.csv -o hits.jsonl --disable booster,hedge
  biaskit vocabulary articles.csv --lexicon my_words.csv --replace -o hits.csv
  biaskit vocabulary --list-categories
"""


def register(subparsers) -> None:
    """Add ``vocabulary`` to the command line."""
    from biaskit.cli._common import add_input_options, add_wordlists_option

    p = subparsers.add_parser(
        "vocabulary",
        help="one row per loaded word or phrase, with its category and voice (own / quoted / scare quote)",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    # INPUT and -o are optional only so that --list-categories can run alone
    for action in p._actions:
        if action.dest == "input":
            action.nargs = "?"
    p.add_argument("-o", "--output", metavar="OUT",
                   help=f"file to write; its extension sets the format ({', '.join(_SUFFIXES)})")
    p.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                   help="a user lexicon file (CSV, TSV, YAML, TXT); repeatable")
    p.add_argument("--replace", action="store_true",
                   help="use only the --lexicon files, not the packaged lexicon")
    p.add_argument("--disable", metavar="LIST", default="",
                   help="comma-separated packaged categories to switch off (e.g. booster,hedge)")
    add_wordlists_option(p)
    p.add_argument("--list-categories", action="store_true",
                   help="print the lexicon's categories with their entry counts and exit")
    p.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    p.add_argument("--quiet", action="store_true", help="do not print the summary line")
    p.set_defaults(func=run)


def _lexicon(args):
    from biaskit.lexicons import default_lexicon, load_lexicon

    disable = [c.strip() for c in (args.disable or "").split(",") if c.strip()]
    if not args.lexicon and not disable and not args.replace:
        return default_lexicon()
    return load_lexicon(args.lexicon or None, replace=args.replace, disable=disable)


def run(args: argparse.Namespace) -> int:
    """Read the articles, match the lexicon, write the hit table."""
    from biaskit.cli._common import check_output, load_input
    from biaskit.errors import BiaskitError
    from biaskit.extract.vocabulary import vocabulary_table
    from biaskit.io import write_table
    from biaskit.lexicons import CATEGORIES

    lexicon = _lexicon(args)
    if args.list_categories:
        for c in lexicon.categories:
            n = sum(1 for e in lexicon.entries if e.category == c)
            print(f"{c:<12} {n:>5} entries  {CATEGORIES.get(c, '(user category)')}")
        return 0
    if not args.input:
        raise BiaskitError("give the INPUT articles (a file or folder); see 'biaskit vocabulary --help'")
    if not args.output:
        raise BiaskitError("give the output file with -o OUT.csv (or .jsonl, .tsv, .parquet)")
    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    articles = load_input(args)
    from biaskit.cli._common import wordlists_arg

    table = vocabulary_table(articles, lexicon=lexicon, wordlists=wordlists_arg(args), progress=not args.no_progress)
    write_table(table, out)
    if not args.quiet:
        own = int((table["voice"] != "quoted").sum()) if len(table) else 0
        with_hits = table["id"].nunique() if len(table) else 0
        print(f"biaskit: {len(table)} hits ({own} in the outlets' own voice) in {with_hits} of "
              f"{len(articles)} articles -> {out}", file=sys.stderr)
    return 0
