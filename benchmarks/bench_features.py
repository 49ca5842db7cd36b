"""Throughput of readability + sentiment features against the naive path.

Measures, in one run and one process, on N generated news-like articles of
about 600 words each:

* **biaskit**: ``biaskit.extract_features(articles, families=["readability",
  "sentiment"])`` — one parse per article, the readability formulas over the
  shared counts, VADER per sentence with biaskit's re-implementation;
* **naive**: what a user would write without biaskit — each textstat
  function called on the raw text (Flesch Reading Ease, Flesch–Kincaid,
  Gunning Fog, SMOG, Coleman–Liau, ARI, Dale–Chall, ``text_standard``) and
  vaderSentiment's ``polarity_scores`` on the whole text.

It prints articles per second for both and their ratio (target: biaskit at
least 10x faster), plus a breakdown of biaskit's steps and, for reference,
vaderSentiment run per sentence. The two paths are timed in alternating
blocks of articles so that both see the same machine load. One-time set-up
(imports, loading lexicons and tables) is excluded from both and reported
apart.

textstat 0.7.13 fetches the CMU dictionary through nltk at first use; when
nltk's copy is missing (offline machines), the naive path is given the same
dictionary from biaskit's shipped table, so it runs as it would online.

Usage::

    python benchmarks/bench_features.py [--n 250] [--words 600] [--seed 0] [--json]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))  # run from a checkout without installing

# --------------------------------------------------------------------------
# Generated articles
# --------------------------------------------------------------------------

_NAMES = ["Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Li Wei", "Sarah O'Neill",
          "Tom Becker", "Elena Rossi", "David Kim", "Grace Mbeki"]
_TITLES = ["Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep."]
_ROLES = ["the finance minister", "a senior official", "the mayor", "a spokesperson for the agency",
          "an economist at the university", "the union leader", "a local resident", "the police chief"]
_ORGS = ["the U.S. Treasury", "the European Commission", "the city council", "the central bank",
         "the World Health Organization", "the opposition party", "Acme Corp.", "the U.N. agency"]
_TOPICS = ["the budget", "the new housing plan", "rising prices", "the flood defences", "the trade talks",
           "the hospital reforms", "the election results", "the rail strike", "the tax proposal"]
_VERBS = ["announced", "criticised", "defended", "questioned", "welcomed", "rejected", "approved",
          "delayed", "praised", "condemned"]
_ADJ = ["controversial", "ambitious", "modest", "disastrous", "promising", "unprecedented", "careful",
        "reckless", "welcome", "bitter", "historic", "fragile"]
_FEEL = ["The decision was a terrible blow to families who had waited for years.",
         "Supporters said the plan was a great success and a hopeful sign.",
         "Critics warned the measures were not nearly enough and could fail badly.",
         "Residents were angry, frustrated and worried about what comes next.",
         "It was, by most accounts, a calm and orderly day.",
         "The mood in the capital was cautiously optimistic but far from certain."]


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(9)
    name, title, role = rng.choice(_NAMES), rng.choice(_TITLES), rng.choice(_ROLES)
    org, topic, verb, adj = rng.choice(_ORGS), rng.choice(_TOPICS), rng.choice(_VERBS), rng.choice(_ADJ)
    surname = name.split()[-1]
    num = f"{rng.randint(2, 95)}.{rng.randint(0, 9)}"
    if kind == 0:
        return f"{title} {surname} {verb} {topic} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, calling it {adj}."
    if kind == 1:
        return (f"\u201cWe will not accept {topic} in its current form,\u201d said {name}, {role}, "
                f"adding that {org} had been warned months ago.")
    if kind == 2:
        return f"According to {org}, spending rose by {num} percent last year, the highest rate since {rng.randint(1980, 2015)}."
    if kind == 3:
        return (f"The {adj} proposal, which {org} {verb} in a statement, would affect about "
                f"{rng.randint(2, 900)},000 people across {rng.randint(3, 40)} regions.")
    if kind == 4:
        return rng.choice(_FEEL)
    if kind == 5:
        return f"{role.capitalize()} told reporters that the details of {topic} were still being negotiated."
    if kind == 6:
        return (f"Officials in the U.S. and Europe have {verb} similar measures, but analysts said the "
                f"outcome remained uncertain and the costs could be {adj}.")
    if kind == 7:
        return f"\u201cThis is {adj},\u201d {surname} said. \u201cPeople deserve better than this.\u201d"
    return (f"{name}, who has led {org} since {rng.randint(1995, 2021)}, said the government would "
            f"publish a full report on {topic} by the end of the month.")


def generate_articles(n: int, *, words: int = 600, seed: int = 0) -> list[str]:
    """``n`` fictional news-like articles of about ``words`` words (deterministic)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras, count = [], 0
        while count < words:
            para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
            count += len(para.split())
            paras.append(para)
        out.append("\n\n".join(paras))
    return out


# --------------------------------------------------------------------------
# The two paths
# --------------------------------------------------------------------------


def _textstat_offline_ready():
    """Import textstat and make sure its syllable dictionary is available.

    Returns a note saying where textstat's CMU dictionary came from.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    try:
        import nltk

        nltk.data.find("corpora/cmudict")
        return textstat, "cmudict via nltk"
    except LookupError:
        pass
    from biaskit.extract._syllables import load_syllable_table

    # textstat reads cmu[word][0] and counts phones ending in a stress digit
    fake = {w: [["AH0"] * n] for w, n in load_syllable_table().items()}
    _count_syllables.get_cmudict = lambda lang: fake
    return textstat, "CMU table shipped with biaskit (nltk's copy missing; offline)"


def naive_path(texts, textstat, vader) -> None:
    for t in texts:
        textstat.flesch_reading_ease(t)
        textstat.flesch_kincaid_grade(t)
        textstat.gunning_fog(t)
        textstat.smog_index(t)
        textstat.coleman_liau_index(t)
        textstat.automated_readability_index(t)
        textstat.dale_chall_readability_score(t)
        textstat.text_standard(t)
        vader.polarity_scores(t)


def biaskit_path(texts) -> None:
    from biaskit.features import extract_features

    extract_features(texts, families=["readability", "sentiment"])


def direct_path(texts) -> None:
    """parse + readability + sentiment without the table (used if features.py is missing)."""
    from biaskit.extract.readability import readability
    from biaskit.extract.sentiment import sentiment
    from biaskit.parse import parse

    for t in texts:
        doc = parse(t)
        readability(doc)
        sentiment(doc)


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def run(n: int = 250, *, words: int = 600, seed: int = 0, block: int = 50) -> dict:
    t0 = time.perf_counter()
    textstat, syllable_note = _textstat_offline_ready()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    naive_setup = time.perf_counter() - t0

    t0 = time.perf_counter()
    try:
        import biaskit.features  # noqa: F401

        ours, ours_name = biaskit_path, 'extract_features(families=["readability", "sentiment"])'
    except ImportError:
        ours, ours_name = direct_path, "parse + readability + sentiment"
    from biaskit.extract._syllables import default_counter
    from biaskit.extract.readability import load_easy_words
    from biaskit.extract.sentiment import default_analyzer

    default_counter(), load_easy_words(), default_analyzer()
    ours_setup = time.perf_counter() - t0

    warm = generate_articles(10, words=words, seed=seed + 1)
    naive_path(warm, textstat, vader)
    ours(warm)

    texts = generate_articles(n, words=words, seed=seed)
    t_naive = t_ours = 0.0
    for k, i in enumerate(range(0, n, block)):
        chunk = texts[i:i + block]
        if k % 2 == 0:
            t_naive += _timed(naive_path, chunk, textstat, vader)
            t_ours += _timed(ours, chunk)
        else:
            t_ours += _timed(ours, chunk)
            t_naive += _timed(naive_path, chunk, textstat, vader)

    # breakdown of biaskit's steps, and vaderSentiment per sentence for reference
    from biaskit.extract.readability import readability
    from biaskit.extract.sentiment import sentiment
    from biaskit.parse import parse

    sample = texts[: min(n, 100)]
    t = time.perf_counter()
    docs = [parse(x) for x in sample]
    t_parse = time.perf_counter() - t
    t_read = _timed(lambda: [readability(d) for d in docs])
    t_sent = _timed(lambda: [sentiment(d) for d in docs])
    t_vader_sent = _timed(lambda: [vader.polarity_scores(d.string[s.start:s.end]) for d in docs for s in d.sentences])

    m = len(sample)
    n_words = sum(len(x.split()) for x in texts) / n
    return {
        "n": n,
        "mean_words_per_article": n_words,
        "python": platform.python_version(),
        "textstat_syllables": syllable_note,
        "biaskit_path": ours_name,
        "naive": {"seconds": t_naive, "articles_per_s": n / t_naive, "ms_per_article": 1e3 * t_naive / n,
                  "setup_seconds": naive_setup},
        "biaskit": {"seconds": t_ours, "articles_per_s": n / t_ours, "ms_per_article": 1e3 * t_ours / n,
                    "setup_seconds": ours_setup},
        "ratio": t_naive / t_ours,
        "breakdown_ms_per_article": {
            "parse": 1e3 * t_parse / m,
            "readability": 1e3 * t_read / m,
            "sentiment": 1e3 * t_sent / m,
            "vaderSentiment_per_sentence": 1e3 * t_vader_sent / m,
        },
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Throughput of readability + sentiment: biaskit vs the naive path.")
    ap.add_argument("--n", type=int, default=250, help="number of generated articles (default 250, < 1 minute)")
    ap.add_argument("--words", type=int, default=600, help="words per article (default 600)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    res = run(args.n, words=args.words, seed=args.seed)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"{res['n']} articles, {res['mean_words_per_article']:.0f} words each on average; "
          f"Python {res['python']}; textstat syllables: {res['textstat_syllables']}")
    print(f"naive (textstat x8 + VADER on the whole text): {res['naive']['articles_per_s']:8.1f} articles/s "
          f"({res['naive']['ms_per_article']:.2f} ms/article)")
    print(f"biaskit ({res['biaskit_path']}): {res['biaskit']['articles_per_s']:8.1f} articles/s "
          f"({res['biaskit']['ms_per_article']:.2f} ms/article)")
    print(f"ratio: {res['ratio']:.1f}x faster (target >= 10x)")
    b = res["breakdown_ms_per_article"]
    print("biaskit steps, ms/article: parse {parse:.2f}, readability {readability:.2f}, sentiment {sentiment:.2f} "
          "(vaderSentiment per sentence would take {vaderSentiment_per_sentence:.2f})".format(**b))
    print(f"one-time set-up: naive {res['naive']['setup_seconds']:.2f} s, biaskit {res['biaskit']['setup_seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
