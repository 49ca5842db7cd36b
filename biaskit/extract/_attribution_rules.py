"""Attribution candidates, sentence by sentence: cues, sources, contents.

The rules read the shared parse (tokens, sentences, quotations) and the word
lists; they find cue candidates (reporting verbs, "according to", a speaker's
colon), give each a source span (a noun phrase before the verb, after it in
"said Smith", after "according to", shared with the main clause for "...,
saying"), a content span (what follows the cue, or what precedes it in
"'...,' she said"), and resolve candidates that nest inside another's content
or relay it ("CNN quoted Sullivan as saying", "..., according to Reuters").

Everything here works on offsets into ``doc.string``; :mod:`.sourcing` maps
them to the input text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, count
from operator import itemgetter, ne

from biaskit.extract._attribution_grammar import (
    AUX,
    BE,
    COLON_LABELS,
    CUE_ADVERBS,
    DETERMINERS,
    HONORIFICS,
    MODALS,
    NEGATION,
    NOUN_SIGNALS,
    NP_LEAD_DROP,
    NP_STOP,
    PERSONAL,
    PREPOSITIONS,
    RELATIVES,
    TAIL_STARTERS,
    TIME_WORDS,
    WEEKDAYS,
)
from biaskit.parse import PUNCT, Doc
from biaskit.wordlists import CUE_FLAG_NAMES, Wordlists, prior_logit

_OPENQ = set("\"'\u201c\u2018\u00ab\u201e\u201a\u2039`")
_CLOSEQ = set("\"'\u201d\u2019\u00bb\u203a`")
_QUOTE_CHARS = _OPENQ | _CLOSEQ
_KIND = itemgetter(2)
_DASHES = {"-", "\u2013", "\u2014", "\u2012", "\u2015"}
_CUT_WORDS = frozenset({",", ";", "but"}) | _DASHES
_BOUNDARY_WORDS = frozenset({",", ";", ":"}) | _QUOTE_CHARS

_DEGREE = frozenset({"very", "so", "too", "quite", "more", "less", "most", "least", "deeply", "increasingly",
                     "equally", "particularly", "extremely", "fairly", "pretty", "rather", "really", "highly",
                     "sharply", "openly", "publicly", "privately", "somewhat", "all", "as"})
_COPULAS = frozenset({"seem", "seems", "seemed", "remain", "remains", "remained", "become", "becomes", "became",
                      "appear", "appears", "appeared", "feel", "feels", "felt", "sound", "sounds", "sounded",
                      "stay", "stays", "stayed", "grow", "grows", "grew", "grown"})
_SUBJ_PRON = frozenset({"he", "she", "it", "they", "we", "you", "i", "that", "who", "there"})

# lower-case words that may open an inverted source: 'said former Gov. X', 'said another official'
_INV_STARTERS = frozenset({"former", "another", "fellow", "then", "longtime", "veteran", "top", "senior",
                           "chief", "republican", "democratic", "conservative", "liberal", "local", "state",
                           "federal", "campaign", "white", "house", "party", "city", "county", "police"})

# finite verbs that show a comma-segment is a clause, not an apposition
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                     "should", "may", "might", "must", "do", "does", "did", "included", "includes"})

#: without learned weights, verb forms whose prior (learned, see the word list
#: README) is below this are not proposed
PRIOR_THRESHOLD = 0.3
#: verb candidates whose learned log-odds (:func:`cue_score`) fall below this are not proposed
#: (chosen on PolNeAR train only, see the word list README)
SCORE_THRESHOLD = -0.1


class Cand:
    """A working attribution candidate (mutable while rules resolve it).

    A plain class with ``__slots__`` and an explicit ``__init__`` (not a
    dataclass): the compiled build (mypyc) makes it a native class, whose
    construction and attribute access are much cheaper than a dataclass's
    generated, interpreted ``__init__``. Fields, in constructor order:

    kind : verb | according_to | colon; lemma; cls; form;
    verb : token index of the head word; cue : token range; sentence;
    source : token range or None; source_how : pre | inv | rel | by | shared | after | colon;
    alias : a name for a pronoun source ("CNN quoted Sullivan");
    content : char ranges in doc.string; direction : fwd | post;
    cue_extra : extra cue token ranges; via : token ranges, nearest to the outlet first;
    relays : token ranges of relay phrases (not content); passive; dropped; rule;
    region : token range of source + cue (the attribution's own words);
    fstart : token where a forward content starts (set while resolving the sentence);
    paren : content before a parenthetical cue ("To win, X said, ...");
    fixed : the cue-score features fixed by the cue words, once known (see find_candidates);
    sure : its cue score is above the threshold whatever its source (see _verb_candidate).
    """

    __slots__ = ("kind", "lemma", "cls", "form", "verb", "cue", "sentence", "source", "source_how", "alias",
                 "content", "direction", "cue_extra", "via", "relays", "passive", "dropped", "rule", "region",
                 "fstart", "paren", "fixed", "sure")
    kind: str
    lemma: str
    cls: str
    form: str
    verb: int
    cue: tuple[int, int]
    sentence: int
    source: tuple[int, int] | None
    source_how: str
    alias: tuple[int, int] | None
    content: list[tuple[int, int]]
    direction: str
    cue_extra: list[tuple[int, int]]
    via: list[tuple[int, int]]
    relays: list[tuple[int, int]]
    passive: bool
    dropped: bool
    rule: str
    region: tuple[int, int]
    fstart: int
    paren: list[tuple[int, int]] | None
    fixed: tuple | None
    sure: bool

    def __init__(self, kind: str, lemma: str, cls: str, form: str, verb: int, cue: tuple[int, int], sentence: int,
                 source: tuple[int, int] | None = None, source_how: str = "", alias: tuple[int, int] | None = None,
                 content: list[tuple[int, int]] | None = None, direction: str = "fwd",
                 cue_extra: list[tuple[int, int]] | None = None, via: list[tuple[int, int]] | None = None,
                 relays: list[tuple[int, int]] | None = None, passive: bool = False, dropped: bool = False,
                 rule: str = "", region: tuple[int, int] = (0, 0), fstart: int = -1,
                 paren: list[tuple[int, int]] | None = None, fixed: tuple | None = None, sure: bool = False) -> None:
        self.kind = kind
        self.lemma = lemma
        self.cls = cls
        self.form = form
        self.verb = verb
        self.cue = cue
        self.sentence = sentence
        self.source = source
        self.source_how = source_how
        self.alias = alias
        self.content = [] if content is None else content
        self.direction = direction
        self.cue_extra = [] if cue_extra is None else cue_extra
        self.via = [] if via is None else via
        self.relays = [] if relays is None else relays
        self.passive = passive
        self.dropped = dropped
        self.rule = rule
        self.region = region
        self.fstart = fstart
        self.paren = paren
        self.fixed = fixed
        self.sure = sure

    def __repr__(self) -> str:
        return "Cand(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in CAND_FIELDS) + ")"

    @property
    def start_tok(self) -> int:
        a = self.cue[0]
        if self.source is not None and self.source_how in ("pre", "rel"):
            a = min(a, self.source[0])
        return a


#: the fields of :class:`Cand` in constructor order (its ``__slots__``)
CAND_FIELDS = ("kind", "lemma", "cls", "form", "verb", "cue", "sentence", "source", "source_how", "alias", "content",
               "direction", "cue_extra", "via", "relays", "passive", "dropped", "rule", "region", "fstart", "paren",
               "fixed", "sure")


class View:
    """Token-level view of a Doc shared by the rules (built once per document)."""

    __slots__ = ("doc", "s", "toks", "low", "inq", "cap", "qidx", "wl", "n", "punct", "vf", "triggers",
                 "anon_markers", "qstarts", "starts", "fast", "_shift")
    doc: Doc
    s: str
    toks: tuple[tuple[int, int, int], ...]
    low: list[str]
    inq: list[int]
    cap: list[bool]
    qidx: list[int]
    wl: Wordlists
    n: int
    punct: list[int]
    triggers: list[int]
    qstarts: list[int]
    starts: tuple[int, ...]
    _shift: int | None

    def __init__(self, doc: Doc, wl: Wordlists) -> None:
        self.doc = doc
        self.wl = wl
        s = doc.string
        self.s = s
        toks = doc.tokens
        self.toks = toks
        n = self.n = len(toks)
        ls = doc.lower_string
        low = list(doc.lower_tokens)
        self.low = low
        starts = self.starts = doc.token_starts  # token start offsets (for bisect)
        # capitalised: the first character changes when lower-cased
        if n > 1:
            first = itemgetter(*starts)  # the first character of every token, in one call
            self.cap = list(map(ne, first(s), first(ls)))
        else:
            self.cap = [ls[a] != s[a] for a in starts]
        self.punct = list(map(_KIND, toks))  # 1 (PUNCT) for punctuation, 0 for words
        self.vf = wl.fast.verb_forms
        self.triggers = list(compress(count(), map(wl.trigger_words.__contains__, low)))
        # quotation (index into doc.quotes, depth 0) holding each token, -1 outside
        inq = [-1] * n
        quotes = doc.quotes
        qidx = [q for q in range(len(quotes)) if quotes[q].depth == 0]
        for qi in qidx:
            q = quotes[qi]
            k = bisect_left(starts, q.start)
            j = bisect_left(starts, q.end, k)
            if j > k:
                inq[k:j] = [qi] * (j - k)
        self.inq = inq
        self.qidx = qidx
        self.qstarts = [quotes[q].start for q in qidx]
        fast = self.fast = wl.fast  # plain-dict copies of the word lists
        self.anon_markers = fast.anon_markers
        # one segment maps doc.string to doc.text by a constant shift (the usual case): see text_span
        segs = getattr(doc, "_segments", None)
        self._shift = segs[0][1] - segs[0][0] if segs is not None and len(segs) == 1 else None

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """:meth:`Doc.text_span <biaskit.parse.Doc.text_span>`, by a constant shift when the map has one segment."""
        sh = self._shift
        if sh is None:
            return self.doc.text_span(start, end)
        if end <= start:
            return start + sh, start + sh
        return start + sh, end + sh

    def tok_text(self, a: int, b: int) -> str:
        return self.s[self.toks[a][0]:self.toks[b - 1][1]]

    def is_punct(self, i: int) -> bool:
        return self.punct[i] == PUNCT

    def is_open_quote(self, i: int) -> bool:
        if self.low[i] not in _QUOTE_CHARS:  # (such a one-character token is always punctuation)
            return False
        q = self.inq[i]
        return q >= 0 and self.doc.quotes[q].start == self.toks[i][0]

    def is_close_quote(self, i: int) -> bool:
        if self.low[i] not in _QUOTE_CHARS:  # (such a one-character token is always punctuation)
            return False
        q = self.inq[i]
        if q >= 0:
            return self.doc.quotes[q].end == self.toks[i][1]
        return True


# --------------------------------------------------------------------------
# Noun phrases
# --------------------------------------------------------------------------


def _is_abbrev_dot(v: View, k: int, lo: int) -> bool:
    """A '.' inside a name: 'Mr.', 'D.' (an initial), 'Sen.'."""
    if k - 1 < lo or v.toks[k - 1][2] == PUNCT:
        return False
    w = v.s[v.toks[k - 1][0]:v.toks[k - 1][1]]
    return len(w) <= 4 and w[:1].isupper()


# two-word sentence adverbs that may open a clause before its subject
_OPENER_PAIRS = frozenset({("no", "wonder"), ("no", "doubt"), ("small", "wonder"), ("little", "wonder"),
                           ("of", "course"), ("without", "doubt")})


_OPENER_FIRSTS = frozenset(a for a, _ in _OPENER_PAIRS)
#: capitalised words dropped from the start of a phrase ("However the mayor said")
_CAPITAL_LEAD_DROP = frozenset({"however", "meanwhile", "but", "and", "so", "still", "yet", "now", "then", "instead",
                                "also"})


def _plural_possessive(v: View, k: int, lo: int, hi: int) -> bool:
    """The apostrophe ``k`` closes a plural possessive: "the Nurses' Association", "workers' union"."""
    if not (lo < k < hi) or v.punct[k - 1] or v.punct[k + 1] or v.inq[k] >= 0:
        return False
    toks = v.toks
    return v.low[k - 1].endswith("s") and toks[k - 1][1] == toks[k][0] and toks[k][1] < toks[k + 1][0]


#: the words before "to" in a subject that describes closeness ("sources close to the talks")
_CLOSE_TO = frozenset({"close", "closest", "closer", "near"})


def left_np(v: View, end: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before token ``end`` (scanning left to ``lo``)."""
    j = end - 1
    if j < lo:
        return None
    low = v.low
    w = low[j]
    if w in ("who", "which"):
        return (j, j + 1)
    if w == "that":
        # "that" as a subject relative is rarely a speaker ("issues that have challenged polls")
        return None
    if w == ",":
        return _apposition_np(v, j, lo)
    punct = v.punct  # (1 for punctuation, as toks[k][2] == PUNCT)
    inq = v.inq
    cap = v.cap
    k = j
    while k >= lo:
        lw = low[k]
        if punct[k]:
            if lw in "()&/":
                k -= 1
                continue
            if lw == "." and _is_abbrev_dot(v, k, lo):
                k -= 1
                continue
            if lw == "'" and _plural_possessive(v, k, lo, j):
                k -= 1
                continue
            break
        if inq[k] >= 0:
            break
        if lw in NP_STOP:
            # "the US and NATO", "Smith and Jones": keep "and" between capitalised words
            if lw == "and" and k - 1 >= lo and k + 1 <= j and cap[k + 1] and cap[k - 1] and not punct[k - 1]:
                k -= 1
                continue
            # "sources close to the talks", "people close to Trump": the anonymity phrase holds its "to"
            if lw == "to" and k - 1 >= lo and low[k - 1] in _CLOSE_TO and k < j:
                k -= 1
                continue
            break
        if lw in ("who", "which") and k < j:
            # a relative clause inside the subject: "people who voted for him say"
            if k - 1 >= lo and not punct[k - 1] and low[k - 1] not in NP_STOP:
                k -= 1
                continue
            break
        k -= 1
    a, b = k + 1, j + 1
    # a sentence adverb of two words opens the phrase: "No wonder Trump said", "No doubt the mayor said"
    if b - a > 2 and low[a] in _OPENER_FIRSTS and (low[a], low[a + 1]) in _OPENER_PAIRS:
        a += 2
    # "both ... and": keep "both" if it was cut
    while a < b:
        f = low[a]
        if not cap[a]:
            if f not in NP_LEAD_DROP and f not in PREPOSITIONS:
                break
        elif not (f in NP_LEAD_DROP and a + 1 < b and f in _CAPITAL_LEAD_DROP):
            break
        a += 1
    # an introductory prepositional phrase without a comma: "In Iowa Trump said"
    while b > a and (low[b - 1] in TIME_WORDS or (low[b - 1] in PREPOSITIONS and b - 1 > a)):
        if low[b - 1] in WEEKDAYS or low[b - 1] in TIME_WORDS:
            b -= 1
            if b > a and low[b - 1] in ("on", "last", "this", "next", "early", "late", "in", "at"):
                b -= 1
            continue
        break
    if a >= b:
        return None
    if b - a > 14:
        a = b - 14
    # "Gore's allies have in the past said": the phrase is the object of a preposition; the subject is further left
    if a - 1 >= lo and low[a - 1] in PREPOSITIONS and not cap[a - 1] and low[a - 1] not in ("of", "for", "at", "from", "with"):
        m = a - 2
        while m >= lo and (low[m] in AUX or low[m] in CUE_ADVERBS or low[m] in NEGATION):
            m -= 1
        if m < a - 2:
            sub = left_np(v, m + 1, lo)
            if sub is not None:
                return sub
    # a phrase opening on a lower-case verb form is a predicate, not a subject ("placed less emphasis on")
    f = low[a]
    if not cap[a] and f not in DETERMINERS and f not in PERSONAL and (f.endswith("ed") or (f in v.vf and v.vf[f][1] != "base")):
        return None
    return (a, b)


_SEG_STOP = frozenset(",;:()\"'\u201c\u201d\u2018\u2019\u2014\u2013")


def _paren_open(v: View, k: int, lo: int) -> int:
    """The "(" that the ")" at token ``k`` closes, within ten tokens after ``lo``, or -1."""
    low = v.low
    if not (k > lo and low[k] == ")" and v.punct[k]):
        return -1
    p = k - 1
    while p > lo and p > k - 10 and low[p] != "(":
        p -= 1
    return p if low[p] == "(" and v.punct[p] else -1


def _segment_start(v: View, end: int, lo: int) -> int:
    """Start of the comma-segment that ends just before token ``end``.

    A parenthesis closing the segment belongs to it ("Sen. Richard J. Durbin (D-Ill.)").
    """
    k = end - 1
    low = v.low
    p = _paren_open(v, k, lo)
    if p >= 0:
        k = p - 1
    while k >= lo and not (v.punct[k] and low[k] in _SEG_STOP) and v.inq[k] < 0:
        k -= 1
    return k + 1


def _looks_appositive(v: View, a: int, b: int) -> bool:
    """'a professor at Yale', '22', 'of Flint', 'the city's director', 'Senate Majority Leader'."""
    low = v.low
    if a >= b or b - a > 14:
        return False
    first = low[a]
    if first in TAIL_STARTERS and first not in ("of", "from", "in") or first in NP_LEAD_DROP:
        return False
    if any(low[t] in _FINITE or (t > a and low[t] in ("said", "says")) for t in range(a, b)):
        return False
    if first in ("a", "an", "the", "former", "then", "now", "of", "from") or first[:1].isdigit():
        return True
    if not v.cap[a] and not v.punct[a]:
        return True
    # a capitalised title or a place ("Senate Majority Leader", "Mich."), or a name with its courtesy title and
    # initials ("Mr. John F. Kirby": abbreviation dots do not count as words)
    if any(low[t] in v.wl.roles for t in range(a, b)):
        return True
    words = 0
    for t in range(a, b):
        if v.punct[t]:
            if low[t] != "." or not _is_abbrev_dot(v, t, a):
                return b - a <= 3 and all(v.cap[x] or v.punct[x] for x in range(a, b))
        elif not v.cap[t]:
            return False
        else:
            words += 1
    return words <= 3 or (words == 4 and low[a].rstrip(".") in HONORIFICS)


#: participles used as prepositions: their phrase belongs to the noun phrase before it
_PREPOSITION_LIKE = frozenset({"including", "excluding", "regarding", "concerning", "following", "barring",
                               "considering", "involving", "representing"})


#: words ending in "-ing" that are no participles
_ING_NOUNS = frozenset({"morning", "evening", "nothing", "something", "anything", "everything", "building",
                        "meeting", "hearing", "funding", "spending", "ceiling", "wedding", "clothing", "housing"})


def _participle_phrase(v: View, a: int, b: int) -> bool:
    """A phrase opening on a lower-case participle with no finite verb: 'speaking to reporters', 'quoted by Reuters'.

    Between commas after a subject, such a phrase interrupts the clause ("The
    minister, quoted by Reuters, said"); the verb after it has the subject
    before it.
    """
    low = v.low
    if b - a < 2 or v.cap[a] or v.punct[a]:
        return False
    w = low[a]
    if w in _PREPOSITION_LIKE:
        return False  # "Critics of the plan, including several teachers, said": part of the phrase
    form = v.vf.get(w)
    if form is not None:
        kind = form[1]
    elif w.endswith("ing") and len(w) > 5 and w not in _ING_NOUNS:  # (a verb outside the reporting list)
        kind = "ing"
    elif w.endswith("ed") and len(w) > 4:
        kind = "past"
    else:
        return False
    if kind not in ("ing", "past"):
        return False
    if kind == "past" and low[a + 1] not in PREPOSITIONS and low[a + 1] != "by":
        return False  # (a past form alone may be a finite verb: "The minister, angered, said" is rare)
    return not any(low[t] in _FINITE for t in range(a + 1, b))


def _apposition_np(v: View, comma: int, lo: int) -> tuple[int, int] | None:
    """'Smith, a professor at Yale, said': the name and its appositions, ending at ``comma``.

    Up to four comma-separated appositions are accepted ("Cory James, 22, of
    Flint, Mich., said"); a relative clause ("Trump, who leads, said") is
    left out of the source. A name set off by commas is the head when what
    comes before it is no noun phrase of its own ("After the vote, John Smith,
    the mayor, said"; "... in storage, Patrick F. Kennedy, the undersecretary,
    wrote").
    """
    low = v.low
    end = comma
    name_at = -1  # the start of the last segment that is a name: the head if nothing before qualifies
    for _ in range(4):
        seg_a = _segment_start(v, end, lo)
        if seg_a >= end:
            return None
        k = seg_a - 1  # the boundary before the segment
        first = low[seg_a]
        if first in ("who", "whose", "which", "whom") or (end == comma and (
                _participle_phrase(v, seg_a, end) or (first == "according" and low[seg_a + 1] == "to"))):
            # a relative clause, a participle phrase or "according to V" is left out: "Trump, who leads, said",
            # "The minister, speaking to reporters, said", "The minister, according to Reuters, said"
            if k >= lo and low[k] == ",":
                return _head_before(v, k, lo)
            return None
        if k < lo or low[k] != ",":
            # the segment starts the clause: it is the head if something was appended to it
            if end == comma:
                return None
            head = _head_before(v, end, lo)
            if (head is None or low[head[0]] in ("who", "which", "that") or head[0] > seg_a + 2
                    or low[seg_a] in PREPOSITIONS):  # ("After the vote, John Smith, ...", "In a statement, Apple, ...")
                return (name_at, comma) if name_at >= 0 else None
            return (head[0], comma)
        if not _looks_appositive(v, seg_a, end):
            if end == comma:
                return None
            if name_at >= 0:
                return (name_at, comma)
            # this segment is the head: an NP that ends at the comma before the appositions
            head = _head_before(v, end, lo)
            if head is None or low[head[0]] in ("who", "which", "that"):
                return None
            return (head[0], comma)
        if end < comma and _name_segment(v, seg_a, end):
            name_at = seg_a
        end = k
    return None


def _name_segment(v: View, a: int, b: int) -> bool:
    """Tokens ``a:b`` are a name: capitalised words, with abbreviation dots ("Patrick F. Kennedy")."""
    words = 0
    for t in range(a, b):
        if v.punct[t]:
            if v.low[t] != "." or not _is_abbrev_dot(v, t, a):
                return False
        elif not v.cap[t] or v.low[t] in v.wl.roles:
            return False
        else:
            words += 1
    return 0 < words <= 4


def _head_before(v: View, comma: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``comma``, with a parenthesis after it: "Sen. Richard J. Durbin (D-Ill.)"."""
    p = _paren_open(v, comma - 1, lo)
    if p >= 0:
        head = left_np(v, p, lo)
        return (head[0], comma) if head is not None else None
    return left_np(v, comma, lo)


def right_np(v: View, start: int, te: int, *, appositions: bool = True, open_end: bool = True) -> tuple[int, int] | None:
    """The noun phrase starting at token ``start`` ("said Michael Berkman, director of ...")."""
    low = v.low
    k = start
    if k >= te:
        return None
    while k < te:
        lw = low[k]
        if v.toks[k][2] == PUNCT:
            if lw in "()&/":
                k += 1
                continue
            if lw == "." and _is_abbrev_dot(v, k, start) and k + 1 < te and not v.punct[k + 1]:
                k += 1
                continue
            break
        if v.inq[k] >= 0:
            break
        if k > start and (lw in PREPOSITIONS and lw != "of" or lw in NP_STOP and lw != "and"):
            break
        if lw == "and" and not (k + 1 < te and v.cap[k + 1]):
            break
        if k > start and (lw in WEEKDAYS or lw in ("yesterday", "today", "tonight", "earlier", "later", "last", "this", "again")):
            break
        vf = v.wl.verb_forms.get(lw)
        if k > start and vf is not None and not v.cap[k] and (vf[1] == "ing" or lw == "quoted"):
            break
        k += 1
    b = k
    if b <= start:
        return None
    if appositions:
        n_app = 0
        while b < te and low[b] == "," and b + 1 < te and n_app < 2:
            nxt = b + 1
            f = low[nxt]
            if v.punct[nxt] or f in TAIL_STARTERS or f in NP_LEAD_DROP:
                break
            vf = v.wl.verb_forms.get(f)
            if vf is not None and vf[1] == "ing":
                break
            if not (f in ("a", "an", "the", "former", "then") or any(low[t] in v.wl.roles for t in range(nxt, min(te, nxt + 3)))):
                break
            e = nxt
            while e < te and not (v.punct[e] and low[e] in ",;:") and v.inq[e] < 0 and not (v.punct[e] and low[e] == "." and not _is_abbrev_dot(v, e, nxt)):
                e += 1
            rel = next((t for t in range(nxt, e) if low[t] in ("who", "that", "which")), e)
            if e - nxt > 20 or any(low[t] in _FINITE for t in range(nxt, rel)):
                break
            if not open_end and not (e < te and low[e] == ","):
                break
            b = e
            n_app += 1
    return (start, b)


def clause_subject(v: View, ts: int, te: int) -> tuple[int, int] | None:
    """The subject of the sentence's main clause (for "..., saying" without an earlier source)."""
    low = v.low
    k = ts
    # a dateline: "TALLAHASSEE — ..."
    m = k
    while m < te and m - k < 4 and not v.punct[m] and v.s[v.toks[m][0]:v.toks[m][1]].isupper():
        m += 1
    if m > k and m < te and v.punct[m] and low[m] in ("\u2014", "\u2013", "-"):
        k = m + 1
    # skip introductory comma-segments ("However, in January, ...")
    for _ in range(4):
        j = k
        while j < te and low[j] != "," and not (v.punct[j] and low[j] in ";:"):
            j += 1
        intro = (j - k <= 3 and (low[k] in NP_LEAD_DROP or low[k] in TIME_WORDS or low[k] in PREPOSITIONS or j - k == 1)) or (
            j - k <= 6 and low[k] in PREPOSITIONS and not any(low[t] in PERSONAL for t in range(k, j)))
        if j < te and low[j] == "," and intro:
            k = j + 1
            continue
        break
    while k < te and (low[k] in NP_LEAD_DROP) and not v.punct[k]:
        k += 1
    a = k
    wl = v.wl
    while k < te:
        lw = low[k]
        if v.punct[k]:
            if lw in "()&/" or (lw == "." and _is_abbrev_dot(v, k, a)):
                k += 1
                continue
            break
        if v.inq[k] >= 0:
            break
        if v.cap[k] or lw in DETERMINERS or lw in ("of", "and", "for", "at") or lw in wl.roles or lw in wl.group_words or lw in wl.organization_words or lw in wl.reporting_nouns or lw in wl.agency_words or lw in PERSONAL:
            if lw in PERSONAL and k > a:
                break
            k += 1
            if lw in PERSONAL:
                break
            continue
        break
    while k > a and low[k - 1] in ("of", "and", "for", "at", "the", "a"):
        k -= 1
    if k <= a:
        return None
    return (a, k)


# --------------------------------------------------------------------------
# Cue candidates
# --------------------------------------------------------------------------


#: two-word adverbials that may stand between a subject or auxiliary and its verb ("has so far declined")
_ADVERB_PAIRS = frozenset({("so", "far"), ("thus", "far"), ("as", "yet")})
#: pronouns that deny there is a speaker ("Nobody said ...", "None has said ..."); "no one" is two words
_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "nothing", "no-one", "noone"})


def _negative_subject(v: View, c: Cand) -> bool:
    """The candidate's source is a negative pronoun ("No one disputes that ..."): no one is said to say anything."""
    if c.source is None or c.source_how not in ("pre", "inv"):
        return False
    a, b = c.source
    low = v.low
    return low[a] in _NEGATIVE_SUBJECTS or (low[a] == "no" and a + 1 < b and low[a + 1] == "one")


#: words the cue takes on its left: auxiliaries, negation, adverbs ("has not yet said")
_CUE_LEFT = AUX | NEGATION | CUE_ADVERBS
#: forms of "be" that make a past participle passive
_PASSIVE_BE = BE | {"been", "being"}


#: the words that may stand just before a cue in :func:`_left_cue_extension` (bar predicate adjectives' words
#: and words ending in "n't")
_LEFT_START = _CUE_LEFT | {b for _, b in _ADVERB_PAIRS}


def _left_cue_extension(v: View, i: int, ts: int, adj: bool) -> tuple[int, bool]:
    """Extend the cue leftwards over auxiliaries, negation and adverbs; (start, passive).

    ``adj``: the word at ``i`` is a predicate adjective ("is confident that").
    """
    j = i - 1
    passive = False
    low = v.low
    inq = v.inq
    punct = v.punct
    while j >= ts and inq[j] < 0 and not punct[j]:
        w = low[j]
        if w in _CUE_LEFT or w.endswith("n't") or adj and (w in _DEGREE or w in _COPULAS):
            if w in _PASSIVE_BE:
                passive = True
            j -= 1
            continue
        if j - 1 >= ts and (low[j - 1], w) in _ADVERB_PAIRS:
            j -= 2  # "has so far declined"
            continue
        break
    start = j + 1
    # never start a cue on an adverb that opens the sentence ("Later said ...")
    while start < i and low[start] in CUE_ADVERBS and start == ts:
        start += 1
    return start, passive


_CUE_NOUNS_AFTER = {"statement", "interview", "email", "e-mail", "tweet", "letter", "post", "speech",
                    "release", "memo", "op-ed", "video", "message", "conversation", "call",
                    "briefing", "conference", "appearance", "remarks", "blog", "column",
                    "broadcast", "rally", "town", "debate", "session", "filing"}


#: the words that may stand just after a cue in :func:`_right_cue_extension` (bar the verb's own particles)
_RIGHT_START = frozenset({"in", "during", "on"})


def _right_cue_extension(v: View, i: int, te: int, entry) -> int:
    """Token after the cue: particles ("point out") and "in a statement"."""
    low = v.low
    k = i + 1
    if entry is not None and k < te and low[k] in entry.particles:
        k += 1
    # "in a statement", "in an interview", "in a written statement"
    if k + 1 < te and low[k] in ("in", "during") and low[k + 1] in ("a", "an", "the"):
        for m in range(k + 2, min(te, k + 5)):
            if low[m] in _CUE_NOUNS_AFTER:
                return m + 1
            if v.punct[m]:
                break
    if k + 1 < te and low[k] == "on" and low[k + 1] in ("twitter", "facebook", "instagram"):
        return k + 2
    return k


def _title_case(v: View, ts: int, te: int) -> bool:
    """A headline written in title case ("Clinton Slams Trump Over Taxes")."""
    words = [k for k in range(ts, te) if not v.punct[k] and len(v.low[k]) > 3]
    return len(words) >= 2 and sum(v.cap[k] for k in words) >= 0.8 * len(words)


def _page_line(v: View, ts: int, te: int) -> bool:
    """A body line of title-case words alone, without a quotation or final punctuation ("Story Continued Below").

    Such a line in the body is a sub-heading or page furniture; a headline in
    title case is the document's title line.
    """
    sent = v.doc.sentences[v.doc.sentence_at(v.toks[ts][0])]
    return sent.part != "title" and not v.punct[te - 1] and all(v.inq[k] < 0 for k in range(ts, te))


_FINAL = frozenset({".", "!", "?", ":", ";"}) | _CLOSEQ | {")"}
#: lines of more words than this are a paragraph without its full stop, not a heading
_HEADING_MAX_WORDS = 20


def _unpunctuated_line(v: View, p: int) -> bool:
    """Paragraph ``p`` is one sentence that does not end with final punctuation or a closing quotation mark."""
    doc = v.doc
    a, b = doc.paragraphs[p]
    last = doc.string[a:b].rstrip()[-1:]
    return bool(last) and last not in _FINAL


def _sub_heading(v: View, si: int) -> bool:
    """A sub-heading in the body: a short one-sentence paragraph without final punctuation before prose.

    ("Biden discusses 'coordinated efforts' with leaders"). The next paragraph
    must end as prose does, and the one before must not be another such line
    (a list of bullet points is not a heading).
    """
    doc = v.doc
    sent = doc.sentences[si]
    p = sent.paragraph
    if sent.part == "title" or p + 1 >= len(doc.paragraphs) or not _unpunctuated_line(v, p):
        return False
    if sum(1 for k in range(sent.token_start, sent.token_end) if not v.punct[k]) > _HEADING_MAX_WORDS:
        return False
    sents = doc.sentences
    if si > 0 and sents[si - 1].paragraph == p or si + 1 < len(sents) and sents[si + 1].paragraph == p:
        return False  # more than one sentence
    if _unpunctuated_line(v, p + 1):
        return False
    return p == 0 or not _unpunctuated_line(v, p - 1) or len(doc.string[slice(*doc.paragraphs[p - 1])].split()) < 4


# a finite verb that agrees only with a plural subject: an '-s' word just before it is a plural noun
_PLURAL_FINITE = frozenset({"are", "were", "have", "do", "aren't", "weren't", "haven't", "don't"})
_ING_PRONOUNS = frozenset({"nothing", "something", "everything", "anything"})


def _ing_modifier(v: View, k: int) -> bool:
    """Sentence-initial ``k`` is an '-ing' modifier ('Waiting lists', 'Rising costs').

    Not an indefinite pronoun ('Nothing suggests') and not a name: a name
    ('King says') is also capitalised somewhere inside a sentence of the text.
    """
    w = v.low[k]
    if not (v.cap[k] and len(w) > 4 and w.endswith("ing")) or w in _ING_PRONOUNS:
        return False
    first = {s.token_start for s in v.doc.sentences}
    return not any(v.cap[j] and j not in first and v.low[j] == w for j in range(v.n))


_PLURAL_SUBJECTS = frozenset({"i", "we", "you", "they", "police", "people", "staff", "media", "public"})


def _singular_word(v: View, w: str) -> bool:
    """A lone word that does not take a base-form verb: not plural, a plural pronoun or a group."""
    return not (w.endswith("s") or w in _PLURAL_SUBJECTS or w in v.wl.group_words or w in v.wl.government
                or w in v.wl.countries or w in v.wl.anonymity)


def _verb_ok(v: View, i: int, ts: int, te: int, lemma: str, form: str) -> bool:
    low = v.low
    p = low[i - 1] if i > ts else ""
    if form == "past":  # (the commonest form: only the tests below apply to it)
        if p in NOUN_SIGNALS:
            return False
        if p in ("if", "unless") and (i + 1 >= te or v.punct[i + 1]):
            return False  # a condition, not a report: "it would pay for the study if asked."
        return not (v.cap[i] and i > ts and not v.is_open_quote(i - 1)
                    and not (_title_case(v, ts, te) and not _page_line(v, ts, te)))
    if form == "noun" or (form in ("base", "3sg") and p in _POSSESSIVES and lemma in _NOUN_USE):
        # "his criticism of", "Trump's decision to", "her calls for"
        return p in _POSSESSIVES or (p.endswith(("'s", "s'")) and p not in _CONTRACTIONS)
    if p in NOUN_SIGNALS:
        return False
    if form == "adj":
        # only as a predicate: "is confident that", "remains critical of", "she's eager to"
        j = i - 1
        while j >= ts and (low[j] in _DEGREE or low[j] in NEGATION or low[j] in CUE_ADVERBS):
            j -= 1
        if j < ts:
            return False
        w = low[j]
        return w in BE or w in _COPULAS or w.endswith(("'s", "'re", "'m")) and w[:-2].rstrip("'") in _SUBJ_PRON
    if form in ("base", "3sg") and (p in PREPOSITIONS and not (p == "to" and form == "base") or p == "of" or (p.endswith(("'s", "s'")) and p not in ("he's", "she's", "it's", "that's", "who's", "there's", "what's", "let's"))):
        return False
    if v.cap[i] and i > ts and not (i - 1 >= ts and v.is_open_quote(i - 1)) and not (
            _title_case(v, ts, te) and not _page_line(v, ts, te)):
        # "Says" mid-sentence capitalised is a name or a title; "Story Continued Below" is a page line
        return False
    if form in ("base", "3sg"):
        nx = low[i + 1] if i + 1 < te else ""
        nvf = v.fast.verb_forms.get(nx)
        if nvf is not None and nvf[1] != "ing" and nx not in ("that",):
            return False  # "media reports say", "polls show" (a noun before a verb)
        if form == "3sg" and (nx in _PLURAL_FINITE or i - 1 == ts and _ing_modifier(v, i - 1)):
            return False  # "Waiting lists are long": a plural noun, not a verb
        if nx in ("of", "for") and lemma not in ("speak", "talk", "call", "vote", "push", "lobby", "advocate", "think"):
            if form == "3sg" or p in DETERMINERS:
                return False
        if form == "base":
            if i > ts and v.punct[i - 1] and p not in (",",):
                return False
            if i - 1 == ts and v.cap[ts] and _singular_word(v, p):
                return False  # a base form cannot follow one singular word: "Fair question."
            # after "the"/"a" it is a noun (filtered above); otherwise the learned score decides
            return not (p.endswith(("ous", "ful", "ive", "al", "ic")) and p not in CUE_ADVERBS)
        return True
    if form == "ing":
        if p in BE or p in ("been", "and", "also", "not", "even", "then", "again") or p == "," or p in PREPOSITIONS:
            return True
        if p in v.wl.reporting_nouns or p in CUE_ADVERBS or p.endswith("ly") or (i - 1 >= ts and v.is_close_quote(i - 1)):
            return True
        return i == ts
    # past / participle
    return True


def find_candidates(v: View, si: int) -> list[Cand]:
    """All cue candidates of sentence ``si`` with their sources (content comes later)."""
    doc = v.doc
    sent = doc.sentences[si]
    ts, te = sent.token_start, sent.token_end
    low = v.low
    cue_words = v.fast.cue_words
    out: list[Cand] = []
    trig = v.triggers
    t = bisect_left(trig, ts)
    inq = v.inq
    punct = v.punct
    skip_to = ts
    heading = None  # the sentence is a sub-heading (found on first use)
    sflags = None  # its _sentence_flags (found on first use)
    for i in trig[t:bisect_left(trig, te, t)]:
        if i < skip_to or inq[i] >= 0:
            continue
        w = low[i]
        if w == "according":
            if i + 1 < te and low[i + 1] == "to":
                ac = Cand("according_to", "according to", "speech", "", i, (i, i + 2), si, rule="according_to")
                _according_source(v, ac, i + 2, te)
                out.append(ac)
                skip_to = max([i + 2] + [r[1] for r in ([ac.source] if ac.source else []) + ac.via])
            continue
        if w == ":":
            if punct[i]:
                c = _colon_candidate(v, i, ts, te, si) or _clause_colon_candidate(v, i, ts, te, si)
                if c is not None:
                    out.append(c)
            continue
        hit = cue_words.get(w)
        if hit is not None and not punct[i]:
            if heading is None:
                heading = not punct[te - 1] and _sub_heading(v, si)
            if heading:
                continue  # a sub-heading sums up the text below it: the attribution is told there
            lemma, form, entry = hit
            if _verb_ok(v, i, ts, te, lemma, form):
                if sflags is None:
                    sflags = _sentence_flags(v, si, ts, te)
                c = _verb_candidate(v, i, ts, te, si, lemma, form, entry, out, sflags)
                if c is None or _negative_subject(v, c):
                    continue
                # relay verbs ("quoted as saying", "citing") are kept for the via rules whatever their score
                if (c.sure or lemma in _RELAY_LEMMAS
                        or cue_score(v, c, ts, te, None, out, c.fixed) >= SCORE_THRESHOLD):
                    out.append(c)
                    skip_to = c.cue[1]
    return out


_logit = prior_logit  # log-odds of a prior, clipped to [0.01, 0.99]


_RELAY_LEMMAS = frozenset({"quote", "cite"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_CONTRACTIONS = frozenset({"he's", "she's", "it's", "that's", "who's", "there's", "what's", "let's", "here's"})
# verbs whose -s/base form after a possessor is a speech-act noun ("his comments", "her support for")
_NOUN_USE = frozenset({"comment", "remark", "attack", "call", "claim", "view", "support", "praise", "promise",
                       "pledge", "plan", "warning", "request", "appeal", "estimate", "forecast", "rebuke",
                       "concern", "fear", "hope", "answer", "reply", "response", "statement", "vow", "threat",
                       "demand", "denial", "criticism", "question", "charge", "proposal", "suggestion",
                       "endorsement", "decision", "defense", "argument", "position", "report"})
_PRON_HEADS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who", "which"})


def _categories(*groups: tuple[str, frozenset | set | tuple]) -> dict[str, str]:
    """Word -> category, the first group holding a word giving its category."""
    out: dict[str, str] = {}
    for category, words in groups:
        for w in words:
            out.setdefault(w, category)
    return out


#: the category of the word before a cue, for the words whose category the word alone decides
#: (a closing quotation mark, an "-ly" adverb, a capitalised or plural word are told apart in the code)
_PREV_CATEGORY = _categories(("comma", (",",)), ("pronoun", PERSONAL | {"who", "which"}), ("to", ("to",)),
                             ("prep", PREPOSITIONS), ("aux", AUX | MODALS), ("adverb", CUE_ADVERBS))
#: the category of the word after a cue, as :data:`_PREV_CATEGORY` ("." "!" "?" are always punctuation)
_NEXT_CATEGORY = _categories(("end", (".", "!", "?")), ("that", ("that",)), ("quote", (":",)),
                             ("wh", ("if", "whether", "why", "how", "what", "when", "where", "who")),
                             ("to", ("to",)), ("comma", (",",)), ("prep", PREPOSITIONS))


def _cue_context(v: View, c: Cand, ts: int, te: int, earlier) -> tuple:
    """The context of a verb candidate as category values (see :func:`cue_features`)."""
    how, src, srclen = _cue_source_context(v, c)
    earl, prev, nxt, flags = _cue_fixed_context(v, c, ts, te, earlier)
    return c.form, c.cls, how, earl, src, srclen, prev, nxt, flags


def _cue_source_context(v: View, c: Cand) -> tuple[str, str | None, str | None]:
    """The features of a verb candidate that depend on its source: (how, src, srclen)."""
    low = v.low
    cap = v.cap
    how = c.source_how or "none"
    src = srclen = None
    if c.source is not None:
        a, b = c.source
        if b - a == 1 and low[a] in _PRON_HEADS:
            src = "pronoun"
        elif cap[a] or (b - a > 1 and cap[a + 1]):
            src = "cap"
        else:
            src = "lower"
        n = b - a
        srclen = "1" if n == 1 else ("2-3" if n <= 3 else "4+")
    return how, src, srclen


def _cue_fixed_context(v: View, c: Cand, ts: int, te: int, earlier) -> tuple:
    """The features of a verb candidate fixed by its cue words: (earl, prev, nxt, flags)."""
    return _cue_words_context(v, c.cue, c.verb, c.passive, c.sentence, ts, te, earlier)


#: the flags of a cue in the order :func:`cue_score` adds them, by bits: passive 1, aux 2, extended 4, title 8,
#: quote_in_sentence 16
_FLAG_NAMES = CUE_FLAG_NAMES  # (defined with the word lists, whose fast tables sum the flags' weights)
_FLAGS = tuple(tuple(f for b, f in enumerate(_FLAG_NAMES) if mask >> b & 1) for mask in range(32))


def _sentence_flags(v: View, si: int, ts: int, te: int) -> int:
    """The bits of the flags a sentence gives all its cues (see :data:`_FLAGS`): title, quote_in_sentence."""
    inq = v.inq
    return (8 if v.doc.sentences[si].part == "title" else 0) | (16 if inq[ts] >= 0 or inq[te - 1] >= 0 else 0)


def _cue_words_context(v: View, cue: tuple[int, int], verb: int, passive: bool, si: int, ts: int, te: int,
                       earlier, sflags: int | None = None) -> tuple:
    """:func:`_cue_fixed_context` of a cue (token range) around the verb at ``verb``, in sentence ``si``.

    ``sflags``: the :func:`_sentence_flags` of the sentence, when known.
    """
    low = v.low
    cap = v.cap
    c0, c1 = cue
    earl = None
    if earlier:
        earl = "same_clause"
        a = earlier[-1].cue[1]
        # (only a ",", ";", ":" or a quotation mark can be a boundary; most clauses have none)
        if a < c0 and not _BOUNDARY_WORDS.isdisjoint(low[a:c0]):
            for t in range(a, c0):
                w = low[t]
                if w in (",", ";", ":") or (w in _QUOTE_CHARS and v.punct[t] and v.is_close_quote(t)):
                    earl = "boundary"
                    break
    p = c0 - 1
    if p < ts:
        prev: str | None = "start"
    else:
        w = low[p]
        prev = _PREV_CATEGORY.get(w)  # (a closed-class word: one look-up)
        if prev is not None:
            pass
        elif w in _QUOTE_CHARS and v.is_close_quote(p):
            prev = "quote"
        elif w.endswith("ly"):
            prev = "adverb"
        elif cap[p]:
            prev = "cap"
        elif w.endswith("s") and not w.endswith("ss"):
            prev = "plural"
        else:
            prev = "other"
    k = c1
    if k >= te:
        nxt: str | None = "end"
    else:
        w = low[k]
        nxt = _NEXT_CATEGORY.get(w)  # (a closed-class word: one look-up)
        if nxt is not None:
            pass
        elif w in _QUOTE_CHARS and v.is_open_quote(k):
            nxt = "quote"
        elif cap[k]:
            nxt = "cap"
        elif w in DETERMINERS or w in PERSONAL:
            nxt = "det"
        else:
            nxt = "other"
    if sflags is None:
        sflags = _sentence_flags(v, si, ts, te)
    flags = _FLAGS[sflags | passive | (c0 < verb) << 1 | (c1 > verb + 1) << 2]  # (a bool is 0 or 1)
    return earl, prev, nxt, flags


def cue_features(v: View, c: Cand, ts: int, te: int, earlier: Sequence[Cand] = ()) -> list[str]:
    """Names of the binary context features of a verb candidate (see ``cue_weights.csv``).

    ``earlier`` are the candidates already accepted in the sentence: a verb
    after another one in the same clause usually sits in its content.
    """
    form, cls, how, earl, src, srclen, prev, nxt, flags = _cue_context(v, c, ts, te, earlier)
    f = [f"form={form}", f"class={cls}", f"how={how}", f"class={cls}&how={how}"]
    if earl:
        f.append(f"earlier={earl}")
    f.extend(flags)
    if src:
        f.append(f"src={src}")
        f.append(f"srclen={srclen}")
    f += [f"prev={prev}", f"form={form}&prev={prev}", f"next={nxt}", f"class={cls}&next={nxt}"]
    return f


def cue_score(v: View, c: Cand, ts: int, te: int, prior: float | None = None, earlier: Sequence[Cand] = (),
              fixed: tuple | None = None) -> float:
    """Log-odds that a verb candidate is an attribution cue: learned weights over its context.

    The weights (``cue_weights.csv``) were learned by logistic regression on
    annotated data; without them, the per-form prior alone decides. ``fixed``
    is :func:`_cue_fixed_context` of the candidate when already known.
    """
    fast = v.fast
    lg = None
    if prior is None:
        w = v.low[c.verb]
        prior = fast.cue_priors.get(w, 0.5)
        lg = fast.cue_prior_logits.get(w)  # (the same number as _logit(prior))
    if lg is None:
        lg = _logit(prior)
    if not v.wl.cue_model:
        return lg - _logit(PRIOR_THRESHOLD)
    how, src, srclen = _cue_source_context(v, c)
    earl, prev, nxt, flags = fixed if fixed is not None else _cue_fixed_context(v, c, ts, te, earlier)
    form, cls = c.form, c.cls
    m = fast.cue_families
    ws = fast.cue_context_weights.get((form, cls, prev, nxt))
    if ws is None:
        ws = fast.context_weights(form, cls, prev, nxt)
    w_form, w_cls, w_prev, w_form_prev, w_next, w_cls_next = ws
    # the same sums in the same order as ever (the threshold sees the same float)
    z = fast.cue_bias + fast.cue_prior_logit * lg
    z += (w_form + w_cls + m["how"].get(how, 0.0) + m["class&how"].get((cls, how), 0.0)
          + w_prev + w_form_prev + w_next + w_cls_next)
    if earl:
        z += m["earlier"].get(earl, 0.0)
    if src:
        z += m["src"].get(src, 0.0) + m["srclen"].get(srclen, 0.0)
    flag = m["flag"]
    for x in flags:
        z += flag.get(x, 0.0)
    return z


#: a bound within this of the threshold does not reject (its sum is not in :func:`cue_score`'s order)
_BOUND_MARGIN = 1e-9


def _cue_score_bound(v: View, word: str, form: str, cls: str, fixed: tuple) -> float:
    """An upper bound of :func:`cue_score` over every source a verb candidate may get.

    ``word`` is the verb as written (lower case), ``form`` and ``cls`` its
    form and class, ``fixed`` the :func:`_cue_words_context` of its cue; the
    features of the source (``how``, ``src``, ``srclen``) count at their
    largest weights (see ``FastLists.cue_bound_table``).
    """
    fast = v.fast
    earl, prev, nxt, flags = fixed
    z = fast.cue_bound_table.get((form, cls, prev, nxt))
    if z is None:
        z = fast.cue_bound_part(form, cls, prev, nxt)
    t = fast.cue_prior_terms.get(word)
    z += t if t is not None else fast.cue_prior_logit * _logit(fast.cue_priors.get(word, 0.5))
    if earl:
        z += fast.cue_families["earlier"].get(earl, 0.0)
    return z + fast.cue_flag_sums[flags]


def _verb_candidate(v: View, i: int, ts: int, te: int, si: int, lemma: str, form: str, entry,
                    earlier: list[Cand] | None = None, sflags: int | None = None) -> Cand | None:
    """A verb candidate at token ``i`` with its source, or None.

    With ``earlier`` (the candidates already accepted in the sentence), a
    candidate whose learned score cannot reach :data:`SCORE_THRESHOLD`
    whatever its source is rejected before its source is looked for; one
    whose score passes it whatever its source is marked ``sure`` (its score
    need not be computed). ``sflags``: the :func:`_sentence_flags` of the
    sentence, when known.
    """
    low = v.low
    if form == "noun" or (form in ("base", "3sg") and lemma in _NOUN_USE and i - 1 >= ts and (low[i - 1] in _POSSESSIVES or (low[i - 1].endswith(("'s", "s'")) and low[i - 1] not in _CONTRACTIONS))):
        cend = _right_cue_extension(v, i, te, entry)
        c = Cand("verb", lemma, "noun", "noun", i, (i, cend), si, rule="noun")
        p = i - 1
        if low[p] in _POSSESSIVES:
            c.source, c.source_how = (p, i), "pre"
        else:
            np = left_np(v, i, ts)
            if np is None:
                return None
            c.source, c.source_how = np, "pre"
        return c
    if entry.particles and _other_phrasal(v, i, te, entry):
        return None
    # (the cue words extend only over a word that may start an extension: most cues are the verb alone)
    p = i - 1
    if p >= ts and (form == "adj" or low[p] in _LEFT_START or low[p].endswith("n't")):
        cstart, passive = _left_cue_extension(v, i, ts, form == "adj")
        passive = passive and form == "past"
    else:
        cstart, passive = i, False
    k = i + 1
    cend = _right_cue_extension(v, i, te, entry) if k < te and (low[k] in _RIGHT_START or low[k] in entry.particles) else k
    cue = (cstart, cend)
    prev = cstart - 1
    progressive = form == "ing" and cstart < i and any(low[k] in BE or low[k] in AUX for k in range(cstart, i))
    # participle clause: ", saying ..." shares the main clause's source
    participle = form == "ing" and not progressive and not passive and (
        prev < ts or low[prev] in (",", "and", "then") or low[prev] in PREPOSITIONS or low[prev] in CUE_ADVERBS
        or low[prev].endswith("ly") or v.is_close_quote(prev))
    fixed = None
    # the cue words are final (and the score bound can decide now) unless an -ing form that is no participle
    # clause ("a resolution condemning") may still move its cue, or a passive may take its "by" agent
    if (earlier is not None and (form != "ing" or participle) and not (passive and cend < te and low[cend] == "by")
            and lemma not in _RELAY_LEMMAS and v.wl.cue_model):
        cls = entry.cls
        fixed = _cue_words_context(v, cue, i, passive, si, ts, te, earlier, sflags)
        bound = _cue_score_bound(v, low[i], form, cls, fixed)
        if bound < SCORE_THRESHOLD - _BOUND_MARGIN:
            return None  # rejected whatever its source
        spread = v.fast.cue_source_spread
        sure = bound - spread.get(cls, spread[None]) >= SCORE_THRESHOLD + _BOUND_MARGIN  # accepted whatever
    else:
        sure = False
    # (all fields by position: a call with keywords costs half as much again)
    c = Cand("verb", lemma, entry.cls, form, i, cue, si, None, "", None, [], "fwd", [], [], [], passive,
             False, "", (0, 0), -1, None, fixed, sure)
    if participle:
        c.source_how = "shared"
        c.rule = "verb:participle"
        return c
    # "to talk about": the subject of the clause (or of the attribution) it depends on
    if form == "base" and prev >= ts and low[prev] == "to":
        if _impersonal_it(v, prev, ts):
            return None  # "It is to mention that", "it is fair to say": the author's own comment
        c.source_how = "shared"
        c.rule = "verb:infinitive"
        return c
    if form == "ing" and prev >= ts and not progressive:
        # "a statement saying", "sent a fundraising email Wednesday saying"
        m = prev
        while m > ts and (low[m] in TIME_WORDS):
            m -= 1
        if low[m] in v.wl.reporting_nouns and not v.punct[m]:
            d = m
            while d > ts and m - d < 5 and not (low[d] in DETERMINERS or low[d].endswith(("'s", "s'"))) and not v.punct[d - 1]:
                d -= 1
            if low[d] in DETERMINERS or low[d].endswith(("'s", "s'")):
                before = d - 1
                if before >= ts and not v.punct[before] and not v.cap[before] and low[before] not in PREPOSITIONS and low[before] not in NP_STOP:
                    # the document is the object of a verb: "The council approved a resolution condemning"
                    subj = clause_subject(v, ts, before)
                    if subj is not None and subj[1] <= before:
                        c.cue = (before, cend)
                        c.source, c.source_how, c.rule = subj, "pre", "verb:document"
                        return c
                c.source, c.source_how, c.rule = (d, m + 1), "pre", "noun_source:participle"
                return c
        return None if not v.cap[i] else c
    if passive:
        # "was criticized by X"; "is expected to ..." has no source
        if cend < te and low[cend] == "by":
            np = right_np(v, cend + 1, te, appositions=True)
            if np is not None:
                c.source, c.source_how, c.rule = np, "by", "verb:passive_by"
                c.cue = (cstart, cend + 1)
                return c
        c.rule = "verb:passive"
        return c
    before_ok = (prev < ts or low[prev] == "," or (low[prev] in _QUOTE_CHARS and v.is_close_quote(prev))
                 or (v.punct[prev] and low[prev] in _DASHES))
    # "Smith, a professor at Yale, said": the apposition makes it preverbal
    if prev >= ts and low[prev] == "," and cstart == i:
        np = _apposition_np(v, prev, ts)
        if np is not None:
            c.source, c.source_how, c.rule = np, "pre", "verb"
            return c
    # inverted: '"...," said Smith' / '..., said Smith'
    if before_ok and cstart == i and ("inv" in entry.frames) and cend < te and not v.punct[cend]:
        nw = low[cend]
        if ((v.cap[cend] or nw in DETERMINERS or nw in _INV_STARTERS or nw in v.wl.roles or _described_name(v, cend, te))
                and nw not in ("that", "i", "this", "these", "those") and nw not in PERSONAL and nw not in TIME_WORDS):
            np = right_np(v, cend, te)
            if np is not None and not (np[1] < te and _finite_after(v, np[1], aux_only=v.cap[np[0]])
                                       and not any(low[t] in RELATIVES or low[t] == "whose" for t in range(*np))):
                c.source, c.source_how, c.rule = np, "inv", "verb:inverted"
                return c
    np = left_np(v, cstart, ts)
    if np is not None:
        c.source, c.source_how = np, "pre"
        c.rule = "verb:relative" if low[np[0]] in RELATIVES and np[1] - np[0] == 1 else "verb"
        return c
    # '"...," he said' with a pronoun after: 'said he'
    if before_ok and cend < te and low[cend] in ("he", "she", "they", "we", "i") and (cend + 1 >= te or low[cend + 1] in (",", ".", ";", "\u2014")):
        c.source, c.source_how, c.rule = (cend, cend + 1), "inv", "verb:inverted"
        return c
    # "Asked about the wall, Trump said ...": a fronted participle takes the subject of the clause after it
    if form == "past" and cstart == i and (prev < ts or low[prev] in ("when", "if", "once", "as", "after")):
        c.source_how = "shared"
        c.rule = "verb:fronted"
        return c
    # "... criticized the policy and said ...": a verb coordinated with an earlier one shares its subject
    if prev >= ts and (low[prev] in ("and", "but", "or", "then", "yet") or (low[prev] == "," and form in ("3sg", "past") and cstart == i)):
        c.source_how = "shared"
        c.rule = "verb:coordinated"
        return c
    c.rule = "verb:nosource"
    return c


def _finite_after(v: View, k: int, *, aux_only: bool = False) -> bool:
    """Token ``k`` is a lower-case finite verb or auxiliary: the phrase before it is a clause's subject.

    After "said", such a phrase opens a content without "that" ("said the talks
    would resume"), not an inverted source ('"...," said the minister').
    With ``aux_only``, only an auxiliary or a modal counts (a past form after
    a name may be a participle: "said Dmitry Peskov quoted as saying").
    """
    if v.cap[k] or v.punct[k]:
        return False
    w = v.low[k]
    if w in _FINITE or w in MODALS:
        return True
    if aux_only:
        return False
    form = v.vf.get(w)
    if form is None or form[1] not in ("past", "3sg"):
        return False
    # a past form before "by", "as" or another preposition is a participle: "said a lawyer quoted by the paper"
    return not (form[1] == "past" and k + 1 < v.n and (v.low[k + 1] in PREPOSITIONS or v.low[k + 1] in ("by", "as")))


#: most lower-case words a description may have before the name it describes ("said crane driver X")
_DESCRIPTION_MAX = 4


def _described_name(v: View, start: int, te: int) -> bool:
    """A short lower-case description, then a capitalised name: 'said union leader Tom Berg'.

    The tabloid and wire house style puts a job title or description between an
    inverted verb and the name ("says crane driver Sofie Lund", "said Labour MP
    X"); none of the description's words may be a function word, a verb form or
    a time word, and the name must follow within a few words.
    """
    low = v.low
    k = start
    while k < te and k - start < _DESCRIPTION_MAX:
        if v.punct[k] or v.inq[k] >= 0:
            return False
        if v.cap[k]:
            return k > start and low[k] not in TIME_WORDS
        w = low[k]
        if (w in PREPOSITIONS or w in NP_STOP or w in TIME_WORDS or w in PERSONAL or w in DETERMINERS
                or w in v.wl.verb_forms or w.isdigit()):
            return False
        k += 1
    return k < te and k > start and v.cap[k] and not v.punct[k] and low[k] not in TIME_WORDS


_IT_BE = frozenset({"is", "was", "'s", "\u2019s", "be", "seems", "seemed"})


def _impersonal_it(v: View, to: int, ts: int) -> bool:
    """'It is (worth/fair/important) to ...' opening its clause: the author speaks, no one is quoted."""
    low = v.low
    k = to - 1
    n = 0
    while k > ts and n < 2 and low[k] not in _IT_BE and not v.punct[k]:
        k -= 1
        n += 1
    if k <= ts or low[k] not in _IT_BE:
        return False
    j = k - 1
    if low[j] in ("it's", "it\u2019s"):
        return j == ts or v.punct[j - 1] == PUNCT
    if low[j] != "it":
        return False
    return j == ts or v.punct[j - 1] == PUNCT


#: adverb particles that make another verb of a reporting verb ("called in a mediator", "called off the strike")
_OTHER_PARTICLES = frozenset({"in", "off", "up"})


def _other_phrasal(v: View, i: int, te: int, entry) -> bool:
    """A phrasal verb other than the reporting one: its particle, then a determiner.

    Applies to verbs whose word-list entry names their own particles ("call
    for|on"): "called in a mediator" is not speech, "called for talks" is.
    """
    k = i + 1
    if not entry.particles or k + 1 >= te or v.low[k] not in _OTHER_PARTICLES or v.low[k] in entry.particles:
        return False
    return v.low[k + 1] in DETERMINERS and v.inq[k] < 0


def _according_source(v: View, c: Cand, start: int, te: int) -> None:
    np = right_np(v, start, te, open_end=False)
    if np is None:
        c.rule = "according_to:nosource"
        return
    c.source, c.source_how = np, "after"
    low = v.low
    b = np[1]
    # "according to Russian media reports, citing Kremlin spokesperson Dmitry Peskov"
    if b + 1 < te and low[b] == "," and low[b + 1] == "citing":
        np2 = right_np(v, b + 2, te, open_end=False)
        if np2 is not None:
            c.via.append(np)
            c.source = np2
            c.cue_extra.append((b + 1, b + 2))
            c.rule = "according_to:citing"


def _clause_colon_candidate(v: View, i: int, ts: int, te: int, si: int) -> Cand | None:
    """'The mayor was blunt: "We will not raise taxes."' — a subject, "was" and a word or two, a colon, a quotation.

    The colon introduces what the subject said; the subject is the source.
    """
    low = v.low
    if not (i + 1 < v.n and v.punct[i + 1] and low[i + 1] in _OPENQ) or i - ts > 10 or i - ts < 3:
        return None
    # "<subject> was|is|were|are <one or two lower-case words>:"
    for b in (i - 2, i - 3):
        if b <= ts or low[b] not in _CLAUSE_COLON_BE:
            continue
        if any(v.punct[k] or v.cap[k] or v.inq[k] >= 0 for k in range(b + 1, i)):
            return None
        subject = left_np(v, b, ts)
        if subject is None or subject[0] != ts:
            return None
        head = low[subject[1] - 1]
        # a speaker: a name, a pronoun for a person or a role ("The mayor"), not a thing ("The result is clear:")
        if not (v.cap[subject[1] - 1] and (subject[1] - 1 > ts or _name_elsewhere(v, ts))
                or head in _SPEAKER_PRONOUNS or head in v.wl.roles or v.fast.anonymity.get(head) == "head"):
            return None
        return Cand("colon", ":", ":", "speech", i, (i, i + 1), si, source=subject, source_how="colon",
                    rule="colon:clause")
    return None


def _name_elsewhere(v: View, k: int) -> bool:
    """The capitalised word at ``k`` (a sentence start) is a name: the article writes it capitalised after a word too.

    ("Trump was defiant:" after "said Donald Trump"; "Prices were high:" has no such mention.)
    """
    w = v.low[k]
    low, cap, punct = v.low, v.cap, v.punct
    # (a title capitalises its words: "Why Housing Prices Keep Rising" names no one)
    body = 0
    for sent in v.doc.sentences:
        if sent.part == "title":
            body = max(body, sent.token_end)
    return any(low[t] == w and cap[t] and not punct[t - 1] and t != k for t in range(max(1, body), v.n))


#: the forms of "be" that open the predicate of a clause before a colon ("The mayor was blunt:")
_CLAUSE_COLON_BE = frozenset({"is", "was", "were", "are"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _colon_candidate(v: View, i: int, ts: int, te: int, si: int) -> Cand | None:
    """'Trump: "We will win."', 'FALLIN: Well, ...', 'Q: How ...' — a name, then a colon, at a sentence start."""
    low = v.low
    if i - ts < 1 or i - ts > 8:
        return None
    if any(v.inq[k] >= 0 for k in range(ts, i)):
        return None
    words = []
    depth = 0
    for k in range(ts, i):
        if v.punct[k]:
            if low[k] == "(":
                depth += 1
            elif low[k] == ")":
                depth = max(0, depth - 1)
            elif low[k] not in ".-'&":
                return None
            continue
        if depth == 0:
            words.append(k)
    if not words or len(words) > 5:
        return None
    for k in words:
        w = low[k]
        if not v.cap[k] and w not in ("of", "the", "and", "de", "van", "von", "al", "bin", "la", "le"):
            return None
        if w in COLON_LABELS or w in AUX or (w in v.vf and not v.cap[k]) or (w in v.vf and v.vf[w][1] in ("past", "ing", "3sg")):
            return None
    # what follows must be a statement: a quotation or at least three words
    rest = [k for k in range(i + 1, te) if not v.punct[k]]
    nxt_quote = i + 1 < v.n and v.punct[i + 1] and low[i + 1] in _OPENQ
    if not nxt_quote and len(rest) < 3:
        return None
    # a lone word is a speaker only before a quotation, or in a headline ("Trump: ..."), never in capitals
    # ("BOOM:", "A:"): counts on annotated news (see the word list README) found these mostly labels
    if len(words) == 1 and not nxt_quote:
        w = v.s[v.toks[words[0]][0]:v.toks[words[0]][1]]
        if w.isupper() or not (v.doc.sentences[si].part == "title" or _title_case(v, ts, te)):
            return None
    c = Cand("colon", ":", ":", "speech", i, (i, i + 1), si, source=(ts, i), source_how="colon", rule="colon")
    return c
