"""Re-learn the numbers of the attribution extractor from PolNeAR train.

Writes two files of numbers into ``biaskit/wordlists/``:

* ``cue_priors.csv`` — for each verb form the extractor proposes, the share
  of its proposals (outside quotation marks) that overlap a gold cue,
  Laplace-smoothed: (hits + 1) / (proposals + 2), rounded to 2 decimals;
* ``cue_weights.csv`` — logistic-regression weights over the context
  features of a proposal (:func:`biaskit.extract._attribution_rules.cue_features`)
  plus the log-odds of its form's prior, fitted with scikit-learn
  (L2, ``C`` below). The prior fed to the regression is cross-fitted (five
  folds by article) so that the weight it gets is not inflated by in-sample
  priors.

Only these numbers are written; no text, span or sentence of PolNeAR. Run it
after changing the word lists or the candidate rules, then re-check the
threshold (``SCORE_THRESHOLD`` in ``_attribution_rules.py``) on train only::

    python benchmarks/learn_sourcing_weights.py --train ../shared/datasets/polnear/train.jsonl

The PolNeAR data are not part of biaskit (see its README for its terms).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))


def main(argv=None) -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    import biaskit.extract._attribution_rules as R
    from biaskit.evaluate.attributions import polnear_doc
    from biaskit.wordlists import load_wordlists

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", required=True, help="PolNeAR train JSONL")
    ap.add_argument("--C", type=float, default=0.5, help="inverse L2 strength (default 0.5)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default=str(_ROOT / "biaskit" / "wordlists"), help="folder to write the CSV files to")
    args = ap.parse_args(argv)

    R.SCORE_THRESHOLD = -1e9  # propose everything
    wl = load_wordlists()
    rows = [json.loads(line) for line in open(args.train, encoding="utf-8") if line.strip()]
    fold = {r["id"]: i % args.folds for i, r in enumerate(sorted(rows, key=lambda r: r["id"]))}
    data = []
    for r in rows:
        d = polnear_doc(r["text"])
        v = R.View(d, wl)
        gold = [(a["cue"]["start"], a["cue"]["end"]) for a in r["attributions"] if a["cue"]]
        for si, s in enumerate(d.sentences):
            cs = R.find_candidates(v, si)
            for n, c in enumerate(cs):
                if c.kind != "verb":
                    continue
                a, b = d.text_span(v.toks[c.verb][0], v.toks[c.verb][1])
                y = int(any(x < b and a < y2 for x, y2 in gold))
                data.append((fold[r["id"]], v.low[c.verb], R.cue_features(v, c, s.token_start, s.token_end, cs[:n]), y))

    def priors(excluded: int) -> dict:
        n, h = collections.Counter(), collections.Counter()
        for f, form, _, y in data:
            if f != excluded:
                n[form] += 1
                h[form] += y
        return {k: (h[k] + 1) / (n[k] + 2) for k in n}

    oof = [priors(k) for k in range(args.folds)]
    full = priors(-1)
    feats = sorted({f for x in data for f in x[2]})
    index = {f: i for i, f in enumerate(feats)}
    X = np.zeros((len(data), len(feats) + 1))
    Y = np.array([x[3] for x in data])
    for j, (f, form, fs, _) in enumerate(data):
        X[j, 0] = R._logit(oof[f].get(form, 0.5))
        for name in fs:
            X[j, 1 + index[name]] = 1.0
    model = LogisticRegression(C=args.C, max_iter=2000).fit(X, Y)
    out = Path(args.out)
    with open(out / "cue_weights.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["feature", "weight"])
        w.writerow(["bias", round(float(model.intercept_[0]), 4)])
        w.writerow(["prior_logit", round(float(model.coef_[0][0]), 4)])
        for f in feats:
            w.writerow([f, round(float(model.coef_[0][1 + index[f]]), 4)])
    with open(out / "cue_priors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["form", "prior"])
        for form in sorted(full):
            w.writerow([form, round(full[form], 2)])
    print(f"{len(data)} proposals ({int(Y.sum())} overlapping a gold cue) in {len(rows)} articles; "
          f"{len(feats)} features; wrote {out / 'cue_weights.csv'} and {out / 'cue_priors.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
