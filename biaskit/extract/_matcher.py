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
- **Possessives**: a final ``'s`` or ``'`` is tried off when the token as
  written is not found ("the regime's" matches "regime").
- **Sentences**: a match never runs across a sentence boundary.

Inflected forms are not guessed here; the lexicon loader lists them.

Examples
--------
>>> from biaskit.parse import parse
>>> m = Matcher([("death", False, "d"), ("death tax", False, "dt"), ("Regime", False, "r")])
>>> doc = parse("The death tax is back. The regime's critics agree.")
>>> [(k, doc.string[doc.tokens[i][0]:doc.tokens[j - 1][1]], p) for k, i, j, p in m.find(doc)]
[(0, 'death tax', ('dt',)), (1, "regime's", ('r',))]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from biaskit.parse import _TOKEN_RE

__all__ = ["Matcher", "token_keys"]

_END = ""  # key of a node's payloads (never a token)


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
    patterns : iterable of (str, bool, object)
        ``(form, match_case, payload)``: the surface form to find, whether its
        case must match exactly, and what to report for it. Several payloads
        may share one form; they are reported together.

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
        for form, match_case, payload in patterns:
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
                node[_END][1].append((_exact_tokens(form), payload))
            else:
                node[_END][0].append(payload)
            size += 1
        # a terminal holds (payloads matched in any case, (exact tokens, payload) pairs)
        for node in terminals:
            plain, exact = node[_END]
            node[_END] = (tuple(plain), tuple(exact))
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
        string = doc.string
        root = self._root
        out: list[tuple[int, int, int, tuple]] = []
        tokens = doc.tokens
        if not root or not tokens:
            return out
        low = string.lower()
        if len(low) != len(string):  # a rare character whose lower case is longer
            low = "".join(c.lower()[:1] if len(c.lower()) != 1 else c.lower() for c in string)
        low = low.replace("\u2019", "'")
        keys = [low[a:b] for a, b, _ in tokens]
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
        accept = self._accept
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
                    best = term[0] if not term[1] else accept(term, string, tokens, i, i + 1)
                    if best:
                        best_end = i + 1
            else:
                j = i + 1
                while True:
                    term = node.get(_END)
                    if term is not None:
                        hit = term[0] if not term[1] else accept(term, string, tokens, i, j)
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
                                hit = term[0] if not term[1] else accept(term, string, tokens, i, j + 1)
                                if hit:
                                    best_end, best = j + 1, hit
                        break
                    node = nxt
                    j += 1
            if best_end > 0:
                out.append((bisect_right(starts, i) - 1, i, best_end, best))
                resume = best_end
        return out

    @staticmethod
    def _accept(term, string, tokens, i, j) -> tuple:
        """Payloads of a terminal whose case requirement the tokens ``i:j`` meet."""
        plain, exact = term
        written = tuple(string[a:b].replace("\u2019", "'") for a, b, _ in tokens[i:j])
        return plain + tuple(p for ex, p in exact if ex == written or _possessive_equal(ex, written))


def _possessive_equal(exact: tuple[str, ...], written: tuple[str, ...]) -> bool:
    if len(exact) != len(written) or exact[:-1] != written[:-1]:
        return False
    return _strip_possessive(written[-1]) == exact[-1]
