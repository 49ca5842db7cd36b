"""Who is speaking: names, roles, source types and pronoun resolution.

A source span as written ("Kremlin spokesperson Dmitry Peskov", "He", "a White
House readout", "both the US and NATO") is described by :func:`describe`:
its name, role and source type. :class:`Resolver` walks the article in
reading order and resolves pronouns, relative pronouns and bare surnames to
the fullest earlier mention ("Peskov" -> "Dmitry Peskov", "He" -> the last
person quoted), carrying the role and type known for that person.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from operator import itemgetter

from biaskit.extract._attribution_grammar import (
    DETERMINERS,
    HONORIFICS,
    NP_STOP,
    PLURAL_PRONOUNS,
    PREPOSITIONS,
    SINGULAR_PERSON,
)
from biaskit.extract._attribution_rules import View, left_np
from biaskit.wordlists import masthead_name

_PERSON_TYPES = ("official", "expert", "person")
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "his", "their", "who",
                       "which", "that", "its"})
_ROLE_MAX_WORDS = 4


class Described:
    """What a source span says about its speaker (read-only by convention).

    A plain class with ``__slots__`` (not a frozen dataclass: that sets each
    field through ``object.__setattr__``, several times slower to build, and
    a dataclass's generated ``__init__`` stays interpreted in the compiled
    build). Never change one: :meth:`Resolver.describe` hands out the same
    object for every span with the same words.

    Fields: speaker; role; type; name (the personal or proper name part, if
    any); pronoun (lower-cased pronoun when the source is one); plural; agent
    (speaks for someone else, "a spokesperson for X": "he" later is the agent).
    """

    __slots__ = ("speaker", "role", "type", "name", "pronoun", "plural", "agent")
    speaker: str | None
    role: str | None
    type: str
    name: str | None
    pronoun: str | None
    plural: bool
    agent: bool

    def __init__(self, speaker: str | None, role: str | None, type: str, name: str | None, pronoun: str | None,
                 plural: bool, agent: bool = False) -> None:
        self.speaker = speaker
        self.role = role
        self.type = type
        self.name = name
        self.pronoun = pronoun
        self.plural = plural
        self.agent = agent

    def __repr__(self) -> str:
        return (f"Described(speaker={self.speaker!r}, role={self.role!r}, type={self.type!r}, name={self.name!r}, "
                f"pronoun={self.pronoun!r}, plural={self.plural!r}, agent={self.agent!r})")


def _words(v: View, a: int, b: int) -> list[int]:
    """Word tokens of a span, leaving out parenthesised ones ("(NSA)")."""
    if 1 not in v.punct[a:b]:
        return list(range(a, b))  # (most spans: words only)
    out = []
    depth = 0
    for k in range(a, b):
        if v.punct[k]:
            if v.low[k] == "(":
                depth += 1
            elif v.low[k] == ")":
                depth = max(0, depth - 1)
            continue
        if depth == 0:
            out.append(k)
    return out


def _role_at(v: View, idx: list[int], k: int) -> int:
    """Length (in words) of a role entry starting at word position ``k`` of ``idx``, 0 if none."""
    fast = v.fast
    roles = fast.roles
    low = v.low
    w = low[idx[k]]
    top = fast.phrase_heads.get(w, 0)
    best = 0
    if top > 1:
        key = w
        for n in range(2, min(top, _ROLE_MAX_WORDS, len(idx) - k) + 1):
            key = key + " " + low[idx[k + n - 1]]
            if key in roles:
                best = n
    if best:
        return best
    if w in roles or w.rstrip(".") in roles or (w.endswith("s") and w[:-1] in roles):
        return 1
    return 0


def _find_phrase(v: View, idx: list[int], written: list[str], table, *, case_sensitive: bool = False,
                 max_n: int = 5) -> tuple[int, int, str] | None:
    """Longest entry of ``table`` occurring in the words ``idx`` (``written``: those words as written).

    Returns (start word, end word, key).
    """
    best = None
    heads = v.fast.phrase_heads
    for i in range(len(idx)):
        w = v.low[idx[i]]
        top = heads.get(w) or (w.endswith("'s") and heads.get(w[:-2]))
        if not top:
            continue
        for n in range(min(top, max_n, len(idx) - i), 0, -1):
            raw = " ".join(written[i:i + n])
            if raw.endswith(("'s", "\u2019s")):
                raw = raw[:-2]
            key = raw if case_sensitive else raw.lower()
            if key in table or (case_sensitive and raw.lower() in table and raw.lower() == raw):
                if best is None or n > best[1] - best[0]:
                    best = (i, i + n, raw)
                break
    return best


def describe(v: View, span: tuple[int, int]) -> Described:
    """Name, role and source type of the source span ``span`` (token range)."""
    wl = v.wl
    fast = v.fast
    a, b = span
    low = v.low
    if b - a == 1:
        first = low[a]
        if first in _PRONOUNS:
            return Described(None, None, "unknown", None, first, first in PLURAL_PRONOUNS)
    appos = None
    seg_end = b
    if 1 not in v.punct[a:b]:
        idx = list(range(a, b))  # (most spans: words only, so no apposition either)
    else:
        # the first segment (before an apposition comma) carries the name
        seg_end = low.index(",", a, b) if "," in low[a:b] else b  # (a "," token is always punctuation)
        if seg_end < b:
            aa = seg_end + 1
            bb = b
            while bb > aa and v.punct[bb - 1]:
                bb -= 1
            if bb > aa and not all(v.low[t][0].isdigit() or v.punct[t] for t in range(aa, bb)):
                appos = v.tok_text(aa, bb)  # (an age is no role: "Jorge Ramos, 58, said")
        idx = _words(v, a, seg_end)
    if not idx:
        return Described(None, None, "unknown", None, None, False)
    first = low[idx[0]]
    if len(idx) == 1 and first in _PRONOUNS:
        return Described(None, None, "unknown", None, first, first in PLURAL_PRONOUNS)
    if len(idx) == 1 and appos is None:
        t = idx[0]
        word = v.s[v.toks[t][0]:v.toks[t][1]]
        roles = fast.roles
        group_words = fast.group_words
        if first in group_words and first not in roles and first[:-1] not in roles and first not in fast.anonymity:
            return Described(word, None, "group", None, None, True)  # "Critics say"
        if v.cap[t] and first not in roles and first not in group_words and first not in fast.anonymity:
            out = wl.outlet(word)
            if out is not None:
                return Described(out[0], None, "agency" if out[1] == "agency" else "media", out[0], None, False)
            if word in fast.government or word in fast.countries:
                return Described(word, None, "government", None, None, False)
            if word in fast.organization_words or first in fast.organization_words:
                return Described(word, None, "organization", None, None, False)
            if word.endswith(("'s", "\u2019s")):
                word = word[:-2]
            if _acronym(word):
                # "VPA said": an acronym is an organisation unless the article says otherwise
                return Described(word, None, "organization", None, None, False)
            if _plural_common_noun(v, t, word):
                return Described(word, None, "group", None, None, True)
            return Described(word, None, "person", word, None, False)
    # drop leading determiners for the speaker text
    k0 = 0
    while k0 < len(idx) - 1 and low[idx[k0]] in _DROPPED_DETERMINERS:
        k0 += 1
    core = idx[k0:]
    s, toks = v.s, v.toks
    text = s[toks[core[0]][0]:toks[idx[-1]][1]]
    words_low = list(map(low.__getitem__, core))
    written = [s[toks[t][0]:toks[t][1]] for t in core]  # the words as written

    # ---- someone speaking for someone: "a spokesperson for Prime Minister X" --
    for i in range(len(core) - 2 if not _AGENTS.isdisjoint(words_low) else 0):
        if words_low[i] in _AGENTS and words_low[i + 1] in ("for", "of", "to") and v.cap[core[-1]]:
            return _agent_of(v, text, (core[i + 2], core[-1] + 1), words_low[i])

    # ---- name and role -------------------------------------------------
    name_start = None
    last_role = -1
    role_type = None
    i = 0
    ncore = len(core)
    heads = fast.phrase_heads
    roles = fast.roles
    while i < ncore:
        w = words_low[i]
        # (a word that heads no entry and is no role, as most are, needs no further look; see _role_at)
        if (heads.get(w, 0) <= 1 and w not in roles and (w[-1] != "." or w.rstrip(".") not in roles)
                and (w[-1] != "s" or w[:-1] not in roles)):
            i += 1
            continue
        n = _role_at(v, core, i)
        if n:
            last_role = i + n - 1
            key = " ".join(words_low[i:i + n])
            role_type = roles.get(key) or roles.get(key.rstrip(".")) or roles.get(key.rstrip("s")) or role_type
            i += n
            continue
        i += 1
    # the name: capitalised words after the last role word, up to the end of the segment
    cand = core[last_role + 1:]
    cap = v.cap
    if cand and cap[cand[-1]] and _all_name_words(cap, low, cand):
        cand = _without_honorific(low, cand)
        name_start = cand[0]
    described = False
    if name_start is None and cand:
        # a description before a personal name: "Lystra boss Victor Anselm", "crane driver Sofie Lund"
        run = _trailing_name(v, cand)
        described = bool(run)
        if run:
            cand = run = _without_honorific(low, run)
            name_start = cand[0]
            last_role = core.index(cand[0]) - 1
    name = None
    role = None
    if name_start is not None:
        name = " ".join(written[len(core) - len(cand):])  # (the name's words end the core)
        if last_role >= 0:
            r0, r1 = core[0], core[last_role]
            role = _clean_role(s[toks[r0][0]:toks[r1][1]])
    elif last_role >= 0 and last_role == len(core) - 1:
        role = _clean_role(text)
        if seg_end < b:  # the person's name in apposition to the role: "Nevada's governor, Brian Sandoval, said"
            name = _apposed_name(v, seg_end + 1, b)
    elif last_role >= 0 and seg_end < b and not v.cap[core[-1]]:
        # a described role, then the name: "A union representative at the plant, Dario Pellan, told ..."
        name = _apposed_name(v, seg_end + 1, b)
        if name is not None:
            role = _clean_role(text)
    if appos:
        role = role or appos
        if role_type is None:
            role_type = _appos_type(v, appos)

    # ---- source type -----------------------------------------------------
    # (core, and so words_low, holds one word at least)
    plural = (words_low[-1].endswith("s") and not words_low[-1].endswith("ss")) and name is None
    anon = fast.anonymity
    head = words_low[-1]
    head_at = len(words_low) - 1
    for i in range(1, len(words_low)):
        if words_low[i] in _HEAD_ENDS:
            head = words_low[i - 1]
            head_at = i - 1
            break
    plural = plural or (name is None and head.endswith("s") and not head.endswith("ss"))
    proper = any(map(cap.__getitem__, core))
    if name is None:
        # an anonymity head ("sources"), or a marker ("familiar with") in words with no capital
        if anon.get(head) == "head":
            if not proper or not _outlet_or_gov(v, core):
                return Described(text, role, "anonymous", None, None, plural)
        elif (not proper and fast.anon_marker_re is not None
              and fast.anon_marker_re.search(v.tok_text(a, b).lower()) is not None):
            return Described(text, role, "anonymous", None, None, plural)
        # (only an anonymity modifier makes unnamed people anonymous: most sources have none)
        if not fast.anon_modifiers.isdisjoint(words_low) and _modified_unnamed(v, words_low, head):
            return Described(text, role, "anonymous", None, None, plural)
    reporting = fast.reporting_nouns
    # a document, message or study: "a CNN analysis", "a report from the Pentagon", "a tweet from the White House"
    document = name is None and reporting.get(head) in _AUTHORED_KINDS
    if document and head_at < len(core) - 1:
        d = _document_source(v, (a, b), core, head_at, words_low, text)
        if d is not None:
            return d
    out = wl.outlet(text) if proper else None
    if out is None and proper and _may_hold(written, fast.outlet_parts, fold=True):
        hit = _find_phrase(v, core, written, _OutletTable(wl))
        if hit is not None and (hit[1] - hit[0]) >= max(1, len(core) - 2) and not (
                # one listed word closing a longer name is that name's: "Don Guardian", "the Moscow Times"
                hit[1] - hit[0] == 1 and hit[0] > 0 and hit[1] == len(core) and cap[core[hit[0] - 1]]
                and words_low[hit[0] - 1] not in fast.roles and words_low[hit[0] - 1] not in fast.agency_words):
            out = wl.outlet(hit[2])
    if out is not None:
        return Described(out[0], role, "agency" if out[1] == "agency" else "media", out[0], None, False)
    media = None if fast.agency_parts.isdisjoint(words_low) else _introduced_medium(v, core)
    if media is not None:
        return Described(media[0], media[1] or role, media[2], media[0], None, False)
    if proper and len(core) >= 2 and _masthead(v, core):
        return Described(text, role, "media", text, None, False)
    agency_words = fast.agency_words
    # (a document word of the media, "report", after a capitalised name may be a body's: "a State Department
    # report" is the government's; the body is looked for first)
    if head in agency_words and name is None and not (proper and document):
        kind = agency_words[head]
        return Described(text, role, "agency" if kind == "agency" else "media", None, None, plural)
    if len(core) >= 2 and not fast.agency_parts.isdisjoint(words_low[-2:]) and " ".join(words_low[-2:]) in agency_words:
        kind = agency_words[" ".join(words_low[-2:])]
        return Described(text, role, "agency" if kind == "agency" else "media", None, None, plural)
    countries = fast.countries
    if text in countries or text.replace("the ", "", 1) in countries:
        return Described(text, role, "government", None, None, False)
    gov = None
    government = fast.government
    if (proper or any(w in government or w[-2:] == "'s" and w[:-2] in government for w in words_low)) and _may_hold(
            written, fast.government_parts, fold=False):
        gov = _find_phrase(v, core, written, government, case_sensitive=True)
    if gov is not None:
        gi, gj, gname = _body_name(v, core, *gov)
        rest = words_low[gj:]
        if not rest or all(w in reporting or w[:-1] in reporting or w in ("press", "service", "office", "spokesperson", "'s")
                       for w in rest) and not (name and gj < len(core) and role_type):
            if name is None or gj == len(core) or (name and name_start is not None and v.toks[core[gi]][0] >= v.toks[name_start][0]):
                return Described(gname, role, "government", None, None, False)
    if proper and head in _STATE_BODY_HEADS:
        body = _state_body(v, core, written, text)
        if body is not None:
            return Described(body, role, "government", None, None, False)
    if head in agency_words and name is None:  # (a capitalised document word no body's: "a Velmarian report")
        kind = agency_words[head]
        return Described(text, role, "agency" if kind == "agency" else "media", None, None, plural)
    # ("and" inside one body's name before a singular role is one speaker: "a Food and Drug Administration spokesman")
    if "both" in words_low or ("and" in words_low and proper and name is None and not (role_type and not plural)):
        return Described(text, role, "group", None, None, True)
    # (a plural reporting noun is no group of people: "exit polls", "records")
    if name is None and (head in fast.group_words or (plural and head not in reporting and head[:-1] not in reporting)):
        return Described(text, role, "group", None, None, True)
    if name is None and (head in reporting or plural and head[:-1] in reporting):
        return Described(text, role, "unknown", None, None, False)
    ow = fast.organization_words
    if described:
        words_org = [low[t] for t in core[last_role + 1:]]  # "party boss X" is X, a person
    else:
        words_org = words_low
    # (a role word before the head only modifies it: "the teachers' union" is an organisation)
    if role_type in ("official", "expert", "person", "media") and (name is not None or last_role >= head_at
                                                                   or head not in ow):
        st = role_type if role_type != "person" else "person"
        if role_type == "media":
            st = "media"
        return Described(name or text, role, st, name, None, False)
    if not ow.keys().isdisjoint(words_org) or (proper and any(w in ow for t, w in zip(core, written, strict=True) if cap[t])):
        return Described(text, role, "organization", None, None, False)
    if name is not None:
        return Described(name, role, "person", name, None, False)
    if proper:
        return Described(text, role, "person", text, None, False)
    return Described(text, role, "unknown", None, None, plural)


#: words after a document noun that introduce its topic ("a review *of* FBI documents", "a report *on* Russia")
_TOPIC_WORDS = frozenset({"of", "on", "about", "into"})
#: the kinds of reporting noun (reporting_nouns.csv) that name something a body may author
_AUTHORED_KINDS = frozenset({"document", "message", "study"})
#: the source types of a body that can author a document
_AUTHOR_TYPES = frozenset({"government", "media", "agency", "organization"})


def _masthead(v: View, core: list[int]) -> bool:
    """The words ``core`` are a name shaped like a newspaper's (see :func:`biaskit.wordlists.masthead_name`)."""
    fast = v.fast
    low = v.low
    if low[core[-1]] not in fast.masthead_last and low[core[0]] not in fast.masthead_first:
        return False  # (most names: no masthead word)
    toks = v.toks
    words = [v.s[toks[t][0]:toks[t][1]] for t in core]
    return masthead_name(words, v.wl, after_the=core[0] > 0 and low[core[0] - 1] == "the")


def _document_source(v: View, span: tuple[int, int], core: list[int], head_at: int, words_low: list[str],
                     text: str) -> Described | None:
    """A document source whose head noun is followed by more words, or None to describe it as usual.

    The words after the document noun name either its author ("a report
    *from* the Pentagon", "the findings *of* the Federal Reserve") or its
    topic ("a Washington Post review *of* FBI documents", "a report *on*
    Russian media"). A body that ends the span after "from" or "of" is the
    author; otherwise the document is described without its topic, so a
    body named in the topic never becomes the source ("a CNN analysis of
    Pentagon data" is CNN's). A document with no known author and a name
    in its topic is of unknown type, its whole text the speaker ("an
    analysis of Census Bureau data").

    >>> from biaskit.parse import parse
    >>> from biaskit.wordlists import load_wordlists
    >>> d = parse("A CNN analysis of Pentagon data said so, as did a report from the Pentagon.")
    >>> v = View(d, load_wordlists())
    >>> [(x.speaker, x.type) for x in (describe(v, (0, 6)), describe(v, (12, 16)))]
    [('CNN', 'media'), ('Pentagon', 'government')]
    """
    after = words_low[head_at + 1]
    tail = core[head_at + 2:]
    if after not in _TOPIC_WORDS and after != "from":
        return None
    if tail and after in ("from", "of"):
        author = describe(v, (tail[0], tail[-1] + 1))
        if author.type in _AUTHOR_TYPES and v.cap[tail[-1]]:  # (a name ends the span: "of FBI documents" does not)
            return author
        if after == "from":
            return None
    own = describe(v, (span[0], core[head_at] + 1))
    if own.type in _AUTHOR_TYPES and any(v.cap[t] for t in core[:head_at]):  # (a name before the noun: "a CNN poll")
        return own
    if not any(v.cap[t] for t in tail):
        return None  # no name in the topic that could be taken for the source: described as usual
    return Described(text, None, "unknown", None, None, False)


#: heads of a public body's name, and the qualifiers that make such a body one of the state
#: ("Federal Aviation Administration", "National Roads Authority", "US Environmental Protection Agency",
#: "U.S. Geological Survey", "National Weather Service")
_STATE_BODY_HEADS = frozenset({"agency", "authority", "commission", "administration", "survey", "service", "bureau",
                               "office", "department"})
_STATE_QUALIFIERS = frozenset({"national", "federal", "state", "central", "government", "governmental", "public",
                               "provincial", "regional", "municipal", "county", "city"})
_STATE_QUALIFIER_PAIRS = frozenset({("environmental", "protection")})


def _state_body(v: View, core: list[int], written: list[str], text: str) -> str | None:
    """The name of a body of state named by ``core``, else None.

    A capitalised "... Agency/Authority/Commission/Administration" is one if a
    word of it is a state qualifier (:data:`_STATE_QUALIFIERS`, "Environmental
    Protection") or a listed country ("US"), or if it is the end of a listed
    government body's name ("the Roads Agency" for a listed "Velmarian Roads
    Agency"); it is then named by that body if the text names the body in full.
    """
    low = [w.lower() for w in written]
    if not v.cap[core[-1]] and not any(v.cap[t] and low[k] in _STATE_BODY_HEADS for k, t in enumerate(core)):
        return None
    if (not _STATE_QUALIFIERS.isdisjoint(low) or not _STATE_QUALIFIER_PAIRS.isdisjoint(zip(low, low[1:], strict=False))
            or any(w in v.wl.countries for w in written)):
        return text
    if len(core) < 2:
        return None
    tail = " " + text
    full = [g for g in v.wl.government if g.endswith(tail)]
    if not full:
        return None
    return full[0] if len(full) == 1 and full[0] in v.s else text


def _modified_unnamed(v: View, words_low: list[str], head: str) -> bool:
    """Unnamed people described by an anonymity modifier: "Senior figures inside the Transport Ministry".

    The head is a lower-case common noun that is no role, medium, body or
    group word, and a modifier from the anonymity list ("senior") stands
    before it. A head that may name a document ("figures show") counts only
    when the people are placed in a body ("figures inside the ministry").
    """
    fast = v.fast
    if not head.isalpha() or head not in words_low:
        return False
    if head in fast.roles or head.rstrip("s") in fast.roles or head in fast.agency_words \
            or head in fast.government or head in fast.organization_words or head in fast.group_words:
        return False
    h = words_low.index(head)
    if head in fast.reporting_nouns and (h + 1 >= len(words_low) or words_low[h + 1] not in _INSIDE):
        return False
    anon = fast.anonymity
    return any(anon.get(w) == "modifier" for w in words_low[:h])


_INSIDE = frozenset({"inside", "within", "in", "at", "from"})


#: words that may join the name of a body after its head ("Ministry of Finance", "Office for National Statistics")
_BODY_JOINERS = frozenset({"of", "for", "and", "&", "the", "on"})


def _body_name(v: View, core: list[int], gi: int, gj: int, gname: str) -> tuple[int, int, str]:
    """The full name of a government body found as ``core[gi:gj]`` ("Finance Ministry", not "Ministry").

    Capitalised words just before the listed words belong to the name (not a
    possessive, a role or a determiner), and so does an "of"/"for" phrase of
    capitalised words after it ("Ministry of Finance").
    """
    low = v.low
    cap = v.cap
    roles = v.wl.roles
    i = gi
    while i > 0 and cap[core[i - 1]] and not low[core[i - 1]].endswith(("'s", "\u2019s")) and low[core[i - 1]] not in roles \
            and low[core[i - 1]] not in DETERMINERS and core[i] - core[i - 1] == 1:
        i -= 1
    j = gj
    if j < len(core) and low[core[j]] in ("of", "for") and cap[core[j - 1]]:
        k = j
        while k < len(core) and (cap[core[k]] or low[core[k]] in _BODY_JOINERS) and core[k] - core[k - 1] == 1:
            k += 1
        while k > j and not cap[core[k - 1]]:
            k -= 1
        if k > j + 1:
            j = k
    if (i, j) == (gi, gj):
        return gi, gj, gname
    name = v.s[v.toks[core[i]][0]:v.toks[core[j - 1]][1]]
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    return i, j, name


#: leading determiners left out of a speaker's text (not the quantifiers: "both", "many", "two", ...)
_DROPPED_DETERMINERS = DETERMINERS - {"both", "all", "many", "some", "several", "most", "few", "one", "two", "three"}
#: words after a source's head noun: "officials *in* the ministry", "people *familiar* with"
_HEAD_ENDS = frozenset({"of", "at", "in", "inside", "within", "for", "from", "with", "on", "who", "that", "familiar",
                        "close"})

#: people who speak for someone else: the source is the agent, not the principal
_AGENTS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
                     "aide", "aides", "adviser", "advisers", "advisor", "advisors", "lawyer", "lawyers", "attorney",
                     "attorneys", "representative", "representatives", "spokesperson's"})


def _all_name_words(cap: list[bool], low: list[str], words: list[int]) -> bool:
    """Every word is capitalised or a name particle ("of", "de", "van", ...)."""
    for t in words:
        if not cap[t] and low[t] not in _NAME_PARTICLES:
            return False
    return True


def _apposed_name(v: View, start: int, end: int) -> str | None:
    """A personal name that opens an apposition (tokens ``start:end``, up to its first comma), or None.

    Two to four capitalised words (name particles between them), none of
    them a role, organisation, government or media word: "Brian Sandoval"
    in "Nevada's governor, Brian Sandoval, a Republican".
    """
    low = v.low
    k = start
    while k < end and low[k] != ",":
        k += 1
    words = _without_honorific(low, [t for t in range(start, k) if low[t] != "."])  # ("Mr. John Kirby")
    fast = v.fast
    if not 2 <= len(words) <= 4 or not v.cap[words[0]] or not v.cap[words[-1]] or any(v.punct[t] for t in words):
        return None
    if not _all_name_words(v.cap, low, words):
        return None
    for t in words:
        w = low[t]
        if w in fast.roles or w in fast.organization_words or w in fast.agency_words or w in fast.government:
            return None
    toks = v.toks
    name = " ".join(v.s[toks[t][0]:toks[t][1]] for t in words)  # (without the dots, as every other name)
    if v.wl.outlet(name) is not None or name in fast.government or name in fast.countries:
        return None
    return name


def _agent_of(v: View, text: str, principal: tuple[int, int], agent: str) -> Described:
    """'a spokesperson for Prime Minister X': the spokesperson speaks, in the principal's name."""
    p = describe(v, principal)
    plural = agent.endswith(("s", "men", "people"))
    if plural:
        typ = "group"  # "attorneys for Clinton"
    elif p.type in ("organization", "media", "agency"):
        typ = p.type
    else:
        # the agent's own role type: a spokesperson or aide is an official, a lawyer a person
        typ = v.wl.roles.get(agent, "person") if p.type not in ("official", "government") else "official"
        typ = typ if typ in ("official", "expert", "person") else "person"
    return Described(text, text, typ, None, None, plural, agent=True)


def _without_honorific(low: list[str], words: list[int]) -> list[int]:
    """The name words without a leading courtesy title ("Dr. Noor Fitzallan" -> "Noor Fitzallan")."""
    k = 0
    while k < len(words) - 1 and low[words[k]].rstrip(".") in HONORIFICS:
        k += 1
    return words[k:]


_NAME_PARTICLES = frozenset({"of", "de", "van", "von", "bin", "al", "da", "del", "la", "le", "der"})


def _trailing_name(v: View, words: list[int]) -> list[int]:
    """The personal name closing a described source ("mum-of-two Lena Ashby" -> "Lena Ashby").

    Two or more capitalised words at the end, after at least one lower-case
    content word (the description); [] when the words do not look so.
    """
    low = v.low
    k = len(words)
    while k > 0 and (v.cap[words[k - 1]] or low[words[k - 1]] in _NAME_PARTICLES):
        k -= 1
    while k < len(words) and not v.cap[words[k]]:
        k += 1  # a name does not start with a particle
    run = words[k:]
    if len(run) < 2 or k == 0 or v.cap[words[k - 1]] and k == 1:
        return []
    desc = [low[t] for t in words[:k]]
    # the word before the name describes it: not "of"/"in"/"and" ("president of the Foundation for X",
    # "Jeb Bush and Chris Christie"), nor a possessive
    if desc[-1] in PREPOSITIONS or desc[-1] in NP_STOP or desc[-1] in DETERMINERS or desc[-1].endswith(("'s", "\u2019s")):
        return []
    if any(w in ("and", "or", "&", "with") or w in PREPOSITIONS or w in _NAME_PARTICLES for w in desc):
        return []
    if not any(not v.cap[t] and low[t] not in DETERMINERS for t in words[:k]):
        return []
    orgs, media = v.fast.organization_words, v.fast.agency_words
    if any(low[t] in orgs or low[t] in media for t in run):
        return []
    return run


#: media words that name an institution, not a journalist ("broadcaster VTV1", "news agency VPA")
_MEDIUM_KINDS = ("agency", "media")
_PERSON_MEDIA = frozenset({"columnist", "reporter", "correspondent", "journalist", "editor", "anchor", "host",
                           "report", "reports", "media reports", "press reports", "news reports", "editorial"})


def _plural_common_noun(v: View, t: int, word: str) -> bool:
    """"Dockers said": a plural noun capitalised only because it opens the sentence.

    A word ending in -s (not -ss, -us, -is) at the start of its sentence that
    the article never capitalises inside a sentence (as it would a surname:
    "Ann Williams", "said Williams").
    """
    lw = word.lower()
    if len(lw) < 4 or not lw.endswith("s") or lw.endswith(("ss", "us", "is", "'s", "\u2019s")) or not word[1:].islower():
        return False
    si = v.doc.sentence_at(v.toks[t][0])
    if si < 0:
        return False
    k = v.doc.sentences[si].token_start
    while k < t and (v.punct[k] or v.is_open_quote(k)):
        k += 1
    if k != t:
        return False
    return not _inside_sentence(v.s, word)


def _is_word_char(ch: str) -> bool:
    """A character ``\\w`` matches (str patterns): a letter, a digit or "_"."""
    return ch.isalnum() or ch == "_"


def _inside_sentence(s: str, word: str) -> bool:
    """True if ``word`` occurs in ``s`` as ``re.search(rf"(?<=[\\w,;:] ){re.escape(word)}\\b", s)`` finds it.

    That is: after a space that follows a word character, ",", ";" or ":", and
    ending at a word boundary. Searched with ``str.find`` (no pattern per word).

    >>> _inside_sentence("Dockers said. Then the Dockers left", "Dockers")
    True
    >>> _inside_sentence("Dockers said. Dockersx. \u201cDockers", "Dockers")
    False
    """
    n = len(word)
    last_is_word = _is_word_char(word[-1])
    p = s.find(word, 2)
    while p >= 0:
        e = p + n
        if s[p - 1] == " " and (s[p - 2] in ",;:" or _is_word_char(s[p - 2])) \
                and last_is_word != (e < len(s) and _is_word_char(s[e])):
            return True
        p = s.find(word, p + 1)
    return False


def _acronym(word: str) -> bool:
    """An all-capitals abbreviation such as "VPA" or "VTV1" (two or more capitals).

    >>> [_acronym(w) for w in ("VPA", "VTV1", "A1", "Smith", "U.S.", "\u00c9T\u00c9")]
    [True, True, False, False, True, True]
    """
    if word.isascii():  # (most words: the letters are A-Z and a-z, upper case unless lower)
        return word.isupper() and sum(map(str.isalpha, word)) >= 2
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _medium_word(v: View, phrase: str) -> str | None:
    kind = v.fast.agency_words.get(phrase)
    if kind is None or phrase in _PERSON_MEDIA:
        return None
    return kind


def _introduced_medium(v: View, core: list[int]) -> tuple[str, str | None, str] | None:
    """A medium named beside its media word: "state news agency VPA", "VPA news agency".

    Returns (name, description, "agency" | "media"), or None. The name must be
    one word, or contain an acronym, so that "veteran broadcaster Ann Lee" stays
    a person.
    """
    if len(core) < 2:
        return None
    low = v.low
    words = [low[t] for t in core]
    s, toks = v.s, v.toks

    def text(ts: list[int]) -> str:
        return s[toks[ts[0]][0]:toks[ts[-1]][1]]

    # the description before the name: "... news agency VPA"
    k = len(core)
    while k > 0 and v.cap[core[k - 1]]:
        k -= 1
    run = core[k:]
    if run and k > 0 and (len(run) == 1 or any(_acronym(text([t])) for t in run)):
        for n in (2, 1):
            if k - n >= 0:
                kind = _medium_word(v, " ".join(words[k - n:k]))
                if kind is not None:
                    return text(run), text(core[:k]), kind
    # the name before its media word: "VPA news agency"
    for n in (2, 1):
        if len(core) > n and v.cap[core[-n - 1]]:
            kind = _medium_word(v, " ".join(words[-n:]))
            if kind is not None:
                j = len(core) - n
                i = j
                while i > 0 and v.cap[core[i - 1]]:
                    i -= 1
                name = core[i:j]
                if all(v.cap[t] for t in core[j:]):
                    # the media word is part of a proper name: "the Velmarian Press Agency" (but an
                    # "Agency" alone names a public or private body: "the Roads Agency")
                    if n == 1 and words[-1] == "agency":
                        return None
                    return text(core[i:]), text(core[:i]) if i else None, kind
                if len(name) == 1 or any(_acronym(text([t])) for t in name):
                    return text(name), text(core[:i]) if i else None, kind
    return None


def _introduced_as_medium(v: View, name: str) -> str | None:
    """"agency" or "media" when the article puts ``name`` beside a media word: "news agency VPA", "VPA news agency".

    After the media word, a one-word name must close its noun phrase ("the
    broadcaster VTV1 said", not "broadcaster Ann Lee"); before it, the name
    must be an acronym.
    """
    s = v.s
    words = v.wl.agency_words
    for start, end in _word_spans(s, name):
        before = s[max(0, start - 40):start].lower().split()
        nxt = s[end:end + 2].strip()[:1]
        for n in (2, 1):
            if len(before) >= n:
                key = " ".join(before[-n:])
                if key in words and key not in _PERSON_MEDIA and not nxt.isupper():
                    return words[key]
        if _acronym(name):
            after = s[end:end + 40].lower().split()
            for n in (2, 1):
                if len(after) >= n:
                    key = " ".join(after[:n]).strip(".,;:")
                    if key in words and key not in _PERSON_MEDIA:
                        return words[key]
    return None


class _OutletTable:
    """Lookup adaptor: outlet names and aliases, compared as the word list does."""

    def __init__(self, wl) -> None:
        self.wl = wl

    def __contains__(self, key: str) -> bool:
        return self.wl.outlet(key) is not None


def _may_hold(words: list[str], parts: frozenset[str], *, fold: bool) -> bool:
    """False when no phrase of ``words`` can be an entry whose words are ``parts`` (see ``FastLists``).

    ``fold``: compare in lower case, with a typographic apostrophe as a plain
    one (as :meth:`Wordlists.outlet` does); a final "'s" may be left out.
    """
    for w in words:
        if fold:
            w = w.lower().replace("\u2019", "'")
        if w in parts or (w.endswith(("'s", "\u2019s")) and w[:-2] in parts):
            return True
    return False


def _outlet_or_gov(v: View, core: list[int]) -> bool:
    text = " ".join(v.s[v.toks[t][0]:v.toks[t][1]] for t in core)
    return v.wl.outlet(text) is not None


def _clean_role(s: str) -> str:
    if "(" not in s and ")" not in s:  # (most roles)
        return " ".join(s.split()).strip(" ,")
    # drop a parenthesised acronym: "US National Security Advisor (NSA)"
    out = []
    depth = 0
    for ch in s:
        if ch == "(":
            depth += 1
            continue
        if ch == ")":
            depth = max(0, depth - 1)
            continue
        if depth == 0:
            out.append(ch)
    return " ".join("".join(out).split()).strip(" ,")


def _appos_type(v: View, appos: str) -> str | None:
    low = appos.lower()
    roles = v.fast.roles
    for w in low.replace(",", " ").split():
        t = roles.get(w)
        if t is not None and t != "person":
            return t
    if any(x in low for x in ("university", "institute", "professor", "school of", "college")):
        return "expert"
    return None


# --------------------------------------------------------------------------
# Resolution in reading order
# --------------------------------------------------------------------------


class _Entity:
    """A person or body the article has named: its fullest name, role and type (updated as the article goes on)."""

    __slots__ = ("name", "role", "type")
    name: str
    role: str | None
    type: str

    def __init__(self, name: str, role: str | None, type: str) -> None:
        self.name = name
        self.role = role
        self.type = type


class Resolver:
    """Resolve speakers in reading order (one per document; not shared)."""

    def __init__(self, v: View) -> None:
        self.v = v
        self.entities: list[_Entity] = []  # named speakers and mentions, latest last
        self.by_surname: dict[str, _Entity] = {}
        self.last_single: _Entity | None = None
        self.last_plural: tuple[str | None, str] | None = None
        self.last_thing: tuple[str | None, str] | None = None
        self._mentions: Iterator[tuple[int, str, str | None, str]] | None = None  # names mentioned anywhere, read in order on first need
        self._next: tuple[int, str, str | None, str] | None = None  # the next mention not yet learned
        self._described: dict[str, Described] = {}
        self._media: dict[str, str | None] | None = None  # names the article introduces as media or agencies
        self._acronyms: dict[str, tuple[int, int]] | None = None  # "(VPA)" after a name: its tokens
        self.last_agency: str | None = None  # the agency named last ("the agency" refers to it)
        self.media_nouns: dict[str, str] = {}  # "broadcaster" -> the medium last named with it ("broadcaster VTV1")

    def describe(self, span: tuple[int, int]) -> Described:
        """:func:`describe`, remembered per span within this document."""
        v = self.v
        key = v.s[v.toks[span[0]][0]:v.toks[span[1] - 1][1]]  # same words, same description
        d = self._described.get(key)
        if d is None:
            d = describe(v, span)
            self._described[key] = d
        return d

    def _absorb_mentions(self, upto: int) -> None:
        """Learn names mentioned (not only quoted) before offset ``upto``."""
        it = self._mentions
        if it is None:  # read the article's names only as far as needed
            it = self._mentions = _iter_name_mentions(self.v)
            self._next = next(it, None)
        nxt = self._next
        while nxt is not None and nxt[0] < upto:
            _, name, role, typ = nxt
            self._learn(name, role, typ, speaker=False)
            nxt = next(it, None)
        self._next = nxt

    def _by_given_name(self, given: str) -> _Entity | None:
        """The earlier full name whose first word is ``given`` ("Bernt" -> "Bernt Sollie").

        Only when the article names one person so: another capitalised word
        after the given name anywhere in the article ("Bernt Haug") leaves it
        unresolved.
        """
        found = [e for e in self.by_surname.values() if " " in e.name and e.name.lower().split()[0] == given]
        if len({id(e) for e in found}) != 1:
            return None
        ent = found[0]
        if len(ent.name.split()) > 3:
            return None  # a run of title-case words ("Pence Announces Plans ..."), not a name
        first, second = ent.name.split()[:2]
        after = set(_words_after(self.v.s, first, _NEXT_NAME_WORD_RE))
        if any(w.rstrip("'s").rstrip("\u2019s") != second and w != second for w in after):
            return None
        return ent

    def _organization_of(self, word: str) -> str | None:
        """The organisation the article names with ``word`` first ("Corvane" -> "Corvane Energy").

        Only if ``word`` names no person already and is followed in the
        article by one capitalised organisation word ("Energy", "Motors"),
        always the same one.
        """
        if word.lower().rstrip("'s").rstrip("\u2019s") in self.by_surname:  # (keyed as in _learn)
            return None
        v = self.v
        after = set(_words_after(v.s, word, _NEXT_ORG_WORD_RE))
        orgs = v.fast.organization_words
        if len(after) != 1:
            return None
        (nxt,) = after
        return f"{word} {nxt}" if nxt.lower() in orgs else None

    def _learn(self, name: str, role: str | None, typ: str, *, speaker: bool) -> _Entity:
        parts = name.split()
        sur = parts[-1].lower().rstrip("'s").rstrip("\u2019s") if parts else name.lower()
        known = self.by_surname.get(sur)
        if known is not None and (len(parts) == 1 or known.name.lower().endswith(name.lower()) or name.lower().endswith(known.name.lower())):
            if len(name) > len(known.name) and len(parts) > 1:
                known.name = name
            if role and not known.role:
                known.role = role
            if typ in ("official", "expert") and known.type in ("person", "unknown"):
                known.type = typ
            ent = known
        else:
            ent = _Entity(name, role, typ)
            if len(parts) > 1 or speaker:
                self.by_surname[sur] = ent
        if not speaker:
            self.entities.append(ent)
        return ent

    def resolve(self, span: tuple[int, int] | None, alias: tuple[int, int] | None) -> tuple[str | None, str | None, str]:
        """(speaker, role, source_type) of a source span, updating the discourse state."""
        v = self.v
        if span is None:
            return None, None, "unknown"
        d = self.describe(span)
        if d.pronoun is not None and alias is not None:
            d2 = self.describe(alias)
            if d2.pronoun is None:
                d = d2
        # names mentioned outside attributions matter for a bare surname ("Peskov") and for a
        # pronoun with no earlier speaker; they are read only then (reading them costs time)
        if (d.name and " " not in d.name) or (d.pronoun in SINGULAR_PERSON and self.last_single is None):
            self._absorb_mentions(v.toks[span[0]][0])
        if d.pronoun is not None:
            p = d.pronoun
            if p in ("who", "which", "that"):
                ante = _antecedent(v, span[0])
                if ante is not None:
                    return self._named(self.describe(ante))
                return None, None, "unknown"
            if p in SINGULAR_PERSON and self.last_single is None and self.entities:
                self.last_single = self.entities[-1]
            if p in SINGULAR_PERSON and self.last_single is not None:
                e = self.last_single
                return e.name, e.role, e.type
            if p in ("they", "them", "their") and self.last_plural is not None:
                return self.last_plural[0], None, self.last_plural[1]
            if p in ("it", "its") and self.last_thing is not None:
                return self.last_thing[0], None, self.last_thing[1]
            return None, None, "unknown"
        if d.speaker and _acronym(d.speaker) and " " not in d.speaker and not d.role:
            full = self._expansion(d.speaker, v.toks[span[0]][0])
            if full is not None:
                d = self.describe(full)
        named = self._definite_medium(span, d)
        if named is not None:
            self.last_thing = (named, d.type)
            return named, d.role, d.type
        self._note_medium(span, d)
        return self._named(d)

    def _note_medium(self, span: tuple[int, int], d: Described) -> None:
        """Remember a named agency, and the media nouns its words give it ("local broadcaster VTV1")."""
        if d.type not in ("agency", "media") or not d.name:
            return
        if d.type == "agency":
            self.last_agency = d.name
        nouns = self.v.fast.agency_words
        for w in self.v.low[span[0]:span[1]]:
            if nouns.get(w) == "media" and " " not in w:
                self.media_nouns[w] = d.name

    def _definite_medium(self, span: tuple[int, int], d: Described) -> str | None:
        """"the agency", "the broadcaster": the agency named last, or the medium last named with that noun."""
        if d.type not in ("agency", "media") or d.name or d.plural or span[1] - span[0] > 2:
            return None
        low = self.v.low
        if low[span[0]] != "the":
            return None
        head = low[span[1] - 1]
        if d.type == "agency":
            return self.last_agency if head == "agency" else None
        return self.media_nouns.get(head)

    def via_name(self, span: tuple[int, int]) -> str:
        """The name of an intermediary (token range); "the agency" is the agency named last."""
        d = self.describe(span)
        named = self._definite_medium(span, d)
        if named is not None:
            return named
        self._note_medium(span, d)
        return d.speaker or self.v.tok_text(*span)

    def _expansion(self, acronym: str, upto: int) -> tuple[int, int] | None:
        """The tokens of the name an acronym abbreviates, as the article defines it before ``upto``.

        "the Velmarian Press Agency (VPA)": a bracketed acronym right after a
        name whose word initials it spells is an alias of that name.
        """
        if self._acronyms is None:
            self._acronyms = _acronym_definitions(self.v)
        span = self._acronyms.get(acronym)
        if span is None or self.v.toks[span[0]][0] >= upto:
            return None
        return span

    def _medium(self, name: str) -> str | None:
        """"agency" or "media" when the article introduces ``name`` as such ("the news agency VPA")."""
        if self._media is None:
            self._media = {}
        if name not in self._media:
            self._media[name] = _introduced_as_medium(self.v, name)
        return self._media[name]

    def _named(self, d: Described) -> tuple[str | None, str | None, str]:
        if d.type in ("agency", "media") and d.name:
            if self._media is None:
                self._media = {}
            if self._media.get(d.name) is None:
                self._media[d.name] = d.type
        elif d.type in ("person", "organization") and d.speaker and " " not in d.speaker and not d.role:
            # a medium named before ("the newspaper Dagbladet said"), or an acronym the article introduces
            kind = self._media.get(d.speaker) if self._media else None
            if kind is None and _acronym(d.speaker):
                kind = self._medium(d.speaker)
            if kind is not None:
                self.last_thing = (d.speaker, kind)
                return d.speaker, None, kind
            org = self._organization_of(d.speaker) if d.type == "person" else None
            if org is not None:
                self.last_thing = (org, "organization")
                self.last_plural = (org, "organization")
                return org, None, "organization"
        if d.type in _PERSON_TYPES and d.name:
            parts = d.name.split()
            sur = parts[-1].lower()
            known = self.by_surname.get(sur)
            if known is None and len(parts) == 1:
                known = self._by_given_name(sur)
            if known is not None and len(parts) == 1:
                ent = known
                if d.role and not ent.role:
                    ent.role = d.role
                if d.type in ("official", "expert") and ent.type == "person":
                    ent.type = d.type
            else:
                ent = self._learn(d.name, d.role, d.type, speaker=True)
            self.last_single = ent
            return ent.name, d.role or ent.role, ent.type
        if d.agent and not d.plural and d.speaker is not None:  # (an agent always has its text as speaker)
            self.last_single = _Entity(d.speaker, d.role, d.type)
            return d.speaker, d.role, d.type
        if d.plural or d.type in ("group", "anonymous") and d.plural:
            self.last_plural = (d.speaker, d.type)
        elif d.type in ("government", "organization", "media", "agency", "unknown"):
            self.last_thing = (d.speaker, d.type)
            if d.type in ("government", "organization"):
                self.last_plural = (d.speaker, d.type)
        return d.speaker, d.role, d.type


def _antecedent(v: View, rel: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at token ``rel`` refers to."""
    k = rel
    if k - 1 >= 0 and v.low[k - 1] == ",":
        k -= 1
    s = v.doc.sentences[v.doc.sentence_at(v.toks[rel][0])]
    return left_np(v, k, s.token_start)


#: a word boundary (matched at a position: looks at the character before it too)
_BOUNDARY_RE = re.compile(r"\b")
#: spaces and a capitalised word: the next word of a name / of an organisation name
_NEXT_NAME_WORD_RE = re.compile(r"\s+([A-Z][\w'\u2019\-]*)")
_NEXT_ORG_WORD_RE = re.compile(r"\s+([A-Z][\w.]*)")


def _words_after(s: str, word: str, tail: re.Pattern) -> Iterator[str]:
    """Group 1 of each match of ``\\b`` + ``word`` + ``tail`` in ``s``, as ``re.finditer`` finds them.

    Searches the literal word with ``str.find`` (no pattern built per word).

    >>> list(_words_after("Corvane Corvane Energy; Corvane Motors", "Corvane", _NEXT_ORG_WORD_RE))
    ['Corvane', 'Motors']
    >>> list(_words_after("xAnn Lee", "Ann", _NEXT_NAME_WORD_RE))
    []
    """
    n = len(word)
    p = s.find(word)
    while p >= 0:
        m = tail.match(s, p + n) if _BOUNDARY_RE.match(s, p) is not None else None
        if m is not None:
            yield m.group(1)
            p = s.find(word, m.end())
        else:
            p = s.find(word, p + 1)


def _word_spans(s: str, word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of ``\\b`` + ``word`` + ``\\b`` in ``s``, as ``re.finditer`` finds them.

    Searches the literal word with ``str.find`` (no pattern built per word).

    >>> list(_word_spans("VPA, xVPA VPA1 (VPA)", "VPA"))
    [(0, 3), (16, 19)]
    """
    n = len(word)
    p = s.find(word)
    while p >= 0:
        if _BOUNDARY_RE.match(s, p) is not None and _BOUNDARY_RE.match(s, p + n) is not None:
            yield p, p + n
            p = s.find(word, p + n)
        else:
            p = s.find(word, p + 1)


_ACRONYM_DEF_RE = re.compile(r"\(\s*([A-Z][A-Za-z]{1,7})\s*\)")
#: words an acronym's letters may skip in the name it abbreviates
_ACRONYM_SKIP = frozenset({"of", "for", "and", "&", "the", "on", "de", "du", "des", "la", "le"})


def _acronym_definitions(v: View) -> dict[str, tuple[int, int]]:
    """Acronyms the article defines: "Velmarian Press Agency (VPA)" -> the tokens of the name.

    The capitalised words before the bracket (with "of", "for", "and", ...
    between them) must have the acronym's letters as initials, in order; a
    name that holds a role word ("National Security Advisor (NSA)") defines
    no alias of a body.
    """
    out: dict[str, tuple[int, int]] = {}
    s, low, cap = v.s, v.low, v.cap
    for m in _ACRONYM_DEF_RE.finditer(s):
        acr = m.group(1)
        if not _acronym(acr) or acr in out:
            continue
        k = bisect_left(v.starts, m.start()) - 1  # the token before "("
        letters = [c.lower() for c in acr if c.isalpha()]
        need = len(letters)
        ws: list[int] = []
        while k >= 0 and need and not v.punct[k]:
            if cap[k]:
                if low[k][0] != letters[need - 1]:
                    break
                need -= 1
                ws.append(k)
            elif low[k] not in _ACRONYM_SKIP or not ws:
                break
            k -= 1
        if need or any(low[t] in v.wl.roles for t in ws):
            continue
        out[acr] = (ws[-1], ws[0] + 1)
    return out


_NAME_RUN_PATTERN = r"[A-Z][\w'\u2019.\-]*+(?:[ ]++(?:\([A-Z]{2,6}\)|[A-Z][\w'\u2019.\-]*+))+"
if sys.version_info < (3, 11):  # possessive quantifiers (faster, same matches: a word or a space run never gives back)
    _NAME_RUN_PATTERN = _NAME_RUN_PATTERN.replace("*+", "*").replace("++", "+")
_NAME_RUN_RE = re.compile(_NAME_RUN_PATTERN)


def _name_mentions(v: View) -> list[tuple[int, str, str | None, str]]:
    """Capitalised names (with a preceding title) mentioned anywhere: (offset, name, role, type)."""
    return list(_iter_name_mentions(v))


def _after_sentence_end(words: list[str], roles) -> list[str]:
    """The words of a capitalised run after its last sentence end ("Monday. Dr. Fitzallan" -> "Dr. Fitzallan").

    A word of four or more letters ending in "." that is not a listed role
    ends a sentence; initials and abbreviations ("D.", "Gov.", "Dr.") do not.
    """
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        if w.endswith(".") and len(w) >= 5 and w[:-1].isalpha() and w[:-1].lower() not in roles and w.lower() not in roles:
            return words[i + 1:]
    return words


#: words that open a sentence before a name in a capitalised run, and so are no part of it ("And Sanders",
#: "In Ash", "But Fiorina"); names that are also common words ("Will", "May", "Mark") are not among them, nor
#: "the", which opens many names ("The Harbor Ledger")
_NAME_LEAD_DROP = (DETERMINERS - {"the"}) | PREPOSITIONS | frozenset({
    "and", "but", "or", "nor", "so", "yet", "because", "while", "when", "whenever", "where", "if", "as", "though",
    "although", "unless", "then", "also", "still", "even", "now", "here", "there", "meanwhile", "however", "instead",
    "indeed", "thus", "yes", "not", "only", "just", "later", "earlier", "today", "yesterday", "tonight", "why",
    "how", "what", "who", "whom", "whose", "which", "that", "it", "he", "she", "they", "we", "i", "you", "see",
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "would", "should",
    "unlike", "besides", "except", "whether", "once"})


def _iter_name_mentions(v: View) -> Iterator[tuple[int, str, str | None, str]]:
    """:func:`_name_mentions` in reading order, found as they are asked for."""
    fast = v.fast
    roles = fast.roles.keys()
    orgs = fast.organization_words.keys()
    gov = fast.government.keys()
    verb_forms = fast.verb_forms.keys()
    s = v.s
    paragraphs = v.doc.paragraphs
    para_starts = [a for a, _ in paragraphs]
    headline: dict[int, bool] = {}  # paragraph -> written in title case (found on first need)
    for m in _NAME_RUN_RE.finditer(s):
        g = m.group()
        words = g.split()
        lows = g.lower().split()  # (the same words: whitespace ends a word for str.lower too)
        if "(" in g:
            words = [w for w in words if not w.startswith("(")]
            lows = [w for w in lows if not w.startswith("(")]
        if lows[0] in _NAME_LEAD_DROP:  # a capitalised word that opens a sentence: "And Sanders said", "In Ash"
            k = 1
            while k < len(lows) - 1 and lows[k] in _NAME_LEAD_DROP:
                k += 1
            words, lows = words[k:], lows[k:]
        if "." in g:
            words = _after_sentence_end(words, roles)
            k = 0
            while k < len(words) - 1 and words[k].lower().rstrip(".") in HONORIFICS:
                k += 1
            words = words[k:]
            lows = lows[len(lows) - len(words):]  # (the same suffix of the run: see above)
        last_role = -1
        rtype = None
        if not roles.isdisjoint(lows) or "." in g:  # (most runs hold no role word)
            for i, lw in enumerate(lows):
                if lw[-1] == ".":
                    lw = lw.rstrip(".")
                if lw in roles:
                    last_role = i
                    rtype = fast.roles[lw]
        # (the pattern's words hold no comma: each name word is as matched)
        if len(words) - last_role - 1 < 2:
            continue
        name_words = words[last_role + 1:]
        if not orgs.isdisjoint(lows[last_role + 1:]) or not orgs.isdisjoint(name_words) or not gov.isdisjoint(name_words):
            continue
        if "'" in g or "\u2019" in g:  # (no possessive without an apostrophe)
            if name_words[-1].endswith(("'s", "\u2019s")):
                name_words[-1] = name_words[-1][:-2]
            for i in range(len(name_words) - 2, -1, -1):
                if name_words[i].endswith(("'s", "\u2019s")):  # a possessor before the name: "NBC's Lester Holt"
                    name_words = name_words[i + 1:]
                    break
        if len(name_words) < 2 or not _personal_name(name_words):
            continue
        if len(name_words) > 3 or not verb_forms.isdisjoint(map(str.lower, name_words)):
            # a headline's capitals join names and verbs: "Chris Christie Calls Hillary Clinton a Liar"
            p = bisect_right(para_starts, m.start()) - 1
            if p >= 0:
                if p not in headline:
                    headline[p] = _title_case_line(s[paragraphs[p][0]:paragraphs[p][1]])
                if headline[p]:
                    continue
        role = " ".join(words[:last_role + 1]) if last_role >= 0 else None
        typ = rtype if rtype in ("official", "expert") else "person"
        yield m.start(), " ".join(name_words), role, typ


_FIRST_CHAR = itemgetter(0)


def _title_case_line(line: str) -> bool:
    """A headline in title case: four words or more, and nearly all of the longer ones capitalised.

    Short words ("a", "on", "to", "and") stay in lower case in title case.

    >>> _title_case_line("Chris Christie Calls Hillary Clinton a Liar on Debt")
    True
    >>> _title_case_line("NBC's Lester Holt moderated the debate on Monday night.")
    False
    """
    words = line.split()
    if len(words) < 4:
        return False
    longer = [w for w in words if len(w) > 3]
    return len(longer) >= 3 and sum(map(str.isupper, map(_FIRST_CHAR, longer))) >= 0.8 * len(longer)


def _personal_name(words: list[str]) -> bool:
    """Capitalised words that may be a person's name: not a title ("The Truman Show") nor a line in capitals.

    >>> _personal_name(["Maria", "Lopez"]), _personal_name(["The", "Truman", "Show."]), _personal_name(["FULL", "TEXT."])
    (True, False, False)
    """
    if words[0].lower() == "the":
        return False
    if not words[0].isupper():  # (the usual case: all() below stops at the first word)
        return True
    return not all(w.isupper() and sum(ch.isalpha() for ch in w) > 1 for w in words)
