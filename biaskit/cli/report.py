"""``biaskit report``: the cross-outlet report as PDF or self-contained HTML."""

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
from biaskit.errors import BiaskitError

_SUFFIXES = (".pdf", ".html", ".htm")

_DESCRIPTION = """\
Compare outlets in one report: a PDF to print or send, or one self-contained
HTML file (figures embedded, nothing loaded from the internet).

The report measures every article (as 'biaskit features' does) and shows,
per outlet, with 95% bootstrap intervals and corrected tests:

  1. corpus overview      articles, words, dates, rows that could not be measured
  2. sourcing             attributions per 1,000 words, anonymous and second-hand
                          (via other media) shares, quoted words, source types,
                          the most cited speakers and intermediaries
  3. loaded vocabulary    lexicon hits in the outlet's own voice vs in quotations,
                          top terms, scare quotes
  4. tone and readability VADER sentiment and reading-level distributions
  5. distinctive terms    words and speakers typical of each outlet (log-odds)
  6. what distinguishes   a classifier's scores and the measures behind them,
                          and outlets compared on the same stories (the input's
                          story column -- story_id, story, event_id or event --
                          when it has one; otherwise matched across outlets by
                          text similarity within a date window)
  7. methods              what each number means, word lists, limitations,
                          versions, parameters and an input fingerprint

INPUT may also be a feature table written by 'biaskit features' (then the
parts that need the texts are left out, each with a note)."""

_EPILOG = """\
examples:
  biaskit report datasets/sample --by outlet -o reports/sample_report.pdf
  biaskit report articles.csv --outlet source --story-column event -o report.html
  biaskit report articles.jsonl --outlets ratings.csv --by leaning -o by_leaning.pdf
  biaskit report features.csv -o report.pdf --report-title "Spring 2025 coverage"
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="a cross-outlet report (PDF or self-contained HTML)",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_input_options(p)
    add_output_option(p, _SUFFIXES)
    g = p.add_argument_group("what to compare")
    g.add_argument("--by", default="outlet", metavar="COL",
                   help="group articles by this column (default: outlet); with --outlets, any metadata column "
                        "such as leaning or country")
    g.add_argument("--no-stories", action="store_true",
                   help="no within-story comparison (by default the input's story column is used when it has "
                        "one: story_id, story, event_id or event; otherwise articles on the same event are "
                        "matched across outlets by text similarity within a date window)")
    g.add_argument("--stories", action="store_true", help=argparse.SUPPRESS)  # the default; kept for scripts
    g.add_argument("--story-column", metavar="COL",
                   help="use the story ids in this column instead of matching stories")
    g.add_argument("--outlets", metavar="FILE",
                   help="outlet metadata table (outlet, leaning, country, ...) joined on the outlet name; "
                        "unmatched outlets are listed in the report")
    g.add_argument("--attributions", metavar="FILE",
                   help="an attribution table (e.g. corrected by hand) to use instead of extracting one")
    g.add_argument("--lexicon", metavar="PATH", action="append",
                   help="a user lexicon added to the packaged one; repeatable")
    add_wordlists_option(g)
    g.add_argument("--max-outlets", type=int, default=12, metavar="N",
                   help="groups shown by name; smaller ones are folded into 'Other' (default: 12)")
    g.add_argument("--top", type=int, default=8, metavar="N", help="terms and speakers listed per outlet (default: 8)")
    g.add_argument("--n-boot", type=int, default=2000, metavar="N", help="bootstrap resamples (default: 2000)")
    g.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and the classifier (default: 0)")
    g.add_argument("--no-classifier", action="store_true", help="leave out the outlet classifier (faster)")
    d = p.add_argument_group("the document")
    d.add_argument("--report-title", metavar="TEXT", help="title on the first page")
    d.add_argument("--subtitle", metavar="TEXT", help="subtitle on the first page")
    d.add_argument("--author", metavar="TEXT", help="author shown under the title")
    d.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF page size (default: a4)")
    d.add_argument("--dpi", type=int, metavar="N",
                   help="resolution of the figures (default: 170 in a PDF, 150 in HTML; lower gives smaller files)")
    d.add_argument("--no-progress", action="store_true", help="do not print progress")
    d.add_argument("--provenance", metavar="FILE",
                   help="also write the version, parameters, input fingerprint and timings as JSON")
    p.set_defaults(func=run)


def _looks_like_features(path: str) -> bool:
    """A table whose header has 'status' and dotted feature columns but no text column."""
    p = Path(path)
    if not p.is_file():
        return False
    name = p.name.lower()
    try:
        if name.endswith((".csv", ".tsv", ".csv.gz", ".tsv.gz")):
            import pandas as pd

            cols = list(pd.read_csv(p, nrows=0, sep="\t" if ".tsv" in name else ",").columns)
        elif name.endswith(".parquet"):
            import pyarrow.parquet as pq

            cols = list(pq.read_schema(p).names)
        elif name.endswith((".jsonl", ".jsonl.gz")):
            import gzip

            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rt", encoding="utf-8") as fh:
                cols = list(json.loads(fh.readline() or "{}").keys())
        else:
            return False
    except (ValueError, OSError, UnicodeDecodeError):
        return False
    textual = {"text", "body", "content", "article"}
    return "status" in cols and any("." in str(c) for c in cols) and not textual & {str(c).lower() for c in cols}


def run(args: argparse.Namespace) -> int:
    from biaskit.reporting.build import report

    out = check_output(args.output, _SUFFIXES, input_path=args.input)
    if args.max_outlets < 2:
        raise BiaskitError("--max-outlets must be at least 2")
    if args.no_stories and args.story_column:
        raise BiaskitError("give either --no-stories or --story-column COL (your story ids), not both")
    say = None if args.no_progress else (lambda msg: print(f"biaskit: {msg}", file=sys.stderr, flush=True))
    if say:  # the one "reading" message (report() is given a table, not the path)
        say(f"reading {args.input}")
    if _looks_like_features(args.input):
        from biaskit.io import read_table

        data = read_table(args.input)
    else:
        data = load_input(args)
    lexicon = None
    if args.lexicon:
        from biaskit.lexicons import load_lexicon

        lexicon = load_lexicon(args.lexicon)
    attributions = None
    if args.attributions:
        from biaskit.extract.sourcing_table import read_attribution_table

        attributions = read_attribution_table(args.attributions)
    rep = report(
        data, by=args.by, title=args.report_title, subtitle=args.subtitle, author=args.author,
        stories=args.story_column or (False if args.no_stories else "auto"), outlets=args.outlets,
        attributions=attributions,
        lexicon=lexicon, wordlists=wordlists_arg(args), max_groups=args.max_outlets, top_n=args.top, n_boot=args.n_boot, seed=args.seed,
        classifier=not args.no_classifier, progress=say or False,
    )
    if say:
        say(f"writing {out}")
    if args.dpi is not None and not 20 <= args.dpi <= 600:
        raise BiaskitError(f"--dpi must be between 20 and 600, got {args.dpi}")
    if out.suffix.lower() == ".pdf":
        rep.to_pdf(out, pagesize=args.paper, dpi=args.dpi)
    else:
        rep.to_html(out, dpi=args.dpi)
    if args.provenance:
        Path(args.provenance).write_text(json.dumps(rep.provenance, indent=2, default=str), encoding="utf-8")
    if rep.notice:
        print(f"biaskit: warning: {rep.notice}", file=sys.stderr)
    skipped = [s.heading for s in rep.sections if s.skipped]
    msg = f"wrote {out} ({len(rep.sections)} sections"
    msg += f"; skipped: {', '.join(skipped)})" if skipped else ")"
    print(msg, file=sys.stderr)
    return 0
