"""Assembling attributions: from the cue candidates of each sentence to records.

The private half of :func:`biaskit.extract.sourcing.attributions` (whose
docstring tells how attributions are found): the per-document pass over
the sentences, the document-wide rules (continuations, document scope), and
the :class:`~biaskit.records.Attribution` records with their speakers,
quote forms, hedges and text offsets. Like the other ``_attribution_*``
modules it is compiled by mypyc when biaskit is built with a C compiler
(see ``docs/sourcing.md``, "Speed"); its annotations are therefore checked
at run time there, and must be exact.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from biaskit.extract._attribution_content import resolve_sentence
from biaskit.extract._attribution_grammar import PREPOSITIONS
from biaskit.extract._attribution_rules import Cand, View, find_candidates
from biaskit.extract._attribution_speakers import Resolver, _antecedent
from biaskit.parse import Doc
from biaskit.records import Attribution
from biaskit.wordlists import Wordlists

__all__ = ["extract"]

_SPEECH = frozenset({"speech", "writing", ":"})
_HEDGE_WINDOW = 6


def extract(doc: Doc, wl: Wordlists, outlet: str | None) -> list[Attribution]:
    """The attributions of ``doc`` in reading order (see :func:`biaskit.extract.sourcing.attributions`).

    ``outlet``: the publishing outlet's name, stripped, or None.
    """
    v = View(doc, wl)
    live: list[Cand] = []
    for si in range(len(doc.sentences)):
        cands = find_candidates(v, si)
        if cands:
            live.extend(resolve_sentence(v, si, cands))
    live = [c for c in live if _keep(c) and not _act_only(v, c)]
    _continuations(v, live)
    _document_scope(v, live)
    records = _records(v, live)
    if outlet:
        records = _without_own_outlet(records, outlet, wl)
    records.extend(_unattributed(v, live))
    records.sort(key=lambda r: (_anchor(r), r.quote_form == "unattributed"))
    return records




def _outlet_name_key(name: str, wl: Wordlists) -> str:
    """An outlet name for comparison: its canonical name if listed, lower case, no punctuation or leading "the".

    A trailing media word is left out ("Harbor Ledger newspaper").

    >>> from biaskit.wordlists import load_wordlists
    >>> _outlet_name_key("The Huffington Post", load_wordlists())
    'huffpost'
    >>> _outlet_name_key("the Harbor-Ledger newspaper", load_wordlists())
    'harbor ledger'
    """
    known = wl.outlet(name)
    if known is None:
        words = name.split()
        if len(words) > 1 and words[-1].lower() in wl.agency_words:
            name = " ".join(words[:-1])
            known = wl.outlet(name)
    if known is not None:
        name = known[0]
    words = "".join(ch if ch.isalnum() else " " for ch in name.lower()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _without_own_outlet(records: list[Attribution], outlet: str, wl: Wordlists) -> list[Attribution]:
    """The records with the article's own outlet left out of every ``via`` chain."""
    own = _outlet_name_key(outlet, wl)
    out = []
    for r in records:
        if r.via and any(_outlet_name_key(x, wl) == own for x in r.via):
            r = replace(r, via=tuple(x for x in r.via if _outlet_name_key(x, wl) != own))
        out.append(r)
    return out


def _keep(c: Cand) -> bool:
    if c.source is None and c.kind != "according_to":
        return c.rule == "verb:passive" and bool(c.content)
    if not c.content and c.kind != "verb":
        return False
    return True


#: verb classes that report no speech by themselves ("refused to comply", "worry about the cost")
_ACT_CLASSES = frozenset({"intention", "cognition"})
_REPORT_CLASSES = frozenset({"speech"})


def _act_only(v: View, c: Cand) -> bool:
    """An intention or a thought told by the author, not something anyone is reported to say.

    A verb of intention ("refused to comply", "has decided to send", "offered a
    deal") makes an attribution only with a that-clause, a quotation, a content
    before it ('"...," she hoped') or an infinitive of a speech verb ("declined
    to comment"); a verb of thought only when its object is not a prepositional
    phrase ("worry about the cost", "will focus on the border"). The learned
    cue score cannot tell these apart: its annotated data count intentions as
    attributions.
    """
    if c.kind != "verb" or c.cls not in _ACT_CLASSES or c.direction not in ("fwd", "none"):
        return False
    if not c.content:
        return c.cls == "intention"
    k = bisect_left(v.starts, c.content[0][0])
    if k >= v.n:
        return False
    low = v.low
    w = low[k]
    if w in ("that", ":", "by") or v.inq[k] >= 0 or v.is_open_quote(k):
        return False  # (a passive's "by" names the source: "disliked by the establishment")
    if c.cls == "intention":
        return not _speech_object(v, k, c.content[0][1])
    return (w in PREPOSITIONS or w == "of") and w != "to"


def _speech_object(v: View, k: int, end: int) -> bool:
    """The first words of a content from token ``k`` name a speech act.

    An infinitive of a speech verb ("to comment", "at first to criticize") or
    a speech noun ("offered a retort", "offered his criticism", "offered
    remarks").
    """
    low = v.low
    wl = v.wl
    stop = min(v.n, k + _OBJECT_WORDS)
    for t in range(k, stop):
        if v.toks[t][0] >= end:
            break
        form = v.vf.get(low[t])
        entry = wl.verbs.get(form[0]) if form is not None else None
        if entry is not None and form is not None and (entry.cls in _REPORT_CLASSES or entry.cls == "noun") \
                and t > k and (low[t - 1] == "to" or form[1] in ("base", "noun")):
            return True
        if wl.reporting_nouns.get(low[t]) == "message":
            return True
    return False


#: how many words of a content :func:`_speech_object` reads
_OBJECT_WORDS = 5


def _anchor(r: Attribution) -> int:
    for x in (r.cue_start, r.source_start, r.content_start):
        if x is not None:
            return x
    return 0


# --------------------------------------------------------------------------
# "According to a White House statement, ..." over the rest of its paragraph
# --------------------------------------------------------------------------

_DOCUMENT_KINDS = frozenset({"document", "message"})


def _document_scope(v: View, live: list[Cand]) -> None:
    """A paragraph that opens its account with "According to <a document>," relays the rest of it.

    When a sentence starts with "According to" a statement, readout or report,
    the attributions in the following sentences of the same paragraph ("The
    leaders agreed ...") are relayed by that document: it joins their ``via``.
    The scope ends at the paragraph's end or at the next attribution that has
    its own relay or "according to".
    """
    if not live:
        return
    doc = v.doc
    nouns = v.fast.reporting_nouns
    scope: tuple[int, tuple[int, int], int] | None = None  # (paragraph, source tokens, sentence)
    for c in sorted(live, key=lambda c: c.cue[0]):
        para = doc.sentences[c.sentence].paragraph
        if scope is not None and (para != scope[0] or c.kind == "according_to" or c.via):
            scope = None
        if c.kind == "according_to":
            sent = doc.sentences[c.sentence]
            if c.source is not None and c.cue[0] == sent.token_start and not c.via:
                a, b = c.source
                k = b - 1
                while k > a and v.punct[k]:
                    k -= 1
                if nouns.get(v.low[k]) in _DOCUMENT_KINDS:
                    scope = (para, c.source, c.sentence)
            continue
        if scope is not None and c.sentence > scope[2] and c.source is not None:
            c.via.append(scope[1])


# --------------------------------------------------------------------------
# Quotations that continue an attribution
# --------------------------------------------------------------------------


def _continuations(v: View, live: list[Cand]) -> None:
    """Sentences (and paragraphs) that are only quotation continue the last attribution."""
    doc = v.doc
    if not live:
        return
    by_sentence: dict[int, list[Cand]] = {}
    for c in live:
        by_sentence.setdefault(c.sentence, []).append(c)
    covered = _covered_chars(live)
    last: Cand | list[Cand] | None = None
    last_si = -10
    for si, sent in enumerate(doc.sentences):
        if si in by_sentence:
            cs = by_sentence[si]
            last = cs  # resolved to one attribution when a continuation needs it
            last_si = si
            continue
        # only the next sentence, when it opens inside a quotation
        if last is None or si != last_si + 1:
            continue
        k = sent.token_start
        if k >= sent.token_end or not (v.is_open_quote(k) or v.inq[k] >= 0):
            continue
        if isinstance(last, list):
            # the quotation continues the attribution that quoted (not a trailing "..., referring to")
            quoting = [c for c in last if c.content and _quoted_share(v, c.content) > 0]
            main = [c for c in last if c.source_how != "shared"]
            last = max(quoting or main or last, key=lambda c: c.cue[0])
        if last.cls not in _SPEECH or si == 0:
            continue
        # same paragraph, or the first sentence of the next one
        same_para = sent.paragraph == doc.sentences[last_si].paragraph
        next_para = sent.paragraph == doc.sentences[last_si].paragraph + 1 and _last_in_para(doc, last_si)
        if not (same_para or next_para):
            continue
        q = doc.quotes[v.inq[k]]
        if q.start < sent.start and _inside(covered, q.start):
            # the quotation already belongs to the attribution's content
            last_si = si
            continue
        # the whole sentence must be quotation (bar the final punctuation)
        end = min(q.end, doc.paragraphs[sent.paragraph][1])
        if end < sent.end - 2:
            continue
        a, b = max(q.start, sent.start), end
        if last.content and last.content[-1][1] >= a:
            continue
        last.content.append((a, b))
        covered.append((a, b))
        last_si = si


def _last_in_para(doc: Doc, si: int) -> bool:
    return si + 1 >= len(doc.sentences) or doc.sentences[si + 1].paragraph != doc.sentences[si].paragraph


def _covered_chars(live: list[Cand]) -> list[tuple[int, int]]:
    return [piece for c in live if c.cls in _SPEECH or c.kind != "verb" for piece in c.content]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


def _nonspace(s: str) -> int:
    return len(s) - s.count(" ") - s.count("\n")


def _quoted_share(v: View, pieces: list[tuple[int, int]]) -> float:
    """Share of the content's non-space characters that lie inside quotation marks."""
    qstarts = v.qstarts
    if not qstarts or not pieces:
        return 0.0
    s = v.s
    inside = 0
    quotes = v.doc.quotes
    qidx = v.qidx
    nq = len(qidx)
    for a, b in pieces:
        # quotations are sorted and do not overlap at depth 0: start one before the first that may touch
        k = bisect_left(qstarts, a) - 1
        if k < 0:
            k = 0
        while k < nq:
            q = quotes[qidx[k]]
            qs = q.start
            if qs >= b:
                break
            lo = a if a > qs else qs
            hi = q.end
            if b < hi:
                hi = b
            if lo < hi:
                inside += _nonspace(s[lo:hi])
            k += 1
    if not inside:
        return 0.0  # (no need to count the content)
    total = 0
    for a, b in pieces:
        total += _nonspace(s[a:b])
    return min(1.0, inside / total)


def _quote_form(v: View, c: Cand, share: float) -> str:
    if share <= 0.0 or c.cls not in _SPEECH and c.kind == "verb":
        return "indirect"
    if share >= 0.9:
        return "direct"
    return "mixed"


_BE3 = frozenset({"is", "are", "was", "were"})


def _hedged(v: View, c: Cand) -> bool:
    """A hedge in or just before the cue ("reportedly said", "is said to", "claimed")."""
    hedges = v.fast.hedges
    low = v.low
    sent = v.doc.sentences[c.sentence]
    lo = max(sent.token_start, c.cue[0] - _HEDGE_WINDOW)
    hi = min(sent.token_end, c.cue[1] + 3)
    window = low[lo:hi]
    if hedges.keys().isdisjoint(window) and (_BE3.isdisjoint(window) or v.fast.hedge_seconds.isdisjoint(low[lo + 1:hi + 1])):
        return False  # (most windows: no word below can match)
    content = c.content
    toks = v.toks
    for k in range(lo, hi):
        w = low[k]
        kind = hedges.get(w)
        if kind is not None:
            if v.inq[k] >= 0 or _inside(content, toks[k][0]):
                continue  # a hedge inside what is attributed is the speaker's, not the outlet's ("the so-called reform")
            # a hedging verb ("claimed") counts only as the cue itself
            if kind != "verb" or k == c.verb:
                return True
        elif (w in _BE3 and k + 2 < v.n and f"{w} {low[k + 1]} {low[k + 2]}" in hedges
              and not _inside(content, toks[k][0])):
            return True
    return False


def _construction(v: View, c: Cand) -> str:
    if c.kind == "according_to":
        return "according_to"
    if c.kind == "colon":
        return "colon"
    if c.source is not None:
        a, b = c.source
        if c.rule == "verb:relative":
            ante = _antecedent(v, a)
            if ante is not None:
                a, b = ante
        # the last word of the source (or of a relative pronoun's antecedent)
        punct = v.punct
        k = b - 1
        while k >= a and punct[k]:
            k -= 1
        if k >= a and v.fast.reporting_nouns.get(v.low[k]) in ("document", "message"):
            return "noun_source"
    return "verb"


def _span_text(v: View, pieces: list[tuple[int, int]]) -> tuple[int | None, int | None, str | None, tuple]:
    """Text offsets of char pieces of doc.string: (start, end, text, spans)."""
    if not pieces:
        return None, None, None, ()
    text = v.doc.text
    if len(pieces) == 1:
        start, end = v.text_span(*pieces[0])
        return start, end, text[start:end], ()
    pieces = sorted(pieces)
    merged: list[list[int]] = []
    for a, b in pieces:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    spans = tuple(v.text_span(a, b) for a, b in merged)
    start, end = spans[0][0], spans[-1][1]
    if len(spans) == 1:
        return start, end, text[start:end], ()
    return start, end, " ... ".join(text[a:b] for a, b in spans), spans


def _tok_chars(v: View, rng: tuple[int, int]) -> tuple[int, int]:
    return v.toks[rng[0]][0], v.toks[rng[1] - 1][1]


def _records(v: View, live: list[Cand]) -> list[Attribution]:
    res = Resolver(v)
    out: list[Attribution] = []
    toks = v.toks
    text = v.doc.text
    ss: int | None
    se: int | None
    stext: str | None
    for c in sorted(live, key=lambda c: c.cue[0]):
        speaker, role, stype = res.resolve(c.source, c.alias)
        via_names = []
        for span in c.via:
            via_names.append(res.via_name(span))
        if c.cue_extra:
            cue_pieces = [_tok_chars(v, c.cue)] + [_tok_chars(v, x) for x in c.cue_extra]
            cs, ce, ctext, cspans = _span_text(v, cue_pieces)
        else:
            cs, ce = v.text_span(toks[c.cue[0]][0], toks[c.cue[1] - 1][1])
            ctext, cspans = text[cs:ce], ()
        if c.source is not None:
            ss, se = v.text_span(toks[c.source[0]][0], toks[c.source[1] - 1][1])
            stext, sspans = text[ss:se], ()
        else:
            ss = se = None
            stext = None
            sspans = ()
        ts_, te_, ttext, tspans = _span_text(v, c.content)
        share = _quoted_share(v, c.content)
        form = _quote_form(v, c, share) if c.content else "indirect"
        out.append(Attribution._from_values((
            form,  # quote_form
            _construction(v, c),  # construction
            speaker,  # speaker
            stype,  # source_type
            role,  # role
            tuple(via_names),  # via
            _hedged(v, c),  # hedged
            c.rule or c.kind,  # rule
            c.lemma,  # cue_lemma
            ss,  # source_start
            se,  # source_end
            stext,  # source_text
            cs,  # cue_start
            ce,  # cue_end
            ctext,  # cue_text
            ts_,  # content_start
            te_,  # content_end
            ttext,  # content_text
            share,  # quoted_share
            c.sentence,  # sentence
            cspans,  # cue_spans
            tspans,  # content_spans
            sspans,  # source_spans
        )))
    return out


#: a letter or digit (a character for which ``str.isalnum`` holds)
_ALNUM_RE = re.compile(r"[^\W_]")


def _unattributed(v: View, live: list[Cand]) -> list[Attribution]:
    """Quotations outside every attributed content: scare quotes and unsourced quotations."""
    doc = v.doc
    if not v.qidx:
        return []
    toks = v.toks
    spans = _covered_chars(live)
    for c in live:
        spans.append((toks[c.cue[0]][0], toks[c.cue[1] - 1][1]))
        if c.source:
            spans.append((toks[c.source[0]][0], toks[c.source[1] - 1][1]))
    spans.sort()
    starts = [a for a, _ in spans]
    # the furthest end among spans starting at or before each position (spans may nest)
    reach, far = [], -1
    for _, b in spans:
        far = max(far, b)
        reach.append(far)
    out = []
    for qi in v.qidx:
        q = doc.quotes[qi]
        k = bisect_left(starts, q.end) - 1  # spans starting before the quotation ends
        if k >= 0 and reach[k] > q.start:
            continue
        if _ALNUM_RE.search(doc.string, q.inner_start, q.inner_end) is None:
            continue  # nothing but punctuation quoted
        start, end = v.text_span(q.start, q.end)
        si = doc.sentence_at(q.start)
        out.append(Attribution._from_values((
            "unattributed",  # quote_form
            None,  # construction
            None,  # speaker
            "unknown",  # source_type
            None,  # role
            (),  # via
            False,  # hedged
            "quote:unattributed",  # rule
            None,  # cue_lemma
            None,  # source_start
            None,  # source_end
            None,  # source_text
            None,  # cue_start
            None,  # cue_end
            None,  # cue_text
            start,  # content_start
            end,  # content_end
            doc.text[start:end],  # content_text
            1.0,  # quoted_share
            si if si >= 0 else None,  # sentence
            (),  # cue_spans
            (),  # content_spans
            (),  # source_spans
        )))
    return out
