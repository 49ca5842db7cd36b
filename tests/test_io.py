"""Tests of biaskit.io: every input form, every bad input, safe table writing."""

from __future__ import annotations

import gzip
import json
import warnings
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from _paths import SHARED  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit.errors import BiaskitError, InputError
from biaskit.io import (
    UNKNOWN_OUTLET,
    InputWarning,
    read_articles,
    read_table,
    safe_filename,
    write_table,
)
from biaskit.records import ARTICLE_COLUMNS

DATA = Path(__file__).resolve().parent / "data"

RECORDS = [
    {"id": "a1", "outlet": "The Daily", "date": "2022-02-12T08:16:00+05:30", "title": "Talks fail",
     "text": "Officials said the talks failed.\n\nAdvertisement\n\nMore talks are planned.", "event": 1},
    {"id": "a2", "outlet": "Evening Post", "date": "2022-02-12T09:00:00+05:30", "title": "Talks, again",
     "text": "=HYPERLINK(\"x\") is not a formula here.", "event": 2},
    {"id": "a3", "outlet": "The Daily", "date": "2022-02-13T10:00:00+05:30", "title": None,
     "text": "A third, short article.", "event": 1},
]


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        return fn(*args, **kwargs)


def _check_canonical(df: pd.DataFrame, n: int) -> None:
    assert len(df) == n
    assert tuple(df.columns[:6]) == ARTICLE_COLUMNS
    assert list(df.columns[6:12]) == ["dek", "author", "updated", "image_credit", "date_offset", "duplicate_id"]
    assert df["duplicate_id"].dtype == bool


def _write(fmt: str, path: Path, records=RECORDS) -> Path:
    df = pd.DataFrame(records)
    if fmt == "csv":
        df.to_csv(path, index=False)
    elif fmt == "tsv":
        df.to_csv(path, index=False, sep="\t")
    elif fmt == "csv.gz":
        path.write_bytes(gzip.compress(df.to_csv(index=False).encode()))
    elif fmt in ("jsonl", "jsonl.gz"):
        data = "\n".join(json.dumps(r) for r in records).encode()
        path.write_bytes(gzip.compress(data) if fmt.endswith("gz") else data)
    elif fmt == "json":
        path.write_text(json.dumps(records))
    elif fmt == "json-articles":
        path.write_text(json.dumps({"source": "test", "articles": records}))
    elif fmt == "parquet":
        df.to_parquet(path)
    return path


FORMATS = {"csv": "a.csv", "tsv": "a.tsv", "csv.gz": "a.csv.gz", "jsonl": "a.jsonl", "jsonl.gz": "a.jsonl.gz",
           "json": "a.json", "json-articles": "a.json", "parquet": "a.parquet"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_table_format(fmt, tmp_path):
    path = _write(fmt, tmp_path / FORMATS[fmt])
    df = read_articles(path)
    _check_canonical(df, len(RECORDS))
    assert df["id"].tolist() == ["a1", "a2", "a3"]
    assert df["outlet"].tolist() == ["The Daily", "Evening Post", "The Daily"]
    assert df["text"].tolist() == [r["text"] for r in RECORDS]
    assert df.loc[0, "body"] == "Officials said the talks failed.\n\nMore talks are planned."
    assert df.loc[1, "body"] == RECORDS[1]["text"]
    assert df["event"].tolist() == [1, 2, 1]  # other columns kept
    assert str(df["date"].dt.tz) == "UTC+05:30"
    assert df.loc[0, "date"].isoformat() == "2022-02-12T08:16:00+05:30"
    assert df["date_offset"].tolist() == ["+05:30"] * 3
    assert pd.isna(df.loc[2, "title"])
    assert not df["duplicate_id"].any()


def test_dataframe_input_and_column_mapping():
    src = pd.DataFrame({"Story": ["One text.", "Two text."], "Paper": ["A", "B"], "When": ["2020-01-02", None],
                        "Head": ["H1", "H2"], "Key": [10, 11], "extra": ["x", "y"]})
    df = read_articles(src, text="Story", outlet="paper", date="When", title="Head", id="Key")
    _check_canonical(df, 2)
    assert df["id"].tolist() == ["10", "11"]
    assert df["outlet"].tolist() == ["A", "B"]
    assert df["title"].tolist() == ["H1", "H2"]
    assert df.loc[0, "date"] == pd.Timestamp("2020-01-02") and pd.isna(df.loc[1, "date"])
    assert df["extra"].tolist() == ["x", "y"]
    assert src.columns.tolist() == ["Story", "Paper", "When", "Head", "Key", "extra"]  # input untouched


def test_recognised_column_names():
    src = pd.DataFrame({"Content": ["Body text."], "Publication": ["P"], "pubdate": ["March 3, 2021"],
                        "Headline": ["H"]}, index=["row-7"])
    df = read_articles(src)
    assert df.loc[0, ["id", "outlet", "title", "text"]].tolist() == ["row-7", "P", "H", "Body text."]
    assert df.loc[0, "date"] == pd.Timestamp("2021-03-03")


def test_missing_explicit_column_lists_columns():
    src = pd.DataFrame({"content": ["x"], "paper": ["A"]})
    with pytest.raises(InputError, match=r"no column 'outlet_name'.*columns found: content, paper"):
        read_articles(src, outlet="outlet_name")


def test_no_text_column(tmp_path):
    path = tmp_path / "t.csv"
    pd.DataFrame({"headline": ["h"], "outlet": ["o"]}).to_csv(path, index=False)
    with pytest.raises(InputError, match=r"t\.csv.*text column.*columns found: headline, outlet"):
        read_articles(path)


def test_no_outlet_column_warns_and_fills():
    with pytest.warns(InputWarning, match=r"no outlet column.*columns found: text"):
        df = read_articles(pd.DataFrame({"text": ["a b c", "d e"]}))
    assert df["outlet"].tolist() == [UNKNOWN_OUTLET] * 2


def test_blank_outlet_values_warn():
    with pytest.warns(InputWarning, match=r"1 article\(s\) have an empty outlet.*b"):
        df = read_articles(pd.DataFrame({"id": ["a", "b"], "text": ["x", "y"], "outlet": ["O", " "]}))
    assert df["outlet"].tolist() == ["O", UNKNOWN_OUTLET]


def test_ids_from_table_name_and_position(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"text": ["a", "b"], "outlet": ["o", "o"]}).to_csv(path, index=False)
    df = read_articles(path)
    assert df["id"].tolist() == ["news.csv:0", "news.csv:1"]
    assert df["source_file"].tolist() == ["news.csv"] * 2


# --------------------------------------------------------------------------
# Bad inputs: an error naming the file, or a flagged row
# --------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file or folder: .*nope.csv"):
        read_articles(tmp_path / "nope.csv")


def test_unknown_format(tmp_path):
    path = tmp_path / "story.docx"
    path.write_text("hello")
    with pytest.raises(InputError, match=r"story\.docx: unknown format '\.docx'"):
        read_articles(path)


@pytest.mark.parametrize("name,content", [("e.csv", b""), ("e.jsonl", b"\n\n"), ("e.txt", b"  \n\t\n"),
                                          ("e.json", b"[]"), ("h.csv", b"id,text,outlet\n")])
def test_empty_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=name.replace(".", r"\.")):
        read_articles(path)


@pytest.mark.parametrize("name,content", [("b.csv", b"id,text\n1,\x00\x01\x02\x00binary"),
                                          ("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
                                          ("b.jsonl", b"PK\x03\x04zipzip")])
def test_binary_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=name.replace(".", r"\.") + ".*(binary|not text)"):
        read_articles(path)


def test_damaged_parquet(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(InputError, match=r"bad\.parquet"):
        read_articles(path)


def test_bad_json_line_names_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "ok", "outlet": "o"}\n{"text": broken}\n')
    with pytest.raises(InputError, match=r"x\.jsonl, line 2"):
        read_articles(path)


def test_cp1252_fallback_warns_and_decodes(tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes("id,outlet,text\n1,O,\u201cCaf\u00e9\u201d \u2013 na\u00efve\n".encode("cp1252"))
    with pytest.warns(InputWarning, match=r"w\.csv is not valid UTF-8.*cp1252"):
        df = read_articles(path)
    assert df.loc[0, "text"] == "\u201cCaf\u00e9\u201d \u2013 na\u00efve"


def test_undecodable_bytes_fall_back_to_latin1(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes(b"Bytes \x81\x8d that no code page defines, and \xe9t\xe9.")
    with pytest.warns(InputWarning, match=r"u\.txt.*latin-1"):
        df = read_articles(path)
    assert len(df) == 1 and df.loc[0, "text"].endswith("\u00e9t\u00e9.")


def test_explicit_wrong_encoding_is_an_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("caf\u00e9".encode("utf-8"))
    with pytest.raises(InputError, match=r"x\.txt: not valid ascii"):
        read_articles(path, encoding="ascii")
    with pytest.raises(InputError, match="unknown encoding"):
        read_articles(path, encoding="no-such-codec")


def test_utf8_bom(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid,outlet,text\n7,O,Hello.\n")
    df = read_articles(path)
    assert df.loc[0, "id"] == "7" and df.loc[0, "text"] == "Hello."


def test_empty_and_whitespace_texts_are_kept(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text('id,outlet,text\n1,O,\n2,O,"   \n  "\n3,O,Real text.\n')
    with pytest.warns(InputWarning, match=r"2 article\(s\) have an empty or whitespace-only text"):
        df = read_articles(path)
    assert len(df) == 3
    assert df["text"].tolist() == ["", "   \n  ", "Real text."]
    assert df["body"].tolist() == ["", "", "Real text."]


def test_duplicate_ids_kept_and_marked():
    src = pd.DataFrame({"id": ["x", "y", "x", "z", "x"], "text": list("abcde"), "outlet": ["o"] * 5})
    with pytest.warns(InputWarning, match=r"1 id\(s\) occur more than once \(3 rows"):
        df = read_articles(src)
    assert len(df) == 5
    assert df["duplicate_id"].tolist() == [True, False, True, False, True]


def test_five_megabyte_article(tmp_path):
    para = "The council met on Tuesday and said the vote would be delayed by several weeks. " * 6
    text = "Published 10:00 EST, March 3, 2021\n\n" + "\n\n".join([para.strip()] * 11000)
    assert len(text) > 5_000_000
    path = tmp_path / "big.txt"
    path.write_text(text)
    df = read_articles(path)
    assert len(df) == 1
    assert df.loc[0, "text"] == text
    assert df.loc[0, "body"] == text[text.index("The council"):]
    assert df.loc[0, "date"].isoformat() == "2021-03-03T10:00:00-05:00"


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def test_mixed_zones_go_to_utc_with_offsets():
    src = pd.DataFrame({"text": ["a", "b", "c", "d"], "outlet": ["o"] * 4,
                        "date": ["2022-02-12T08:16:00+05:30", "Feb 12, 2022 9:00 AM EST", None, "2022-02-12T00:00Z"]})
    df = read_articles(src)
    assert str(df["date"].dt.tz) == "UTC"
    assert df.loc[0, "date"] == pd.Timestamp("2022-02-12T02:46:00Z")
    assert df.loc[1, "date"] == pd.Timestamp("2022-02-12T14:00:00Z")
    assert pd.isna(df.loc[2, "date"])
    assert df["date_offset"].tolist()[:2] == ["+05:30", "-05:00"]
    assert df.loc[3, "date_offset"] == "+00:00" and pd.isna(df.loc[2, "date_offset"])


def test_unparseable_dates_warn_with_ids():
    src = pd.DataFrame({"id": ["k1", "k2"], "text": ["a", "b"], "outlet": ["o", "o"],
                        "date": ["2021-05-01", "sometime last spring"]})
    with pytest.warns(InputWarning, match=r"1 date\(s\) could not be read.*k2"):
        df = read_articles(src)
    assert df.loc[0, "date"] == pd.Timestamp("2021-05-01") and pd.isna(df.loc[1, "date"])


def test_day_first_column_is_detected():
    src = pd.DataFrame({"text": ["a", "b"], "outlet": ["o", "o"], "date": ["25/12/2021", "03/04/2021"]})
    df = read_articles(src)
    assert df["date"].tolist() == [pd.Timestamp("2021-12-25"), pd.Timestamp("2021-04-03")]


def test_input_date_wins_over_text_date():
    text = "Published 08:16 IST, February 12th 2022\n\nTitle line\n\nBy Ann Lee\n\nBody."
    df = read_articles(pd.DataFrame({"text": [text, text], "outlet": ["o", "o"], "date": ["2020-01-01T00:00:00Z", None]}))
    assert df.loc[0, "date"] == pd.Timestamp("2020-01-01T00:00:00Z")
    assert df.loc[1, "date"] == pd.Timestamp("2022-02-12T02:46:00Z")
    assert df["date_offset"].tolist() == ["+00:00", "+05:30"]
    assert df["title"].tolist() == ["Title line"] * 2 and df["author"].tolist() == ["Ann Lee"] * 2
    assert df["body"].tolist() == ["Body."] * 2


def test_datetime_column_kept():
    dates = pd.to_datetime(["2021-01-01 10:00", "2021-01-02 11:00"]).tz_localize("Europe/Paris")
    df = read_articles(pd.DataFrame({"text": ["a", "b"], "outlet": ["o", "o"], "date": dates}))
    assert df["date"].tolist() == list(dates)
    assert df["date_offset"].tolist() == ["+01:00", "+01:00"]


# --------------------------------------------------------------------------
# Text, HTML and folders
# --------------------------------------------------------------------------


def test_single_html_page():
    df = read_articles(DATA / "html_page.html")
    _check_canonical(df, 1)
    row = df.iloc[0]
    assert row["id"] == "html_page.html"
    assert row["title"] == "Harbor bridge reopens after repairs"
    assert row["author"] == "Maria Kovac"
    assert row["date"].isoformat() == "2023-05-04T09:30:00-04:00"
    assert row["updated"].isoformat() == "2023-05-04T11:05:00-04:00"
    assert row["outlet"] == "The Lakeside Ledger (fictional)"  # og:site_name when nothing else names it
    assert "<article>" in row["html"]
    assert "reopened to traffic on Thursday" in row["text"]
    assert row["body"].startswith("The Harbor Street bridge reopened")
    assert "Home" not in row["body"] and "All rights reserved" not in row["body"]
    assert "Deputy Mayor Alan Reyes" in row["body"]


def test_xhtml_with_xml_declaration(tmp_path):
    path = tmp_path / "page.xhtml"
    page = (DATA / "html_page.html").read_text()
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + page.split("\n", 1)[1])
    row = read_articles(path).iloc[0]
    assert row["title"] == "Harbor bridge reopens after repairs"
    assert row["body"].startswith("The Harbor Street bridge reopened")


def test_html_page_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><script>var x = 1;</script></body></html>")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(path)
    assert any("no article text could be extracted" in str(w.message) for w in caught)
    assert len(df) == 1 and df.loc[0, "body"] == ""


def test_single_scraped_text_file():
    df = read_articles(DATA / "scraped_us_style.txt")
    row = df.iloc[0]
    assert row["title"] == "Council delays vote on transit plan"
    assert row["author"] == "Dana Whitfield and Omar Haddad"
    assert row["outlet"] == UNKNOWN_OUTLET
    assert row["updated"].isoformat() == "2023-06-13T18:45:00-04:00"
    assert row["body"].startswith("The Riverside city council")


def test_markdown_heading_is_the_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Talks fail in Geneva\n\nOfficials said the talks failed.\n")
    row = read_articles(path).iloc[0]
    assert row["title"] == "Talks fail in Geneva"
    assert row["body"] == "Officials said the talks failed."


def test_seed_file_loads():
    seed = SHARED / "seed" / "000_49524e8554e2d548.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not available")
    exp = json.loads(seed.with_name("000_49524e8554e2d548.expected.json").read_text())["metadata"]
    row = read_articles(seed).iloc[0]
    assert row["title"] == exp["title"] and row["dek"] == exp["dek"] and row["author"] == exp["author"]
    assert row["date"].isoformat() == exp["published"]
    assert row["updated"].isoformat() == exp["updated"]
    assert row["date_offset"] == "+05:30"
    assert row["image_credit"] == exp["image_credit"]
    assert row["body"].startswith(exp["first_body_words"]) and row["body"].endswith(exp["last_body_words"])


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "daily").mkdir(parents=True)
    (root / "scraped").mkdir()
    (root / ".git").mkdir()
    (root / "daily" / "one.txt").write_text("First article.")
    (root / "daily" / "two.md").write_text("Second article.\n\nAdvertisement\n\nEnd.")
    (root / "scraped" / "page.html").write_text((DATA / "html_page.html").read_text())
    (root / "scraped" / "raw.txt").write_text((DATA / "scraped_us_style.txt").read_text())
    (root / "scraped" / "_outlets.csv").write_text("file,outlet,date\npage.html,Lakeside Ledger,\nraw.txt,Riverside Courier,2023-06-13\n")
    (root / "loose.txt").write_text("An article with no outlet.")
    pd.DataFrame({"id": ["t1", "t2"], "text": ["Table one.", "Table two."], "outlet": ["Wire", "Wire"],
                  "event": ["e1", "e2"]}).to_csv(root / "table.csv", index=False)
    for name in ("README.md", "LICENSE", "notes.json", "_draft.txt", ".hidden.txt"):
        (root / name).write_text("never an article")
    (root / ".git" / "config.txt").write_text("never an article")
    (root / "daily" / "photo.png").write_bytes(b"\x89PNG\r\n")
    return root


def test_folder(corpus):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(corpus)
    messages = " ".join(str(w.message) for w in caught)
    assert "skipped 1 file(s) of unknown format: daily/photo.png" in messages
    assert "loose.txt" in messages  # no outlet: said, not silent
    _check_canonical(df, 7)
    assert df["id"].tolist() == ["daily/one.txt", "daily/two.md", "loose.txt", "scraped/page.html",
                                 "scraped/raw.txt", "t1", "t2"]
    assert df["outlet"].tolist() == ["daily", "daily", UNKNOWN_OUTLET, "Lakeside Ledger", "Riverside Courier",
                                     "Wire", "Wire"]
    assert df.loc[1, "body"] == "Second article.\n\nEnd."
    assert df.loc[3, "title"] == "Harbor bridge reopens after repairs"
    assert "<article>" in df.loc[3, "html"] and pd.isna(df.loc[0, "html"])
    # mixed zones (the HTML page's -04:00, the sidecar's naive date) -> UTC, offsets kept
    assert df.loc[3, "date_offset"] == "-04:00"
    assert df.loc[4, "date"] == pd.Timestamp("2023-06-13", tz="UTC")
    assert df["source_file"].tolist()[-2:] == ["table.csv", "table.csv"]
    assert df["event"].tolist()[-2:] == ["e1", "e2"]


def test_empty_folder(tmp_path):
    (tmp_path / "README.md").write_text("# nothing here")
    with pytest.raises(InputError, match="no articles found"):
        read_articles(tmp_path)


def test_empty_text_file_in_folder_is_a_flagged_row(tmp_path):
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / "empty.txt").write_text("")
    (tmp_path / "o" / "full.txt").write_text("Text.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(tmp_path)
    messages = [str(w.message) for w in caught]
    assert any("o/empty.txt is empty" in m for m in messages)
    assert any("1 article(s) have an empty or whitespace-only text" in m for m in messages)
    assert df["text"].tolist() == ["", "Text."]


def test_sidecar_needs_file_column(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "_outlets.csv").write_text("name_of_thing,outlet\na.txt,O\n")
    with pytest.raises(InputError, match=r"_outlets\.csv: needs a 'file' column.*columns found: name_of_thing, outlet"):
        read_articles(tmp_path)


def test_sample_corpus_loads():
    sample = Path(__file__).resolve().parents[1] / "datasets" / "sample"
    if not any(sample.glob("*")):
        pytest.skip("datasets/sample is not there yet")
    df = _quiet(read_articles, sample)
    assert len(df) >= 1
    assert df["outlet"].notna().all() and df["body"].map(type).eq(str).all()


def test_not_a_source():
    with pytest.raises(InputError, match="cannot read articles from a int"):
        read_articles(42)
    assert issubclass(InputError, BiaskitError)


def test_no_clean_keeps_text():
    df = read_articles(pd.DataFrame({"text": ["Advertisement\nBody."], "outlet": ["o"]}), clean=False)
    assert df.loc[0, "body"] == "Advertisement\nBody."


# --------------------------------------------------------------------------
# write_table / read_table
# --------------------------------------------------------------------------

INJECTIONS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=tab", "\rcr", "'=already quoted",
              "''=x", "normal text", "it's fine", "", "a=b"]


@pytest.fixture()
def table():
    n = len(INJECTIONS)
    return pd.DataFrame({
        "speaker": INJECTIONS,
        "score": [-1.5] * n,
        "count": list(range(-3, n - 3)),
        "flag": [True, False] * (n // 2),
        "via": [("Russian media reports", "RIA Novosti")] + [()] * (n - 1),
        "content_spans": [((1, 5), (9, 12))] + [()] * (n - 1),
        "date": pd.to_datetime(["2022-02-12T08:16:00+05:30"] * n).tz_convert("UTC"),
    })


@pytest.mark.parametrize("ext", ["csv", "tsv", "parquet", "jsonl"])
def test_table_round_trip(table, tmp_path, ext):
    path = write_table(table, tmp_path / f"out.{ext}")
    back = read_table(path)
    assert len(back) == len(table)
    assert back["speaker"].fillna("").tolist() == INJECTIONS
    assert back["via"].tolist() == table["via"].tolist()
    assert back["content_spans"].tolist() == table["content_spans"].tolist()
    assert back["count"].tolist() == table["count"].tolist()
    assert back["score"].tolist() == table["score"].tolist()
    assert back["flag"].tolist() == table["flag"].tolist()
    assert list(back["date"]) == list(table["date"])


def test_csv_cells_are_neutralised(table, tmp_path):
    path = write_table(table, tmp_path / "out.csv")
    raw = pd.read_csv(path, keep_default_na=False, dtype=str)
    for cell in raw["speaker"]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert raw["count"].tolist()[0] == "-3"  # numbers untouched
    assert raw["score"].tolist()[0] == "-1.5"
    assert raw["via"].tolist()[0] == "Russian media reports > RIA Novosti"
    assert json.loads(raw["content_spans"].tolist()[0]) == [[1, 5], [9, 12]]


def test_write_table_unknown_format(table, tmp_path):
    with pytest.raises(BiaskitError, match="cannot tell the format"):
        write_table(table, tmp_path / "out.xlsx")


def test_articles_round_trip(tmp_path):
    df = read_articles(pd.DataFrame(RECORDS))
    back = read_table(write_table(df, tmp_path / "articles.csv"))
    assert back["text"].tolist() == df["text"].tolist()
    assert back["date"].tolist() == df["date"].tolist()
    again = _quiet(read_articles, tmp_path / "articles.csv")
    assert again["body"].tolist()[::2] == df["body"].tolist()[::2]
    # read_articles reads a CSV as given: only read_table undoes write_table's escapes
    assert again.loc[1, "text"] == "'" + RECORDS[1]["text"]


@pytest.mark.parametrize(
    "raw,safe",
    [("The Daily", "The_Daily"), ("../../etc/passwd", "etc_passwd"), ("CON", "_CON"), ("a/b\\c:d", "a_b_c_d"),
     ("", "_"), ("...", "_"), ("Le Monde diplomatique \u00e9dition", "Le_Monde_diplomatique_edition"),
     ("x" * 200, "x" * 80)],
)
def test_safe_filename(raw, safe):
    assert safe_filename(raw) == safe


def test_timedelta_helpers():
    from biaskit.io import _format_offset

    assert _format_offset(timedelta(hours=5, minutes=30)) == "+05:30"
    assert _format_offset(timedelta(hours=-3, minutes=-30)) == "-03:30"


def test_semicolon_separated_csv_is_read_with_a_warning(tmp_path):
    p = tmp_path / "excel.csv"
    p.write_text('id;outlet;text\na1;Daily;"The mayor said so; then left."\na2;Ledger;Prices rose.\n', encoding="utf-8")
    with pytest.warns(InputWarning, match="separated by ';'"):
        df = read_articles(p)
    assert list(df["id"]) == ["a1", "a2"] and df["text"].iloc[0] == "The mayor said so; then left."
    # a comma-separated file whose text holds semicolons is read as it is, without a warning
    q = tmp_path / "plain.csv"
    q.write_text('id,outlet,text\na1,Daily,"The mayor said so; then left."\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)
        assert read_articles(q)["text"].iloc[0] == "The mayor said so; then left."
