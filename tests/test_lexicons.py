"""The packaged lexicon, the loader of user lexicons, and its errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.errors import BiaskitError, LexiconError
from biaskit.lexicons import (
    CATEGORIES,
    PACKAGED_DIR,
    Lexicon,
    _form_key,
    default_lexicon,
    load_lexicon,
    read_lexicon_file,
)
from biaskit.lexicons._inflect import inflect, plural, verb_forms

BABE_LEXICON = SHARED / "datasets" / "babe" / "bias_word_lexicon.csv"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


# --------------------------------------------------------------------------
# The packaged lexicon
# --------------------------------------------------------------------------


def test_packaged_categories_are_the_documented_ones():
    lex = default_lexicon()
    assert lex.categories == tuple(CATEGORIES)
    for c in CATEGORIES:
        assert (PACKAGED_DIR / f"{c}.csv").exists()
        assert sum(e.category == c for e in lex.entries) >= 50, c
    assert len(lex) > 2000
    assert lex.form_count > 5000


def test_every_packaged_entry_has_provenance_and_valid_fields():
    for e in default_lexicon():
        assert e.provenance in {"general", "style-guide", "framing"}, e
        assert e.term == e.term.strip() and e.term
        assert e.intensity is None or 1 <= e.intensity <= 3
        assert e.polarity in {None, "negative", "positive", "neutral"}
        assert e.term in e.forms


def test_partisan_entries_name_their_counterpart_and_lean():
    for e in default_lexicon():
        if e.category == "partisan":
            assert e.get("counterpart"), e
            assert e.get("lean") in {"left", "right", "neutral"}, e


def test_no_surface_form_belongs_to_two_packaged_entries():
    owners: dict[str, set] = {}
    for e in default_lexicon():
        for k in {_form_key(f) for f in e.forms}:
            owners.setdefault(k, set()).add((e.category, e.term))
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_the_lexicon_is_written_by_the_project_not_babe():
    # BABE's bias-word lexicon (AGPL) is never part of the package
    assert not list(PACKAGED_DIR.glob("*bias_word*"))
    for p in PACKAGED_DIR.glob("*.csv"):
        assert p.stem in CATEGORIES


def test_seed_terms_are_in_the_lexicon():
    lex = default_lexicon()
    for term in ("aggression", "amass", "alarm", "mounting tension", "regime", "slam", "so-called",
                 "reportedly", "admit", "claim", "death tax", "estate tax", "illegal alien",
                 "undocumented immigrant", "freedom fighter", "thug", "militant"):
        assert lex.lookup(term), term


# --------------------------------------------------------------------------
# Inflection
# --------------------------------------------------------------------------


@pytest.mark.parametrize("word, forms", [
    ("slam", {"slams", "slammed", "slamming"}),
    ("claim", {"claims", "claimed", "claiming"}),
    ("decry", {"decries", "decried", "decrying"}),
    ("amass", {"amasses", "amassed", "amassing"}),
    ("rage", {"rages", "raged", "raging"}),
    ("panic", {"panics", "panicked", "panicking"}),
    ("lie", {"lies", "lied", "lying"}),
    ("admit", {"admits", "admitted", "admitting"}),
    ("target", {"targets", "targeted", "targeting"}),
])
def test_verb_forms(word, forms):
    assert forms <= set(verb_forms(word))


@pytest.mark.parametrize("word, forms", [
    ("regime", {"regimes"}), ("ally", {"allies"}), ("crisis", {"crises"}), ("mob", {"mobs"}),
    ("witch", {"witches"}), ("day", {"days"}),
])
def test_plurals(word, forms):
    assert forms <= set(plural(word))


def test_phrases_inflect_their_head():
    assert "mounting tensions" in inflect("mounting tension", "noun")
    assert "lashed out" in inflect("lash out", "verb")
    assert inflect("so-called", "adj") == ("so-called",)
    assert inflect("war on", None) == ("war on",)


# --------------------------------------------------------------------------
# User lexicons
# --------------------------------------------------------------------------


def test_csv_lexicon_category_defaults_to_file_name(tmp_path):
    p = write(tmp_path, "my_words.csv", "term,pos,intensity,polarity\nsmear job,noun,3,negative\nbungle,verb,,\n")
    entries = read_lexicon_file(p)
    assert [e.category for e in entries] == ["my_words", "my_words"]
    assert "smear jobs" in entries[0].forms and entries[0].intensity == 3.0
    assert entries[0].polarity == "negative"
    assert "bungled" in entries[1].forms
    assert entries[0].source == "my_words.csv:2"


def test_word_is_a_synonym_of_term_and_extra_columns_are_kept(tmp_path):
    p = write(tmp_path, "words.csv", "word,lean\nsnowflake,right\n")
    (e,) = read_lexicon_file(p)
    assert e.term == "snowflake" and e.get("lean") == "right"


def test_tsv_txt_and_yaml_lexicons(tmp_path):
    tsv = write(tmp_path, "a.tsv", "term\tcategory\nhard-nosed\ttone\n")
    txt = write(tmp_path, "hedges.txt", "# my hedges\nostensibly\n\nso to speak\n")
    y1 = write(tmp_path, "b.yaml", "- term: kneecap\n  pos: verb\n  category: conflict\n- bloviate\n")
    y2 = write(tmp_path, "c.yml", "tone:\n  - grating\n  - term: shrill\n    intensity: 2\nother: [odd]\n")
    y3 = write(tmp_path, "d.yaml", "category: spin\nentries:\n  - talking point\n  - term: narrative\n")
    assert [(e.term, e.category) for e in read_lexicon_file(tsv)] == [("hard-nosed", "tone")]
    assert [(e.term, e.category) for e in read_lexicon_file(txt)] == [("ostensibly", "hedges"), ("so to speak", "hedges")]
    assert [(e.term, e.category) for e in read_lexicon_file(y1)] == [("kneecap", "conflict"), ("bloviate", "b")]
    assert "kneecapped" in read_lexicon_file(y1)[0].forms
    assert [(e.term, e.category) for e in read_lexicon_file(y2)] == [("grating", "tone"), ("shrill", "tone"), ("odd", "other")]
    assert [(e.term, e.category) for e in read_lexicon_file(y3)] == [("talking point", "spin"), ("narrative", "spin")]


def test_not_after_column_is_read_lower_cased_and_checked(tmp_path):
    p = write(tmp_path, "n.csv", "term,not_after\nkind of, Any ; THIS;;#number\nsort of,\n")
    a, b = read_lexicon_file(p)
    assert a.not_after == ("any", "this", "#number") and b.not_after == () and a.extra == ()
    assert load_lexicon(p, replace=True).to_frame()["not_after"].tolist() == ["any;this;#number", ""]
    bad = write(tmp_path, "m.csv", "term,not_after\nkind of,this one\n")
    with pytest.raises(LexiconError, match=r"m\.csv, line 2: not_after 'this one' is more than one word"):
        read_lexicon_file(bad)


def test_load_adds_to_packaged_replace_and_disable(tmp_path):
    p = write(tmp_path, "mine.csv", "term\nbloviate\n")
    both = load_lexicon(p)
    assert "mine" in both.categories and "loaded" in both.categories
    alone = load_lexicon([p], replace=True)
    assert alone.categories == ("mine",) and len(alone) == 1
    off = load_lexicon(disable=["booster", "hedge"])
    assert "booster" not in off.categories and "hedge" not in off.categories
    assert len(off) < len(default_lexicon())
    # replace one packaged category with one's own list
    hedges = write(tmp_path, "hedge.csv", "term\nostensibly\n")
    swapped = load_lexicon(hedges, disable="hedge")
    assert [e.term for e in swapped if e.category == "hedge"] == ["ostensibly"]


def test_user_entry_replaces_packaged_entry_of_same_term_and_category(tmp_path):
    p = write(tmp_path, "x.csv", "term,category,intensity\nregime,label,3\n")
    lex = load_lexicon(p)
    (e,) = lex.lookup("regime")
    assert e.intensity == 3.0 and e.source == "x.csv:2"


def test_written_forms_beat_generated_forms(tmp_path):
    p = write(tmp_path, "x.csv", "term,category,pos\nentitlement,a,noun\nentitlements,b,\n")
    lex = load_lexicon(p, replace=True)
    (a,) = lex.lookup("entitlement")
    (b,) = lex.lookup("entitlements")
    assert "entitlements" not in a.forms and "entitlements" in b.forms


def test_load_errors(tmp_path):
    with pytest.raises(LexiconError, match="needs at least one lexicon file"):
        load_lexicon(replace=True)
    with pytest.raises(LexiconError, match="unknown category 'hedges'"):
        load_lexicon(disable=["hedges"])
    with pytest.raises(FileNotFoundError):
        load_lexicon(tmp_path / "missing.csv")
    with pytest.raises(LexiconError, match="is a folder"):
        load_lexicon(tmp_path)


@pytest.mark.parametrize("name, content, message", [
    ("a.csv", "words,category\nfoo,x\n", r"a\.csv, line 1: no 'term' column .*columns found: 'words', 'category'"),
    ("b.csv", "term,category\nfoo,x\n  ,x\n", r"b\.csv, line 3: empty term"),
    ("c.csv", "term\nfoo\nbar\nFoo\n", r"c\.csv, line 4: duplicate entry 'Foo' .*first given on line 2"),
    ("d.csv", b"term\nfoo\nna\xefve\n", r"d\.csv, line 3: not UTF-8"),
    ("e.csv", "term,pos\nfoo,verbish\n", r"e\.csv, line 2: unknown pos 'verbish'"),
    ("f.csv", "term,intensity\nfoo,high\n", r"f\.csv, line 2: intensity 'high' is not a number"),
    ("g.csv", "term,polarity\nfoo,bad\n", r"g\.csv, line 2: polarity 'bad'"),
    ("h.csv", "", r"h\.csv: the file is empty"),
    ("i.csv", "term\n", r"i\.csv: no entries"),
    ("j.csv", "term\nfoo,bar\n", r"j\.csv, line 2: 2 cells but the header has 1"),
    ("k.csv", "term\n!!!\n", r"k\.csv, line 2: the term '!!!' contains no letter"),
    ("l.yaml", "- term: [a, b]\n", r"l\.yaml, line 1: expected a single value"),
    ("m.yaml", "a: [b\n", r"m\.yaml, line \d+: not valid YAML"),
    ("n.csv", "term,term\nfoo,foo\n", r"n\.csv, line 1: column 'term' appears twice"),
])
def test_malformed_lexicons_name_file_and_line(tmp_path, name, content, message):
    p = write(tmp_path, name, content)
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon(p)
    assert isinstance(info.value, BiaskitError)


def test_quoted_multiline_cells_keep_line_numbers(tmp_path):
    p = write(tmp_path, "q.csv", 'term,note\nfoo,"a\nlong note"\n,x\n')
    with pytest.raises(LexiconError, match=r"line 4: empty term"):
        read_lexicon_file(p)


# --------------------------------------------------------------------------
# Immutability
# --------------------------------------------------------------------------


def test_lexicon_entries_and_matcher_are_immutable():
    lex = default_lexicon()
    with pytest.raises(AttributeError):
        lex.entries = ()
    with pytest.raises(AttributeError):
        lex.matcher._root = {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        lex.entries[0].term = "x"
    assert default_lexicon() is lex
    assert load_lexicon() is not lex and isinstance(load_lexicon(), Lexicon)


def test_lexicon_pickles_for_worker_processes():
    import pickle

    from biaskit.parse import parse

    lex = default_lexicon()
    copy = pickle.loads(pickle.dumps(lex))
    doc = parse("The regime slammed the so-called reform.")
    assert len(copy) == len(lex) and copy.categories == lex.categories
    assert [(k, i, j) for k, i, j, _ in copy.matcher.find(doc)] == [(k, i, j) for k, i, j, _ in lex.matcher.find(doc)]
    with pytest.raises(AttributeError):
        copy.entries = ()


def test_babe_lexicon_loads_as_a_user_lexicon():
    if not BABE_LEXICON.exists():
        pytest.skip("../shared/datasets/babe is not available")
    lex = load_lexicon(BABE_LEXICON, replace=True)
    assert len(lex) == 2122
    assert lex.categories == ("bias_word_lexicon",)
    both = load_lexicon(BABE_LEXICON)
    assert set(CATEGORIES) < set(both.categories)
