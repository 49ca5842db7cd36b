"""Cost of attribution extraction, as a ratio against the naive path, in one run.

Measures, in one process and on the same N articles:

* **parse**: :func:`biaskit.parse.parse` (the one parse every extractor shares),
  tokens, sentences and quotation spans included (forced here, since the
  parse computes them on first use). The lower-case token views
  (``Doc.lower_tokens``) are left to the first extractor that reads them:
  attribution extraction pays for them here, as it does when it runs alone;
* **attributions**: :func:`biaskit.extract.sourcing.attributions` over the
  existing parse (word lists loaded once, outside the timing);
* **naive**: the naive path of the foundation benchmark
  (``benchmarks/bench_features.py``): each textstat readability function and
  vaderSentiment's ``polarity_scores`` on the whole text.

The target of issue 3 is attributions <= 10% of the naive path. The figures
depend on the build: the attribution modules run compiled when biaskit was
installed with mypyc and a C compiler (``setup.py``), as pure Python otherwise
or with ``BIASKIT_PURE_PYTHON=1``; the benchmark prints which (compare both by
running it twice, once with that variable set). Articles are
the generated ~600-word news-like articles of ``bench_features.py`` (with
quotations, "said X", "according to", appositions), or, with ``--polnear
FILE``, the texts of a PolNeAR JSON Lines file (not shipped with biaskit).
Times are CPU time of this process (``time.process_time``); the paths are
timed in alternating blocks so that both see the same machine state, and the
best of ``--repeat`` rounds is kept.

Usage::

    python benchmarks/bench_sourcing.py [--n 200] [--words 600] [--repeat 3] [--polnear dev.jsonl] [--json]
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


def _bench_features():
    """The sibling benchmark module (article generator and naive path)."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import bench_features

    return bench_features


def _polnear_texts(path: str, n: int) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def _build() -> str:
    """Whether the attribution modules run compiled (mypyc) or as pure Python in this process."""
    from biaskit._pure_python import COMPILED_MODULES, compiled_modules

    done = compiled_modules()
    if not done:
        return "pure Python" + (" (BIASKIT_PURE_PYTHON=1)" if os.environ.get("BIASKIT_PURE_PYTHON") else "")
    return f"compiled by mypyc ({len(done)} of {len(COMPILED_MODULES)} attribution modules)"


def run(n: int = 200, words: int = 600, repeat: int = 3, polnear: str | None = None, block: int = 20) -> dict:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from biaskit.extract.sourcing import attributions
    from biaskit.parse import parse
    from biaskit.wordlists import load_wordlists

    bf = _bench_features()
    texts = _polnear_texts(polnear, n) if polnear else bf.generate_articles(n, words=words, seed=0)
    textstat, note = bf._textstat_offline_ready()
    vader = SentimentIntensityAnalyzer()
    wl = load_wordlists()
    # warm up (imports, first-use caches) outside the timing
    bf.naive_path(texts[:2], textstat, vader)
    warm = [parse(t) for t in texts[:2]]
    for d in warm:
        d.tokens, d.sentences, d.quotes  # noqa: B018
        attributions(d, wordlists=wl)

    best = {"parse": float("inf"), "attributions": float("inf"), "naive": float("inf")}
    n_attr = 0
    for _ in range(repeat):
        tot = {"parse": 0.0, "attributions": 0.0, "naive": 0.0}
        n_attr = 0
        for k in range(0, len(texts), block):
            chunk = texts[k:k + block]
            t0 = time.process_time()
            docs = [parse(t) for t in chunk]
            for d in docs:
                # the parse computes some parts on first use: force them so attributions run over the existing parse
                d.tokens  # noqa: B018
                d.sentences  # noqa: B018
                d.quotes  # noqa: B018
            t1 = time.process_time()
            for d in docs:
                n_attr += sum(1 for a in attributions(d, wordlists=wl) if a.is_attributed)
            t2 = time.process_time()
            bf.naive_path(chunk, textstat, vader)
            t3 = time.process_time()
            tot["parse"] += t1 - t0
            tot["attributions"] += t2 - t1
            tot["naive"] += t3 - t2
        for key, val in tot.items():
            best[key] = min(best[key], val)
    words_total = sum(len(t.split()) for t in texts)
    per = {k: 1000.0 * v / len(texts) for k, v in best.items()}
    return {
        "articles": len(texts),
        "source": f"PolNeAR {Path(polnear).name}" if polnear else f"generated, ~{words} words",
        "mean_words": words_total / len(texts),
        "ms_per_article": per,
        "ms_attributions_per_600_words": 1000.0 * best["attributions"] / words_total * 600,
        "attributions_per_article": n_attr / len(texts),
        "ratio_attributions_to_naive": best["attributions"] / best["naive"],
        "ratio_attributions_to_parse": best["attributions"] / best["parse"],
        "target_ratio_to_naive": 0.10,
        "textstat_dictionary": note,
        "build": _build(),
        "python": platform.python_version(),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="number of articles (default 200)")
    ap.add_argument("--words", type=int, default=600, help="words per generated article (default 600)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; the best is kept (default 3)")
    ap.add_argument("--polnear", metavar="FILE.jsonl", help="time on the texts of a PolNeAR JSONL file instead")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    r = run(args.n, args.words, args.repeat, args.polnear)
    if args.json:
        print(json.dumps(r, indent=1))
        return 0
    ms = r["ms_per_article"]
    print(f"{r['articles']} articles ({r['source']}, {r['mean_words']:.0f} words on average), CPU time, best of {args.repeat}")
    print(f"  parse                 {ms['parse']:8.2f} ms/article")
    print(f"  attributions          {ms['attributions']:8.2f} ms/article  "
          f"({r['ms_attributions_per_600_words']:.2f} ms per 600 words, {r['attributions_per_article']:.1f} attributions/article)")
    print(f"  naive (textstat+VADER){ms['naive']:8.2f} ms/article")
    print(f"  attributions / naive  {r['ratio_attributions_to_naive']:8.3f}   (target <= {r['target_ratio_to_naive']:.2f})")
    print(f"  attributions / parse  {r['ratio_attributions_to_parse']:8.2f}")
    print(f"  attribution modules: {r['build']}")
    print(f"  textstat dictionary: {r['textstat_dictionary']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
