"""The one parse of an article, shared by every extractor.

:func:`parse` turns an article's cleaned body (and its title, when the input
text carries one) into a :class:`Doc`: paragraphs, sentences, tokens with
character offsets, and quotation spans. Every extractor reads this one parse,
so words and sentences are counted the same way everywhere.

Offsets
-------
All spans in a :class:`Doc` are offsets into ``doc.string``, the analysed
string (the title, a blank line, then the body; characters normalised for
matching without changing their number). :meth:`Doc.to_text` maps an offset
back to the article's input ``text`` as given, so that records produced by
extractors can point into the source data.

Examples
--------
>>> from biaskit.parse import parse
>>> doc = parse('Mr. Smith arrived in the U.S. on Monday. "It is late," he said.')
>>> [doc.string[s.start:s.end] for s in doc.sentences]
['Mr. Smith arrived in the U.S. on Monday.', '"It is late," he said.']
>>> doc.word_count
13
>>> q = doc.quotes[0]
>>> doc.string[q.inner_start:q.inner_end]
'It is late,'
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count, repeat
from operator import itemgetter, not_

__all__ = ["Doc", "Quote", "Sentence", "parse", "normalize", "WORD_RE"]

# --------------------------------------------------------------------------
# Normalisation (length-preserving replacements plus deletions with a map)
# --------------------------------------------------------------------------

# characters replaced one-for-one by a plain space
_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\x0b\x0c"
# characters dropped (zero-width and soft hyphen)
_DROP_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_RE = re.compile("[" + _SPACE_CHARS + "]")
_DROP_RE = re.compile("[" + _DROP_CHARS + "]")


def normalize(s: str) -> tuple[str, list[tuple[int, int]]]:
    """Normalise a string for matching, keeping the way back.

    Non-breaking and other Unicode spaces become plain spaces (one for one);
    zero-width characters and soft hyphens are dropped. Quotation marks are
    kept as written (they stay recognisable).

    Returns
    -------
    string : str
        The normalised string.
    segments : list of (int, int)
        ``(start_in_result, start_in_input)`` pairs; within a segment,
        positions advance together.

    Examples
    --------
    >>> normalize("a\\u00a0b\\u200bc")
    ('a bc', [(0, 0), (3, 4)])
    """
    s2 = _SPACE_RE.sub(" ", s) if _SPACE_RE.search(s) else s
    if not _DROP_RE.search(s2):
        return s2, [(0, 0)]
    out, segments, pos_out, last = [], [], 0, 0
    for m in _DROP_RE.finditer(s2):
        piece = s2[last:m.start()]
        if piece:
            segments.append((pos_out, last))
            out.append(piece)
            pos_out += len(piece)
        last = m.end()
    segments.append((pos_out, last))
    out.append(s2[last:])
    return "".join(out), segments


# --------------------------------------------------------------------------
# Records of the parse
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: offsets into ``doc.string`` and its token range.

    ``part`` is ``"title"`` or ``"body"``; ``paragraph`` the paragraph index.
    Tokens of the sentence are ``doc.tokens[token_start:token_end]``.
    """

    start: int
    end: int
    paragraph: int
    part: str
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation span, from its opening mark to its closing mark.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` exclude
    them. ``closed`` is False when no closing mark was found (the quotation
    then ends at the end of its paragraph). ``depth`` is 0 for an outermost
    quotation, 1 for a quotation inside another. ``mark`` is the opening
    character.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str
    closed: bool
    depth: int


# --------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------

#: The definition of a word used everywhere in biaskit (counts, rates,
#: readability): a run of letters/digits, joined by inner hyphens,
#: apostrophes, or (between digits) by "." "," ":" and "/"; and acronyms
#: with dots such as "U.S.".
_WORD_PATTERN = (
    r"\w++(?:(?:[-'\u2019]|(?<=\d)[.,:/](?=\d))\w++)*+"  # words: don't, 24-48, 1,35,000, 3.5, 10:30
    r"(?:(?<=\b[A-Za-z])\.(?:[A-Za-z]\.)++)?+"  # acronyms with dots: U.S.  e.g.  a.m.
    r"%?+"  # 3.5%
)
if sys.version_info < (3, 11):  # possessive quantifiers (faster, same matches) came with 3.11
    _WORD_PATTERN = _WORD_PATTERN.replace("++", "+").replace("*+", "*").replace("?+", "?")
WORD_RE = re.compile(_WORD_PATTERN)
_TOKEN_RE = re.compile(WORD_RE.pattern + r"|[^\w\s]")
_SPAN = re.Match.span
_FIRST = itemgetter(0)

# token kinds
WORD, PUNCT = 0, 1

# ASCII punctuation that can stand around a word without being part of it
# ("%" ends words such as "3.5%" and "_" is a word character: both kept)
_EDGE_MARKS = "!\"#$&'()*+,-./:;<=>?@[\\]^`{|}~"


def _words(s: str) -> list[str]:
    """The words of ``s`` as :data:`WORD_RE` finds them, found faster.

    Most white-space separated pieces of news text are one plain word with at
    most some punctuation around it ("said,", "(Reuters)"): for those the
    word is the piece stripped of that punctuation. The other pieces
    ("U.S.", "don't", "3.5%", "\u201cWe") go through :data:`WORD_RE`. No
    match of :data:`WORD_RE` holds white space, so the result is the same.
    """
    pieces = s.split()
    stripped = list(map(str.strip, pieces, repeat(_EDGE_MARKS)))
    out: list[str] = []
    prev = 0
    findall = WORD_RE.findall
    for i in compress(count(), map(not_, map(str.isalnum, stripped))):
        out += stripped[prev:i]
        out += findall(pieces[i])
        prev = i + 1
    out += stripped[prev:]
    return out

# --------------------------------------------------------------------------
# Sentence splitting
# --------------------------------------------------------------------------

# abbreviations that never end a sentence when followed by a name or number
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "maj", "pres", "rev", "hon", "st", "mt",
    "ft", "messrs", "sens", "reps", "supt", "insp", "det", "cpl", "pvt",
    "no", "nos", "vol", "fig", "art", "sec", "op", "ed", "eds", "ave", "blvd",
}
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# abbreviations that may end a sentence (only when a likely sentence start follows)
_SOFT = {
    "inc", "corp", "co", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "vs",
    "approx", "est", "dept", "univ", "assn", "govt",
}
# words that commonly start a sentence: after "U.S." or "Inc." one of these
# signals a real boundary
_STARTERS = {
    "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "this",
    "that", "these", "those", "there", "but", "and", "or", "so", "yet", "in",
    "on", "at", "for", "if", "when", "while", "after", "before", "as", "his",
    "her", "their", "its", "our", "my", "some", "many", "most", "no", "not",
    "officials", "meanwhile", "however", "still", "also", "both", "since",
    "according", "last", "earlier", "later", "then", "now", "one", "two",
}
_OPEN_QUOTES = "\"'\u201c\u2018\u00ab\u201e\u201a\u2039"
_CLOSE_QUOTES = "\"'\u201d\u2019\u00bb\u203a\u201c"
# sentence-final punctuation, optional closing quotes/brackets, then space
_BOUNDARY_RE = re.compile(
    r"([.!?\u2026]+)([\"'\u201d\u2019\u00bb\u203a)\]]*)(\s+)(?=\S)"
)


_PREV_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f.]*\Z")
_NEXT_WORD_RE = re.compile("[" + re.escape(_OPEN_QUOTES) + r"(\[]*([\w'\-\u2019]*)")


_PREV_WORD_CHARS_RE = re.compile(r"[A-Za-z\u00c0-\u024f.]*")


def _prev_word(s: str, end: int) -> str:
    """The word (letters and dots) that ends at ``end`` (at most 40 characters back)."""
    lo = max(0, end - 40)
    # usually the word runs back to a space: check that run, search only if not
    start = s.rfind(" ", lo, end) + 1 or lo
    if _PREV_WORD_CHARS_RE.fullmatch(s, start, end):
        return s[start:end]
    return _PREV_WORD_RE.search(s, lo, end).group()


def _next_word(s: str, start: int) -> str:
    """The word that starts at ``start``, after any opening quotes or brackets."""
    return _NEXT_WORD_RE.match(s, start).group(1)


def _is_boundary(s: str, m: re.Match) -> bool:
    punct, closers = m.group(1), m.group(2)
    nxt_start = m.end()
    nxt = s[nxt_start]
    nword = _next_word(s, nxt_start)
    # a lower-case continuation never starts a new sentence
    if nxt.islower() or (nword[:1].islower()):
        return False
    if punct != "." or closers:
        # "?" "!" "..." or a period followed by a closing quote
        return True
    word = _prev_word(s, m.start(1))
    low = word.lower().rstrip(".")
    if not word:
        return True  # period after a digit or a bracket
    if "." in word:  # U.S.  a.m.  e.g.
        return nword.lower() in _STARTERS
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return False
    if low in _TITLES:
        return False
    if low in _MONTHS:
        return not (nword[:1].isdigit())
    if low in _SOFT:
        return nword.lower() in _STARTERS
    return True


# --------------------------------------------------------------------------
# Quotation spans
# --------------------------------------------------------------------------

_DOUBLE_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
_SINGLE_OPEN = {"\u2018": "\u2019", "\u2039": "\u203a", "\u201a": "\u2018"}
_QUOTE_CHARS_RE = re.compile("[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a]")


def _left_flank(s: str, i: int) -> bool:
    """True if the mark at ``i`` looks like an opening mark."""
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return (before.isspace() or before in "([{\u2014\u2013-/" or before in _OPEN_QUOTES) and not after.isspace()


def _right_flank(s: str, i: int) -> bool:
    before = s[i - 1] if i > 0 else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _find_quotes(s: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Find quotation spans; tolerant of unbalanced marks, never raises."""
    quotes: list[Quote] = []
    # --- double quotation marks (and guillemets): a state machine over the
    # whole document so that a quotation may run across paragraphs
    open_at = -1
    open_mark = ""
    open_para = -1  # the paragraph the open quotation has reached
    para_ends = [e for _, e in paragraphs]
    para_starts = [st for st, _ in paragraphs]
    marks = [m.start() for m in _QUOTE_CHARS_RE.finditer(s)]
    doubles = [i for i in marks if s[i] in "\"\u201c\u201d\u00ab\u00bb\u201e"]
    singles = [i for i in marks if s[i] in "'\u2018\u2019\u2039\u203a\u201a"]

    def para_of(i: int) -> int:
        return max(0, bisect_right(para_starts, i) - 1)

    def close(end_excl: int, inner_end: int, closed: bool) -> None:
        nonlocal open_at
        if inner_end > open_at + 1 or closed:
            quotes.append(Quote(open_at, end_excl, open_at + 1, inner_end, open_mark, closed, 0))
        open_at = -1

    k = 0
    while k < len(doubles):
        i = doubles[k]
        c = s[i]
        if open_at >= 0:
            p_open, p_here = open_para, para_of(i)
            if p_here != p_open:
                # the quotation reached the end of its paragraph without a
                # closing mark. News style re-opens a continued quotation at
                # the start of the next paragraph: then it continues.
                pstart = para_starts[p_here]
                if i == pstart and c in "\"\u201c\u00ab\u201e" and p_here == p_open + 1 and _continues(s, para_ends[p_open]):
                    open_para = p_here
                    k += 1
                    continue
                pe = para_ends[p_open]
                close(pe, pe, False)
                continue  # re-examine this mark as a possible opener
            is_closer = c in "\u201d\u00bb" or (c == "\"" and not _left_flank(s, i)) or (c == "\u201c" and open_mark == "\u201e")
            if c == "\"" and _left_flank(s, i) and _right_flank(s, i):
                is_closer = True
            if is_closer:
                close(i + 1, i, True)
            elif c in "\u201c\u00ab\u201e":
                # an opening mark while one is open: the first was unbalanced
                pe = i
                while pe > open_at + 1 and s[pe - 1].isspace():
                    pe -= 1
                close(pe, pe, False)
                continue
            k += 1
            continue
        # nothing open: does this mark open a quotation?
        if c in "\u201c\u00ab\u201e" or (c == "\"" and (_left_flank(s, i) or not _right_flank(s, i))):
            open_at, open_mark, open_para = i, c, para_of(i)
        k += 1
    if open_at >= 0:
        pe = para_ends[open_para] if paragraphs else len(s)
        close(pe, pe, False)

    # --- single quotation marks: pair an opening mark at a word start with
    # the next closing mark at a word end in the same paragraph. Apostrophes
    # inside words ("don't") are never candidates.
    pending = -1
    for i in singles:
        c = s[i]
        before = s[i - 1] if i > 0 else " "
        after = s[i + 1] if i + 1 < len(s) else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word
        opener = _left_flank(s, i) and c in "'\u2018\u2039\u201a"
        if c == "'" and after.isdigit() and before.isspace():
            # '90s: an elision, unless a closing mark follows in this paragraph
            opener = True
        closer = _right_flank(s, i) and c in "'\u2019\u203a\u2018"
        if pending >= 0 and closer and para_of(pending) == para_of(i):
            span = s[pending + 1:i]
            # possessive plural ("leaders'") only closes if words follow the opener
            if len(span.split()) <= 40:
                depth = 1 if any(q.start < pending and q.end > i for q in quotes) else 0
                quotes.append(Quote(pending, i + 1, pending + 1, i, s[pending], True, depth))
                pending = -1
                continue
        if opener:
            pending = i
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _continues(s: str, para_end: int) -> bool:
    """True if the paragraph ending at ``para_end`` ends like an unfinished quotation."""
    j = para_end
    while j > 0 and s[j - 1].isspace():
        j -= 1
    return j > 0 and s[j - 1] not in "\"\u201d\u00bb"


# --------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Doc:
    """The parse of one article.

    Built by :func:`parse`. Paragraphs and sentence boundaries are found when
    the article is parsed; tokens, :class:`Sentence` records with their token
    ranges and quotation spans are computed from them on first use and kept,
    so an extractor that needs only sentences and words (readability,
    sentiment) does not pay for token offsets. Every view is computed once per
    document, from the same definitions (:data:`WORD_RE`, the sentence
    boundaries), so all extractors count alike.

    Attributes
    ----------
    text : str
        The article text as given in the input.
    string : str
        The analysed string: title (when the input text carries one), a
        blank line, then the cleaned body, normalised for matching.
    body_start : int
        Offset in ``string`` where the body starts (0 without a title).
    paragraphs : tuple of (int, int)
        Paragraph spans in ``string``.
    sentence_spans : tuple of (int, int, int, str)
        ``(start, end, paragraph, part)`` of each sentence, in order (title
        sentences first); the same sentences as :attr:`sentences`.
    sentences : tuple of Sentence
        The sentences with their token ranges (computed on first use).
    tokens : tuple of (int, int, int)
        ``(start, end, kind)``; kind 0 is a word (see :data:`WORD_RE`),
        1 a punctuation mark (computed on first use).
    quotes : tuple of Quote
        Quotation spans (computed on first use).
    token_starts : tuple of int
        The start offset of every token (computed on first use).
    lower_string, lower_tokens : str, tuple of str
        ``string`` and every token in lower case, "\u2019" written "'": the
        keys word lists and lexicons are matched by, shared by the
        extractors (computed on first use).
    """

    text: str
    string: str
    body_start: int
    paragraphs: tuple[tuple[int, int], ...]
    sentence_spans: tuple[tuple[int, int, int, str], ...]
    _segments: tuple[tuple[int, int], ...]

    @cached_property
    def tokens(self) -> tuple[tuple[int, int, int], ...]:
        """Word and punctuation tokens ``(start, end, kind)`` of ``string``."""
        s = self.string
        return tuple(
            (a, b, WORD if (b - a > 1 or s[a].isalnum()) else PUNCT)
            for a, b in map(_SPAN, _TOKEN_RE.finditer(s))
        )

    @cached_property
    def token_starts(self) -> tuple[int, ...]:
        """The start offset of every token in ``string`` (sorted: for bisection)."""
        return tuple(map(_FIRST, self.tokens))

    @cached_property
    def lower_string(self) -> str:
        """``string`` in lower case, as word lists are matched: same length, "\u2019" written "'".

        A character whose lower case is longer ("\u0130") keeps its first
        character, so that every offset of ``string`` holds here too.

        >>> parse("Don\u2019t PANIC.").lower_string
        "don't panic."
        """
        s = self.string
        low = s.lower()
        if len(low) != len(s):
            low = "".join(ch.lower()[:1] for ch in s)
        return low.replace("\u2019", "'")

    @cached_property
    def lower_tokens(self) -> tuple[str, ...]:
        """Every token in lower case, from :attr:`lower_string` (the keys word lists are looked up by).

        >>> parse("Putin\u2019s aide SAID so.").lower_tokens
        ("putin's", 'aide', 'said', 'so', '.')
        """
        low = self.lower_string
        return tuple([low[a:b] for a, b, _ in self.tokens])

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences as :class:`Sentence` records, with their token ranges."""
        starts = self.token_starts
        return tuple(
            Sentence(a, b, p, part, bisect_right(starts, a - 1), bisect_right(starts, b - 1))
            for a, b, p, part in self.sentence_spans
        )

    @cached_property
    def body_words(self) -> tuple[str, ...]:
        """The words of the body (the title left out), as strings.

        The same words as the body's word tokens (:data:`WORD_RE` finds
        both); taken from :attr:`tokens` when they exist already, else found
        directly, which is cheaper than building token offsets.
        """
        s = self.string
        if "tokens" in self.__dict__:
            return tuple(s[a:b] for a, b, k in self.tokens[self.body_token_start:] if k == WORD)
        return tuple(_words(s[self.body_start:]))

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """Quotation spans, found on first use and kept (sorted by start)."""
        return tuple(_find_quotes(self.string, list(self.paragraphs)))

    # ---- offsets -----------------------------------------------------
    def to_text(self, pos: int) -> int:
        """Map an offset in ``string`` to the matching offset in ``text``.

        >>> d = parse("Hello\\u200b world.")
        >>> d.string, d.to_text(6), d.text[d.to_text(6):]
        ('Hello world.', 7, 'world.')
        """
        segs = self._segments
        k = bisect_right(segs, (pos, 1 << 62)) - 1
        if k < 0:
            k = 0
        s_out, s_in = segs[k]
        return s_in + (pos - s_out)

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``string`` to a span of ``text`` (end exclusive)."""
        if end <= start:
            t = self.to_text(start)
            return t, t
        return self.to_text(start), self.to_text(end - 1) + 1

    # ---- views ---------------------------------------------------------
    def span(self, start: int, end: int) -> str:
        """The analysed text between two offsets."""
        return self.string[start:end]

    def words(self, sentence: Sentence | None = None) -> list[str]:
        """The words (not punctuation) of the document or of one sentence."""
        s = self.string
        toks = self.tokens if sentence is None else self.tokens[sentence.token_start:sentence.token_end]
        return [s[a:b] for a, b, k in toks if k == WORD]

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of the body (the title left out)."""
        return tuple(x for x in self.sentences if x.part == "body")

    @cached_property
    def body_token_start(self) -> int:
        """Index of the first token of the body."""
        bs = self.body_start
        return bisect_right(self.tokens, (bs, -1, -1))

    @cached_property
    def word_count(self) -> int:
        """Number of words in the body (the title is not counted)."""
        return len(self.body_words)

    @cached_property
    def sentence_count(self) -> int:
        """Number of sentences in the body."""
        return sum(1 for x in self.sentence_spans if x[3] == "body")

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [x[0] for x in self.sentence_spans]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing offset ``pos`` (-1 if none)."""
        starts = self._sentence_starts
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < self.sentence_spans[k][1]:
            return k
        return -1

    def quote_at(self, pos: int) -> Quote | None:
        """The outermost quotation containing offset ``pos``, if any."""
        for q in self.quotes:
            if q.start <= pos < q.end and q.depth == 0:
                return q
            if q.start > pos:
                break
        return None


_PARA_RE = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_LINE_RE = re.compile(r"[^\n]+")


def _paragraphs(s: str, start: int) -> list[tuple[int, int]]:
    """Paragraph spans: lines, with hard-wrapped lines joined.

    A line joins the previous one when the previous line does not end like a
    sentence (., !, ?, :, a closing quote) and this one starts in lower case.
    """
    paras: list[list[int]] = []
    for m in _LINE_RE.finditer(s, start):
        a, b = m.start(), m.end()
        # trim spaces
        while a < b and s[a] == " ":
            a += 1
        while b > a and s[b - 1] == " ":
            b -= 1
        if a == b:
            continue
        if paras:
            pa, pb = paras[-1]
            gap = s[pb:a]
            if gap.count("\n") == 1 and s[a].islower() and s[pb - 1] not in ".!?:\"\u201d\u2019":
                paras[-1][1] = b
                continue
        paras.append([a, b])
    return [(a, b) for a, b in paras]


def _split_sentences(s: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    cur = a
    for m in _BOUNDARY_RE.finditer(s, a, b):
        if m.end() >= b:
            break
        if _is_boundary(s, m):
            end = m.start(3)
            out.append((cur, end))
            cur = m.end()
    if cur < b:
        out.append((cur, b))
    return out


def parse(body: str, *, title: str | None = None, text: str | None = None,
          body_offset: int | list[tuple[int, int]] = 0, title_offset: int | None = None) -> Doc:
    """Parse an article once: paragraphs, sentences, tokens, quotations.

    Parameters
    ----------
    body : str
        The cleaned body text.
    title : str, optional
        The title, when the input text carries one; parsed as its own
        sentence(s) before the body and marked ``part="title"``, so that
        rates and readability can count body words only.
    text : str, optional
        The article text as given in the input; defaults to ``body``.
    body_offset : int or list of (int, int)
        Where ``body`` lies in ``text``: an offset, or segments
        ``(start_in_body, start_in_text)`` for a body assembled from pieces
        (as produced by :func:`biaskit.clean.clean_text`).
    title_offset : int, optional
        Offset of the title in ``text``.

    Returns
    -------
    Doc

    Examples
    --------
    >>> d = parse("Officials said the talks failed.", title="Talks fail")
    >>> [(x.part, d.span(x.start, x.end)) for x in d.sentences]
    [('title', 'Talks fail'), ('body', 'Officials said the talks failed.')]
    >>> d.word_count
    5
    """
    if text is None:
        text = body if title is None else title + "\n\n" + body
        if title is not None:
            title_offset, body_offset = 0, len(title) + 2
    nbody, bsegs = normalize(body)
    if isinstance(body_offset, int):
        body_map = [(o, i + body_offset) for o, i in bsegs]
    else:
        body_map = _compose(bsegs, body_offset)
    segments: list[tuple[int, int]] = []
    if title:
        ntitle, tsegs = normalize(title)
        toff = title_offset if title_offset is not None else 0
        segments.extend((o, i + toff) for o, i in tsegs)
        prefix = ntitle + "\n\n"
        # the two separator characters map to the end of the title
        segments.append((len(ntitle), toff + len(title)))
        string = prefix + nbody
        body_start = len(prefix)
        segments.extend((o + body_start, i) for o, i in body_map)
    else:
        string = nbody
        body_start = 0
        segments.extend(body_map)

    paragraphs = (_paragraphs(string[:body_start], 0) if body_start else []) + _paragraphs(string, body_start)

    sentence_spans = []
    for p, (a, b) in enumerate(paragraphs):
        part = "title" if a < body_start else "body"
        sentence_spans.extend((sa, sb, p, part) for sa, sb in _split_sentences(string, a, b))

    return Doc(
        text=text,
        string=string,
        body_start=body_start,
        paragraphs=tuple(paragraphs),
        sentence_spans=tuple(sentence_spans),
        _segments=tuple(segments),
    )


def _compose(inner: list[tuple[int, int]], outer: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Compose two segment maps: result -> middle (inner), middle -> text (outer)."""
    points = sorted({o for o, _ in inner} | {_map_inv_point(inner, m) for m, _ in outer})
    out = []
    for p in points:
        mid = _apply(inner, p)
        out.append((p, _apply(outer, mid)))
    return out


def _apply(segs: list[tuple[int, int]], pos: int) -> int:
    k = bisect_right(segs, (pos, 1 << 62)) - 1
    k = max(k, 0)
    return segs[k][1] + pos - segs[k][0]


def _map_inv_point(segs: list[tuple[int, int]], mid: int) -> int:
    """The result offset whose middle offset is ``mid`` (or the next one)."""
    best = None
    for o, i in segs:
        if i <= mid:
            best = o + (mid - i)
    return best if best is not None else 0
