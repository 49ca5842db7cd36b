"""Regular English inflections for lexicon entries.

A lexicon entry is written once, in its base form ("slam", "regime",
"mounting tension"), with its part of speech; the loader asks this module for
the forms a text may use ("slams", "slammed", "slamming"; "regimes";
"mounting tensions"). Only the regular rules of English spelling are applied;
irregular forms ("slay" -> "slew", "slain") are listed in the entry's
``forms`` column. Where a rule cannot tell (does "target" double its final
consonant?), both spellings are generated: a form that no text uses never
matches, so the cost of a spare form is nil.

Examples
--------
>>> inflect("slam", "verb")
('slam', 'slams', 'slammed', 'slamming')
>>> inflect("regime", "noun")
('regime', 'regimes')
>>> inflect("mounting tension", "noun")
('mounting tension', 'mounting tensions')
>>> inflect("lash out", "verb")
('lash out', 'lashes out', 'lashed out', 'lashing out')
"""

from __future__ import annotations

__all__ = ["POS_TAGS", "inflect", "plural", "verb_forms"]

#: Parts of speech a lexicon entry may declare, and what each generates.
POS_TAGS = {
    "noun": "the plural (on the last word of a phrase)",
    "verb": "-s, -ed and -ing forms (on the first word of a phrase)",
    "adj": "no generated forms (list comparatives in 'forms')",
    "adv": "no generated forms",
    "phrase": "no generated forms",
}

_VOWELS = set("aeiou")


def _vowel_groups(word: str) -> int:
    groups, prev = 0, False
    for ch in word:
        v = ch in _VOWELS or ch == "y" and not prev and groups > 0
        if v and not prev:
            groups += 1
        prev = v
    return groups


def _cvc(word: str) -> bool:
    """True if the word ends consonant-vowel-consonant (doubling candidate)."""
    if len(word) < 3:
        return False
    a, b, c = word[-3], word[-2], word[-1]
    return a not in _VOWELS and b in _VOWELS and c not in _VOWELS and c not in "wxy"


def plural(word: str) -> tuple[str, ...]:
    """Regular plural(s) of a noun (also the verb's third person singular).

    >>> plural("crisis"), plural("ally"), plural("mob"), plural("thug")
    (('crisises', 'crises'), ('allies',), ('mobs',), ('thugs',))
    """
    if word.endswith("is") and len(word) > 3:
        return (word + "es", word[:-2] + "es")
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return (word[:-1] + "ies",)
    return (word + "s",)


def verb_forms(word: str) -> tuple[str, ...]:
    """The regular -s, -ed and -ing forms of a verb.

    >>> verb_forms("claim")
    ('claims', 'claimed', 'claiming')
    >>> verb_forms("admit")
    ('admits', 'admited', 'admiting', 'admitted', 'admitting')
    >>> verb_forms("decry")
    ('decries', 'decried', 'decrying')
    >>> verb_forms("lie")
    ('lies', 'lied', 'lying')
    """
    if word.endswith(("s", "x", "z", "ch", "sh")) or (word.endswith("o") and word[-2:-1] not in _VOWELS):
        third = word + "es"
    elif word.endswith("y") and word[-2:-1] and word[-2] not in _VOWELS:
        third = word[:-1] + "ies"
    else:
        third = word + "s"
    if word.endswith("ie"):
        return (third, word + "d", word[:-2] + "ying")
    if word.endswith("e"):
        ing = word + "ing" if word.endswith(("ee", "ye", "oe")) else word[:-1] + "ing"
        return (third, word + "d", ing)
    if word.endswith("y") and word[-2:-1] and word[-2] not in _VOWELS:
        return (third, word[:-1] + "ied", word + "ing")
    if word.endswith("c"):  # panic -> panicked
        return (third, word + "ked", word + "king")
    if _cvc(word):
        doubled = (word + word[-1] + "ed", word + word[-1] + "ing")
        if _vowel_groups(word) <= 1:
            return (third, *doubled)
        # stress decides (admit -> admitted, target -> targeted): keep both
        return (third, word + "ed", word + "ing", *doubled)
    return (third, word + "ed", word + "ing")


def inflect(term: str, pos: str | None) -> tuple[str, ...]:
    """All regular forms of a (possibly multi-word) entry, the term first.

    Nouns inflect their last word, verbs their first word ("lash out" ->
    "lashed out"); other parts of speech generate nothing.

    Parameters
    ----------
    term : str
        The entry as written, in its base form.
    pos : str or None
        One of :data:`POS_TAGS`, or None.

    Returns
    -------
    tuple of str
        The term followed by the generated forms, without repeats.
    """
    words = term.split(" ")
    out = [term]
    if pos == "noun":
        head = words[-1]
        if head[:1].isalpha() and head[-1:].isalpha():
            out += [" ".join([*words[:-1], f]) for f in plural(head)]
    elif pos == "verb":
        head = words[0]
        if head[:1].isalpha() and head[-1:].isalpha():
            out += [" ".join([f, *words[1:]]) for f in verb_forms(head)]
    seen: dict[str, None] = {}
    for f in out:
        seen.setdefault(f, None)
    return tuple(seen)
