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
        for form, match_case, payload in patterns:
            keys = token_keys(form)
            if not keys:
                continue
            node = root
            for k in keys:
                node = node.setdefault(k, {})
            exact = _exact_tokens(form) if match_case else None
            node[_END] = node.get(_END, ()) + ((exact, payload),)
            size += 1
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
        low = string.lower()
        if len(low) != len(string):  # a rare character whose lower case is longer
            low = "".join(c.lower()[:1] if len(c.lower()) != 1 else c.lower() for c in string)
        low = low.replace("\u2019", "'")
        tokens = doc.tokens
        root = self._root
        out: list[tuple[int, int, int, tuple]] = []
        if not root:
            return out
        for k, sent in enumerate(doc.sentences):
            i, end = sent.token_start, sent.token_end
            while i < end:
                a, b, _ = tokens[i]
                node = root.get(low[a:b])
                if node is None:
                    key = low[a:b]
                    if "'" not in key:
                        i += 1
                        continue
                    base = _strip_possessive(key)
                    node = root.get(base) if base else None
                    if node is None or _END not in node:
                        i += 1
                        continue
                    hit = self._accept(node[_END], string, tokens, i, i + 1)
                    if hit:
                        out.append((k, i, i + 1, hit))
                    i += 1
                    continue
                best_end, best = -1, ()
                j = i
                while True:
                    if _END in node:
                        hit = self._accept(node[_END], string, tokens, i, j + 1)
                        if hit:
                            best_end, best = j + 1, hit
                    j += 1
                    if j >= end:
                        break
                    a, b, _ = tokens[j]
                    key = low[a:b]
                    nxt = node.get(key)
                    if nxt is None:
                        base = _strip_possessive(key) if "'" in key else None
                        nxt = node.get(base) if base else None
                        if nxt is not None and _END in nxt:
                            hit = self._accept(nxt[_END], string, tokens, i, j + 1)
                            if hit:
                                best_end, best = j + 1, hit
                        break
                    node = nxt
                if best_end > 0:
                    out.append((k, i, best_end, best))
                    i = best_end
                else:
                    i += 1
        return out

    @staticmethod
    def _accept(payloads, string, tokens, i, j) -> tuple:
        """Payloads whose case requirement the tokens ``i:j`` meet."""
        if all(exact is None for exact, _ in payloads):
            return tuple(p for _, p in payloads)
        written = tuple(string[a:b].replace("\u2019", "'") for a, b, _ in tokens[i:j])
        out = []
        for exact, p in payloads:
            if exact is None or exact == written or _possessive_equal(exact, written):
                out.append(p)
        return tuple(out)


def _possessive_equal(exact: tuple[str, ...], written: tuple[str, ...]) -> bool:
    if len(exact) != len(written) or exact[:-1] != written[:-1]:
        return False
    return _strip_possessive(written[-1]) == exact[-1]
