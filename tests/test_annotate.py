"""The annotated article view: annotate_html, show and the annotate command."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import biaskit
from biaskit.errors import BiaskitError
from biaskit.records import Attribution, LexiconHit
from biaskit.reporting.annotate import annotate_html, show

TEXT = ('Talks stall\n\nMoscow, Feb 12: "It could come any time now," CNN quoted Sullivan as saying. '
        "Prices <b>rose</b> sharply, the minister said.")


def _span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    i = text.index(piece, start)
    return i, i + len(piece)


def _records(text: str = TEXT) -> list[Attribution]:
    q0, q1 = _span(text, '"It could come any time now,"')
    s0, s1 = _span(text, "Sullivan")
    c0, c1 = _span(text, "quoted")
    c2, c3 = _span(text, "as saying")
    a = Attribution(quote_form="direct", construction="verb", speaker="Jake Sullivan", source_type="official",
                    role="national security adviser", via=("CNN",), hedged=False, rule="verb:quoted_as",
                    cue_lemma="quote", source_start=s0, source_end=s1, source_text="Sullivan", cue_start=c0,
                    cue_end=c3, cue_text="quoted … as saying", content_start=q0, content_end=q1,
                    content_text=text[q0:q1], cue_spans=((c0, c1), (c2, c3)))
    m0, m1 = _span(text, "the minister")
    v0, v1 = _span(text, "said", m1)
    p0, p1 = _span(text, "Prices <b>rose</b> sharply")
    b = Attribution(quote_form="indirect", construction="verb", speaker="the minister", source_type="official",
                    role="minister", via=(), hedged=True, rule="verb:inverted", cue_lemma="say", source_start=m0,
                    source_end=m1, source_text="the minister", cue_start=v0, cue_end=v1, cue_text="said",
                    content_start=p0, content_end=p1, content_text=text[p0:p1])
    t0, t1 = _span(text, "any time now")
    scare = Attribution(quote_form="unattributed", construction=None, speaker=None, source_type="unknown",
                        role=None, via=(), hedged=False, rule="quote:unattributed", cue_lemma=None,
                        source_start=None, source_end=None, source_text=None, cue_start=None, cue_end=None,
                        cue_text=None, content_start=t0, content_end=t1, content_text="any time now")
    return [b, a, scare]  # out of reading order on purpose


def _hits(text: str = TEXT) -> list[LexiconHit]:
    r0, r1 = _span(text, "rose")
    k0, k1 = _span(text, "come")
    return [LexiconHit("rose", "rise", "loaded", 2, r0, r1, "own"),
            LexiconHit("come", "come", "conflict", 1, k0, k1, "quoted")]


@pytest.fixture()
def page() -> str:
    article = {"id": "a-1", "outlet": "<script>alert(1)</script>", "title": '"><img src=x onerror=alert(1)>',
               "text": TEXT}
    return annotate_html(article, attributions=_records(), hits=_hits(), profile={"attributions": 2,
                                                                                  "anonymous_share": 0.0})


def test_parts_are_marked_and_numbered_in_reading_order(page):
    text_div = page[page.index('<div class="text">'):page.index("<aside>")]
    # A1 is the first attribution in the text (Sullivan), A2 the minister, whatever the record order
    assert text_div.index('<sup class="tag">A1</sup>') < text_div.index("Sullivan") < \
        text_div.index('<sup class="tag">A2</sup>')
    assert re.search(r'<span class="src"[^>]*>Sullivan</span>', text_div)
    assert re.search(r'<span class="cue"[^>]*>quoted</span>', text_div)
    assert re.search(r'<span class="cue"[^>]*>as saying</span>', text_div)  # a discontinuous cue: two marks
    assert re.search(r'<span class="cnt[^"]*"[^>]*>&#34;It could </span>', text_div)
    assert re.search(r'class="cnt sq"[^>]*>any time now</span>', text_div)  # scare quote inside a quotation
    assert re.search(r'class="cnt hit hit-conflict voice-quoted"[^>]*>come</span>', text_div)


def test_text_is_kept_whole_and_escaped(page):
    text_div = page[page.index('<div class="text">') + len('<div class="text">'):page.index("</div>\n<aside>")]
    plain = re.sub(r"<sup[^>]*>A\d+</sup>", "", text_div)
    plain = re.sub(r"<[^>]+>", "", plain)
    import html as htmlmod

    assert htmlmod.unescape(plain) == TEXT
    assert "<b>rose</b>" not in page and "&lt;b&gt;" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page


def test_side_panel_shows_via_chain_profile_and_scare_quotes(page):
    panel = page[page.index("<aside>"):]
    assert "Attributions (2)" in panel
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ← CNN ← Jake Sullivan" in panel
    assert "<em>hedged</em>" in panel
    assert "Quotations with no source (1)" in panel and "any time now" in panel
    assert "Unnamed sources (anonymous or no speaker)" in panel and "0.0%" in panel
    assert re.search(r"conflict</span></td><td class=\"num\">0</td><td class=\"num\">1</td>", panel)


def test_offsets_outside_the_text_are_an_error():
    bad = _records()[1]
    from dataclasses import replace

    with pytest.raises(BiaskitError, match="outside the article's text"):
        annotate_html({"text": "short"}, attributions=[replace(bad, content_end=500)], hits=[], profile={})


def test_empty_article_is_an_error():
    with pytest.raises(BiaskitError, match="no text"):
        annotate_html({"id": "x", "text": "  "})
    with pytest.raises(BiaskitError, match="one article at a time"):
        annotate_html(pd.DataFrame({"text": ["a", "b"]}))


# ---------------------------------------------------------------------------
# with the real extractors
# ---------------------------------------------------------------------------

SEED_LIKE = (
    "Kremlin rejects warnings\n\n"
    "Moscow: Russia has no plans to attack anyone, according to Russian media reports, citing Kremlin "
    "spokesperson Dmitry Peskov. \"We are alarmed by the mounting tensions,\" he said, quoted by RIA Novosti. "
    "Officials familiar with the talks said the meeting would go ahead."
)


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return biaskit.read_articles(pd.DataFrame({
        "id": ["k1", "k2"], "outlet": ["Daily Ledger", "Daily Ledger"], "title": ["Kremlin rejects warnings", "x"],
        "text": [SEED_LIKE, "The council met on Monday. Members said the budget was balanced."]}))


def test_real_extraction_marks_speakers_via_and_terms(articles):
    page = annotate_html(articles.iloc[0])
    assert re.search(r'<span class="src"[^>]*>[^<]*Peskov', page)
    assert "Russian media reports" in page and "RIA Novosti" in page
    assert "← Dmitry Peskov" in page
    assert 'class="biaskit-article"' in page and page.startswith("<!DOCTYPE html>")


def test_hand_corrected_table_is_shown(articles):
    table = biaskit.attribution_table(articles)
    mine = table[table["id"] == "k1"].copy()
    assert len(mine) >= 2
    first = mine.index[0]
    mine.loc[first, "speaker"] = "Corrected Speaker Name"
    mine = mine.drop(index=mine.index[-1])
    n_attributed = int((mine["quote_form"] != "unattributed").sum())
    page = annotate_html(articles.iloc[0], attributions=pd.concat([mine, table[table["id"] != "k1"]]))
    assert "Corrected Speaker Name" in page
    assert f"Attributions ({n_attributed})" in page


def test_show_returns_a_jupyter_object(articles, tmp_path):
    shown = show(articles.iloc[1])
    fragment = shown._repr_html_()
    assert "<!DOCTYPE" not in fragment and 'class="biaskit-article"' in fragment
    out = shown.save(tmp_path / "a.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert biaskit.show is show and biaskit.annotate_html is annotate_html


def test_cli_annotate(tmp_path, capsys, articles):
    from biaskit.cli.main import main

    src = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["k1", "k2"], "outlet": ["Daily Ledger"] * 2, "text": [SEED_LIKE, "Members said so."]}) \
        .to_csv(src, index=False)
    out = tmp_path / "article.html"
    assert main(["annotate", str(src), "--id", "k1", "-o", str(out)]) == 0
    assert "Peskov" in out.read_text(encoding="utf-8")
    assert main(["annotate", str(src), "--row", "1", "-o", str(out)]) == 0
    assert "id k2" in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["annotate", str(src), "-o", str(out)]) == 2
    assert "choose one with --id" in capsys.readouterr().err
    assert main(["annotate", str(src), "--id", "nope", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no article with id 'nope'" in err and "Traceback" not in err
    assert main(["annotate", str(src), "--id", "k1", "-o", str(tmp_path / "a.pdf")]) == 2
