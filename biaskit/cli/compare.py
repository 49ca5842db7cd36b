"""``biaskit compare``: outlets compared on every feature, with intervals and corrected tests."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from biaskit.cli._common import (
    add_input_options,
    add_output_option,
    add_wordlists_option,
    check_output,
    load_input,
    wordlists_arg,
)
from biaskit.errors import BiaskitError, column_list

_SUFFIXES = (".csv", ".tsv", ".parquet", ".jsonl")

_DESCRIPTION = """\
Compare groups of articles (outlets, or any column such as a leaning) on
every numeric feature and write one tidy table: one row per estimate, with
the interval bounds as columns (ci_low, ci_high), ready for a plot or a
spreadsheet.

INPUT is either articles (then every article is measured first, as
'biaskit features' does) or a feature table written by 'biaskit features'
(recognised by its 'status' column and its dotted family.name columns).

What the table holds (column 'statistic'):
  mean, median    per group, with a seeded percentile bootstrap interval
  omnibus         per feature, are the groups different at all?
                  Kruskal-Wallis test; estimate = epsilon-squared (0..1)
  cliffs_delta    per pair of groups: P(group > other) - P(group < other),
                  -1..1, bootstrap interval, Mann-Whitney U test
With --within story (or --stories), outlets are compared on the same
stories instead: story_centred_mean, a within-story permutation omnibus
test, and paired_mean_difference (Wilcoxon signed-rank test).

p_adjusted is Benjamini-Hochberg over all omnibus tests and, separately,
over all pairwise tests; significant = p_adjusted < --alpha. Groups too
small for an interval are kept and flagged in the 'flag' column. See
docs/compare.md for why these statistics."""

_EPILOG = """\
examples:
  biaskit compare datasets/sample --by outlet -o reports/sample_compare.csv
  biaskit compare features.csv --by outlet -o compare.csv --columns sourcing.anonymous_share
  biaskit compare articles.csv --stories --window-days 5 -o compare_within_story.csv
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "compare",
        help="compare outlets on every feature: intervals, omnibus and pairwise tests (tidy table)",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    add_output_option(p, _SUFFIXES)
    g = p.add_argument_group("what to compare")
    g.add_argument("--by", default="outlet", metavar="COL", help="column naming the groups (default: outlet)")
    g.add_argument("--columns", metavar="LIST",
                   help="comma-separated feature columns (default: every numeric family.name column)")
    g.add_argument("--families", metavar="LIST",
                   help="when INPUT is articles: feature families to compute (default: all)")
    add_wordlists_option(g)
    g.add_argument("--within", metavar="COL",
                   help="compare on the same stories: the column holding each article's story id")
    g.add_argument("--stories", action="store_true",
                   help="match stories first (TF-IDF cosine within a date window; needs articles) and "
                        "compare within them")
    g.add_argument("--window-days", type=float, default=7.0, metavar="DAYS",
                   help="story matching: largest gap in days between two articles compared (default: 7)")
    g.add_argument("--threshold", type=float, default=0.2, metavar="SIM",
                   help="story matching: similarity needed to join a story, 0..1 (default: 0.2)")
    s = p.add_argument_group("statistics")
    s.add_argument("--n-boot", type=int, default=2000, metavar="N", help="bootstrap resamples (default: 2000)")
    s.add_argument("--ci", type=float, default=0.95, metavar="LEVEL", help="interval level (default: 0.95)")
    s.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    s.add_argument("--alpha", type=float, default=0.05, help="false discovery rate (default: 0.05)")
    s.add_argument("--min-n", type=int, default=5, metavar="N",
                   help="smallest group given an interval and tests (default: 5)")
    p.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    p.set_defaults(func=run)


def _header(path: str) -> list[str] | None:
    """Column names of a table file, or None when INPUT is not a table file."""
    p = Path(path)
    if not p.is_file():
        return None
    name = p.name.lower()
    try:
        if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
            import pandas as pd

            return [str(c) for c in pd.read_csv(p, nrows=0, sep="\t" if ".tsv" in name else ",").columns]
        if name.endswith((".parquet", ".pq")):
            import pyarrow.parquet as pq

            return list(pq.read_schema(p).names)
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            import gzip

            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rt", encoding="utf-8") as fh:
                first = fh.readline()
            return list(json.loads(first).keys()) if first.strip() else None
    except (ValueError, OSError, UnicodeDecodeError):
        return None
    return None


def looks_like_feature_table(columns: list[str] | None) -> bool:
    """A feature table has a ``status`` column, dotted feature columns and no text column."""
    if not columns:
        return False
    textual = {"text", "body", "content", "article"}
    return ("status" in columns and any("." in c for c in columns)
            and not textual & {c.lower() for c in columns})


def run(args: argparse.Namespace) -> int:
    from biaskit.compare import compare
    from biaskit.io import write_table

    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    if args.stories and args.within:
        raise BiaskitError("give either --stories (match stories) or --within COL (use yours), not both")
    if not 0 < args.ci < 1:
        raise BiaskitError(f"--ci must be between 0 and 1, got {args.ci}")
    if args.n_boot < 1:
        raise BiaskitError(f"--n-boot must be at least 1, got {args.n_boot}")
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None

    if looks_like_feature_table(_header(args.input)):
        from biaskit.io import read_table

        if args.families:
            raise BiaskitError("--families applies to articles; INPUT is already a feature table "
                               "(use --columns to choose features)")
        if args.stories:
            raise BiaskitError("--stories needs the articles' texts; INPUT is a feature table. Add a story "
                               "column to it and use --within COL")
        data = read_table(args.input)
        kind = "feature table"
        if args.within and args.within not in data.columns:
            raise BiaskitError(f"no column {args.within!r} for --within in the feature table {args.input}; "
                               f"make the table with 'biaskit features ... --keep {args.within}', or give the "
                               f"articles as INPUT")
    else:
        from biaskit.features import _check_families, extract_features

        articles = load_input(args)
        for option, col in (("--by", args.by), ("--within", args.within)):
            if col and col not in articles.columns:  # say so before measuring every article
                raise BiaskitError(f"no column {col!r} for {option} in {args.input}; the input's columns are: "
                                   f"{column_list(articles.columns)}")
        families = _check_families(args.families) if args.families else None
        data = extract_features(articles, families=families, wordlists=wordlists_arg(args),
                                progress=not args.no_progress)
        kind = "articles"
        if args.by not in data.columns and args.by in articles.columns:
            data[args.by] = articles[args.by].to_numpy()
        if args.within and args.within not in data.columns and args.within in articles.columns:
            data[args.within] = articles[args.within].to_numpy()
        if args.stories:
            from biaskit.stories import match_stories

            data["story"] = match_stories(articles, window_days=args.window_days,
                                          threshold=args.threshold).to_numpy()
    within = "story" if args.stories else args.within
    if args.by not in data.columns:
        raise BiaskitError(f"no column {args.by!r} to group by in {args.input}; columns found: "
                           f"{column_list(data.columns)}")
    res = compare(data, by=args.by, within=within, columns=columns, n_boot=args.n_boot, ci=args.ci,
                  seed=args.seed, alpha=args.alpha, min_n=args.min_n)
    write_table(res, out)
    omni = res[res["statistic"] == "omnibus"]
    n_groups = data[args.by].nunique()
    source = f"{len(data)} articles" if kind == "articles" else f"a feature table of {len(data)} rows"
    msg = (f"compared {n_groups} groups ({args.by}) on {res['feature'].nunique()} features from {source}; {int(omni['significant'].sum())} of {len(omni)} omnibus tests significant "
           f"(BH, alpha {args.alpha:g}); wrote {len(res)} rows to {out}")
    flagged = res.loc[res["flag"] != "", "flag"].value_counts()
    if len(flagged):
        msg += " (flagged: " + ", ".join(f"{v} {k}" for k, v in flagged.items()) + ")"
    print(msg, file=sys.stderr)
    return 0
