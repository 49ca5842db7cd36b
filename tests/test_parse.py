"""The one parse: sentences, tokens, quotations, offsets."""

import random

import pytest

from biaskit.parse import normalize, parse


def sents(text, **kw):
    d = parse(text, **kw)
    return [d.span(s.start, s.end) for s in d.sentences]


def quotes(text):
    d = parse(text)
    return [d.span(q.inner_start, q.inner_end) for q in d.quotes if q.depth == 0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("He moved to the U.S. in 1990. It was cold.", ["He moved to the U.S. in 1990.", "It was cold."]),
        ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
        ("It happened on Sept. 11 in New York. Many died.", ["It happened on Sept. 11 in New York.", "Many died."]),
        ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
        ("Growth was 3.5 percent. Prices rose 2.1%.", ["Growth was 3.5 percent.", "Prices rose 2.1%."]),
        ('"We will win," he said. "Soon."', ['"We will win," he said.', '"Soon."']),
        ('She said: "It is over." Then she left.', ['She said: "It is over."', "Then she left."]),
        ("Is it true? Nobody knows! Wait...", ["Is it true?", "Nobody knows!", "Wait..."]),
        ('"Why now?" he asked.', ['"Why now?" he asked.']),
        ("Apple Inc. said profits rose. Shares fell.", ["Apple Inc. said profits rose.", "Shares fell."]),
        ("It ends at 5 p.m. tomorrow.", ["It ends at 5 p.m. tomorrow."]),
    ],
)
def test_sentence_split(text, expected):
    assert sents(text) == expected


def test_paragraphs_and_hard_wraps():
    text = "First paragraph ends here.\n\nSecond one is\nhard wrapped over lines.\nThird line paragraph."
    d = parse(text)
    paras = [d.span(a, b) for a, b in d.paragraphs]
    assert paras == ["First paragraph ends here.", "Second one is\nhard wrapped over lines.", "Third line paragraph."]
    assert [s.paragraph for s in d.sentences] == [0, 1, 2]


def test_title_is_kept_apart_from_body_counts():
    d = parse("Officials said the talks failed.", title="Talks fail in Geneva")
    assert [s.part for s in d.sentences] == ["title", "body"]
    assert d.word_count == 5 and d.sentence_count == 1
    assert len(d.words()) == 9


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "no way" today.', ["no way"]),
        ("He said \u201cno way\u201d today.", ["no way"]),
        ("Il a dit \u00abnon\u00bb hier.", ["non"]),
        ("Biden discusses 'coordinated efforts' with leaders", ["coordinated efforts"]),
        ("\u2018Enough\u2019 says mayor", ["Enough"]),
        ("It's the leaders' choice, isn't it? Don't.", []),
        ("The '90s were 'great' fun.", ["great"]),
        ('A "scare" and a "second" quote.', ["scare", "second"]),
    ],
)
def test_quotes(text, expected):
    assert quotes(text) == expected


def test_quote_spanning_paragraphs():
    text = '"The first part goes on\n\n"and the second part ends here," she said.'
    d = parse(text)
    top = [q for q in d.quotes if q.depth == 0]
    assert len(top) == 1
    assert d.span(top[0].start, top[0].end).endswith('ends here,"')
    assert top[0].closed


def test_unbalanced_quotes_never_raise():
    for text in ['He said "this never ends', '"', '""', "'", 'a " b " c "', "\u201c\u201c\u201d", "x'\"y\u2019z"]:
        d = parse(text)
        for q in d.quotes:
            assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(d.string)


def test_unclosed_quote_ends_at_paragraph():
    d = parse('He said "this never ends\n\nNew paragraph here.')
    q = d.quotes[0]
    assert not q.closed
    assert d.span(q.inner_start, q.inner_end) == "this never ends"


def test_nested_single_quotes():
    d = parse('He said "they called it \'madness\' again" yesterday.')
    depths = sorted((q.depth, d.span(q.inner_start, q.inner_end)) for q in d.quotes)
    assert depths == [(0, "they called it 'madness' again"), (1, "madness")]


def test_tokens_words():
    d = parse("The U.S. sent 1,35,000 troops; it's 24-48 hours away, 3.5% more.")
    assert d.words() == ["The", "U.S.", "sent", "1,35,000", "troops", "it's", "24-48", "hours", "away", "3.5%", "more"]


def test_body_words_agree_with_word_tokens_whichever_is_computed_first():
    texts = [
        "Talks fail\n\nThe U.S. sent 1,35,000 troops; it's 24-48 hours away, 3.5% more.",
        "\u201cWe won\u2019t,\u201d said Mr. O\u2019Neill at 10:30 a.m. \u2014 e.g. 'never' \u00ab\u00a0non\u00a0\u00bb.",
        "Caf\u00e9 d\u00e9j\u00e0-vu: \u0645\u0631\u062d\u0628\u0627 2024/25 x_y __init__ ...",
    ]
    for text in texts:
        title, body = (text.split("\n\n", 1) + [None])[:2] if "\n\n" in text else (None, text)
        lazy = parse(body, title=title)
        words_first = lazy.body_words
        eager = parse(body, title=title)
        assert eager.tokens  # tokens first: the words are then read off the tokens
        from_tokens = tuple(eager.string[a:b] for a, b, k in eager.tokens if k == 0 and a >= eager.body_start)
        assert words_first == eager.body_words == from_tokens
        assert lazy.word_count == len(from_tokens)
        # sentence records and sentence spans describe the same sentences
        assert [(s.start, s.end, s.paragraph, s.part) for s in lazy.sentences] == list(lazy.sentence_spans)
        assert lazy.sentence_count == sum(s.part == "body" for s in lazy.sentences)


def test_lower_case_views_keep_every_offset():
    # "\u0130" lower-cases to two characters: the lower-case string must keep the offsets of ``string``
    d = parse("\u0130stanbul\u2019s MAYOR said: \u201cNo.\u201d")
    assert len(d.lower_string) == len(d.string)
    assert d.lower_string.startswith("istanbul's mayor said")
    assert d.lower_tokens == tuple(d.lower_string[a:b] for a, b, _ in d.tokens)
    assert d.lower_tokens[:4] == ("istanbul's", "mayor", "said", ":")
    assert d.token_starts == tuple(a for a, _, _ in d.tokens)


def test_fast_word_split_finds_what_the_word_pattern_finds():
    from biaskit.parse import WORD_RE, _words

    rng = random.Random(7)
    alphabet = "ab Z1.,:/-'\u2019%_ \n\t\x1c\u00a0\u00e9\u0301\u00b2(#$U.S.)\u201c\u201d\u2014\u2026&@3e.g."
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert _words(text) == WORD_RE.findall(text), text


def test_normalize_and_offsets_back_to_text():
    raw = "amid mounting\u00a0tensions\u200b said \u201cno\u201d"
    s, segs = normalize(raw)
    assert s == "amid mounting tensions said \u201cno\u201d"
    d = parse(raw)
    for i, ch in enumerate(d.string):
        j = d.to_text(i)
        assert raw[j] == ch or (raw[j] == "\u00a0" and ch == " ")


def test_offsets_with_title_and_body_offset():
    text = "Talks fail\nBy A. Writer\nOfficials said the talks failed."
    body = "Officials said the talks failed."
    d = parse(body, title="Talks fail", text=text, body_offset=text.index(body), title_offset=0)
    for s in d.sentences:
        a, b = d.text_span(s.start, s.end)
        assert text[a:b] == d.span(s.start, s.end)


def test_random_text_does_not_crash():
    rng = random.Random(0)
    alphabet = "ab .,!?\"'\u201c\u201d\u2018\u2019\n\u00ab\u00bbU.S.Mr:;-"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        d = parse(text)
        for s in d.sentences:
            assert 0 <= s.start < s.end <= len(d.string)


def test_large_text_is_linear():
    para = 'The minister said "prices will rise" on Monday. Officials disagreed, sources said.\n\n'
    d = parse(para * 20000)  # ~1.7 MB
    assert d.sentence_count == 40000
