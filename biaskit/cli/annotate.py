"""``biaskit annotate``: one article as HTML with its attributions and loaded terms marked."""

from __future__ import annotations

import argparse
import sys

from biaskit.cli._common import (
    add_input_options,
    add_output_option,
    add_wordlists_option,
    check_output,
    load_input,
    wordlists_arg,
)
from biaskit.errors import BiaskitError

_SUFFIXES = (".html", ".htm")

_DESCRIPTION = """\
Write one article as an HTML page that shows what biaskit found in it:

  source   who is quoted (bold, underlined), numbered A1, A2, ...
  cue      how ("said", "according to", "quoted ... as saying"; boxed)
  content  what is attributed (shaded)
  via      the chain of intermediaries, e.g. "outlet <- RIA Novosti <- Peskov"
  scare quotes (quotations with no source) and loaded terms, underlined by
  category, with a side panel giving the article's sourcing profile.

Use it to teach, and to check the extractor by eye before trusting a count."""

_EPILOG = """\
examples:
  biaskit annotate datasets/sample --id ledger-001 -o article.html
  biaskit annotate articles.csv --id 42 --attributions corrected.csv -o article.html
  biaskit annotate story.txt -o story.html          (a single article needs no --id)
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "annotate",
        help="one article as HTML with sources, cues, contents and loaded terms highlighted",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # the input options of the other commands, except that here --id selects the article
    add_input_options(p, id_flag="--id-column")
    add_output_option(p, _SUFFIXES)
    p.add_argument("--id", "--article", dest="article_id", metavar="ID",
                   help="the id of the article to show (required when INPUT holds several)")
    p.add_argument("--row", type=int, metavar="N", help="or: the article's position in INPUT (0 = first)")
    p.add_argument("--attributions", metavar="FILE",
                   help="an attribution table (e.g. corrected by hand) to show instead of extracting")
    p.add_argument("--lexicon", metavar="PATH", action="append", help="a user lexicon added to the packaged one")
    add_wordlists_option(p)
    p.set_defaults(func=run)


def _pick(articles, article_id: str | None, row: int | None):
    n = len(articles)
    if article_id is not None and row is not None:
        raise BiaskitError("give either --id ID or --row N, not both")
    if row is not None:
        if not 0 <= row < n:
            raise BiaskitError(f"--row {row} is out of range: INPUT holds {n} article(s) (0 to {n - 1})")
        return articles.iloc[row]
    if article_id is None:
        if n == 1:
            return articles.iloc[0]
        shown = ", ".join(map(str, articles["id"].head(5)))
        raise BiaskitError(f"INPUT holds {n} articles: choose one with --id ID (ids such as {shown}) "
                           "or --row N")
    match = articles[articles["id"].astype(str) == str(article_id)]
    if match.empty:
        shown = ", ".join(map(str, articles["id"].head(5)))
        raise BiaskitError(f"no article with id {article_id!r} in {n} articles (ids such as {shown})")
    if len(match) > 1:
        print(f"biaskit: {len(match)} articles have id {article_id!r}; showing the first", file=sys.stderr)
    return match.iloc[0]


def run(args: argparse.Namespace) -> int:
    from biaskit.reporting.annotate import annotate_html

    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    articles = load_input(args)
    article = _pick(articles, args.article_id, args.row)
    attributions = None
    if args.attributions:
        from biaskit.extract.sourcing_table import read_attribution_table

        attributions = read_attribution_table(args.attributions)
        attributions = attributions[attributions["id"].astype(str) == str(article["id"])]
    lexicon = None
    if args.lexicon:
        from biaskit.lexicons import load_lexicon

        lexicon = load_lexicon(args.lexicon)
    html = annotate_html(article, attributions=attributions, lexicon=lexicon, wordlists=wordlists_arg(args))
    out.write_text(html, encoding="utf-8")
    print(f"wrote {out} (article {article['id']})", file=sys.stderr)
    return 0
