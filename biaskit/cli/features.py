"""``biaskit features``: one row of features per article."""

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

_SUFFIXES = (".csv", ".tsv", ".parquet", ".jsonl")

_DESCRIPTION = """\
Measure every article: one row per article, in input order, with

  readability.*  reading level (Flesch, Flesch-Kincaid grade, Gunning Fog,
                 SMOG, Coleman-Liau, ARI, Dale-Chall, a consensus grade)
  sentiment.*    VADER tone per sentence, averaged (VADER was built for
                 social media; read news scores as relative, not absolute)
  sourcing.*     who is quoted and how: attributions per 1,000 words,
                 source types, anonymous and second-hand shares, diversity
  vocabulary.*   loaded words per 1,000 words, in the outlet's own voice
                 and inside quotations

The 'status' column says whether a row could be measured ('ok', or why
not: empty_text, empty_body, not_english). No article is ever dropped."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "features",
        help="one row of readability, sentiment, sourcing and vocabulary features per article",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  biaskit features datasets/sample -o reports/sample_features.csv",
    )
    add_input_options(p)
    add_output_option(p, _SUFFIXES)
    p.add_argument(
        "--families", metavar="LIST",
        help="comma-separated families to compute (default: all): readability,sentiment,sourcing,vocabulary",
    )
    p.add_argument("--lexicon", metavar="PATH", action="append",
                   help="a user lexicon (CSV or YAML with a 'term' column) added to the packaged one; repeatable")
    add_wordlists_option(p)
    p.add_argument("--keep", metavar="LIST",
                   help="comma-separated input columns to carry into the table after the features "
                        "(e.g. event,author: a story column lets 'biaskit compare --within' use the table)")
    p.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biaskit.features import _check_families, extract_features
    from biaskit.io import write_table

    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    families = _check_families(args.families) if args.families else None
    lexicon = None
    if args.lexicon:
        from biaskit.lexicons import load_lexicon

        lexicon = load_lexicon(args.lexicon)
    articles = load_input(args)
    keep = [c.strip() for c in args.keep.split(",") if c.strip()] if args.keep else None
    feats = extract_features(articles, families=families, lexicon=lexicon, wordlists=wordlists_arg(args),
                             keep=keep, progress=not args.no_progress)
    write_table(feats, out)
    n_bad = int((feats["status"] != "ok").sum())
    msg = f"wrote {len(feats)} rows x {feats.shape[1]} columns to {out}"
    if n_bad:
        counts = feats.loc[feats["status"] != "ok", "status"].value_counts()
        msg += " (not measured: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + ")"
    print(msg, file=sys.stderr)
    return 0
