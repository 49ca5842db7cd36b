"""Content spans and the resolution of candidates within a sentence.

Given the cue candidates of one sentence (with their sources), decide which
way each points (content after the cue, or before it as in "'...,' she said"),
cut contents where a coordinate attribution starts ("..., adding that"),
drop candidates nested inside another's content (PolNeAR-style univocal
annotation: "Song said Clinton had said ..." is one attribution), and fold
relays into a ``via`` chain ("CNN quoted Sullivan as saying", "..., according
to Reuters", "said ... quoted by RIA Novosti").
"""

from __future__ import annotations

from bisect import bisect_left

from biaskit.extract._attribution_grammar import DETERMINERS, PREPOSITIONS, TIME_WORDS, WEEKDAYS
from biaskit.extract._attribution_rules import (
    _CUT_WORDS,
    _DASHES,
    _QUOTE_CHARS,
    Cand,
    View,
    _finite_after,
    clause_subject,
    left_np,
    right_np,
)
from biaskit.extract._attribution_speakers import _masthead

_SKIP_AFTER = TIME_WORDS | {"on", "at", "in", "during", "last", "this", "early", "late", "earlier", "again",
                            "also", "recently", "once", "twice", "repeatedly", "publicly", "privately", "flatly",
                            "then", "simply", "too"}


def _region_start(c: Cand) -> int:
    return c.region[0]


def _char(v: View, tok: int, end: bool = False) -> int:
    return v.toks[tok][1] if end else v.toks[tok][0]


#: characters a content does not start or end with (besides spaces)
_TRIM_START = frozenset(",;:") | _DASHES
_TRIM_END = frozenset(",;:.") | _DASHES


def _trim_chars(v: View, a: int, b: int) -> tuple[int, int]:
    s = v.s
    while a < b and (s[a] in _TRIM_START or s[a].isspace()):
        a += 1
    while b > a and (s[b - 1] in _TRIM_END or s[b - 1].isspace()):
        b -= 1
    return a, b


#: subject pronouns that open a clause without "that" after an addressee ("told aides he would resign")
_CLAUSE_OPENERS = frozenset({"he", "she", "they", "we", "i", "there"})
#: how far a clause's finite verb may stand from its first word ("the new tax plan would")
_SUBJECT_MAX = 6


def _finite_within(v: View, k: int, te: int) -> bool:
    """A finite verb within a few words from token ``k``, before any punctuation, "that" or a wh-word.

    The words from ``k`` are then a clause's subject and its verb, not part
    of an addressee ("told reporters at the White House that ..." is no
    clause after "the").
    """
    low = v.low
    for t in range(k, min(te, k + _SUBJECT_MAX)):
        if v.punct[t] or v.inq[t] >= 0 or low[t] == "that" or low[t] in _WH:
            return False
        if _finite_after(v, t):
            return True
    return False


def _clause_start(v: View, m: int, j: int, te: int) -> bool:
    """Token ``m`` (after the addressee starting at ``j``) opens a clause without "that": "told aides *he* would"."""
    low = v.low
    w = low[m]
    return (m > j and (w in _CLAUSE_OPENERS or (w in DETERMINERS and low[m - 1] not in PREPOSITIONS))
            and _finite_within(v, m + 1, te))


def _forward_start(v: View, c: Cand, k: int, te: int) -> tuple[str, int]:
    """Where the content after the cue starts, or ('post', -1) when nothing follows."""
    low = v.low
    j = k
    entry = v.fast.verbs.get(c.lemma)
    tell = entry is not None and "tell" in entry.frames
    # "told reporters that", "told CNN on Monday that": skip the addressee
    if tell and j < te and not v.punct[j] and low[j] != "that":
        m = j
        limit = min(te, j + 8)
        while m < limit and not v.punct[m] and low[m] not in ("that", "to", "about", "of") and low[m] not in _WH and v.inq[m] < 0:
            if m > j and (low[m] in _CLAUSE_OPENERS or low[m] in DETERMINERS) and _clause_start(v, m, j, te):
                return "fwd", m  # "told aides he would resign", "told Reuters the company would appeal": no "that"
            m += 1
        if m < te and (low[m] in ("that", "to", "about", "of") or low[m] in _WH or v.is_open_quote(m) or low[m] in (",", ":")):
            j = m
        else:
            return "post", -1
    while j < te:
        lw = low[j]
        if v.punct[j]:
            if lw == ":" or lw in _DASHES:
                j += 1
                continue
            if v.is_open_quote(j):
                return "fwd", j
            if lw == ",":
                if j + 1 >= te:
                    return "post", -1
                nl = low[j + 1]
                vf = v.wl.verb_forms.get(nl)
                if nl in ("according", "quoted") or (vf is not None and vf[1] == "ing") or nl in ("who", "which"):
                    return "post", -1
                j += 1
                continue
            if lw in ".!?":
                return "post", -1
            return "fwd", j
        if lw in WEEKDAYS or (lw in _SKIP_AFTER and (j + 1 >= te or low[j + 1] in TIME_WORDS or low[j + 1] in (",", "that") or lw in WEEKDAYS)):
            j += 1
            continue
        if lw in ("on", "at", "in", "during") and j + 1 < te:
            # "said at a rally that": skip a short prepositional phrase ending at "that" or a comma
            m = j + 1
            while m < min(te, j + 7) and not v.punct[m] and low[m] != "that":
                m += 1
            if m < te and (low[m] == "that" or low[m] == ","):
                j = m
                continue
        return "fwd", j
    return "post", -1


def _quote_extend_back(v: View, a: int, lo_char: int) -> int:
    """If char ``a`` lies in a quotation opened before, start the content at its opening mark."""
    k = bisect_left(v.qstarts, a) - 1  # (the depth-0 quotation that opens last before it)
    if k >= 0:
        q = v.doc.quotes[v.qidx[k]]
        if q.start < a < q.end and q.start >= lo_char:
            return q.start
    return a


def _quote_extend_fwd(v: View, b: int, hi_char: int) -> int:
    """If char ``b`` lies inside a quotation, end the content at its closing mark."""
    k = bisect_left(v.qstarts, b) - 1  # (the depth-0 quotation that opens last before it)
    if k >= 0:
        q = v.doc.quotes[v.qidx[k]]
        if q.start < b < q.end and q.end <= hi_char:
            return q.end
    return b


def resolve_sentence(v: View, si: int, cands: list[Cand]) -> list[Cand]:
    """Give each candidate its content; drop nested ones; fold relays into via."""
    if not cands:
        return []
    low = v.low
    doc = v.doc
    sent = doc.sentences[si]
    ts, te = sent.token_start, sent.token_end
    pa, pb = doc.paragraphs[sent.paragraph]

    # ---- relays first ---------------------------------------------------
    _fold_relays(v, cands, ts, te)
    # a cue inside another candidate's source ("an official, who spoke on condition of anonymity, said")
    for c in (cands if len(cands) > 1 else ()):  # (one candidate has no other's source to sit in)
        for d in cands:
            if d is c or d.source is None or c.dropped:
                continue
            inside = d.source[0] <= c.cue[0] < d.source[1]
            between = d.source_how == "pre" and d.source[1] <= c.cue[0] < d.cue[0]
            if inside or between:
                c.dropped = True
                break
    cands = [c for c in cands if not c.dropped]

    # ---- direction of each candidate ------------------------------------
    for c in cands:
        after = c.cue[1]
        for x in c.cue_extra:
            if x[0] <= after + 1:
                after = max(after, x[1])
        if c.source is not None and c.source_how in ("inv", "by", "after", "colon"):
            after = max(after, c.source[1])
        if c.relays:
            for r in sorted(c.relays):
                if r[0] <= after + 1:
                    after = max(after, r[1])
        own_start = c.start_tok
        if c.source_how == "after":
            own_start = c.cue[0]
            for r in c.relays:  # "Reuters reported, citing X": the reporter before the cue
                if r[1] == own_start:
                    own_start = r[0]
        c.region = (own_start, after)
        before_material = own_start > ts and 0 in v.punct[ts:own_start]  # (a word, not punctuation, before)
        if c.kind == "colon":
            c.direction, fstart = "fwd", after
        elif c.kind == "according_to":
            if before_material and own_start - 1 >= ts and low[own_start - 1] in (",", "(") or (before_material and _prev_is_clause(v, ts, own_start)):
                c.direction, fstart = "post", -1
            else:
                fstart = after
                # "according to X on Friday, the meeting ...": skip a short adverbial
                m = fstart
                while m < min(te, fstart + 5) and low[m] != "," and not v.punct[m]:
                    m += 1
                if m < te and m > fstart and low[m] == "," and (low[fstart] in PREPOSITIONS or low[fstart] in TIME_WORDS):
                    fstart = m
                while fstart < te and low[fstart] == ",":
                    fstart += 1
                c.direction = "fwd"
        else:
            before = _before_kind(v, ts, own_start) if before_material else "none"
            if before == "quote":
                direction, fstart = "post", -1  # (a quotation before: what follows the cue is not looked at)
            else:
                direction, fstart = _forward_start(v, c, after, te)
                if before == "clause" and direction == "fwd":
                    if after < te and low[after] == "," and fstart > after and not v.is_open_quote(fstart) and low[fstart] not in ("that",):
                        direction = "paren"  # "To win, participants said, the party must ..."
                    elif _short_report(v, c, fstart, te):
                        direction = "post"  # "Sales were great, he said after the rally"
            if direction == "post" and not before_material:
                # nothing before either: the content is the previous sentence's quotation, or none
                direction = "none"
            # "the things that Trump has said", "what he said this week": the relative pronoun is the content
            r_ = own_start - 1
            if (c.source_how == "pre" and r_ >= ts and low[r_] in ("that", "which", "what", "whom") and direction in ("post", "none")
                    and not (r_ - 1 >= ts and low[r_ - 1] == ",")):
                direction = "relobj"
                c.content = [(_char(v, r_), _char(v, r_, end=True))]
            if direction == "post" and _subordinate_source(v, ts, own_start):
                direction = "none"  # "X calls the deal fair as farmers object": the clause before is not theirs
            if direction == "post" and _reported_within(v, cands, c, own_start):
                direction = "none"  # "X said she had warned the council": the words before are X's, not its content
            c.direction = direction
        c.fstart = fstart

    # ---- nesting: postposed candidates own what precedes them -------------
    ordered = sorted(cands, key=_region_start) if len(cands) > 1 else cands
    for c in ordered:
        if c.dropped or c.direction != "post":
            continue
        # content: from the sentence start (or the end of an earlier attribution's own words) to the source
        lo = ts
        for d in ordered:
            if d is c or d.dropped:
                continue
            if d.region[1] <= c.region[0] and d.direction == "post":
                lo = max(lo, d.region[1])
        a_char = _char(v, lo)
        b_tok = c.region[0]
        if b_tok - 1 > lo and low[b_tok - 1] == "as":
            b_tok -= 1  # "The economy is weak, as Trump said": "as" joins the attribution
        b_char = _char(v, b_tok)
        a_char, b_char = _trim_chars(v, a_char, b_char)
        a_char = _quote_extend_back(v, a_char, pa)
        if b_char > a_char:
            c.content = [(a_char, b_char)]
        for d in ordered:
            if d is not c and not d.dropped and lo <= d.cue[0] < c.region[0]:
                if d.direction == "post" and d.region[1] <= c.region[0]:
                    # a chain of postposed attributions: keep the nearer one only when it has its own words
                    continue
                d.dropped = True
        # '"A," he said, "B."': the rest of the sentence continues the quotation
        k = c.region[1]
        while k < te and low[k] in (",", ":") :
            k += 1
        if k < te and v.is_open_quote(k):
            q = doc.quotes[v.inq[k]]
            c.content.append((q.start, min(q.end, pb)))

    # ---- parenthetical "X said," inside the statement: content on both sides ----
    for c in ordered:
        if c.dropped or c.direction != "paren":
            continue
        a_char, b_char = _trim_chars(v, _char(v, ts), _char(v, c.region[0]))
        a_char = _quote_extend_back(v, a_char, pa)
        pieces = [(a_char, b_char)] if b_char > a_char else []
        for d in ordered:
            if d is not c and not d.dropped and ts <= d.cue[0] < c.region[0]:
                d.dropped = True
        c.content = pieces
        c.direction = "fwd"
        c.paren = pieces

    # ---- forward candidates, left to right -------------------------------
    fwd = [c for c in ordered if not c.dropped and c.direction == "fwd"]
    toks = v.toks
    for c in fwd:
        if c.dropped:
            continue
        start_tok = c.fstart
        end_tok = te
        for d in ordered:
            if d is c or d.dropped or d.region[0] < start_tok:
                continue
            if d.direction == "post" and d.region[0] >= start_tok:
                # a later postposed attribution: its content covers ours — we are nested in it
                if d.content and d.content[0][0] <= _char(v, c.cue[0]) < d.content[0][1]:
                    c.dropped = True
                    break
                end_tok = min(end_tok, d.region[0])
                break
            if _coordinate(v, d, ts) or (c.source_how == "shared" and d.region[0] - 1 >= ts and low[d.region[0] - 1] == ",") or (
                    SUBORD_SPLIT and _subordinate_report(v, c, d, ts, start_tok)):
                end_tok = min(end_tok, d.region[0])
                break
            d.dropped = True
        if c.dropped:
            continue
        if c.cls == "noun":
            # "Trump's criticism of Clinton was harsh": the content ends where the clause's verb starts
            for k in range(start_tok + 1, end_tok):
                w = low[k]
                if (v.punct[k] and w in ",;:") or w in _NOUN_CONTENT_STOP or (not v.cap[k] and w in v.vf and v.vf[w][1] in ("3sg", "past")):
                    end_tok = k
                    break
        # never end on a conjunction or a trailing time phrase ("..., but", "while", "earlier Sunday")
        while end_tok - 1 > start_tok and low[end_tok - 1] in _TRAIL_DROP_OR_MARK:  # ("," and ";" are punctuation)
            end_tok -= 1
        if end_tok - 1 > start_tok and low[end_tok - 1] in TIME_WORDS:  # (else nothing to drop)
            end_tok = _drop_trailing_time(v, start_tok, end_tok)
        # a non-restrictive relative clause at the end is the outlet's aside (", which begins Monday");
        # a new clause after "; ", "but", "- but" is the outlet's own voice again
        # (only a comma, ";", "but" or a dash can cut: most contents have none)
        lo, hi = start_tok + 2, end_tok - 1
        for k in (range(lo, hi) if lo < hi and not _CUT_WORDS.isdisjoint(low[lo:hi]) else ()):
            w = low[k]
            if w not in _CUT_WORDS or v.inq[k] >= 0:
                continue
            nx = low[k + 1]
            if w == "," and nx in ("which", "who"):
                end_tok = k
                break
            if CUT_SEMICOLON and w == ";":
                end_tok = k
                break
            if CUT_BUT and w == "but" and (nx in _SUBJECTISH or v.cap[k + 1] or nx in PREPOSITIONS):
                end_tok = k
                break
            if CUT_DASH and v.punct[k] and w in _DASHES and nx in ("but", "and", "while", "which", "though", "although"):
                end_tok = k
                break
        for r in c.relays:
            if start_tok <= r[0] < end_tok:
                end_tok = r[0]
        if start_tok >= end_tok:
            c.content = []
            continue
        a_char, b_char = _trim_chars(v, toks[start_tok][0], toks[end_tok - 1][1])
        b_char = _quote_extend_fwd(v, b_char, pb)
        if b_char > a_char:
            c.content = (c.paren or []) + [(a_char, b_char)]

    # ---- "Trump is expected to win": a passive with no agent; its subject belongs to the content ----
    for c in ordered:
        if c.rule != "verb:passive" or c.dropped or c.source is not None or not c.content:
            continue
        subj = left_np(v, c.cue[0], ts)
        if subj is not None and low[subj[0]] not in ("who", "which"):
            c.content = [(_char(v, subj[0]), _char(v, subj[1] - 1, end=True))] + c.content

    # ---- participles share the main clause's source ----------------------
    live = [c for c in ordered if not c.dropped]
    for c in live:
        if c.source_how != "shared":
            continue
        prev = [d for d in live if d.cue[0] < c.cue[0] and d.source is not None and d is not c]
        if prev:
            d = prev[-1]
            c.source = d.source
            c.alias = d.alias
        else:
            subj = clause_subject(v, ts, c.cue[0])
            if subj is not None and subj[1] <= c.cue[0]:
                c.source = subj
                c.rule = c.rule + "_subject"
            else:
                # "Citing ..., the spokeswoman told ...": the subject of the clause that follows
                nxt = [d for d in live if d.cue[0] > c.cue[0] and d.source is not None and d.source_how == "pre"]
                if nxt:
                    c.source = nxt[0].source
                    c.rule = c.rule + "_subject"
    return live


_WH = frozenset({"if", "whether", "why", "how", "what", "who", "when", "where", "which"})
_ADVERBIAL_OPENERS = frozenset({"however", "meanwhile", "still", "indeed", "instead", "earlier", "later", "then",
                                "now", "today", "yesterday", "separately", "also", "again", "once", "asked",
                                "speaking", "writing", "in", "on", "at", "after", "before", "during", "when",
                                "while", "as", "since", "despite", "following", "with", "without", "for", "from",
                                "to", "by", "under", "over", "if", "although", "though", "because", "but", "and",
                                "so", "yet", "or", "last", "this", "next", "ultimately", "finally",
                                "first", "second", "nevertheless", "nonetheless", "moreover", "besides",
                                "unlike", "like", "amid", "among", "across", "through", "throughout", "until",
                                "upon", "within", "outside", "inside", "behind", "beyond", "near", "toward",
                                "towards", "according", "pressed", "reached", "interviewed"})


_SUBORDINATORS = frozenset({"as", "while", "because", "although", "though", "whereas", "since"})


def _subordinate_source(v: View, ts: int, own_start: int) -> bool:
    """The attribution opens a subordinate clause with no comma before it ("... as farmers object")."""
    k = own_start - 1
    return k > ts and v.low[k] in _SUBORDINATORS and v.low[k - 1] not in (",", ";", ":", "(", "\u2014", "\u2013", "-")


def _before_kind(v: View, ts: int, own_start: int) -> str:
    """What precedes an attribution's own words in its sentence: quote, adverbial, clause or other."""
    low = v.low
    k = own_start - 1
    if k < ts:
        return "none"
    if low[k] in ("\u2014", "\u2013", "-") and v.punct[k]:
        k -= 1
    if low[k] != "," and low[k] not in _QUOTE_CHARS:
        return "other"  # (neither a comma nor a closing quotation mark: see View.is_close_quote)
    # the first word of the material before
    f = ts
    while f < k and v.punct[f] and not v.is_open_quote(f):
        f += 1
    starts_quoted = v.is_open_quote(f) or v.inq[f] >= 0
    if v.is_close_quote(k) or (low[k] == "," and k - 1 >= ts and v.is_close_quote(k - 1)):
        if starts_quoted:
            return "quote"
    if low[k] == "," or v.is_close_quote(k):
        if starts_quoted:
            return "quote"
        vf = v.vf.get(low[f])
        if low[f] in _ADVERBIAL_OPENERS or low[f] in TIME_WORDS or k - f <= 1 or (vf is not None and vf[1] == "ing"):
            return "adverbial"
        return "clause"
    return "other"


_NOUN_CONTENT_STOP = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can",
                                "should", "may", "might", "must", "did", "does", "do", "came", "comes", "drew",
                                "prompted", "sparked", "led"})
CUT_SEMICOLON = True
CUT_BUT = True
CUT_DASH = True
_SUBJECTISH = frozenset({"he", "she", "they", "we", "i", "you", "it", "the", "a", "an", "this", "that", "his", "her",
                         "their", "its", "in", "on", "at", "there", "some", "many", "most", "others", "critics"})
_TRAIL_DROP = frozenset({"and", "but", "while", "or", "yet", "so", "then", "as", "although", "though", "whereas"})
_TRAIL_DROP_OR_MARK = _TRAIL_DROP | {",", ";"}


def _drop_trailing_time(v: View, a: int, b: int) -> int:
    """End a content before a trailing time phrase: 'on Monday', 'earlier Sunday', 'last week'."""
    low = v.low
    k = b
    while k - 1 > a and low[k - 1] in TIME_WORDS and not v.inq[k - 1] >= 0:
        k -= 1
    if k == b:
        return b
    if k - 1 > a and low[k - 1] in ("on", "in", "at", "during", "by", "until", "since"):
        k -= 1
    # only a real time phrase: it must hold a weekday, a month or a time noun
    if not any(low[t] in WEEKDAYS or low[t] in ("week", "weekend", "month", "year", "yesterday", "today", "tonight",
                                                "morning", "afternoon", "evening", "night", "earlier", "later", "fall",
                                                "spring", "summer", "winter", "ago") for t in range(k, b)):
        return b
    return k


def _short_report(v: View, c: Cand, fstart: int, te: int) -> bool:
    """'..., Smith said on Monday in Iowa': a speech verb with a short source and a short tail."""
    low = v.low
    if c.cls not in ("speech", "writing") or c.source is None or c.source[1] - c.source[0] > 6:
        return False
    if low[fstart] in ("that", ":") or v.is_open_quote(fstart) or low[fstart] in _WH:
        return False
    k = fstart
    n = 0
    while k < te and not (v.punct[k] and low[k] in ",;.!?"):
        n += 1
        k += 1
    return n <= 8


def _reported_within(v: View, cands: list[Cand], c: Cand, own_start: int) -> bool:
    """Candidate ``c`` stands in the reported clause of an earlier cue of its sentence.

    "Lopez, who took office in January, said she had warned the council": the
    cue "said" ends just before "she had warned" (or before "that she ..."),
    so "had warned" is part of what Lopez said, not a report of its own whose
    content is the words before it.
    """
    low = v.low
    for d in cands:
        if d is c or d.dropped or d.kind != "verb" or d.cue[1] > own_start:
            continue
        k = d.cue[1]
        if k < own_start and low[k] == "that":
            k += 1
        # (a passive's subject stands between: "said workers had been told")
        if k == own_start or (c.source is None and own_start - k <= _PASSIVE_SUBJECT_WORDS
                              and 1 not in v.punct[k:own_start]):
            return True
    return False


#: how many words may stand between a cue and a passive cue it reports ("said [the two workers] had been told")
_PASSIVE_SUBJECT_WORDS = 4


def _prev_is_clause(v: View, ts: int, k: int) -> bool:
    return k - 1 >= ts and v.low[k - 1] in (",", ";", "(")


SUBORD_SPLIT = True
_SUBORD = frozenset({"because", "when", "while", "after", "before", "since", "although", "though", "as", "whereas",
                     "until", "unless", "once", "if"})


def _subordinate_report(v: View, c: Cand, d: Cand, ts: int, start_tok: int) -> bool:
    """'The Democrats blocked the bill because they said ...': a report in an adverbial or
    non-restrictive relative clause is an attribution of its own, not part of the first one's content
    (chosen on PolNeAR train: it annotates such reports separately)."""
    a = d.region[0]
    low = v.low
    for k in range(max(ts, a - 2), a):
        if low[k] in _SUBORD or (low[k] in ("which", "who", "whom") and k - 1 >= ts and low[k - 1] == ","):
            return True
    return d.source is not None and d.source_how == "pre" and low[d.source[0]] in ("which", "who") and a - 1 >= ts and low[a - 1] == ","


def _coordinate(v: View, d: Cand, ts: int) -> bool:
    """True when candidate ``d`` starts a new attribution rather than sitting in the previous content."""
    low = v.low
    a = d.region[0]
    p = low[a - 1] if a - 1 >= ts else ""
    pp = low[a - 2] if a - 2 >= ts else ""
    if d.source_how == "shared":
        return p in (",", "and", "but", "or", "then", "before", "after", "while", "by", "when", "without", "yet")
    if d.kind == "according_to":
        return p == ","
    if p in (";",) or (p in ("and", "but", "while", "whereas", "though", "although") and pp == ","):
        return True
    if p == "," and d.source_how == "inv":
        return True
    return False


#: the verbs of "X told CNN" and "X said in an interview with CNN" (no other relay rule is about them)
_SPEAK_LEMMAS = frozenset({"tell", "say", "speak", "talk"})
#: the verbs the relay rules look at ("quoted by", "citing", "told CNN", "said in an interview with")
_RELAY_RULE_LEMMAS = frozenset({"quote", "cite"}) | _SPEAK_LEMMAS


def _fold_relays(v: View, cands: list[Cand], ts: int, te: int) -> None:
    """Turn relaying candidates into ``via`` entries of the attribution they relay."""
    low = v.low
    for n, c in enumerate(cands):
        kind, lemma = c.kind, c.lemma
        src = c.source
        if (n and kind == "verb" and src is not None and src[0] - 1 > ts and low[src[0] - 1] == ","
                and c.source_how == "pre" and not c.dropped and _medium_closes(v, cands, n, ts, te)):
            continue
        if c.dropped or (kind == "verb" and lemma not in _RELAY_RULE_LEMMAS):
            continue  # (no rule below applies)
        if kind == "verb" and lemma in _SPEAK_LEMMAS:  # (the one rule for these: "X told CNN", "in an interview with")
            _media_addressee(v, c, te)
            continue
        prev = [d for d in cands[:n] if not d.dropped] if lemma in ("quote", "cite") or kind == "according_to" else ()
        # "X said, quoted by RIA Novosti" / "said X quoted as saying ... by RIA Novosti"
        if c.lemma == "quote" and c.kind == "verb":
            i = c.verb
            k = i + 1
            as_saying = k + 1 < te and low[k] == "as" and low[k + 1] in ("saying", "telling", "writing")
            if c.passive and (c.source is None or c.source_how == "by") and _quoted_subject(v, c, ts, te):
                continue  # "Peskov was quoted as saying (by RIA Novosti)"
            if as_saying and prev:
                # find "by V" later in the clause
                m = k + 2
                while m < te and low[m] != "by" and not (v.punct[m] and low[m] in ",;"):
                    m += 1
                d = prev[-1]
                if m < te and low[m] == "by":
                    np = right_np(v, m + 1, te, appositions=False)
                    if np is not None:
                        d.relays.append((i - 1 if low[i - 1] == "," else i, np[1]))
                        d.via.insert(0, np)
                        d.cue_extra.append((i, k + 2))
                        d.cue_extra.append((m, m + 1))
                        c.dropped = True
                        continue
            if k < te and low[k] == "by" and not prev and _quoted_by_before(v, cands, n, k, te):
                continue  # "In a statement quoted by Reuters, the company said ..."
            if k < te and low[k] == "by" and prev:
                np = right_np(v, k + 1, te, appositions=False)
                if np is not None:
                    d = prev[-1]
                    d.relays.append((i - 1 if low[i - 1] == "," else i, np[1]))
                    d.via.insert(0, np)
                    d.cue_extra.append((i, k + 1))
                    c.dropped = True
                    continue
            # "CNN quoted Sullivan, as saying" / "CNN quoted an American witness as saying"
            obj = right_np(v, k, te, appositions=False) if k < te else None
            if obj is not None and c.source is not None and c.source_how == "pre":
                m = obj[1]
                while m < te and low[m] == ",":
                    m += 1
                if m + 1 < te and low[m] == "as" and low[m + 1] in ("saying", "telling", "writing", "stating"):
                    if prev and prev[-1].source is not None:
                        d = prev[-1]
                        d.relays.append((c.source[0], m + 2))
                        d.via.insert(0, c.source)
                        if d.alias is None:
                            d.alias = obj
                        d.cue_extra.append((c.verb, c.verb + 1))
                        d.cue_extra.append((m, m + 2))
                        c.dropped = True
                        continue
                    via = c.source
                    c.source, c.source_how = obj, "after"
                    c.via.insert(0, via)
                    c.cue_extra.append((m, m + 2))
                    c.rule = "verb:quoted_as_saying"
                    continue
        # "X, according to V, said ...": V relays the attribution whose verb follows the phrase
        if c.kind == "according_to" and c.source is not None and _according_between(v, cands, n, ts, te):
            continue
        # "..., according to V" after an attribution: V relays it
        if c.kind == "according_to" and prev and c.source is not None:
            a = c.cue[0]
            if a - 1 >= ts and low[a - 1] == ",":
                d = prev[-1]
                if d.kind == "verb" and d.source is not None and d.cue[0] < a and d.source_how != "shared":
                    d.via = [c.source, *c.via, *d.via]
                    d.relays.append((a - 1, c.source[1]))
                    c.dropped = True
                    continue
        # "V reported, citing X": X is the source, V relays
        if c.kind == "verb" and c.lemma == "cite" and c.source_how == "shared" and prev:
            d = prev[-1]
            if d.source is not None and _is_media(v, d.source) and c.verb - 1 >= ts and low[c.verb - 1] == ",":
                obj = right_np(v, c.verb + 1, te)
                if obj is not None:
                    d.via.insert(0, d.source)
                    if c.verb - 1 == d.cue[1]:  # "V reported, citing X, that ...": X stands right after the cue
                        d.relays.append(d.source)  # (the reporter's words: part of the attribution, not content)
                        d.source_how = "after"
                    d.source = obj
                    d.cue_extra.append((c.verb, c.verb + 1))
                    d.rule = d.rule + ":citing"
                    c.dropped = True
                    continue



#: verb classes that report an act, not what someone said or thinks
_ACT_REPORT_CLASSES = frozenset({"action", "intention"})


def _opens_sentence(v: View, k: int, ts: int) -> bool:
    """Token ``k`` opens the sentence, after at most an opening quotation mark or a time phrase and a comma."""
    low = v.low
    for t in range(ts, k):
        if not (v.punct[t] or low[t] in _SKIP_AFTER):
            return False
    return True


def _medium_closes(v: View, cands: list[Cand], n: int, ts: int, te: int) -> bool:
    """"Peskov told CNN that ..., RIA Novosti reported.": the medium relays the attribution before it.

    ``cands[n]`` is a verb whose source, a medium or agency, follows a comma
    and which ends its sentence (a time phrase may follow). Like "...,
    according to V", the medium joins the ``via`` of the attribution before
    it (nearest to the outlet first) and is no attribution of its own.
    """
    c = cands[n]
    src = c.source
    if src is None:
        return False
    a = src[0]
    low = v.low
    if a - 1 <= ts or low[a - 1] != ",":
        return False
    for t in range(c.cue[1], te):
        if not (v.punct[t] and low[t] in ".!?" or low[t] in _SKIP_AFTER):
            return False
    if not _is_media(v, src):
        return False
    for d in reversed(cands[:n]):
        if d.dropped:
            continue
        if (d.kind != "verb" or d.source is None or d.source_how == "shared" or d.cue[0] >= a
                or d.cls in _ACT_REPORT_CLASSES or not _opens_sentence(v, d.start_tok, ts)):
            # an act the medium reports is no attribution it relays ("X has appointed Y, VTV1 said"), nor is an
            # attribution inside the medium's content ("Police arrested a man who threatened ..., the BBC reported")
            return False
        d.via.insert(0, src)
        d.relays.append((a - 1, c.cue[1]))
        c.dropped = True
        return True
    return False


def _according_between(v: View, cands: list[Cand], n: int, ts: int, te: int) -> bool:
    """"The minister, according to Reuters, said ...": Reuters relays the minister's attribution.

    ``cands[n]`` is the "according to" candidate, set off by commas right
    before a verb whose source ends at the first comma; the medium joins that
    verb's ``via`` and the "according to" candidate is dropped.
    """
    c = cands[n]
    if c.source is None or c.via:
        return False
    low = v.low
    a, b = c.cue[0], c.source[1]
    if a - 1 < ts or low[a - 1] != "," or b >= te or low[b] != ",":
        return False
    for d in cands[n + 1:]:
        if d.dropped:
            continue
        if d.kind != "verb" or d.cue[0] != b + 1 or d.source is None or d.source_how != "pre" or d.source[1] != a - 1:
            return False
        d.via.insert(0, c.source)
        d.relays.append((a, b))
        c.dropped = True
        return True
    return False


def _quoted_by_before(v: View, cands: list[Cand], n: int, k: int, te: int) -> bool:
    """"In a statement quoted by Reuters, the company said ...": Reuters relays the attribution after the comma.

    So does a phrase between a subject and its verb: "The minister, quoted by
    Reuters, said ...".

    ``cands[n]`` is the "quoted" candidate and ``k`` its "by". The medium
    joins the ``via`` of the next candidate whose source opens the clause
    after the comma; the "quoted" candidate is dropped.
    """
    low = v.low
    np = right_np(v, k + 1, te, appositions=False)
    if np is None:
        return False
    m = np[1]
    while m < te and v.punct[m] and low[m] in "()":  # ("the Velmarian Press Agency (VPA)")
        m += 1
    if m >= te or low[m] != ",":
        return False
    i = cands[n].verb
    for d in cands[n + 1:]:
        if d.dropped or d.kind != "verb" or d.source is None or d.source_how != "pre":
            continue
        # the source opens the clause after the comma, or the phrase interrupts it: "The minister, quoted by
        # Reuters, said"
        if d.source[0] != m + 1 and not (d.cue[0] == m + 1 and d.source[1] == i - 1 and low[i - 1] == ","):
            return False
        d.via.insert(0, np)
        d.relays.append((cands[n].cue[0], m))
        cands[n].dropped = True
        return True
    return False


def _quoted_subject(v: View, c: Cand, ts: int, te: int) -> bool:
    """"Peskov was quoted as saying (on Friday) by RIA Novosti": the subject speaks, the agent relays.

    Also "Peskov was quoted by RIA Novosti as saying". The passive's subject
    becomes the source, the "by" agent the nearest entry of ``via``, and "as
    saying" joins the cue.
    """
    low = v.low
    i = c.verb
    agent = c.source if c.source_how == "by" else None
    k = agent[1] if agent is not None else i + 1  # where "as saying" must stand
    if not (k + 1 < te and low[k] == "as" and low[k + 1] in ("saying", "telling", "writing", "stating")):
        return False
    subject = left_np(v, c.cue[0], ts)
    if subject is None or subject[1] != c.cue[0]:
        return False
    c.cue_extra.append((k, k + 2))
    if agent is None:
        # "... as saying on Friday by RIA Novosti agency": a short time phrase may stand before "by"
        j = k + 2
        while j < min(te, k + 6) and low[j] != "by" and not v.punct[j] and low[j] != "that":
            j += 1
        if j < te and low[j] == "by":
            np = right_np(v, j + 1, te, appositions=False)
            if np is not None:
                agent = np
                c.cue_extra.append((j, j + 1))
                c.relays.append((k, np[1]))
    else:
        c.relays.append((agent[0] - 1, k + 2))
    if agent is not None:
        c.via.insert(0, agent)
    c.source, c.source_how = subject, "pre"
    c.rule = "verb:quoted_as_saying"
    return True


def _media_addressee(v: View, c: Cand, te: int) -> None:
    """"X told CNN" / "X said in an interview with CNN": the medium relays what X said."""
    low = v.low
    k = c.cue[1]
    if c.lemma == "tell" and k < te and not v.punct[k]:
        obj = right_np(v, k, te, appositions=False)
        if obj is not None:
            for m in range(k + 1, obj[1]):  # "told Reuters the company would appeal": the addressee ends at the clause
                if _clause_start(v, m, k, te):
                    obj = (k, m)
                    break
        if obj is not None and _is_media(v, obj):
            c.via.insert(0, obj)
            return
    for m in (range(c.cue[0], min(te, c.cue[1] + 8)) if "interview" in low[c.cue[0]:c.cue[1] + 8] else ()):
        if low[m] == "interview" and m + 2 < te and low[m + 1] == "with":
            obj = right_np(v, m + 2, te, appositions=False)
            if obj is not None and _is_media(v, obj):
                c.via.insert(0, obj)
            break


def _is_media(v: View, span: tuple[int, int]) -> bool:
    text = v.tok_text(*span)
    # (the cheap tests first: the answer is the same in any order)
    low = text.lower()
    words = low.split()
    if words and words[-1] in v.fast.agency_words:
        return True
    if low.endswith(("media reports", "news agency", "news reports", "press reports")):
        return True
    if v.wl.outlet(text) is not None:
        return True
    core = [t for t in range(span[0], span[1]) if not v.punct[t] and v.low[t] != "the"]
    return len(core) >= 2 and _masthead(v, core)  # "the Springfield Gazette"


