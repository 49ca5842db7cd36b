"""Tests of biaskit.clean: furniture out, metadata kept, body lines untouched."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.clean import (
    _byline,
    _classify,
    _image_credit,
    body_segments,
    clean_text,
    parse_date_text,
    timezone_offsets,
)

DATA = Path(__file__).resolve().parent / "data"

SEED = SHARED / "seed" / "000_49524e8554e2d548"


def _stripped_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def _assert_whole_lines(body: str, text: str) -> None:
    """Every body line is a whole stripped line of the text, in order."""
    lines = _stripped_lines(text)
    pos = 0
    for bl in _stripped_lines(body):
        assert bl == bl.strip()
        idx = lines.index(bl, pos)  # raises when absent or out of order
        pos = idx + 1


def _assert_maps(body: str, text: str, segments) -> None:
    segs = sorted(segments)
    for i, ch in enumerate(body):
        b, t = max(s for s in segs if s[0] <= i)
        assert text[t + i - b] == ch, (i, ch)


# --------------------------------------------------------------------------
# The seed article
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    if not SEED.with_suffix(".txt").exists():
        pytest.skip("../shared/seed is not available")
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    expected = json.loads(SEED.with_suffix(".expected.json").read_text(encoding="utf-8"))["metadata"]
    return text, expected


def test_seed_metadata(seed):
    text, exp = seed
    r = clean_text(text)
    assert r.title == exp["title"]
    assert r.dek == exp["dek"]
    assert r.author == exp["author"]
    assert r.date.isoformat() == exp["published"]
    assert r.updated.isoformat() == exp["updated"]
    assert r.date.utcoffset() == timedelta(hours=5, minutes=30)
    assert r.image_credit == exp["image_credit"]


def test_seed_body_boundaries(seed):
    text, exp = seed
    r = clean_text(text)
    assert r.body.startswith(exp["first_body_words"])
    assert r.body.endswith(exp["last_body_words"])
    # the mid-body subheading is a body line, not furniture
    assert "\nBiden discusses 'coordinated efforts' with Transatlantic leaders to deter Russian aggression\n" in r.body
    for line in exp["boilerplate_lines"]:
        assert line in r.boilerplate
        assert line not in _stripped_lines(r.body)
    # the caption under the title block is neither body nor furniture
    assert r.captions == ("Biden",)
    _assert_whole_lines(r.body, text)
    _assert_maps(r.body, text, r.segments)
    assert body_segments(r.body, text) == list(r.segments)
    # the non-breaking space inside the first paragraph is kept as written
    assert "mounting\u00a0tensions" in r.body


def test_seed_every_body_sentence_kept(seed):
    """Every paragraph of the article proper (between the header and the end) survives."""
    text, _ = seed
    r = clean_text(text)
    lines = _stripped_lines(text)
    start = lines.index(next(x for x in lines if x.startswith("Russian President") and "mounting" in x))
    for line in lines[start:]:
        if line in ("(Image: AP)",) or line.startswith("Updated"):
            continue
        assert line in r.body


# --------------------------------------------------------------------------
# Contract: whole lines, nothing lost, clean text unchanged
# --------------------------------------------------------------------------

CLEAN_TEXTS = [
    "One paragraph only.",
    "First paragraph.\n\nSecond paragraph.",
    "A hard-wrapped paragraph that goes on\nacross two lines.\n\nAnd another.",
    '"We will see," she said.\n\n\u201cCurly quotes\u201d and \u00abguillemets\u00bb stay.',
    "By the time the talks ended, nothing was agreed.\n\nShare prices fell sharply on Monday.",
    "Follow the money, she said.\n\nPhotos show the damage in the old town.",
    "Published reports say the deal is close.\n\nUpdated figures came out on Monday.",
    "Background\n\nThe talks began in 2019.",
    "Twitter and Facebook were blocked for hours.\n\nThe advertisement ran on television.",
    "",
]


@pytest.mark.parametrize(("text", "title"), [
    ("Council delays vote on transit plan\n\nThe council on Tuesday postponed a vote on the plan.",
     "Council delays vote on transit plan"),
    ("Is the euro in danger?\n\nThe minister said on Monday that the talks had failed.", "Is the euro in danger?"),
    # not headlines: a sentence, a label, a quoted line, no blank line below, a body no longer than the line
    ("The council met on Tuesday.\n\nIt postponed a vote on the transit plan until May.", None),
    ("WASHINGTON\n\nThe council on Tuesday postponed a vote on the plan.", None),
    ("\u201cWe will not give up,\u201d she said\n\nThe council on Tuesday postponed a vote on the plan.", None),
    ("Council delays vote on transit plan\nThe council on Tuesday postponed a vote on the plan.", None),
    ("Council delays vote on transit plan\n\nIt did.", None),
])
def test_a_standalone_first_line_is_the_title(text, title):
    r = clean_text(text)
    assert r.title == title
    if title is None:
        assert r.body == text
    else:
        assert r.body == text[text.index("\n\n") + 2:]
        a, b = r.title_span
        assert text[a:b] == title


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_text_is_unchanged(text):
    r = clean_text(text)
    assert r.body == text
    assert r.boilerplate == () and r.title is None and r.dek is None
    assert body_segments(r.body, text) == [(0, 0)]


def test_body_lines_are_stripped_whole_lines():
    text = "  Indented first line.  \r\n\r\n\tSecond line with a tab inside\tkept.\r\nAdvertisement\r\nLast.  "
    r = clean_text(text)
    assert r.body == "Indented first line.\n\nSecond line with a tab inside\tkept.\n\nLast."
    _assert_maps(r.body, text, r.segments)
    _assert_maps(r.body, text, body_segments(r.body, text))


FURNITURE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Share",
    "\u2022 share",
    "Share on Facebook",
    "Tweet Email Print",
    "Follow: Google News Icon",
    "Follow us on Twitter for the latest updates",
    "Sign up for our daily newsletter",
    "Also read | Markets close higher",
    "Read more: Markets close higher",
    "Home > World > Europe",
    "Tags: Russia, Ukraine, NATO",
    "4 min read",
    "\u00a9 2023 The Daily Example. All rights reserved.",
    "sb.scorecardresearch",
    "https://example.com/track?id=1",
    "googletag.cmd.push(function() { googletag.display('ad-1'); });",
    "Follow: Worldwide Example on NewsApp",
    "Comments (214)",
    "\u00a9 The Example Times 2026",
    "Subscribe | Log in | Today's paper",
    "The Example \u203a News \u203a Politics",
    "Published: 18:05 CET, 7 March 2026 | Updated: 19:40 CET, 7 March 2026",
]

BODY_LINES = [
    "Officials said the talks had failed after three days of negotiations in Geneva.",
    "Share prices fell sharply on Monday.",
    "By the time the talks ended, nothing was agreed.",
    "Follow the money, the auditor told reporters.",
    "The advertisement ran on national television for a week.",
    "Reporters were told to share their notes with the court.",
    "Copyright law in the EU is changing, the commission said.",
    "Photos show the damage in the old town.",
    "What comes next",
    "x",
    "Ministers met in Geneva | Talks ended without a deal | Both sides blamed each other.",
    "Prices rose 3% > the 2% target, the bank said.",
    "Follow-up talks are planned for March.",
    "Research by the State Audit Office found that the agency had met only three of 40 targets.",
    "Polls closed --> counting began at once in every district.",
    "Photos: protesters gathered outside the ministry on Friday as police watched from a distance.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line):
    kind, _ = _classify(line.lstrip("\u2022 "))
    assert kind != "body"


@pytest.mark.parametrize("line", BODY_LINES)
def test_sentences_are_never_furniture(line):
    kind, _ = _classify(line)
    assert kind == "body"


def test_no_body_sentence_is_lost_among_furniture():
    """Interleave body lines with furniture: every body line comes back, in order."""
    parts = []
    for k, line in enumerate(BODY_LINES):
        parts.append(line)
        parts.append(FURNITURE[k % len(FURNITURE)])
    text = "\n\n".join(parts)
    r = clean_text(text)
    assert _stripped_lines(r.body) == BODY_LINES
    _assert_maps(r.body, text, r.segments)
    assert body_segments(r.body, text) == list(r.segments)


# --------------------------------------------------------------------------
# Header: title, dek, byline, captions
# --------------------------------------------------------------------------


def test_us_style_page():
    text = (DATA / "scraped_us_style.txt").read_text(encoding="utf-8")
    r = clean_text(text)
    assert r.title == "Council delays vote on transit plan"
    assert r.dek == "City leaders want more time to study costs before committing to the line"
    assert r.author == "Dana Whitfield and Omar Haddad"
    assert r.date is None
    assert r.updated.isoformat() == "2023-06-13T18:45:00-04:00"
    assert r.image_credit == "Jordan Pike / The Riverside Courier (fictional)"
    assert r.captions == ("Councilmembers gather before the session on Tuesday.",)
    assert r.body.startswith("The Riverside city council on Tuesday postponed")
    assert r.body.endswith("more than the city can afford.")
    assert "\nWhat comes next\n" in r.body  # a subheading stays
    assert "Story continues below advertisement" in r.boilerplate
    _assert_whole_lines(r.body, text)
    _assert_maps(r.body, text, r.segments)


def test_tabloid_style_page():
    """Masthead, menu and section label above the title; two dates on one line; a link list at the end."""
    text = (DATA / "scraped_tabloid_style.txt").read_text(encoding="utf-8")
    r = clean_text(text)
    assert r.title == "Ferry strike leaves 2,000 holidaymakers stranded on Calloway island"
    assert r.dek is None
    assert r.author == "Petra Nilsen"
    assert r.date.isoformat() == "2024-08-02T07:30:00+01:00"
    assert r.updated.isoformat() == "2024-08-02T09:15:00+01:00"
    assert r.image_credit == "Bugle Pictures / Sam Rowe"
    assert r.captions == ("Passengers wait at the ferry terminal in Port Ellis on Friday morning.",)
    assert _stripped_lines(r.body) == [
        "Thousands of holidaymakers were stuck on Calloway island today after ferry crews walked out.",
        '"We have no idea when we will get home," said teacher Mia Grant, 34.',
        'The ferry operator said it was "doing everything possible" to restore services by Sunday.',
    ]
    for line in ("THE MORNING BUGLE", "WORLD NEWS", "Most read", "1. Heatwave warning extended to Tuesday",
                 "Why your holiday might cost more this year", "Comments (43)", "Join the conversation"):
        assert line in r.boilerplate
    kinds = {text[a:b]: k for k, a, b in r.removed}
    assert kinds["WORLD NEWS"] == "kicker" and kinds["2. Lottery winner, 19, buys his old school"] == "related"
    _assert_maps(r.body, text, r.segments)


def test_link_list_needs_headlines_only():
    text = "Body one.\n\nRelated\n\nThe minister resigned on Friday, aides said.\n\nShort headline here"
    r = clean_text(text)
    assert r.body == "Body one.\n\nThe minister resigned on Friday, aides said.\n\nShort headline here"
    assert r.boilerplate == ("Related",)


def test_kicker_and_known_title():
    text = "Essays\nWhen insurers retreat\nThe floods exposed how far cover has withdrawn.\nMore text."
    r = clean_text(text, title="When insurers retreat")
    assert r.title == "When insurers retreat"
    assert r.body == "The floods exposed how far cover has withdrawn.\nMore text."
    assert clean_text(text).body == text


def test_caption_and_credit_on_one_line():
    text = ("Title of the story\nBy Ann Lee\n\nPhotograph: The minister leaving on Thursday. Example Pictures\n\n"
            "The body.")
    r = clean_text(text)
    assert r.image_credit == "Example Pictures" and r.body == "The body."


def test_title_and_byline_without_dek():
    text = "Ukraine says talks stalled\nBy Jane Smith and John Doe\nKYIV (Reuters) - Ukraine said talks had stalled."
    r = clean_text(text)
    assert (r.title, r.dek, r.author) == ("Ukraine says talks stalled", None, "Jane Smith and John Doe")
    assert r.body == "KYIV (Reuters) - Ukraine said talks had stalled."


def test_body_paragraph_before_an_ad_is_not_a_title():
    text = "The talks were short.\n\nAdvertisement\n\nThey failed."
    r = clean_text(text)
    assert r.title is None and r.body == "The talks were short.\n\nThey failed."


def test_no_dek_without_header_furniture():
    """A photo credit alone does not turn a first paragraph into a dek."""
    text = "Background\n\nThe talks began in 2019.\n\nPhoto: Reuters\n\nThey stalled in 2021."
    r = clean_text(text)
    assert "The talks began in 2019." in r.body
    assert r.dek is None
    assert r.image_credit == "Reuters"


def test_paragraph_after_byline_is_not_a_caption():
    text = "Title here\nBy Ann Lee\nThe first paragraph is a sentence.\nPhoto: AP\nThe second paragraph."
    r = clean_text(text)
    assert r.title == "Title here"
    assert "The first paragraph is a sentence." in r.body


def test_known_title_first_line():
    text = "Talks fail\n\nOfficials said the talks failed."
    assert clean_text(text).body == text
    r = clean_text(text, title="Talks  fail")
    assert r.title == "Talks fail" and r.body == "Officials said the talks failed."
    assert r.title_span == (0, 10)


@pytest.mark.parametrize(
    "line,name",
    [
        ("Produced by Ann Lee. Written by Bo Park. Cameras by Cy Dunn.", "Ann Lee"),
        ("Additional reporting by Ann Lee in Delhi", "Ann Lee"),
        ("(Writing by Ann Lee; Additional reporting by Bo Park in Oslo; Editing by Cy Dunn)", "Ann Lee"),
        ("(Reporting by VPA staff; editing by Example Ledger)", ""),
        ("Research by the State Audit Office found that the agency missed its targets.", None),
        ("Reporting by the agency showed a rise in cases.", None),
    ],
)
def test_credit_lines(line, name):
    from biaskit.clean import _credits

    assert _credits(line) == name


def test_gallery_links_give_no_credit():
    assert _image_credit("PHOTOS: Best bridges ever built") == ""
    assert _image_credit("Photo by Ann Lee/Example Images.") == "Ann Lee/Example Images"


def test_reuters_credit_line_gives_author():
    text = "Ukraine said talks stalled.\n(Reporting by Jane Smith in Kyiv; Editing by Alex Richardson)"
    r = clean_text(text)
    assert r.author == "Jane Smith"
    assert r.body == "Ukraine said talks stalled."


@pytest.mark.parametrize(
    "line,name",
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("Reported by: Dipaneeta Das", "Dipaneeta Das"),
        ("Written by Ann-Marie O'Neil", "Ann-Marie O'Neil"),
        ("By Kevin Liptak, CNN", "Kevin Liptak"),
        ("By Jane Doe | The Daily Example", "Jane Doe"),
        ("Author: Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("By \u0141ukasz \u017bak", "\u0141ukasz \u017bak"),
        ("By the time we arrived", None),
        ("By Washington standards, this is cheap.", None),
        ("By 2030 the plant will close.", None),
        ("By John Smith. He said the plan would fail. Others agreed.", None),
        ("By Super Tuesday, most expect two or three candidates to be left.", None),
        ("By Anthony Example, senior North America correspondent", "Anthony Example"),
    ],
)
def test_bylines(line, name):
    assert _byline(line) == name


@pytest.mark.parametrize(
    "line,credit",
    [
        ("IMAGE: AP | Image: self", "AP"),
        ("(Image: AP)", "AP"),
        ("Photo: Reuters", "Reuters"),
        ("Getty Images", "Getty Images"),
        ("(AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
        ("Photograph: Sergei Supinsky/AFP/Getty Images", "Sergei Supinsky/AFP/Getty Images"),
        ("Image: self", ""),
        ("Photos show the damage.", None),
        ("Photo: Protesters gathered outside the parliament building on Friday as police watched from a distance.", None),
        ("Pictures from the scene were shared widely: many were fake.", None),
    ],
)
def test_image_credits(line, credit):
    assert _image_credit(line) == credit


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "s,iso",
    [
        ("08:16 IST, February 12th 2022", "2022-02-12T08:16:00+05:30"),
        ("Feb. 3, 2021, 5:04 p.m. EST", "2021-02-03T17:04:00-05:00"),
        ("6:45 PM EDT, Tue June 13, 2023", "2023-06-13T18:45:00-04:00"),
        ("Sat 12 Feb 2022 08.16 GMT", "2022-02-12T08:16:00+00:00"),
        ("12 February 2022 10:00 CET", "2022-02-12T10:00:00+01:00"),
        ("Saturday, 12 February 2022", "2022-02-12T00:00:00"),
        ("2022-02-12T08:16:00+05:30", "2022-02-12T08:16:00+05:30"),
        ("2022-02-12T02:46:00Z", "2022-02-12T02:46:00+00:00"),
        ("February 12, 2022 08:16 UTC+5:30", "2022-02-12T08:16:00+05:30"),
        ("25/12/2021", "2021-12-25T00:00:00"),
        ("12:30 am PST, Jan 1 2020", "2020-01-01T00:30:00-08:00"),
    ],
)
def test_parse_date_text(s, iso):
    assert parse_date_text(s).isoformat() == iso


@pytest.mark.parametrize(
    "s",
    ["The talks ended on 3 February 2021", "February", "12/11/2021", "31 February 2022", "08:16 XYZ, Feb 12 2022", ""],
)
def test_parse_date_text_rejects(s):
    assert parse_date_text(s) is None


def test_parse_date_text_dayfirst():
    assert parse_date_text("12/11/2021", dayfirst=True).month == 11
    assert parse_date_text("12/11/2021", dayfirst=False).month == 12


def test_date_lines_in_text():
    text = "Posted on: March 3, 2023 at 9:15 am PST\nLast updated: March 3, 2023 at 11:00 am PST\nThe storm hit."
    r = clean_text(text)
    assert r.date.isoformat() == "2023-03-03T09:15:00-08:00"
    assert r.updated.isoformat() == "2023-03-03T11:00:00-08:00"
    assert r.body == "The storm hit."


def test_timezone_table():
    tz = timezone_offsets()
    assert tz["IST"] == timedelta(hours=5, minutes=30)
    assert tz["EDT"] == timedelta(hours=-4) and tz["PST"] == timedelta(hours=-8)
    assert tz["CEST"] == timedelta(hours=2) and tz["BST"] == timedelta(hours=1)
    assert len(set(tz)) == len(tz) > 30


# --------------------------------------------------------------------------
# Alignment and scale
# --------------------------------------------------------------------------


def test_body_segments_rejects_foreign_body():
    with pytest.raises(ValueError, match="not a line of the text"):
        body_segments("A line that is not there.", "Another text.")


def test_body_segments_greedy_with_repeated_lines():
    text = "Advertisement\nSame line.\nShare\nSame line.\nEnd."
    r = clean_text(text)
    assert r.body == "Same line.\n\nSame line.\nEnd."
    segs = body_segments(r.body, text)
    _assert_maps(r.body, text, segs)
    # the second "Same line." maps to its second occurrence
    b, t = max(s for s in segs if s[0] <= r.body.rindex("Same"))
    assert t + r.body.rindex("Same") - b == text.rindex("Same")


def test_large_text_is_linear():
    """A 5 MB article (many paragraphs and one very long line) is cleaned whole."""
    para = "The council met on Tuesday and said the vote would be delayed by several weeks. " * 6
    text = "Advertisement\n" + "\n\n".join([para.strip()] * 9000) + "\n" + "word " * 200_000
    assert len(text) > 5_000_000
    r = clean_text(text)
    assert r.boilerplate == ("Advertisement",)
    assert len(r.body) == len(text) - len("Advertisement\n") - 1  # the trailing space of the last line
    segs = body_segments(r.body, text)
    assert segs == [(0, len("Advertisement\n"))]
