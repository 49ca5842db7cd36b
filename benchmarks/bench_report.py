"""Time of the cross-outlet report beside the time of feature extraction alone.

On the PolNeAR train split (840 real articles from 7 outlets; not shipped with
biaskit, read from ``../shared/datasets/polnear/train.jsonl`` beside the
checkout or from ``--path``), in one run and one process:

* **features**: ``biaskit.extract_features(articles)`` — every family, the
  work any analysis needs;
* **report**: ``biaskit.report(articles)`` — the same features plus the
  attribution and lexicon-hit tables, ``compare`` over the report's
  measures, distinctive terms, story matching and the within-story
  comparison, the classifier — then rendering it (``--format pdf`` or
  ``html``).

It prints both times (wall clock, and CPU time of the process, which a busy
machine inflates less), the report's breakdown by stage, and the ratio
report / features (what the report adds). Target: the report builds and
renders in under 60 seconds here.

Usage::

    python benchmarks/bench_report.py [--path FILE] [--n 840] [--format pdf|html] [--no-stories]
                                      [--out reports/polnear_report.pdf] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))  # run from a checkout without installing

_DEFAULT = _ROOT.parent / "shared" / "datasets" / "polnear" / "train.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default=str(_DEFAULT), help="articles to report on (default: PolNeAR train)")
    parser.add_argument("--n", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--format", choices=("pdf", "html"), default="pdf")
    parser.add_argument("--no-stories", action="store_true", help="skip story matching and the within-story part")
    parser.add_argument("--out", help="also write the rendered report here")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    path = Path(args.path)
    if not path.exists():
        print(f"bench_report: {path} not found (PolNeAR is not shipped with biaskit; see "
              "../shared/datasets/polnear/README.md)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    import biaskit
    from biaskit.reporting import report

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    articles = biaskit.read_articles(path)
    if args.n:
        articles = articles.iloc[: args.n]
    t_read = time.perf_counter() - t0

    # warm-up: lexicons, word lists and the VADER table load once per process
    biaskit.extract_features(articles.iloc[:2])

    t0, c0 = time.perf_counter(), time.process_time()
    feats = biaskit.extract_features(articles)
    t_features, c_features = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    rep = report(articles, stories=False if args.no_stories else "auto")
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    rendered = rep.to_pdf() if args.format == "pdf" else rep.to_html().encode("utf-8")
    t_render, c_render = time.perf_counter() - t0, time.process_time() - c0
    if args.out:
        Path(args.out).write_bytes(rendered)

    n_pages = None
    if args.format == "pdf":
        try:
            import io

            import pypdf

            n_pages = len(pypdf.PdfReader(io.BytesIO(rendered)).pages)
        except ImportError:  # pragma: no cover - pypdf is a test dependency
            pass
    total = t_build + t_render
    result = {
        "articles": len(articles),
        "outlets": int(articles["outlet"].nunique()),
        "ok_rows": int((feats["status"] == "ok").sum()),
        "seconds_import": round(t_import, 3),
        "seconds_read": round(t_read, 3),
        "seconds_features_alone": round(t_features, 3),
        "seconds_report_build": round(t_build, 3),
        "seconds_report_render": round(t_render, 3),
        "seconds_report_total": round(total, 3),
        "report_over_features": round(total / t_features, 3) if t_features else None,
        "cpu_seconds_features_alone": round(c_features, 3),
        "cpu_seconds_report_total": round(c_build + c_render, 3),
        "cpu_report_over_features": round((c_build + c_render) / c_features, 3) if c_features else None,
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "report_stages_seconds": {k: round(v, 3) for k, v in rep.provenance.get("timings_seconds", {}).items()},
        "format": args.format,
        "bytes": len(rendered),
        "pages": n_pages,
        "target_seconds": 60,
        "python": platform.python_version(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles from {result['outlets']} outlets ({path.name}); "
          f"read in {t_read:.1f} s, imports {t_import:.1f} s")
    print(f"  feature extraction alone : {t_features:6.1f} s  ({len(articles) / t_features:.0f} articles/s)")
    print(f"  report, build            : {t_build:6.1f} s")
    print(f"  report, render {args.format:<4}      : {t_render:6.1f} s  ({len(rendered) / 1e6:.1f} MB"
          + (f", {n_pages} pages)" if n_pages else ")"))
    print(f"  report, total            : {total:6.1f} s  = {total / t_features:.2f} x feature extraction; "
          f"target < 60 s: {'met' if total < 60 else 'NOT met'}")
    print(f"  CPU time (all threads)   : features {c_features:.1f} s, report {c_build + c_render:.1f} s "
          f"= {(c_build + c_render) / c_features:.2f} x; load average {result['load_average_1min']} "
          "(wall times grow with the machine's load)")
    print("  report stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in result["report_stages_seconds"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
