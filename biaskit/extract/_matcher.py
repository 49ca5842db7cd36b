"""A fast phrase matcher over the tokens of the shared parse.

Lexicon entries are sequences of tokens (tokenised with the same rule as the
text, :data:`biaskit.parse.WORD_RE`), stored in a prefix tree whose keys are
whole tokens: a dict from the first token of every entry to a dict of second
tokens, and so on. Matching walks the document's tokens once; a token that
starts no entry costs one dict lookup, so the cost grows with the length of
the text, not with the size of the lexicon (a regular-expression alternation
of 5,000 terms costs some forty times more).

Rules, chosen deliberately:

- **Word boundaries** come from the tokens: an entry matches whole tokens
  only ("war" never matches inside "warning" or "anti-war").
- **Longest match**: at each position the longest entry wins ("death tax"
  before "death"), then matching resumes after it (no overlapping hits).
- **Case**: tokens are compared lower-cased (and with typographic
  apostrophes made straight), unless an entry asks for its exact case.
- **Proper names**: a word that a form writes in lower case ("super",
  "patriot") does not match a word capitalised in the middle of a sentence
  ("Super PACs", "SiriusXM Patriot"): there it is part of a name. It still
  matches a capitalised word that opens a sentence or a quotation (or
  follows "(", "[" or ":"), unless the article writes that word as a name
  elsewhere and never in lower case ("Patriot sold the mine" in an article
  about "Patriot Coal"). It also matches in the title, in a line in title
  case (two or more words of five or more characters, all capitalised, as
  in a headline or a subhead; a line in capitals is one), and in a word
  written all in capitals ("is CORRUPT": emphasis). Words that a form
  writes with a capital ("Obamacare", "Islamist") match in any case.
- **Hyphens**: a hyphenated word is one token ("would-be"), so a hyphenated
  form matches the hyphenated word only, never two separate words ("would
  be"); the lexicon loader lists any spaced spelling that an entry means.
- **Possessives**: a final ``'s`` or ``'`` is tried off when the token as
  written is not found ("the regime's" matches "regime").
- **Sentences**: a match never runs across a sentence boundary.
- **Context**: a pattern may name words that must not come right before it
  (its ``not_after`` set, compared lower-cased; ``#number`` stands for any
  token that starts with a digit). The hedge "kind of" is not the noun in
  "any kind of crime"; the booster "tons of" is not the weight in "millions
  of tons of coal". Only the token just before the match, in the same
  sentence, is looked at; when a longer entry is refused this way, a shorter
  one may still match.

Inflected forms are not guessed here; the lexicon loader lists them.

Examples
--------
>>> from biaskit.parse import parse
>>> m = Matcher([("death", False, "d"), ("death tax", False, "dt"), ("Regime", False, "r")])
>>> doc = parse("The death tax is back. The regime's critics agree.")
>>> [(k, doc.string[doc.tokens[i][0]:doc.tokens[j - 1][1]], p) for k, i, j, p in m.find(doc)]
[(0, 'death tax', ('dt',)), (1, "regime's", ('r',))]

A lower-case form skips a capitalised word inside a sentence, but not one
that opens it:

>>> m = Matcher([("super", False, "s"), ("would-be", False, "wb")])
>>> doc = parse("Super deals are super rare. The Super PACs said it would be a would-be rival.")
>>> [doc.string[doc.tokens[i][0]:doc.tokens[j - 1][1]] for _, i, j, _ in m.find(doc)]
['Super', 'super', 'would-be']

A pattern with a ``not_after`` set is refused after those words:

>>> m = Matcher([("kind of", False, "k", {"any", "this"}), ("tons of", False, "t", {"#number", "of"})])
>>> doc = parse("It is kind of odd. Any kind of deal, 30 tons of coal, tons of money.")
>>> [doc.string[doc.tokens[i][0]:doc.tokens[j][1]] for _, i, j, _ in m.find(doc)]  # with the next word
['kind of odd', 'tons of money']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from biaskit.parse import _TOKEN_RE, WORD, WORD_RE

__all__ = ["NUMBER", "Matcher", "token_keys"]

_END = ""  # key of a node's payloads (never a token)
_NONE: frozenset = frozenset()  # an empty not_after set
#: In a not_after set: any token that starts with a digit.
NUMBER = "#number"

#: Tokens after which a capitalised word opens a clause (as after a sentence
#: start): opening quotation marks and brackets, and the colon.
_OPENERS = frozenset('"\'\u201c\u2018\u00ab\u201e([:')


def token_keys(term: str) -> tuple[str, ...]:
    """The tokens of a term as the matcher compares them (lower-cased).

    >>> token_keys("So-called  ‘experts’")
    ('so-called', '‘', 'experts', "'")
    """
    s = term.lower().replace("\u2019", "'")
    return tuple(m.group() for m in _TOKEN_RE.finditer(s))


def _exact_tokens(term: str) -> tuple[str, ...]:
    s = term.replace("\u2019", "'")
    return tuple(m.group() for m in _TOKEN_RE.finditer(s))


def _lower_words(tokens: tuple[str, ...]) -> tuple[int, ...]:
    """Positions of the tokens written in lower case (first character a lower-case letter).

    >>> _lower_words(("radical", "Islam"))
    (0,)
    """
    return tuple(k for k, t in enumerate(tokens) if t[:1].islower())


def _add_plain(plain: list, lower: tuple[int, ...], payload, blockers: frozenset) -> None:
    """Add a payload to a terminal; one written twice keeps the lower-case words of both spellings."""
    for n, (known, p, b) in enumerate(plain):
        if p is payload:
            plain[n] = (tuple(k for k in known if k in lower), p, b | blockers)
            return
    plain.append((lower, payload, blockers))


def _strip_possessive(key: str) -> str | None:
    if key.endswith("'s") and len(key) > 2:
        return key[:-2]
    if key.endswith("'") and len(key) > 1:
        return key[:-1]
    return None


class Matcher:
    """Longest-match phrase matcher over a :class:`~biaskit.parse.Doc`'s tokens.

    Parameters
    ----------
    patterns : iterable of (str, bool, object) or (str, bool, object, set of str)
        ``(form, match_case, payload)``: the surface form to find, whether its
        case must match exactly, and what to report for it. Several payloads
        may share one form; they are reported together. An optional fourth
        item is the pattern's ``not_after`` set: lower-cased words (or
        ``#number``) after which the form is not matched.

    Notes
    -----
    The tree is built once and never changed; one matcher may serve many
    documents (and threads).
    """

    __slots__ = ("_root", "_size")

    def __init__(self, patterns: Iterable[tuple[str, bool, Any]]):
        root: dict = {}
        size = 0
        terminals: list[dict] = []
        for form, match_case, payload, *rest in patterns:
            blockers = frozenset(w.lower().replace("\u2019", "'") for w in rest[0]) if rest and rest[0] else _NONE
            keys = token_keys(form)
            if not keys:
                continue
            node = root
            for k in keys:
                node = node.setdefault(k, {})
            if _END not in node:
                node[_END] = ([], [])
                terminals.append(node)
            if match_case:
                node[_END][1].append((_exact_tokens(form), payload, blockers))
            else:
                _add_plain(node[_END][0], _lower_words(_exact_tokens(form)), payload, blockers)
            size += 1
        # a terminal holds (payloads matched in any case, the positions of
        # their lower-case words, their not_after sets or None when all are
        # empty, (exact tokens, payload, not_after) triples)
        for node in terminals:
            plain, exact = node[_END]
            blockers = tuple(b for _, _, b in plain)
            node[_END] = (tuple(p for _, p, _ in plain), tuple(w for w, _, _ in plain),
                          blockers if any(blockers) else None, tuple(exact))
        self._root = root
        self._size = size

    def __len__(self) -> int:
        """Number of patterns (surface forms) in the tree."""
        return self._size

    def __setattr__(self, name, value):
        if hasattr(self, "_size"):
            raise AttributeError("a Matcher is immutable")
        object.__setattr__(self, name, value)

    def find(self, doc) -> list[tuple[int, int, int, tuple]]:
        """Find every entry in a parsed document.

        Parameters
        ----------
        doc : biaskit.parse.Doc

        Returns
        -------
        list of (int, int, int, tuple)
            ``(sentence, first_token, end_token, payloads)`` in text order:
            the match lies in ``doc.sentences[sentence]`` and covers
            ``doc.tokens[first_token:end_token]``.
        """
        root = self._root
        out: list[tuple[int, int, int, tuple]] = []
        tokens = doc.tokens
        if not root or not tokens:
            return out
        low = doc.lower_string  # (the parse's lower-case views, shared with the other extractors)
        keys = doc.lower_tokens
        # positions where an entry may start: the token, or the token without
        # a possessive ending, is the first token of some entry
        cands = [i for i, k in enumerate(keys) if k in root or ("'" in k and _strip_possessive(k) in root)]
        if not cands:
            return out
        sentences = doc.sentences
        # the end (exclusive) of the sentence holding each token; 0 outside sentences
        ends = [0] * len(tokens)
        for x in sentences:
            ends[x.token_start:x.token_end] = [x.token_end] * (x.token_end - x.token_start)
        starts = [x.token_start for x in sentences]
        accept = _Acceptor(doc, low, starts).accept
        resume = 0  # matches never overlap
        for i in cands:
            if i < resume:
                continue
            end = ends[i]
            if not end:
                continue
            node = root.get(keys[i])
            best_end, best = -1, ()
            if node is None:  # only the token without its possessive ending is known
                term = root[_strip_possessive(keys[i])].get(_END)
                if term is not None:
                    best = accept(term, i, i + 1)
                    if best:
                        best_end = i + 1
            else:
                j = i + 1
                while True:
                    term = node.get(_END)
                    if term is not None:
                        hit = accept(term, i, j)
                        if hit:
                            best_end, best = j, hit
                    if j >= end:
                        break
                    nxt = node.get(keys[j])
                    if nxt is None:
                        key = keys[j]
                        if "'" in key:
                            base = _strip_possessive(key)
                            nxt = node.get(base) if base else None
                            term = nxt.get(_END) if nxt is not None else None
                            if term is not None:
                                hit = accept(term, i, j + 1)
                                if hit:
                                    best_end, best = j + 1, hit
                        break
                    node = nxt
                    j += 1
            if best_end > 0:
                out.append((bisect_right(starts, i) - 1, i, best_end, best))
                resume = best_end
        return out


class _Acceptor:
    """Which payloads of a terminal the written tokens ``i:j`` of one document meet.

    Holds what one call of :meth:`Matcher.find` learns about the document
    (which lines are in title case, which words it writes as names); made
    afresh for every call.
    """

    __slots__ = ("doc", "string", "low", "tokens", "starts", "_lines", "_vocab")

    def __init__(self, doc, low: str, starts: list[int]):
        self.doc = doc
        self.string = doc.string
        self.low = low
        self.tokens = doc.tokens
        self.starts = starts
        self._lines: dict[int, bool] = {}
        self._vocab: tuple[set[str], set[str]] | None = None

    def accept(self, term, i: int, j: int) -> tuple:
        plain, lower, blockers, exact = term
        string, low, tokens = self.string, self.low, self.tokens
        names = [k - i for k in range(i, j) if string[tokens[k][0]] != low[tokens[k][0]] and self._is_name(k)]
        if names or blockers:
            before = self._before(i) if blockers else ""
            plain = tuple(p for p, w, b in zip(plain, lower, blockers or (_NONE,) * len(plain), strict=True)
                          if not any(k in w for k in names) and not _blocked(b, before))
        if not exact:
            return plain
        written = tuple(string[a:b].replace("\u2019", "'") for a, b, _ in tokens[i:j])
        before = self._before(i) if any(b for _, _, b in exact) else ""
        return plain + tuple(p for ex, p, b in exact
                             if (ex == written or _possessive_equal(ex, written)) and not _blocked(b, before))

    def _before(self, i: int) -> str:
        """The lower-cased token before token ``i`` in its sentence ("" at the start)."""
        if i == 0 or i == self.starts[bisect_right(self.starts, i) - 1]:
            return ""
        a, b, _ = self.tokens[i - 1]
        return self.low[a:b]

    def _is_name(self, k: int) -> bool:
        """True if the capitalised token ``k`` is (part of) a name."""
        a, b, _ = self.tokens[k]
        if b - a > 1 and self.string[a:b].isupper():
            return False  # a word in capitals is emphasis ("is CORRUPT"), as a line in capitals
        sentence = self.doc.sentences[bisect_right(self.starts, k) - 1]
        if sentence.part == "title" or self._capitalised_line(sentence.paragraph):
            return False
        if not self._opens(sentence.token_start, k):
            return True
        # a sentence starts with it: a name if the article writes it as one elsewhere, never in lower case
        names, lowered = self._names()
        key = _base(self.low[a:b])
        return key in names and key not in lowered

    def _opens(self, first: int, k: int) -> bool:
        """True if token ``k`` is the first word of its sentence (from ``first``) or of a clause."""
        tokens = self.tokens
        if all(tokens[t][2] != WORD for t in range(first, k)):
            return True
        a, b, _ = tokens[k - 1]
        return self.string[a:b] in _OPENERS

    def _capitalised_line(self, paragraph: int) -> bool:
        """True if the line is in title case: two or more words of five or more characters, all capitalised.

        Shorter words ("with", "from") are often lower case in a title.
        """
        if paragraph not in self._lines:
            a, b = self.doc.paragraphs[paragraph]
            long = [w for w in WORD_RE.findall(self.doc.string, a, b) if len(w) >= 5 and w[0].isalpha()]
            self._lines[paragraph] = len(long) >= 2 and all(w[0].isupper() for w in long)
        return self._lines[paragraph]

    def _names(self) -> tuple[set[str], set[str]]:
        """The words the article capitalises inside a sentence, and those it writes in lower case."""
        if self._vocab is None:
            string, low, tokens = self.string, self.low, self.tokens
            names: set[str] = set()
            lowered: set[str] = set()
            for x in self.doc.sentences:
                plain_line = x.part != "title" and not self._capitalised_line(x.paragraph)
                for t in range(x.token_start, x.token_end):
                    a, b, kind = tokens[t]
                    if kind != WORD:
                        continue
                    if string[a].islower():
                        lowered.add(_base(low[a:b]))
                    elif (plain_line and string[a] != low[a] and not (b - a > 1 and string[a:b].isupper())
                          and not self._opens(x.token_start, t)):
                        names.add(_base(low[a:b]))
            self._vocab = (names, lowered)
        return self._vocab


def _blocked(blockers: frozenset, before: str) -> bool:
    """True if the token ``before`` a match is in the pattern's not_after set."""
    if not blockers or not before:
        return False
    return before in blockers or (NUMBER in blockers and before[0].isdigit())


def _base(key: str) -> str:
    """A lower-cased token without a possessive ending."""
    return _strip_possessive(key) or key


def _possessive_equal(exact: tuple[str, ...], written: tuple[str, ...]) -> bool:
    if len(exact) != len(written) or exact[:-1] != written[:-1]:
        return False
    return _strip_possessive(written[-1]) == exact[-1]
