"""Behaviour shared by the sub-commands: where output may go, user mistakes."""

from __future__ import annotations

import pandas as pd
import pytest

from biaskit.cli.main import main

ARTICLES = pd.DataFrame({
    "id": ["a1", "a2"],
    "outlet": ["Ledger", "Klaxon"],
    "text": ["The minister said the talks had failed. Officials were alarmed.",
             "Prices rose sharply on Monday, the central bank said in a statement."],
})


def _cli(argv, capsys):
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_output_may_not_overwrite_the_input(tmp_path, capsys):
    src = tmp_path / "articles.csv"
    ARTICLES.to_csv(src, index=False)
    before = src.read_bytes()
    code, _, err = _cli(["features", str(src), "-o", str(src), "--no-progress"], capsys)
    assert code == 2
    assert "is the input file" in err and "Traceback" not in err
    assert src.read_bytes() == before


def test_output_inside_the_input_folder_is_refused_unless_hidden_from_the_reader(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    ARTICLES.to_csv(folder / "articles.csv", index=False)
    code, _, err = _cli(["features", str(folder), "-o", str(folder / "features.csv"), "--no-progress"], capsys)
    assert code == 2 and "inside the input folder" in err
    assert not (folder / "features.csv").exists()
    # a name starting with "_" is never read as articles: allowed
    code, _, err = _cli(["features", str(folder), "-o", str(folder / "_features.csv"), "--no-progress"], capsys)
    assert code == 0, err
    assert len(pd.read_csv(folder / "_features.csv")) == 2


@pytest.mark.parametrize("command", ["features", "attributions", "vocabulary"])
def test_output_format_errors_are_one_line(tmp_path, capsys, command):
    src = tmp_path / "articles.csv"
    ARTICLES.to_csv(src, index=False)
    code, _, err = _cli([command, str(src), "-o", str(tmp_path / "out.xyz")], capsys)
    assert code == 2
    assert "cannot tell the output format" in err and len(err.strip().splitlines()) == 1


def test_features_keep_carries_a_story_column_for_compare_within(tmp_path, capsys):
    rows = []
    for k in range(12):
        for outlet in ("Ledger", "Klaxon"):
            tone = "terrible, disastrous and shameful" if outlet == "Klaxon" else "calm and orderly"
            rows.append({"id": f"{outlet}-{k}", "outlet": outlet, "event": f"e{k}",
                         "text": f"The council met on day {k}. Officials said the meeting was {tone}."})
    src = tmp_path / "articles.csv"
    pd.DataFrame(rows).to_csv(src, index=False)
    feats = tmp_path / "features.csv"
    code, _, err = _cli(["features", str(src), "-o", str(feats), "--families", "sentiment", "--no-progress"],
                        capsys)
    assert code == 0, err
    # without the story column: a one-line message that says how to keep it
    code, _, err = _cli(["compare", str(feats), "--within", "event", "-o", str(tmp_path / "c.csv")], capsys)
    assert code == 2 and "--keep event" in err and len(err.strip().splitlines()) == 1
    code, _, err = _cli(["features", str(src), "-o", str(feats), "--families", "sentiment", "--keep", "event",
                         "--no-progress"], capsys)
    assert code == 0, err
    table = pd.read_csv(feats)
    assert table.columns[-1] == "event" and list(table.columns[:5]) == ["id", "outlet", "date", "title", "status"]
    code, _, err = _cli(["compare", str(feats), "--within", "event", "-o", str(tmp_path / "c.csv"),
                         "--n-boot", "200"], capsys)
    assert code == 0, err
    res = pd.read_csv(tmp_path / "c.csv")
    assert "paired_mean_difference" in set(res["statistic"])


def test_features_keep_unknown_column_is_a_clear_error(tmp_path, capsys):
    src = tmp_path / "articles.csv"
    ARTICLES.to_csv(src, index=False)
    code, _, err = _cli(["features", str(src), "-o", str(tmp_path / "f.csv"), "--keep", "evnt"], capsys)
    assert code == 2 and "'evnt'" in err and "Traceback" not in err


def test_wordlists_option_reaches_the_extractor(tmp_path, capsys):
    # "the Harbor Ledger" is a media relay only once a word list names it as an outlet
    src = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["x"], "outlet": ["Klaxon"],
                  "text": ["The mayor resigned on Monday, the Harbor Clarion reported, citing two aides."]}
                 ).to_csv(src, index=False)
    wl = tmp_path / "_lists.csv"
    wl.write_text("list,name,kind\noutlets,The Harbor Clarion,media\n", encoding="utf-8")
    col = "sourcing.second_hand_share"
    out = tmp_path / "f.csv"
    assert _cli(["features", str(src), "-o", str(out), "--families", "sourcing", "--no-progress"], capsys)[0] == 0
    assert pd.read_csv(out)[col].iloc[0] == 0
    code, _, err = _cli(["features", str(src), "-o", str(out), "--families", "sourcing", "--no-progress",
                         "--wordlists", str(wl)], capsys)
    assert code == 0, err
    assert pd.read_csv(out)[col].iloc[0] == 1


@pytest.mark.parametrize("suffix", [".tsv", ".parquet"])
def test_attribution_table_in_every_table_format_reads_back(tmp_path, capsys, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    from biaskit.extract.sourcing_table import read_attribution_table

    src = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["x"], "outlet": ["Klaxon"],
                  "text": ['"We are alarmed," the minister said, according to Reuters.']}).to_csv(src, index=False)
    out = tmp_path / f"att{suffix}"
    code, _, err = _cli(["attributions", str(src), "-o", str(out), "--quiet"], capsys)
    assert code == 0, err
    back = read_attribution_table(out)
    assert back["speaker"].tolist() == ["minister"]
    assert back["via"].tolist() == [["Reuters"]]


def test_report_of_unmeasurable_articles_warns(tmp_path, capsys):
    src = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["a", "b"], "outlet": ["X", "Y"], "text": ["  ", ""]}).to_csv(src, index=False)
    code, _, err = _cli(["report", str(src), "-o", str(tmp_path / "r.html"), "--no-progress"], capsys)
    assert code == 0
    assert "warning: No article could be measured" in err
