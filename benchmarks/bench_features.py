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
vaderSentiment run per sentence. Times are the CPU time of this process
(``time.process_time``), so that other programs running on the machine do
not distort them; wall-clock figures are printed too. The two paths are
timed in alternating blocks of articles so that both see the same machine
state. One-time set-up (imports, loading lexicons and tables) is excluded
from both and reported apart.

textstat 0.7.13 fetches the CMU dictionary through nltk at first use; when
nltk's copy is missing (offline machines), the naive path is given the same
dictionary's syllable counts from biaskit's shipped table (as phone lists of
the dictionary's average length), so it runs as it would online.

Usage::

    python benchmarks/bench_features.py [--n 250] [--words 600] [--seed 0] [--corpus FILE.jsonl] [--json]
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


_SHORT = ["The vote is expected next week.", "{org} declined to comment.", "{surname} did not respond.",
          "Nobody was hurt.", "The talks on {topic} resume on Monday.", "It is not the first such dispute."]
_PLACES = ["the capital", "the northern provinces", "the port city", "rural districts", "the border region",
           "the coastal towns", "the industrial south", "the suburbs"]
_GROUPS = ["farmers", "teachers", "small businesses", "commuters", "pensioners", "nurses", "students",
           "local officials", "investors", "families"]


def _sentence(rng: random.Random) -> str:
    kind = rng.randrange(14)
    name, title, role = rng.choice(_NAMES), rng.choice(_TITLES), rng.choice(_ROLES)
    org, topic, verb, adj = rng.choice(_ORGS), rng.choice(_TOPICS), rng.choice(_VERBS), rng.choice(_ADJ)
    place, group, group2 = rng.choice(_PLACES), rng.choice(_GROUPS), rng.choice(_GROUPS)
    surname = name.split()[-1]
    if kind == 0:
        return (f"{title} {surname} {verb} {topic} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, calling it "
                f"{adj} and warning that {group} in {place} would feel the effects for years.")
    if kind == 1:
        return (f"\u201cWe will not accept {topic} in its current form,\u201d said {name}, {role}, adding that "
                f"{org} had been warned months ago and had chosen to ignore the advice.")
    if kind == 2:
        return (f"According to {org}, spending on {topic} rose by {rng.randint(2, 30)}.{rng.randint(0, 9)} percent "
                f"last year, the highest rate since {rng.randint(1980, 2015)}, while support for {group} fell.")
    if kind == 3:
        return (f"The {adj} proposal, which {org} {verb} in a statement, would affect {group} and {group2} "
                f"across {place}, though officials have not said how it will be paid for.")
    if kind == 4:
        return rng.choice(_FEEL) + f" Many {group} in {place} said they had heard little from {org} about {topic}."
    if kind == 5:
        return (f"{role.capitalize()} told reporters that the details of {topic} were still being negotiated "
                f"and that a final agreement was unlikely before the end of the year.")
    if kind == 6:
        return (f"Officials in the U.S. and Europe have {verb} similar measures in the past, but analysts said "
                f"the outcome remained uncertain and the costs for {group} could be {adj}.")
    if kind == 7:
        return (f"\u201cThis is {adj}, and {group} deserve better than this,\u201d {surname} said after the "
                f"meeting, which lasted more than three hours.")
    if kind == 8:
        return (f"{name}, who has led {org} since {rng.randint(1995, 2021)}, said the government would publish "
                f"a full report on {topic} by the end of the month.")
    if kind == 9:
        return (f"Critics of the plan, including several {group} and a group of {group2} from {place}, "
                f"{verb} the timing and said the public had not been consulted.")
    if kind == 10:
        return (f"The debate over {topic} has divided {org}, with some members arguing for a {adj} approach "
                f"and others calling for a pause until more is known.")
    if kind == 11:
        return (f"In {place}, where {group} have long complained about {topic}, the reaction to the announcement "
                f"was {adj}, residents said.")
    if kind == 12:
        return rng.choice(_FEEL)
    return rng.choice(_SHORT).format(org=org.capitalize(), surname=surname, topic=topic)


def generate_articles(n: int, *, words: int = 600, seed: int = 0) -> list[str]:
    """``n`` fictional news-like articles of about ``words`` words (deterministic).

    Built to look like news on the counts that drive the cost of both paths:
    about 20 words per sentence, 6-8 VADER lexicon words and 1-2 numbers per
    100 words, one to three sentences per paragraph, quotations with curly
    marks, abbreviations such as "U.S." and "Mr.". (PolNeAR's news
    articles have 20.0 words per sentence, 6.8 lexicon words and 1.2
    numbers per 100 words.)
    """
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

    # textstat reads cmu[word][0] and counts the phones ending in a stress
    # digit; give each word as many phones as the CMU dictionary does on
    # average (0.85 per letter) so that counting costs what it costs online
    fake = {w: [["AH0"] * n + ["K"] * max(0, round(0.85 * len(w)) - n)] for w, n in load_syllable_table().items()}
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


def _timed(fn, *args) -> tuple[float, float]:
    """(CPU seconds of this process, wall-clock seconds) spent in ``fn(*args)``."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn(*args)
    return time.process_time() - c0, time.perf_counter() - w0


def read_corpus(path: Path, n: int) -> list[str]:
    """The first ``n`` non-empty ``text`` fields of a JSON Lines file."""
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
                if len(texts) == n:
                    break
    if not texts:
        raise SystemExit(f"{path}: no 'text' field found")
    return texts


def run(n: int = 250, *, words: int = 600, seed: int = 0, block: int = 50, corpus: Path | None = None) -> dict:
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

    texts = generate_articles(n, words=words, seed=seed) if corpus is None else read_corpus(corpus, n)
    n = len(texts)
    naive_cpu = naive_wall = ours_cpu = ours_wall = 0.0
    for k, i in enumerate(range(0, n, block)):
        chunk = texts[i:i + block]
        for which in ((0, 1) if k % 2 == 0 else (1, 0)):
            if which == 0:
                c, w = _timed(naive_path, chunk, textstat, vader)
                naive_cpu, naive_wall = naive_cpu + c, naive_wall + w
            else:
                c, w = _timed(ours, chunk)
                ours_cpu, ours_wall = ours_cpu + c, ours_wall + w

    # breakdown of biaskit's steps, and vaderSentiment per sentence for reference
    from biaskit.extract.readability import readability
    from biaskit.extract.sentiment import sentiment
    from biaskit.parse import parse

    sample = texts[: min(n, 100)]
    m = len(sample)
    docs = [parse(x) for x in sample]
    t_parse = _timed(lambda: [parse(x) for x in sample])[0]
    t_read = _timed(lambda: [readability(d) for d in docs])[0]
    t_sent = _timed(lambda: [sentiment(d) for d in docs])[0]
    t_vader_sent = _timed(lambda: [vader.polarity_scores(d.string[s[0]:s[1]]) for d in docs for s in d.sentence_spans])[0]

    def side(cpu: float, wall: float, setup: float) -> dict:
        return {"cpu_seconds": cpu, "articles_per_cpu_s": n / cpu, "ms_per_article": 1e3 * cpu / n,
                "wall_seconds": wall, "articles_per_wall_s": n / wall, "setup_seconds": setup}

    return {
        "n": n,
        "corpus": str(corpus) if corpus is not None else "generated",
        "mean_words_per_article": sum(len(x.split()) for x in texts) / n,
        "python": platform.python_version(),
        "textstat_syllables": syllable_note,
        "biaskit_path": ours_name,
        "naive": side(naive_cpu, naive_wall, naive_setup),
        "biaskit": side(ours_cpu, ours_wall, ours_setup),
        "ratio": naive_cpu / ours_cpu,
        "ratio_wall": naive_wall / ours_wall,
        "breakdown_cpu_ms_per_article": {
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
    ap.add_argument("--corpus", type=Path, default=None,
                    help="measure on the texts of a JSON Lines file (field 'text') instead of generated articles, "
                         "e.g. ../shared/datasets/polnear/dev.jsonl")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    res = run(args.n, words=args.words, seed=args.seed, corpus=args.corpus)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"{res['n']} articles, {res['mean_words_per_article']:.0f} words each on average; "
          f"Python {res['python']}; textstat syllables: {res['textstat_syllables']}")
    for key, label in (("naive", "naive (textstat x8 + VADER on the whole text)"),
                       ("biaskit", f"biaskit ({res['biaskit_path']})")):
        r = res[key]
        print(f"{label}:\n    {r['articles_per_cpu_s']:8.1f} articles/s of CPU time ({r['ms_per_article']:.2f} ms/article); "
              f"{r['articles_per_wall_s']:.1f} articles/s wall-clock")
    print(f"ratio: {res['ratio']:.1f}x faster in CPU time ({res['ratio_wall']:.1f}x wall-clock); target >= 10x")
    b = res["breakdown_cpu_ms_per_article"]
    print("biaskit steps, CPU ms/article: parse {parse:.2f}, readability {readability:.2f}, sentiment {sentiment:.2f} "
          "(vaderSentiment per sentence: {vaderSentiment_per_sentence:.2f})".format(**b))
    print(f"one-time set-up (excluded): naive {res['naive']['setup_seconds']:.2f} s, "
          f"biaskit {res['biaskit']['setup_seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
