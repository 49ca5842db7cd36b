"""Story matching against a gold ``event`` column: pairwise precision and recall.

Every pair of articles that :func:`biaskit.match_stories` puts in the same
story is a predicted pair; every pair with the same gold ``event`` is a gold
pair. Precision = correct predicted pairs / predicted pairs; recall =
correct predicted pairs / gold pairs. Two baselines are measured in the same
run: "date window only" (articles linked when published within the window,
transitively, no text) and "everything one story".

By default it reads the bundled sample folder (``datasets/sample``; its
``event`` column names the invented event each article covers). The default
settings of ``match_stories`` were chosen before looking at these figures;
``--sweep`` shows how the figures move with the threshold and the window, it
is not a tuning run.

Usage::

    python benchmarks/bench_stories.py [--input datasets/sample] [--event event]
        [--threshold 0.2] [--window 7] [--linkage average] [--sweep] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from biaskit.io import read_articles  # noqa: E402
from biaskit.stories import _instants, match_stories  # noqa: E402


def pair_scores(pred, gold) -> dict:
    """Pairwise precision, recall and F1 of a clustering against gold labels."""
    pred = np.asarray(pred, dtype=object)
    gold = np.asarray(gold, dtype=object)
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(pred)), 2):
        same_p, same_g = pred[i] == pred[j], gold[i] == gold[j]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pred_pairs": tp + fp, "gold_pairs": tp + fn,
            "n_stories": int(len(set(pred)))}


def date_window_baseline(articles: pd.DataFrame, window_days: float) -> list[int]:
    days = _instants(articles, "date")
    order = np.argsort(days, kind="mergesort")
    label, current, last = np.empty(len(days), dtype=int), 0, None
    for pos in order:
        if last is not None and not (days[pos] - last <= window_days):
            current += 1
        label[pos] = current
        last = days[pos]
    return label.tolist()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", default=str(ROOT / "datasets" / "sample"), help="articles (file or folder)")
    ap.add_argument("--event", default="event", help="gold event column")
    ap.add_argument("--threshold", type=float, default=None, help="similarity threshold (default: the library's)")
    ap.add_argument("--window", type=float, default=None, help="date window in days (default: the library's)")
    ap.add_argument("--linkage", default="average", choices=("average", "single"))
    ap.add_argument("--sweep", action="store_true", help="also print a grid of thresholds and windows")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)

    articles = read_articles(args.input)
    if args.event not in articles.columns:
        print(f"no column {args.event!r} in {args.input}", file=sys.stderr)
        return 2
    gold = articles[args.event].astype("string").fillna("(none)").tolist()
    kwargs = {"linkage": args.linkage}
    if args.threshold is not None:
        kwargs["threshold"] = args.threshold
    if args.window is not None:
        kwargs["window_days"] = args.window
    t = time.perf_counter()
    stories = match_stories(articles, **kwargs)
    elapsed = time.perf_counter() - t
    res = {"n_articles": len(articles), "n_events": len(set(gold)), "settings": kwargs,
           "match_stories": pair_scores(stories, gold), "seconds": elapsed}
    window = kwargs.get("window_days", 7.0)
    res["baseline_date_window"] = pair_scores(date_window_baseline(articles, window), gold)
    res["baseline_one_story"] = pair_scores([0] * len(articles), gold)
    if args.sweep:
        grid = []
        for w in (2, 4, 7, 14):
            for th in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4):
                sc = pair_scores(match_stories(articles, threshold=th, window_days=w, linkage=args.linkage), gold)
                grid.append({"window_days": w, "threshold": th, **sc})
        res["sweep"] = grid
    if args.json:
        print(json.dumps(res, indent=1, default=float))
        return 0
    print(f"{res['n_articles']} articles, {res['n_events']} gold events, settings {kwargs} ({elapsed:.2f} s)")
    print(f"{'method':28s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'stories':>8s} {'pairs':>6s}")
    for name, key in (("match_stories", "match_stories"), (f"date window {window:g} d only", "baseline_date_window"),
                      ("everything one story", "baseline_one_story")):
        sc = res[key]
        print(f"{name:28s} {sc['precision']:9.3f} {sc['recall']:7.3f} {sc['f1']:6.3f} {sc['n_stories']:8d} "
              f"{sc['pred_pairs']:6d}")
    print(f"gold pairs: {res['match_stories']['gold_pairs']}")
    if args.sweep:
        print("\nsweep (not a tuning run):")
        print(pd.DataFrame(res["sweep"])[["window_days", "threshold", "precision", "recall", "f1", "n_stories"]]
              .to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
