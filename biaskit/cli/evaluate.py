"""``biaskit evaluate``: score biaskit against human gold."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from biaskit.errors import InputError

_DESCRIPTION = """\
Score biaskit's extractors against human-annotated gold data.

  attributions  run the attribution extractor over PolNeAR articles and report
                precision, recall and F1 for the source (who), the cue (how:
                "said", "according to", ":") and the content (what), overall
                and per outlet.
  vocabulary    score the loaded-vocabulary lexicons against sentences
                labelled biased / not biased (a CSV such as BABE).
"""

_ATTR_DESCRIPTION = """\
Run biaskit's attribution extractor over the articles of a PolNeAR JSON Lines
file (one article per line with "id", "outlet", "text" and gold
"attributions") and compare its source, cue and content spans with the gold.

How spans are scored (see docs/sourcing.md):
  - quotations with no source ("scare quotes") and gold "content2" are left out;
  - a span made of fragments counts as their union;
  - spans are trimmed of spaces and edge punctuation (quotes, dashes, colons);
    a span left empty (a bare ":" cue) is left out on both sides;
  - per article and role, duplicate spans count once;
  - exact:   the trimmed boundaries are the same;
  - overlap: spans matched one to one, best first, when the Jaccard similarity
             of the word tokens they touch is at least 0.5;
  - precision, recall and F1 are micro-averaged over all spans.
"""

_ATTR_EPILOG = """\
examples:
  biaskit evaluate attributions --gold ../shared/datasets/polnear/dev.jsonl
  biaskit evaluate attributions --gold dev.jsonl --json > scores.json
  biaskit evaluate attributions --gold train.jsonl --errors train_errors.csv
"""

_VOCAB_DESCRIPTION = """\
Score biaskit's loaded-vocabulary lexicons against a CSV of sentences labelled
as biased or not (for instance BABE). Reports how well lexicon hits separate
the labelled sentences; with --test, figures are also given on a second file
that played no part in any choice.
"""

_VOCAB_EPILOG = """\
examples:
  biaskit evaluate vocabulary --gold babe_train.csv
  biaskit evaluate vocabulary --gold train.csv --test dev.csv --lexicon my_words.csv --json
"""


def register(subparsers) -> None:
    """Add ``evaluate`` and its sub-commands to the command line."""
    p = subparsers.add_parser(
        "evaluate",
        help="score biaskit against human gold (attributions, vocabulary)",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="evaluate_command", metavar="WHAT")
    p.set_defaults(func=lambda args: _no_subcommand(p))

    pa = sub.add_parser(
        "attributions",
        help="source/cue/content P, R, F1 against PolNeAR JSONL gold",
        description=_ATTR_DESCRIPTION,
        epilog=_ATTR_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pa.add_argument("--gold", required=True, metavar="FILE.jsonl",
                    help="PolNeAR JSON Lines file (plain or .gz) with gold attributions")
    pa.add_argument("--wordlists", action="append", default=[], metavar="PATH",
                    help="your own word lists (CSV or YAML) for the extractor; repeat for several files")
    pa.add_argument("--errors", metavar="OUT.csv",
                    help="also write every missed, false and partial span (CSV or JSONL) to look at")
    pa.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    pa.set_defaults(func=run_attributions)

    pv = sub.add_parser(
        "vocabulary",
        help="lexicon hits against sentences labelled biased / not biased",
        description=_VOCAB_DESCRIPTION,
        epilog=_VOCAB_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pv.add_argument("--gold", required=True, metavar="FILE.csv", help="CSV of labelled sentences")
    pv.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                    help="an extra lexicon (CSV or YAML); repeat for several")
    pv.add_argument("--test", metavar="OTHER.csv", help="a second labelled CSV to report figures on")
    pv.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    pv.set_defaults(func=run_vocabulary)


def _no_subcommand(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _check_file(path: str, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{what} file not found: {path}")
    if p.is_dir():
        raise InputError(f"{what} path is a folder, expected a file: {path}")
    return p


# --------------------------------------------------------------------------
# attributions
# --------------------------------------------------------------------------


def run_attributions(args: argparse.Namespace) -> int:
    """Evaluate attribution extraction on a PolNeAR file and print the scores."""
    from biaskit.evaluate.attributions import evaluate_attributions

    gold = _check_file(args.gold, "gold")
    lists = [_check_file(p, "word list") for p in args.wordlists]
    errors_out = None
    if args.errors:
        from biaskit.cli._common import check_output

        errors_out = check_output(args.errors, (".csv", ".csv.gz", ".jsonl", ".jsonl.gz"), input_path=args.gold)
    result = evaluate_attributions(gold, wordlists=lists or None, errors=errors_out is not None)
    if errors_out is not None:
        import pandas as pd

        from biaskit.io import write_table

        columns = ["id", "outlet", "role", "error", "start", "end", "text", "other_text", "jaccard"]
        errors = pd.DataFrame(result.pop("errors"), columns=columns)
        write_table(errors, errors_out)
        # (on stderr: --json keeps standard output pure JSON)
        print(f"biaskit: wrote {len(errors)} missed, false and partial spans -> {errors_out}", file=sys.stderr)
    if args.json:
        # exactly the documented shape (article count and timing are in the table print)
        shape = {k: result[k] for k in ("exact", "overlap", "per_outlet")}
        print(json.dumps(_json_safe(shape), indent=2, ensure_ascii=False))
    else:
        print(format_attribution_scores(result, title=f"Attribution extraction against {gold.name}"))
    return 0


def _row(label: str, scores: dict, role: str) -> str:
    e, o = scores["exact"][role], scores["overlap"][role]
    cells = [e["precision"], e["recall"], e["f1"], o["precision"], o["recall"], o["f1"]]
    return f"{label:<22}{role:<9}" + "".join(f"{x:>8.3f}" for x in cells)


def format_attribution_scores(result: dict, *, title: str = "Attribution extraction") -> str:
    """Render the dict of :func:`~biaskit.evaluate.attributions.score_attributions` as a text table.

    Examples
    --------
    >>> z = {"precision": 0.5, "recall": 1.0, "f1": 2 / 3}
    >>> s = {"exact": {r: z for r in ("source", "cue", "content")}}
    >>> s["overlap"] = s["exact"]
    >>> print(format_attribution_scores({**s, "per_outlet": {}}).splitlines()[4])
    all                   source    0.500   1.000   0.667   0.500   1.000   0.667
    """
    lines = [title]
    extra = []
    if "articles" in result:
        n = result["articles"]
        extra.append(f"{n} article{'' if n == 1 else 's'}")
    if "seconds" in result:
        extra.append(f"extraction {result['seconds']:.1f} s")
    if extra:
        lines[0] += " (" + ", ".join(extra) + ")"
    lines.append("")
    lines.append(f"{'':<31}{'exact':^24}{'overlap (Jaccard >= 0.5)':^24}")
    lines.append(f"{'':<22}{'role':<9}" + "".join(f"{h:>8}" for h in ("P", "R", "F1") * 2))
    roles = ("source", "cue", "content")
    for role in roles:
        lines.append(_row("all", result, role))
    for outlet, scores in result.get("per_outlet", {}).items():
        lines.append("")
        for role in roles:
            lines.append(_row(outlet[:21] if role == "source" else "", scores, role))
    return "\n".join(lines)


# --------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------


def run_vocabulary(args: argparse.Namespace) -> int:
    """Evaluate the vocabulary lexicons on labelled sentences and print the results."""
    gold = _check_file(args.gold, "gold")
    test = _check_file(args.test, "test") if args.test else None
    lexicons = tuple(_check_file(p, "lexicon") for p in args.lexicon)
    try:
        from biaskit.evaluate.vocabulary import evaluate_vocabulary
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError(f"vocabulary evaluation is not available in this install ({exc})") from None
    result = evaluate_vocabulary(gold, lexicons=lexicons, test=test)
    if args.json:
        print(json.dumps(_json_safe(result), indent=2, ensure_ascii=False))
    else:
        print(format_vocabulary(result, title=f"Vocabulary lexicons against {gold.name}"))
    return 0


def _table(header: list[str], rows: list[list[str]], pad: str = "  ") -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]

    def number(x: str) -> bool:
        try:
            float(x.replace(",", ""))
        except ValueError:
            return x == "n/a"
        return True

    right = [i > 0 and all(number(r[i]) for r in rows) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return (pad + "  ".join(f"{c:>{w}}" if rt else f"{c:<{w}}"
                                for c, w, rt in zip(cells, widths, right, strict=True))).rstrip()

    return [line(header), *(line(r) for r in rows)]


def _f1(p, r) -> float:
    if p is None or r is None or (isinstance(p, float) and math.isnan(p)) or (isinstance(r, float)
                                                                             and math.isnan(r)):
        return math.nan
    return 2 * p * r / (p + r) if p + r else 0.0


def _word_rows(name: str, res: dict) -> list[list[str]]:
    gold_n = res.get("word_gold") or 0
    rows = [[name, _fmt_value(res.get("word_predicted")), _fmt_value(res.get("word_true_positives")),
             _fmt_value(res.get("word_precision")), _fmt_value(res.get("word_recall")),
             _fmt_value(res.get("word_f1"))]]
    cats = res.get("word_categories") or res.get("categories") or {}
    for cat, c in cats.items():
        recall = c.get("true_positives", 0) / gold_n if gold_n else math.nan
        rows.append([f"  {cat}", _fmt_value(c.get("predicted")), _fmt_value(c.get("true_positives")),
                     _fmt_value(c.get("precision")), _fmt_value(recall), _fmt_value(_f1(c.get("precision"),
                                                                                         recall))])
    return rows


def format_vocabulary(result: dict, *, title: str | None = None) -> str:
    """Render :func:`biaskit.evaluate_vocabulary` results as readable tables.

    Word level: hits, correct hits, precision, recall and F1 of the packaged
    lexicon (and each user lexicon), overall and per category; a category's
    recall is the share of all annotated words that its hits find. Sentence
    level: biased-class and macro F1 of each pipeline, overall and per fold.
    Keys it does not know are listed at the end, so nothing is hidden.

    Examples
    --------
    >>> print(format_vocabulary({"sentences": 2, "word_precision": 0.5, "word_recall": 1.0, "word_f1": 2 / 3,
    ...                          "word_true_positives": 1, "word_predicted": 2, "word_gold": 1,
    ...                          "test": None}))
    Word level (2 sentences; 1 annotated word)
      Lexicon   Hits  Correct  Precision  Recall     F1
      packaged     2        1      0.500   1.000  0.667
    <BLANKLINE>
      Precision: share of the hits that annotators marked; recall: share of the annotated words found.
    """
    r = dict(result)
    lines: list[str] = [title, ""] if title else []
    for k in ("gold", "test", "word_level_file"):
        r.pop(k, None)
    if result.get("gold"):
        lines.append(f"Gold: {result['gold']}")
    if result.get("test"):
        lines.append(f"Test: {result['test']} (word level and sentence scores are on this file)")
    if len(lines) > (2 if title else 0):
        lines.append("")

    n_sent, n_gold = r.pop("sentences", None), r.get("word_gold")
    head = "Word level"
    bits = [f"{n_sent:,} sentences" if isinstance(n_sent, int) else None,
            f"{n_gold:,} annotated word{'s' if n_gold != 1 else ''}" if isinstance(n_gold, int) else None]
    bits = [b for b in bits if b]
    lines.append(head + (f" ({'; '.join(bits)})" if bits else ""))
    if r.get("word_precision") is None and "word_note" in r:
        lines.append(f"  {r.pop('word_note')}")
    else:
        rows = _word_rows("packaged", r)
        user = r.get("lexicons") if isinstance(r.get("lexicons"), dict) else {}
        for name, res in user.items():
            rows += _word_rows(str(name), res)
        lines += _table(["Lexicon", "Hits", "Correct", "Precision", "Recall", "F1"], rows)
        lines += ["", "  Precision: share of the hits that annotators marked; recall: share of the annotated words "
                      "found."]
        if len(rows) > 1 + len(user):
            lines.append("  Per category, recall is out of all annotated words (the annotators give no "
                         "categories).")
    for k in ("word_precision", "word_recall", "word_f1", "word_true_positives", "word_predicted", "word_gold",
              "word_categories", "lexicons", "word_note"):
        r.pop(k, None)

    pipes = sorted({k[len("sentence_biased_f1_"):] for k in r if k.startswith("sentence_biased_f1_")})
    if pipes:
        lines += ["", "Sentence level" + (f" ({r['protocol']})" if r.get("protocol") else "")]
        best = r.get("sentence_pipeline")
        rows = [[p + (" (best)" if p == best else ""), _fmt_value(r.get(f"sentence_biased_f1_{p}")),
                 _fmt_value(r.get(f"sentence_macro_f1_{p}"))] for p in pipes]
        lines += _table(["Pipeline", "Biased-class F1", "Macro-F1"], rows)
        per_fold = r.get("per_fold") or {}
        if per_fold:
            rows = [[f"fold {fold}", p, _fmt_value(sc.get("biased_f1")), _fmt_value(sc.get("macro_f1"))]
                    for fold, by_pipe in per_fold.items() for p, sc in by_pipe.items()]
            lines += ["", *_table(["Fold", "Pipeline", "Biased-class F1", "Macro-F1"], rows)]
        facts = []
        if isinstance(r.get("sentence_labelled"), int):
            facts.append(f"{r['sentence_labelled']:,} labelled sentences")
        if isinstance(r.get("sentence_biased_share"), float):
            facts.append(f"{r['sentence_biased_share']:.1%} biased")
        if isinstance(r.get("sentence_features"), int):
            facts.append(f"{r['sentence_features']} interpretable features")
        status = r.get("sentence_status") or {}
        if status and set(status) != {"ok"}:
            facts.append("status: " + ", ".join(f"{k} {v}" for k, v in status.items()))
        if facts:
            lines += ["", "  " + "; ".join(facts) + "."]
        for k in [k for k in r if k.startswith("sentence_")] + ["protocol", "per_fold"]:
            r.pop(k, None)
    rest = {k: v for k, v in r.items() if v is not None}
    if rest:
        lines += ["", format_nested(rest, title=None)]
    return "\n".join(lines)


def _fmt_value(v) -> str:
    if isinstance(v, bool) or v is None:
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "n/a"
        return f"{v:.3f}" if abs(v) < 1e6 else f"{v:.4g}"
    return str(v)


def format_nested(result, *, title: str | None = None, indent: int = 0) -> str:
    """Render a nested dict/list of results as an indented, readable listing.

    Mappings whose values are all scalars print as ``key  value`` lines with
    aligned values; nested mappings become indented sections; lists of flat
    mappings print as small tables.

    Examples
    --------
    >>> print(format_nested({"n": 3, "scores": {"f1": 0.5, "auc": 0.75}}))
    n  3
    scores
      f1   0.500
      auc  0.750
    """
    lines: list[str] = [title, ""] if title else []
    pad = " " * indent
    if isinstance(result, dict):
        width = max((len(str(k)) for k in result), default=0)
        for k, v in result.items():
            if isinstance(v, (dict, list, tuple)) and v and not _is_scalar_list(v):
                lines.append(f"{pad}{k}")
                lines.append(format_nested(v, indent=indent + 2))
            else:
                shown = ", ".join(_fmt_value(x) for x in v) if isinstance(v, (list, tuple)) else _fmt_value(v)
                lines.append(f"{pad}{str(k):<{width}}  {shown}")
    elif isinstance(result, (list, tuple)):
        if result and all(isinstance(r, dict) for r in result) and all(
            not isinstance(x, (dict, list, tuple)) for r in result for x in r.values()
        ):
            cols = list(dict.fromkeys(k for r in result for k in r))
            cells = [[_fmt_value(r.get(c, "")) for c in cols] for r in result]
            widths = [max(len(str(c)), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
            lines.append(pad + "  ".join(f"{c:<{w}}" for c, w in zip(cols, widths, strict=True)))
            for row in cells:
                lines.append(pad + "  ".join(f"{x:<{w}}" for x, w in zip(row, widths, strict=True)))
        else:
            for item in result:
                lines.append(format_nested(item, indent=indent) if isinstance(item, (dict, list, tuple))
                             else f"{pad}{_fmt_value(item)}")
    else:
        lines.append(f"{pad}{_fmt_value(result)}")
    return "\n".join(lines)


def _is_scalar_list(v) -> bool:
    return isinstance(v, (list, tuple)) and all(not isinstance(x, (dict, list, tuple)) for x in v)


def _json_safe(obj):
    """Make results JSON-serialisable: NaN -> null, numpy scalars -> Python, paths -> str."""
    if isinstance(obj, dict):
        return {str(k): _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        try:
            obj = obj.item()
        except (ValueError, AttributeError):
            pass
    if hasattr(obj, "to_dict"):
        return _json_safe(obj.to_dict())
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    return obj
