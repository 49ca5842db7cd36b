"""Data-set loaders: cache, opt-in download (never the network here), converters, shared copies.

The converters run on small hand-made files in the originals' layouts; the
download path runs with ``_fetch`` replaced by a local copy. Where the
project's ``../shared/datasets`` copies exist, the converters are also run on
originals rebuilt from them and must give back the very same records.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from _paths import SHARED as _SHARED_ROOT  # ../shared beside the checkout, or $BIASKIT_SHARED

from biaskit import datasets as ds
from biaskit.errors import BiaskitError, InputError

SHARED = _SHARED_ROOT / "datasets"


def shared(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not here (the shared data sets are optional)")
    return p


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty cache in tmp_path, and a fetch that fails the test if anything is downloaded."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("BIASKIT_DATA", str(cache))

    def no_network(url, dest):
        raise AssertionError(f"tried to download {url}")

    monkeypatch.setattr(ds, "_fetch", no_network)
    return cache


def serve(monkeypatch, files: dict[str, Path]) -> list[str]:
    """Make ``_fetch`` copy local files: URL suffix -> file. Returns the URLs fetched."""
    fetched: list[str] = []

    def fake_fetch(url, dest):
        for suffix, src in files.items():
            if url.endswith(suffix):
                fetched.append(url)
                shutil.copyfile(src, dest)
                return
        raise AssertionError(f"unexpected download {url}")

    monkeypatch.setattr(ds, "_fetch", fake_fetch)
    return fetched


def zip_folder(root: Path, archive: Path, top: str) -> Path:
    with zipfile.ZipFile(archive, "w") as z:
        for p in sorted(root.rglob("*")):
            if p.is_file():
                z.write(p, f"{top}/{p.relative_to(root).as_posix()}")
    return archive


def write(root: Path, rel: str, content: str | bytes) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return p


_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_xlsx(rows: list[list], *, sheet_file: str = "sheet1.xml") -> bytes:
    """A minimal workbook as Excel writes it: strings shared, numbers as values."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        out = []
        for c, v in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if v is None:
                continue
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                strings.append(v)
                out.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook {_NS} xmlns:r="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
                   '</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="x" '
                   f'Target="worksheets/{sheet_file}"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", f'<sst {_NS}>' + "".join(
            f'<si><t xml:space="preserve">{_esc(s)}</t></si>' for s in strings) + "</sst>")
        z.writestr(f"xl/worksheets/{sheet_file}", f'<worksheet {_NS}><sheetData>{"".join(cells)}'
                   "</sheetData></worksheet>")
    return buf.getvalue()


# --------------------------------------------------------------------------
# The cache folder and the resolution order
# --------------------------------------------------------------------------

def test_data_home_env_explicit_and_platform_default(tmp_path, monkeypatch):
    monkeypatch.setenv("BIASKIT_DATA", str(tmp_path / "env"))
    assert ds.data_home() == tmp_path / "env" and (tmp_path / "env").is_dir()
    assert ds.data_home(tmp_path / "given") == tmp_path / "given" and (tmp_path / "given").is_dir()
    monkeypatch.delenv("BIASKIT_DATA")
    monkeypatch.setattr(ds.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ds.data_home() == tmp_path / "xdg" / "biaskit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert ds._home() == tmp_path / "user" / ".cache" / "biaskit"
    (tmp_path / "afile").write_text("x")
    with pytest.raises(BiaskitError, match="not a folder"):
        ds.data_home(tmp_path / "afile")


LOADERS = [
    (lambda **kw: ds.load_polnear("dev", **kw), "polnear", "networkdynamics/PolNeAR"),
    (lambda **kw: ds.load_babe("sg2", **kw), "babe", "Media-Bias-Group/Neural-Media-Bias-Detection"),
    (lambda **kw: ds.load_article_bias_prediction(**kw), "article_bias_prediction", "ramybaly/Article-Bias"),
    (lambda **kw: ds.load_newsmtsc("dev_rw", **kw), "newsmtsc", "fhamborg/NewsMTSC"),
    (lambda **kw: ds.load_allsides_ratings(**kw), "allsides_ratings", "favstats/AllSideR"),
]


@pytest.mark.parametrize("load,name,repo", LOADERS, ids=[n for _, n, _ in LOADERS])
def test_nothing_is_downloaded_unless_asked(home, load, name, repo):
    with pytest.raises(BiaskitError) as err:
        load()
    msg = str(err.value)
    assert "download=True" in msg and f"https://github.com/{repo}" in msg
    assert "License:" in msg and DATASETS_COMMIT[name] in msg
    assert not home.exists()  # not even the cache folder is created


DATASETS_COMMIT = {name: info.commit for name, info in ds.DATASETS.items()}


def test_explicit_path_wins_and_missing_files_are_named(home, tmp_path):
    folder = tmp_path / "mine"
    write(folder, "dev_rw.jsonl", json.dumps({"sentence_id": "s", "label": "neutral"}) + "\n")
    write(home / "newsmtsc", "dev_rw.jsonl", json.dumps({"sentence_id": "cached"}) + "\n")
    assert ds.load_newsmtsc("dev_rw", path=folder).sentence_id.tolist() == ["s"]
    assert ds.load_newsmtsc("dev_rw", path=folder / "dev_rw.jsonl").sentence_id.tolist() == ["s"]
    assert ds.load_newsmtsc("dev_rw").sentence_id.tolist() == ["cached"]
    with pytest.raises(BiaskitError, match=r"no train\.jsonl in .*mine \(it holds: dev_rw\.jsonl\)"):
        ds.load_newsmtsc("train", path=folder)
    with pytest.raises(BiaskitError, match="does not exist"):
        ds.load_newsmtsc("train", path=tmp_path / "nowhere")
    with pytest.raises(BiaskitError, match="unknown part 'dev'.*'dev_mt'"):
        ds.load_newsmtsc("dev")
    with pytest.raises(BiaskitError, match="unknown data set"):
        ds.dataset_path("nope")
    write(folder, "bad.jsonl", '{"a": 1}\n{"a": \n')
    with pytest.raises(InputError, match=r"bad\.jsonl, line 2: not valid JSON"):
        ds.load_newsmtsc(path=folder / "bad.jsonl")


def test_real_fetch_reads_urls_and_fails_clearly(tmp_path):
    src = write(tmp_path, "src.bin", b"abc" * 1000)
    ds._fetch(src.as_uri(), tmp_path / "copy.bin")
    assert (tmp_path / "copy.bin").read_bytes() == src.read_bytes()
    with pytest.raises(BiaskitError, match="could not download .*missing.bin"):
        ds._fetch((tmp_path / "missing.bin").as_uri(), tmp_path / "out.bin")


# --------------------------------------------------------------------------
# PolNeAR: brat standoff -> JSON Lines
# --------------------------------------------------------------------------

TEXT_A = ("Trump said the plan was \u201cdead.\u201d Aides, officials said, disagreed.\n\n"
          "\u201cNo,\u201d Clinton replied. Read more here.")
TEXT_B = "Nobody was quoted here.\n"


def off(text: str, sub: str, nth: int = 0) -> str:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return f"{i} {i + len(sub)}"


def polnear_original(root: Path) -> Path:
    t = TEXT_A
    ann_4b22 = "\n".join([
        f"T1\tSource {off(t, 'Trump')}\tTrump",
        f"T2\tCue {off(t, 'said')}\tsaid",
        f"T3\tContent {t.index('the plan')} {t.index('.”') + 2}\tthe plan was \u201cdead.\u201d",
        f"T4\tAttribution {off(t, 'said')}\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        # a discontinuous content, fragments listed out of text order
        f"T5\tContent {off(t, 'disagreed')};{off(t, 'Aides')}\tdisagreed Aides",
        f"T6\tSource {off(t, 'officials')}\tofficials",
        f"T7\tCue {off(t, 'said', 1)}\tsaid",
        f"T8\tAttribution {off(t, 'said', 1)}\tsaid",
        "E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7",
        f"T9\tDiscuss {off(t, 'Read more here.')}\tRead more here.",
        "#1\tAnnotatorNotes T9\tkeep or drop?",
        f"T10\tSource {off(t, 'plan')}\tplan",
        f"T11\tAttribution-no-source {off(t, 'replied')}\treplied",
        "E3\tAttribution-no-source:T11",
        f"T12\tContent {off(t, '“No,”')}\t\u201cNo,\u201d",
        f"T13\tSource {off(t, 'Clinton')}\tClinton",
        f"T14\tCue {off(t, 'replied')}\treplied",
        f"T15\tAttribution {off(t, 'replied')}\treplied",
        "E4\tAttribution:T15 Content:T12 Source:T13 Cue:T14",
        "#2\tAnnotatorNotes E4\tsame speaker as E1?",
    ]) + "\n"
    ann_ef2d = (f"T1\tSource {off(t, 'Trump')}\tTrump\nT2\tCue {off(t, 'said')}\tsaid\n"
                f"T3\tAttribution {off(t, 'said')}\tsaid\nE1\tAttribution:T3 Source:T1 Cue:T2\n")
    header = ("compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
              "trump_count\tclinton_count\tcredit\twire\n")
    meta = header + "".join("\t".join(r) + "\n" for r in [
        ["annotator-training", "nyt_2016-03-11_practice", "None", "4b22", "nyt", "2016-03-11", "AP", "P",
         "0", "0", "None", "AP"],
        ["dev", "politico_2016-09-20_b", "3", "5fec", "politico", "2016-09-20", "", "Quiet \"day\"",
         "0", "0", "None", "None"],
        ["dev", "breitbart_2016-09-12_a", "4", "ef2d|4b22", "breitbart", "2016-09-12", "None", "Plan dead",
         "2", "1", "None", "NA"],
        ["train", "nyt_2016-01-02_c", "1", "d473", "nyt", "2016-01-02", "By X", "C", "1", "0", "None", "None"],
    ])
    write(root, "data/metadata.tsv", meta)
    write(root, "data/dev/text/breitbart_2016-09-12_a.txt", t)
    write(root, "data/dev/attributions/breitbart_2016-09-12_a_4b22.ann", ann_4b22)
    write(root, "data/dev/attributions/breitbart_2016-09-12_a_ef2d.ann", ann_ef2d)
    write(root, "data/dev/text/politico_2016-09-20_b.txt", TEXT_B)
    write(root, "data/dev/attributions/politico_2016-09-20_b_5fec.ann", "")
    write(root, "data/train/text/nyt_2016-01-02_c.txt", "C said so.")
    write(root, "data/train/attributions/nyt_2016-01-02_c_d473.ann", "T1\tSource 0 1\tC\n")
    write(root, "data/dev/corenlp/breitbart_2016-09-12_a.xml", "<root/>")
    return root


def test_polnear_download_converts_brat_into_records(home, tmp_path, monkeypatch):
    archive = zip_folder(polnear_original(tmp_path / "orig"), tmp_path / "polnear.zip", "PolNeAR-c3eee83")
    fetched = serve(monkeypatch, {".zip": archive})
    dev = ds.load_polnear("dev", download=True)
    assert fetched == ["https://github.com/networkdynamics/PolNeAR/archive/c3eee83.zip"]
    assert dev.id.tolist() == ["breitbart_2016-09-12_a", "politico_2016-09-20_b"]
    assert list(dev.columns) == ["id", "outlet", "outlet_name", "date", "title", "author", "split", "text",
                                 "annotator", "attributions", "annotator_marks", "unlinked_spans",
                                 "alternative_annotations", "meta"]
    a = dev.iloc[0]
    assert (a.outlet, a.outlet_name, a.date, a.author, a.split, a.text) == (
        "breitbart", "Breitbart", "2016-09-12", None, "dev", TEXT_A)
    assert a.annotator == "4b22" and [x["annotator"] for x in a.alternative_annotations] == ["ef2d"]
    assert a.meta == {"annotation_level": "4", "annotators_listed": ["ef2d", "4b22"], "trump_count": 2,
                      "clinton_count": 1, "credit": None, "wire": "NA",
                      "source_files": ["data/dev/text/breitbart_2016-09-12_a.txt",
                                       "data/dev/attributions/breitbart_2016-09-12_a_4b22.ann",
                                       "data/dev/attributions/breitbart_2016-09-12_a_ef2d.ann"]}
    atts = {x["id"]: x for x in a.attributions}
    # no source/cue/content sorts first; then by the first span's start
    assert [x["id"] for x in a.attributions] == ["E3", "E1", "E2", "E4"]
    for x in a.attributions:
        for role in ("source", "cue", "content", "content2", "anchor"):
            span = x[role]
            if span:
                assert TEXT_A[span["start"]:span["end"]] == span["text"]
                for f in span.get("fragments", []):
                    assert TEXT_A[f["start"]:f["end"]] == f["text"]
    e2 = atts["E2"]["content"]
    assert [f["text"] for f in e2["fragments"]] == ["Aides", "disagreed"]
    assert e2["text"] == "Aides, officials said, disagreed"
    assert atts["E1"]["source"]["text"] == "Trump" and atts["E1"]["anchor"]["text"] == "said"
    assert atts["E3"] == {"id": "E3", "event_type": "Attribution-no-source", "source": None, "cue": None,
                          "content": None, "content2": None,
                          "anchor": {"start": TEXT_A.index("replied"), "end": TEXT_A.index("replied") + 7,
                                     "text": "replied"},
                          "type": None, "derived_quote_form": None}
    assert [atts[e]["derived_quote_form"] for e in ("E1", "E2", "E4")] == ["mixed", "indirect", "direct"]
    assert atts["E4"]["notes"] == ["same speaker as E1?"] and "notes" not in atts["E1"]
    assert a.annotator_marks == [{"brat_id": "T9", "label": "Discuss", "notes": ["keep or drop?"],
                                  "span": {"start": TEXT_A.index("Read"), "end": len(TEXT_A),
                                           "text": "Read more here."}}]
    assert [(u["brat_id"], u["label"], u["span"]["text"]) for u in a.unlinked_spans] == [("T10", "Source", "plan")]
    b = dev.iloc[1]
    assert (b.author, b.title, b.attributions, b.alternative_annotations) == (None, 'Quiet "day"', [], [])

    folder = home / "polnear"
    assert sorted(p.name for p in folder.iterdir()) == ["SOURCE.json", "dev.jsonl", "train.jsonl"]
    manifest = json.loads((folder / "SOURCE.json").read_text())
    entry = manifest["files"][fetched[0]]
    assert entry["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert manifest["commit"] == "c3eee83" and "research" in manifest["license"]
    # from now on the cache answers, without any download
    monkeypatch.setattr(ds, "_fetch", lambda url, dest: pytest.fail("downloaded again"))
    assert ds.load_polnear("train").id.tolist() == ["nyt_2016-01-02_c"]
    with pytest.raises(BiaskitError, match=r"no test\.jsonl in"):
        ds.dataset_path("polnear", "test", path=folder)


def test_polnear_checksum_recorded_and_a_changed_original_refused(home, tmp_path, monkeypatch):
    root = polnear_original(tmp_path / "orig")
    archive = zip_folder(root, tmp_path / "a.zip", "PolNeAR-c3eee83")
    serve(monkeypatch, {".zip": archive})
    ds.load_polnear("dev", download=True)
    (home / "polnear" / "dev.jsonl").unlink()
    write(root, "data/dev/text/politico_2016-09-20_b.txt", "Changed upstream.\n")
    zip_folder(root, archive, "PolNeAR-c3eee83")
    with pytest.raises(BiaskitError, match=r"differs from the file first downloaded .*delete .*SOURCE\.json"):
        ds.load_polnear("dev", download=True)
    assert not (home / "polnear" / "dev.jsonl").exists()


def test_polnear_missing_annotation_file_and_failed_download_leave_no_half_files(home, tmp_path, monkeypatch):
    root = polnear_original(tmp_path / "orig")
    (root / "data/dev/attributions/breitbart_2016-09-12_a_ef2d.ann").unlink()
    serve(monkeypatch, {".zip": zip_folder(root, tmp_path / "a.zip", "PolNeAR-c3eee83")})
    with pytest.raises(InputError, match=r"metadata\.tsv, line 4: annotator ef2d is listed .* no "
                                         r"data/dev/attributions/breitbart_2016-09-12_a_ef2d\.ann"):
        ds.load_polnear("dev", download=True)
    assert sorted(p.name for p in (home / "polnear").iterdir()) == ["SOURCE.json", "raw"]

    def offline(url, dest):
        Path(dest).write_bytes(b"partial")
        raise BiaskitError(f"could not download {url} (no route). Are you offline?")

    monkeypatch.setattr(ds, "_fetch", offline)
    with pytest.raises(BiaskitError, match="Are you offline"):
        ds.load_newsmtsc(download=True)
    assert [p.name for p in (home / "newsmtsc" / "raw").rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("ann,message", [
    ("T1\tSource 0 500\tx\n", r"x\.ann, line 1: span 0-500 lies outside the article text"),
    ("T1\tSource 0 5\tBiden\n", r"line 1: the span text 'Biden' is not the article text at 0 5 \('Trump'\)"),
    ("T1\tSource 0 5\tTrump\nE1\tAttribution:T1 Speaker:T1\n", r"line 2: unknown role 'Speaker' in E1"),
    ("T1\tSource 0 5\tTrump\nE1\tAttribution:T1 Source:T9\n", r"line 2: E1 refers to T9, which is not defined"),
    ("T1\tSource 0 5\tTrump\nR1\tSame Arg1:T1 Arg2:T1\n", r"line 2: unsupported brat annotation"),
    ("T1\tSource zero 5\tTrump\n", r"line 1: cannot read the span"),
    ("#1\tAnnotatorNotes T7\tx\n", r"line 1: a note refers to T7"),
])
def test_brat_errors_name_the_file_and_line(ann, message):
    with pytest.raises(InputError, match=message):
        ds._parse_brat(ann, TEXT_A, "x.ann")


def test_brat_span_text_over_a_line_end_and_crlf():
    text = "He said:\r\nno.\r\n"
    parsed = ds._parse_brat("T1\tContent 0 13\tHe said:\r\nno.\r\nT2\tCue 3 7\tsaid\r\n", text, "y.ann")
    assert [u["span"]["text"] for u in parsed["unlinked_spans"]] == ["He said:\r\nno.", "said"]


def _brat_from_record(annotation: dict) -> str:
    """Rebuild a brat file from one annotation of the converted JSON (for the round trip)."""
    lines, taken = [], [int(m["brat_id"][1:]) for m in annotation["annotator_marks"] + annotation["unlinked_spans"]]
    next_id = max(taken, default=0) + 1

    def t_line(ident: str, label: str, span: dict) -> str:
        pieces = span.get("fragments") or [span]
        offsets = ";".join("%d %d" % (p["start"], p["end"]) for p in pieces)
        return f"{ident}\t{label} {offsets}\t" + " ".join(p["text"] for p in pieces)

    n_note = 0
    for m in annotation["annotator_marks"] + annotation["unlinked_spans"]:
        lines.append(t_line(m["brat_id"], m["label"], m["span"]))
        for note in m.get("notes", []):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {m['brat_id']}\t{note}")
    for a in annotation["attributions"]:
        args = []
        trigger = f"T{next_id}"
        next_id += 1
        lines.append(t_line(trigger, a["event_type"], a["anchor"]))
        for role, key in (("Source", "source"), ("Cue", "cue"), ("Content", "content"), ("Content2", "content2")):
            if a[key]:
                lines.append(t_line(f"T{next_id}", "Content" if key == "content2" else role, a[key]))
                args.append(f"{role}:T{next_id}")
                next_id += 1
        lines.append(f"{a['id']}\t{a['event_type']}:{trigger}" + "".join(" " + x for x in args))
        for note in a.get("notes", []):
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {a['id']}\t{note}")
    return "\n".join(lines) + "\n"


def test_polnear_converter_gives_back_the_shared_dev_records(tmp_path):
    """Originals rebuilt from the shared dev.jsonl convert back to the very same records."""
    records = [json.loads(line) for line in shared("polnear", "dev.jsonl").open(encoding="utf-8")]
    root = tmp_path / "orig"
    rows = []
    for r in records:
        m = r["meta"]
        rows.append(["dev", r["id"], m["annotation_level"] or "None", "|".join(m["annotators_listed"]), r["outlet"],
                     r["date"], r["author"] or "None", r["title"], str(m["trump_count"]), str(m["clinton_count"]),
                     m["credit"] or "None", m["wire"] or "None"])
        write(root, f"data/dev/text/{r['id']}.txt", r["text"])
        for ann in [r, *r["alternative_annotations"]]:
            write(root, f"data/dev/attributions/{r['id']}_{ann['annotator']}.ann", _brat_from_record(ann))
    write(root, "data/metadata.tsv", "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\t"
          "author\ttitle\ttrump_count\tclinton_count\tcredit\twire\n" + "".join("\t".join(x) + "\n" for x in rows))
    out = tmp_path / "out"
    out.mkdir()
    ds._convert_polnear(ds._FolderTree(root), out)
    converted = [json.loads(line) for line in (out / "dev.jsonl").open(encoding="utf-8")]

    forms = agree = 0
    for got, want in zip(converted, records, strict=True):
        for g_ann, w_ann in zip([got, *got["alternative_annotations"]], [want, *want["alternative_annotations"]],
                                strict=True):
            for g, w in zip(g_ann["attributions"], w_ann["attributions"], strict=True):
                forms += 1
                agree += g.pop("derived_quote_form") == w.pop("derived_quote_form")
        assert got == want, got["id"]
    assert len(converted) == 84 and agree / forms >= 0.99, (agree, forms)


# --------------------------------------------------------------------------
# BABE: semicolon CSVs and workbooks
# --------------------------------------------------------------------------

SG_HEADER = ["text", "news_link", "outlet", "topic", "type", "label_bias", "label_opinion", "biased_words"]


def semicolon_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    w.writerows([SG_HEADER, *rows])
    return buf.getvalue()


def babe_original(root: Path) -> Path:
    sg2 = []
    for i in range(10):
        sg2.append([f"Biased sentence {i}; with \"quotes\".", f"https://fox/{i}", "Fox News", "vaccines",
                    "right" if i % 2 else "", "Biased", "Expresses writer’s opinion", "['radical', 'mob']"])
        sg2.append([f"Plain sentence {i}.", "", "Reuters", "vaccine", "center", "Non-biased", "Entirely factual",
                    "[]"])
    sg2.append(["A lone one.", "", "Daily Beast", "blm", "", "No agreement", "No agreement", "[]"])
    sg1 = [["Biased sentence 3; with \"quotes\".", "https://fox/3", "fox-news", "vaccines", "right", "Biased",
            "Somewhat factual but also opinionated", "['radical']"],
           ["Only in SG1.", "https://reu/1", "reuters", "gun-control", "center", "Non-biased", "Entirely factual",
            "[]"]]
    mbic = make_xlsx([
        ["sentence", "news_link", "outlet", "topic", "type", "group_id", "num_sent", "Label_bias", "Label_opinion",
         "article", "biased_words4"],
        ["Biased sentence 3; with \"quotes\".", "https://fox/3", "Fox News", "vaccines", "right", 7, 1, "Biased",
         "Expresses writer’s opinion", "Full article one.", "['mob', 'radical']"],
        ["Another sentence.", "https://fox/3", "Fox News", "vaccines", "right", 7, 2, "Non-biased",
         "Entirely factual", "Full article one.", "[]"],
        ["A third.", "https://reu/9", "Reuters", "x", "center", 8, 1, "Biased", "Entirely factual",
         "Article two & more.", "[]"],
    ])
    lexicon = make_xlsx([["slavish"], ["  mob "], [None], ["slavish"], [1984], ["Radical"]])
    write(root, "data/final_labels_SG2.csv", semicolon_csv(sg2))
    write(root, "data/final_labels_SG1.csv", semicolon_csv(sg1))
    write(root, "data/final_labels_MBIC.xlsx", mbic)
    write(root, "data/bias_word_lexicon.xlsx", lexicon)
    return root


def test_babe_download_converts_csvs_and_workbooks(home, tmp_path, monkeypatch):
    root = babe_original(tmp_path / "orig")
    fetched = serve(monkeypatch, {p: root / p for p in ds._BABE_RAW})
    sg2 = ds.load_babe(download=True)
    assert len(fetched) == 4 and all("/fb79f646dcabf1746f5ebedc06ed8dd61ba78188/data/" in u for u in fetched)
    assert list(sg2.columns) == ["id", "text", "outlet", "outlet_bias", "outlet_bias_filled", "topic", "news_link",
                                 "label_bias", "label_opinion", "biased_words", "in_sg1", "fold"]
    first = sg2.iloc[0]
    assert first.text == 'Biased sentence 0; with "quotes".'
    assert first.id == "babe_" + hashlib.sha1(first.text.encode()).hexdigest()[:12]
    assert (first.outlet_bias, bool(first.outlet_bias_filled)) == ("right", True)
    assert (sg2.iloc[1].outlet_bias, bool(sg2.iloc[1].outlet_bias_filled)) == ("center", False)
    lone = sg2.iloc[-1]
    assert pd.isna(lone.outlet_bias) and not lone.outlet_bias_filled and pd.isna(lone.news_link)
    assert first.biased_words == ["radical", "mob"] and sg2.iloc[1].biased_words == []
    assert sg2.in_sg1.tolist() == [i == 6 for i in range(21)]
    # five folds, each label spread evenly over them
    counts = sg2[sg2.label_bias != "No agreement"].groupby(["fold", "label_bias"]).size()
    assert set(counts.index.get_level_values(0)) == {0, 1, 2, 3, 4} and set(counts) == {2}

    sg1 = ds.load_babe("sg1_mbic")
    assert sg1.outlet.tolist() == ["Fox News", "Reuters"]  # SG1's slugs get SG2's display names
    hit = sg1.iloc[0]
    assert (hit.label_bias_sg1, hit.label_bias_mbic, hit.biased_words_sg1, hit.biased_words_mbic,
            hit.mbic_group_id, bool(hit.in_babe_sg2)) == ("Biased", "Biased", ["radical"], ["mob", "radical"], 7, True)
    miss = sg1.iloc[1]
    assert pd.isna(miss.label_bias_mbic) and miss.biased_words_mbic is None and not miss.in_babe_sg2
    assert hit.id.startswith("mbic_")

    articles = ds.load_babe("mbic_articles")
    assert articles.news_link.tolist() == ["https://fox/3", "https://reu/9"]
    assert articles.text.tolist() == ["Full article one.", "Article two & more."]
    assert ds.load_babe("lexicon").word.tolist() == ["slavish", "mob", "1984", "Radical"]


def test_babe_bad_word_list_names_the_file_and_row(tmp_path):
    root = babe_original(tmp_path / "orig")
    write(root, "data/final_labels_SG2.csv", semicolon_csv([["x", "", "A", "t", "", "Biased", "", "['unclosed'"]]))
    with pytest.raises(InputError, match=r"final_labels_SG2\.csv, row 2: biased words are not a list"):
        ds._convert_babe(ds._FolderTree(root), tmp_path)
    write(root, "data/final_labels_SG2.csv", "text;outlet\nx;A\n")
    with pytest.raises(InputError, match=r"final_labels_SG2\.csv: no column news_link, topic.*found: text, outlet"):
        ds._convert_babe(ds._FolderTree(root), tmp_path)


def test_xlsx_reader_shared_inline_rich_and_gaps():
    sheet = (f'<worksheet {_NS}><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>'
             '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>2.5</v></c><c r="C3" t="b"><v>1</v></c></row>'
             "</sheetData></worksheet>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook {_NS}><sheets><sheet name="a"/></sheets></workbook>')
        z.writestr("xl/sharedStrings.xml", f'<sst {_NS}><si><t>plain</t></si><si><r><t>ri</t></r><r><rPr/>'
                   '<t>ch</t></r><rPh><t>PHONETIC</t></rPh></si></sst>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    assert ds._read_xlsx(buf.getvalue(), "w.xlsx") == [["plain", None, "inline"], [], ["rich", "2.5", "TRUE"]]
    assert ds._read_xlsx(make_xlsx([["a", 1]], sheet_file="data.xml"), "x") == [["a", "1"]]
    with pytest.raises(InputError, match=r"w\.xlsx: not a readable \.xlsx workbook"):
        ds._read_xlsx(b"not a zip", "w.xlsx")


def test_original_paths_stay_inside_the_download(tmp_path):
    write(tmp_path, "secret.txt", "x")
    write(tmp_path, "raw/data/a.txt", "a")
    tree = ds._FolderTree(tmp_path / "raw")
    assert tree.read("data/a.txt") == b"a" and tree.files("data") == ["data/a.txt"]
    with pytest.raises(InputError, match=r"the original has no \.\./secret\.txt"):
        tree.read("../secret.txt")


def test_babe_converter_gives_back_the_shared_tables(tmp_path):
    """SG2/SG1/MBIC originals rebuilt from the shared copy convert back to it (folds aside)."""
    folder = shared("babe")
    want2 = ds.load_babe("sg2", path=folder)
    want1 = ds.load_babe("sg1_mbic", path=folder)
    arts = ds.load_babe("mbic_articles", path=folder).set_index("news_link").text.to_dict()
    nn = lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else v  # noqa: E731
    sg2 = [[r.text, nn(r.news_link), r.outlet, nn(r.topic), "" if r.outlet_bias_filled else nn(r.outlet_bias),
            nn(r.label_bias), nn(r.label_opinion), repr(r.biased_words)] for r in want2.itertuples()]
    sg1 = [[r.text, nn(r.news_link), ds._slug(r.outlet), nn(r.topic), nn(r.outlet_bias), nn(r.label_bias_sg1),
            nn(r.label_opinion_sg1), repr(r.biased_words_sg1)] for r in want1.itertuples()]
    mbic = [["text", "news_link", "outlet", "type", "topic", "group_id", "label_bias", "label_opinion", "article",
             "biased_words"]]
    seen: set = set()
    for r in want1.itertuples():  # the article text on the first sentence of each article is enough
        article = "" if r.news_link in seen else arts.get(r.news_link, "")
        seen.add(r.news_link)
        mbic.append([r.text, nn(r.news_link), r.outlet, nn(r.outlet_bias), nn(r.topic),
                     None if pd.isna(r.mbic_group_id) else int(r.mbic_group_id), nn(r.label_bias_mbic),
                     nn(r.label_opinion_mbic), article,
                     "" if r.biased_words_mbic is None else repr(r.biased_words_mbic)])
    root = tmp_path / "orig"
    write(root, "data/final_labels_SG2.csv", semicolon_csv(sg2))
    write(root, "data/final_labels_SG1.csv", semicolon_csv(sg1))
    write(root, "data/final_labels_MBIC.xlsx", make_xlsx(mbic))
    write(root, "data/bias_word_lexicon.xlsx", make_xlsx([[w] for w in ds.load_babe("lexicon", path=folder).word]))
    out = tmp_path / "out"
    out.mkdir()
    ds._convert_babe(ds._FolderTree(root), out)
    got2 = ds.load_babe("sg2", path=out)
    # in_sg1 was computed against the whole SG1; the shared copy lacks the SG1 rows of the held-out
    # fold, and one fold-0 sentence lost its SG1 twin that way
    in_rebuilt_sg1 = want2.text.isin(set(want1.text))
    assert (in_rebuilt_sg1 != want2.in_sg1).sum() <= 1
    want2 = want2.assign(in_sg1=in_rebuilt_sg1)
    pd.testing.assert_frame_equal(got2.drop(columns="fold"), want2.drop(columns="fold"))
    assert sorted(got2.fold.unique()) == [0, 1, 2, 3, 4]
    pd.testing.assert_frame_equal(ds.load_babe("sg1_mbic", path=out), want1, check_dtype=False)
    assert ds.load_babe("lexicon", path=out).equals(ds.load_babe("lexicon", path=folder))


# --------------------------------------------------------------------------
# Article-Bias-Prediction
# --------------------------------------------------------------------------

def abp_original(root: Path) -> Path:
    arts = [("b2", "CNN (Web News)", 0, "left", "5/6/14"), ("a1", "Fox News", 2, "right", "2019-07-11"),
            ("c3", "Reuters", 1, "center", ""), ("d4", "CNN (Web News)", 0, "left", "0001-11-30")]
    for i, source, bias, text, date in arts:
        write(root, f"data/jsons/{i}.json", json.dumps({
            "topic": "elections", "source": source, "bias": bias, "url": f"https://x/{i}", "title": f"T {i}",
            "date": date, "authors": "A. Writer", "content": "tok en ized", "content_original": f"Text {i}.\n\nMore.",
            "source_url": "www.x.com", "bias_text": text, "ID": i}, indent=4))
    write(root, "data/splits/random/train.tsv", "ID\tbias\na1\t2\nc3\t1\n")
    write(root, "data/splits/random/valid.tsv", "ID\tbias\nb2\t0\n")
    write(root, "data/splits/random/test.tsv", "ID\tbias\nd4\t0\n")
    write(root, "data/splits/media/train.tsv", "ID\tbias\na1\t2\n")
    write(root, "data/splits/media/valid.tsv", "ID\tbias\nc3\t1\n")
    write(root, "data/splits/media/test.tsv", "ID\tbias\nd4\t0\n")
    write(root, "README.md", "not data")
    return root


def test_article_bias_prediction_download_and_splits(home, tmp_path, monkeypatch):
    archive = zip_folder(abp_original(tmp_path / "orig"), tmp_path / "abp.zip", "Article-Bias-Prediction-main")
    serve(monkeypatch, {"ced8111a720948e6a410e52031ace99c4e53f096.zip": archive})
    df = ds.load_article_bias_prediction(download=True)
    assert list(df.columns) == ["id", "outlet", "outlet_url", "outlet_bias", "label", "label_id", "date", "topic",
                                "title", "authors", "url", "text", "split_random", "split_media", "outlet_in_test"]
    assert df.id.tolist() == ["a1", "b2", "c3", "d4"]
    assert df.date.fillna("").tolist() == ["2019-07-11", "2014-05-06", "", "0001-11-30"]
    assert df.split_random.tolist() == ["train", "valid", "train", "test"]
    assert df.split_media.tolist() == ["train", "none", "valid", "test"]
    assert df.outlet_in_test.tolist() == [False, True, False, True]
    assert df.label_id.tolist() == [2, 0, 1, 0] and df.text[0] == "Text a1.\n\nMore."
    assert (home / "article_bias_prediction" / "abp_articles.jsonl.gz").is_file()
    assert ds.load_article_bias_prediction("test").id.tolist() == ["d4"]
    assert ds.load_article_bias_prediction("train", protocol="random").id.tolist() == ["a1", "c3"]
    with pytest.raises(BiaskitError, match="split must be None or one of"):
        ds.load_article_bias_prediction("dev")
    with pytest.raises(BiaskitError, match="protocol must be"):
        ds.load_article_bias_prediction(protocol="outlet")


def test_article_bias_prediction_bad_article_file(tmp_path):
    root = abp_original(tmp_path / "orig")
    write(root, "data/jsons/e5.json", json.dumps({"ID": "e5", "source": "X", "bias": "?", "bias_text": "left",
                                                   "content_original": ""}))
    with pytest.raises(InputError, match=r"data/jsons/e5\.json: bias is not 0, 1 or 2"):
        ds._convert_abp(ds._FolderTree(root), tmp_path)


# --------------------------------------------------------------------------
# NewsMTSC
# --------------------------------------------------------------------------

def mtsc_sentence(gid: str, text: str, targets: list[tuple[str, str, float, list[str]]]) -> dict:
    out = []
    for tid, mention, polarity, further in targets:
        start = text.index(mention)
        t = {"Input.gid": tid, "from": start, "to": start + len(mention), "mention": mention, "polarity": polarity}
        if further:
            t["further_mentions"] = [{"from": text.index(m), "to": text.index(m) + len(m), "mention": m}
                                     for m in further]
        out.append(t)
    return {"primary_gid": gid, "sentence_normalized": text, "targets": out}


def mtsc_original(root: Path, *, polarity: float = 6.0) -> Path:
    lines = lambda objs: "".join(json.dumps(o) + "\n" for o in objs)  # noqa: E731
    data, splits = ds._MTSC_DATA, ds._MTSC_SPLITS
    write(root, f"{data}/train.jsonl", lines([
        mtsc_sentence("polusa_v1_1_-1_0_Ann Lee_0_3", "Ann said she won.",
                      [("polusa_v1_1_-1_0_Ann Lee_0_3", "Ann", polarity, ["she"])]),
        mtsc_sentence("allsides_2_9_1_Bob_0_3", "Bob attacked Cy.",
                      [("allsides_2_9_1_Bob_0_3", "Bob", 2.0, []), ("allsides_2_9_1_Cy_13_15", "Cy", 4.0, [])])]))
    mt = [mtsc_sentence("allsides_3_1_0_Di_0_2", "Di met Ed.", [("t-di", "Di", 4.0, []), ("t-ed", "Ed", 6.0, [])]),
          mtsc_sentence("polusa_v1_4_-1_0_Fa_0_2", "Fa hit Gu.", [("t-fa", "Fa", 2.0, []), ("t-gu", "Gu", 2.0, [])])]
    rw = [mtsc_sentence("polusa_v1_5_-1_0_Ha_0_2", "Ha is fine.", [("t-ha", "Ha", 4.0, [])])]
    write(root, f"{data}/devtest_mt.jsonl", lines(mt))
    write(root, f"{data}/devtest_rw.jsonl", lines(rw))
    write(root, f"{splits}/newsmtsc-mt/dev.jsonl", lines(mt[:1]))
    write(root, f"{splits}/newsmtsc-mt/test.jsonl", lines(mt[1:]))
    # the other layout the repository uses: one target per line with its id
    write(root, f"{splits}/newsmtsc-rw/dev.jsonl", "")
    write(root, f"{splits}/newsmtsc-rw/test.jsonl", lines([{"id": "t-ha", "sentence": "Ha is fine."}]))
    return root


def test_newsmtsc_download_flattens_targets_and_partitions(home, tmp_path, monkeypatch):
    root = mtsc_original(tmp_path / "orig")
    fetched = serve(monkeypatch, {p: root / p for p in ds._MTSC_RAW})
    train = ds.load_newsmtsc(download=True)
    assert len(fetched) == 7
    assert list(train.columns) == ["sentence_id", "target_id", "source_collection", "text", "target", "target_from",
                                   "target_to", "label", "n_targets_in_sentence", "further_mentions", "split"]
    assert train.label.tolist() == ["positive", "negative", "neutral"]
    assert train.source_collection.tolist() == ["polusa", "allsides", "allsides"]
    assert train.n_targets_in_sentence.tolist() == [1, 2, 2] and train.further_mentions[0] == ["she"]
    assert all(t[a:b] == m for t, a, b, m in zip(train.text, train.target_from, train.target_to, train.target,
                                                  strict=True))
    assert ds.load_newsmtsc("dev_mt").target_id.tolist() == ["t-di", "t-ed"]
    assert ds.load_newsmtsc("test_mt").split.tolist() == ["test_mt", "test_mt"]
    assert ds.load_newsmtsc("test_rw").label.tolist() == ["neutral"]
    assert sorted(p.name for p in (home / "newsmtsc").iterdir()) == [
        "SOURCE.json", "dev_mt.jsonl", "test_mt.jsonl", "test_rw.jsonl", "train.jsonl"]
    with pytest.raises(BiaskitError, match="no 'dev_rw' part"):
        ds.load_newsmtsc("dev_rw", download=True)


@pytest.mark.parametrize("change,message", [
    (lambda root: mtsc_original(root, polarity=5.0), r"train\.jsonl, line 1: a target lacks .* polarity"),
    (lambda root: write(mtsc_original(root), f"{ds._MTSC_SPLITS}/newsmtsc-rw/test.jsonl", ""),
     r"devtest_rw\.jsonl, line 1: target t-ha is in neither the dev nor the test partition"),
])
def test_newsmtsc_errors(tmp_path, change, message):
    root = tmp_path / "orig"
    change(root)
    with pytest.raises(InputError, match=message):
        ds._convert_newsmtsc(ds._FolderTree(root), tmp_path)


def test_newsmtsc_converter_gives_back_the_shared_rows(tmp_path):
    want = {s: ds.load_newsmtsc(s, path=shared("newsmtsc")) for s in ("dev_mt", "dev_rw")}
    want["train"] = ds.load_newsmtsc("train", path=shared("newsmtsc")).head(400)
    polarity = {"negative": 2.0, "neutral": 4.0, "positive": 6.0}

    def sentences(frame: pd.DataFrame) -> list[dict]:
        out: dict[str, dict] = {}
        for r in frame.itertuples():
            s = out.setdefault(r.sentence_id, {"primary_gid": r.sentence_id, "sentence_normalized": r.text,
                                               "targets": []})
            s["targets"].append({"Input.gid": r.target_id, "from": r.target_from, "to": r.target_to,
                                 "mention": r.target, "polarity": polarity[r.label],
                                 "further_mentions": [{"mention": m} for m in r.further_mentions]})
        return list(out.values())

    lines = lambda objs: "".join(json.dumps(o) + "\n" for o in objs)  # noqa: E731
    root = tmp_path / "orig"
    # the shared training rows end mid-sentence: keep whole sentences only
    train = sentences(want["train"])[:-1]
    want["train"] = want["train"][want["train"].sentence_id.isin({s["primary_gid"] for s in train})]
    write(root, f"{ds._MTSC_DATA}/train.jsonl", lines(train))
    extra = {"primary_gid": "polusa_x", "sentence_normalized": "Zed.", "targets": [
        {"Input.gid": "zed", "from": 0, "to": 3, "mention": "Zed", "polarity": 4.0}]}
    for kind in ("mt", "rw"):
        dev = sentences(want[f"dev_{kind}"])
        write(root, f"{ds._MTSC_DATA}/devtest_{kind}.jsonl", lines([*dev, extra]))
        write(root, f"{ds._MTSC_SPLITS}/newsmtsc-{kind}/dev.jsonl", lines(dev))
        write(root, f"{ds._MTSC_SPLITS}/newsmtsc-{kind}/test.jsonl", lines([extra]))
    out = tmp_path / "out"
    out.mkdir()
    ds._convert_newsmtsc(ds._FolderTree(root), out)
    for split, frame in want.items():
        pd.testing.assert_frame_equal(ds.load_newsmtsc(split, path=out), frame.reset_index(drop=True))
    assert len(want["dev_mt"]) == 442 and len(want["dev_rw"]) == 343


# --------------------------------------------------------------------------
# AllSides ratings
# --------------------------------------------------------------------------

ALLSIDER_HEADER = ("news_source,rating,rating_num,type,agree,disagree,perc_agree,url,editorial_review,"
                   "blind_survey,third_party_analysis,independent_research,confidence_level,twitter,wiki,"
                   "facebook,screen_name\n")


def test_allsides_download_converts_allsider_table(home, tmp_path, monkeypatch):
    raw = write(tmp_path / "orig", "data/allsides_data.csv", ALLSIDER_HEADER + (
        "AARP,center,3,Think Tank / Policy Group,1404,2343,0.37,https://a/aarp,0,0,0,0,NA,"
        "https://twitter.com/AARP,NA,NA,AARP\n"
        "Abridge News,allsides,NA,News Media,0,0,NaN,https://a/ab,0,0,0,1,High,NA,NA,NA,NA\n"
        "Allysia Finley (Wall Street Journal),right,5,Author,410,474,0.46,https://a/af,checked,0,0,0,NA,"
        "NA,NA,\"https://www.facebook.com/x/ \n\",NA\n"
        "=HYPERLINK(1),left-center,2,Author,1,1,0.5,https://a/h,0,0,0,0,Low or Initial Rating,NA,NA,NA,NA\n"))
    fetched = serve(monkeypatch, {"data/allsides_data.csv": raw})
    df = ds.load_allsides_ratings(download=True)
    assert fetched == ["https://raw.githubusercontent.com/favstats/AllSideR/"
                       "48ccaf4481a7c5af5664ea3467d314a7d67d516d/data/allsides_data.csv"]
    assert list(df.columns) == ds._RATINGS_COLUMNS
    assert df.outlet.tolist() == ["AARP", "Abridge News", "Allysia Finley (Wall Street Journal)", "=HYPERLINK(1)"]
    assert df.rating_3class.fillna("").tolist() == ["center", "", "right", "left"]
    assert df.rating_num.tolist()[0] == 3.0 and pd.isna(df.rating_num[1]) and pd.isna(df.perc_agree[1])
    assert df.editorial_review.tolist() == ["0", "0", "checked", "0"]
    assert df.confidence_level.isna().tolist() == [True, False, True, False]
    # the cached CSV is safe to open in a spreadsheet; reading it restores the cell
    assert "'=HYPERLINK(1)" in (home / "allsides_ratings" / "allsides_ratings_2019-10-18.csv").read_text()


def test_allsides_converter_gives_back_the_shared_table(tmp_path):
    want = ds.load_allsides_ratings(path=shared("outlet_ratings"))
    out_rows = [ALLSIDER_HEADER]
    for r in want.itertuples():
        v = lambda x: "NA" if x is None or (isinstance(x, float) and pd.isna(x)) else str(x)  # noqa: E731
        num = v(r.rating_num if pd.isna(r.rating_num) else int(r.rating_num))
        row = [r.outlet, r.rating, num, r.type, v(r.agree), v(r.disagree),
               "NaN" if pd.isna(r.perc_agree) else repr(r.perc_agree), r.url, v(r.editorial_review),
               v(r.blind_survey), v(r.third_party_analysis), v(r.independent_research), v(r.confidence_level),
               "NA", "NA", "NA", "NA"]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(row)
        out_rows.append(buf.getvalue())
    root = tmp_path / "orig"
    write(root, "data/allsides_data.csv", "".join(out_rows))
    out = tmp_path / "out"
    out.mkdir()
    ds._convert_allsides(ds._FolderTree(root), out)
    pd.testing.assert_frame_equal(ds.load_allsides_ratings(path=out), want)
    assert len(want) == 547


# --------------------------------------------------------------------------
# The shared copies read through the loaders
# --------------------------------------------------------------------------

def test_loaders_read_the_shared_copies():
    dev = ds.load_polnear("dev", path=shared("polnear"))
    assert len(dev) == 84 and dev.outlet.nunique() == 7
    for text, atts in zip(dev.text, dev.attributions, strict=True):
        for a in atts:
            for role in ("source", "cue", "content"):
                if a[role]:
                    assert text[a[role]["start"]:a[role]["end"]] == a[role]["text"]
    sg2 = ds.load_babe("sg2", path=shared("babe"))
    assert len(sg2) == 2940 and all(isinstance(w, list) for w in sg2.biased_words)
    assert sorted(sg2.fold.unique()) == [0, 1, 2, 3]
    assert len(ds.load_babe("lexicon", path=shared("babe"))) == 2122
    assert len(ds.load_newsmtsc("dev_rw", path=shared("newsmtsc"))) == 343
    ratings = ds.load_allsides_ratings(path=shared("outlet_ratings"))
    assert len(ratings) == 547 and ratings.rating_num.dtype == float
    with pytest.raises(BiaskitError, match="no test.jsonl in"):
        ds.load_polnear("test", path=shared("polnear"))


def test_article_bias_prediction_reads_the_shared_subset():
    valid = ds.load_article_bias_prediction("valid", path=shared("article_bias_prediction"))
    assert len(valid) == 1433 and set(valid.split_media) == {"valid"}
    assert set(valid.label) <= {"left", "center", "right"}
