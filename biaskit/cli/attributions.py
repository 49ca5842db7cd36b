"""``biaskit attributions``: the tidy attribution table of a corpus."""

from __future__ import annotations

import argparse
import sys

_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".jsonl", ".jsonl.gz", ".parquet")

_DESCRIPTION = """\
Find every attribution in the articles -- who is quoted or cited (source),
how ("said", "according to", "quoted ... as saying", ":"), what (content) and
through whom (via: "according to Russian media reports, citing X") -- and
write one row per attribution.

Columns: id and outlet of the article; quote_form (direct, mixed, indirect,
or unattributed for a quotation with no source, such as a scare quote);
construction; speaker (resolved: "He" -> "Jake Sullivan"); source_type
(official, government, media, agency, organization, expert, anonymous,
group, person, unknown); role; via (intermediaries, nearest to the outlet
first, joined with " > " in CSV); hedged; rule (why it was found);
cue_lemma; the character offsets source_start/_end, cue_start/_end,
content_start/_end into the article's text as given (empty where a part is
absent) with the span texts; *_spans for discontinuous parts (JSON lists of
[start, end]); quoted_share; sentence.

The table is meant to be checked and corrected by hand: fix a speaker or a
source type, delete a false attribution, add a missed one (id, speaker,
source_type, and offsets if you have them), then recompute the per-article
sourcing profile from the corrected table:

  python -c "import biaskit; t = biaskit.read_attribution_table('fixed.csv');
             print(biaskit.sourcing_profile(t, 'articles.csv'))"
"""

_EPILOG = """\
examples:
  biaskit attributions articles.csv -o attributions.csv
  biaskit attributions articles.csv --text body --outlet source -o attributions.jsonl
  biaskit attributions ../shared/datasets/polnear/dev.jsonl -o dev_attributions.csv
"""


def register(subparsers) -> None:
    """Add ``attributions`` to the command line."""
    from biaskit.cli._common import add_input_options, add_output_option, add_wordlists_option

    p = subparsers.add_parser(
        "attributions",
        help="one row per attribution: who is quoted, how, what, through whom",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    add_output_option(p, _SUFFIXES)
    add_wordlists_option(p)
    p.add_argument("--quiet", action="store_true", help="do not print the summary line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the articles, extract attributions, write the table."""
    from biaskit.cli._common import check_output, load_input, wordlists_arg
    from biaskit.extract.sourcing_table import attribution_table, write_attribution_table

    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    articles = load_input(args)
    table = attribution_table(articles, wordlists=wordlists_arg(args))
    write_attribution_table(table, out)
    if not args.quiet:
        n_articles = len(articles)
        attributed = int((table["quote_form"] != "unattributed").sum()) if len(table) else 0
        unsourced = len(table) - attributed
        with_rows = table["id"].nunique() if len(table) else 0
        print(
            f"biaskit: {attributed} attributions and {unsourced} unsourced quotations "
            f"in {with_rows} of {n_articles} articles -> {out}",
            file=sys.stderr,
        )
    return 0
