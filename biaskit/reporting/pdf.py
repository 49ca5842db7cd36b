"""PDF rendering of a :class:`~biaskit.reporting.model.Report` with reportlab.

reportlab needs no system library. Text is set in DejaVu Sans, the TrueType
font that ships inside matplotlib's wheel, registered here so that names in
Greek, Cyrillic or with accents print correctly (reportlab's built-in
Helvetica shows such letters as boxes). Tables wrap their cells and spread
over as many pages as needed, repeating the header row; columns share the
page width by their content, so nothing is cut off. Figures are embedded as
PNG at print resolution. Every piece of text is escaped before it reaches
reportlab's paragraph markup.

Examples
--------
>>> from biaskit.reporting.model import Report, Section, Text
>>> pdf = render_pdf(Report("Demo", sections=(Section("s", "One", (Text(("Καλημέρα",)),)),)))
>>> pdf[:5]
b'%PDF-'
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Table as RLTable,
)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame
from reportlab.platypus.tableofcontents import TableOfContents

from biaskit import __version__
from biaskit.errors import BiaskitError
from biaskit.reporting import figures
from biaskit.reporting._format import table_cells
from biaskit.reporting.model import Bullets, Definitions, Figure, Heading, Note, Report, Table, Text

__all__ = ["render_pdf", "register_fonts", "FONT"]

#: Name under which DejaVu Sans is registered with reportlab.
FONT = "BiaskitSans"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT + "-Bold": "DejaVuSans-Bold.ttf",
    FONT + "-Oblique": "DejaVuSans-Oblique.ttf",
    FONT + "-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
_SHORT_INTRO = 700  # characters: a text this short is kept with the figure or table after it
_TABLE_KEEP_WHOLE = 220.0  # points: tables up to this height are never split across pages
_TABLE_START_ROWS = 4  # a longer table starts on a page only if its header and this many rows fit
_FIGURE_MIN_SCALE = 0.8  # a figure may shrink to this share of its size to finish a page instead of leaving a gap
_FIGURE_DPI = 170  # print quality at the 17 cm text width
_PAGE_SIZES = {"a4": A4, "letter": letter}


def register_fonts() -> str:
    """Register matplotlib's bundled DejaVu Sans with reportlab; returns the family name.

    Registration is idempotent (reportlab keeps one registry per process).
    """
    from reportlab.lib.fonts import addMapping

    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in _FONT_FILES.items():
        path = folder / file
        if not path.exists():
            raise BiaskitError(f"font file {path} not found: the PDF needs matplotlib's bundled DejaVu fonts")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT + "-Bold")
    addMapping(FONT, 0, 1, FONT + "-Oblique")
    addMapping(FONT, 1, 1, FONT + "-BoldOblique")
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=5, alignment=TA_LEFT)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT + "-Bold", fontSize=20, leading=25,
                                spaceAfter=6),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, spaceAfter=4),
        "byline": ParagraphStyle("byline", parent=base, fontSize=9, textColor=colors.HexColor("#444444"),
                                 spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT + "-Bold", fontSize=14, leading=18,
                             spaceBefore=14, spaceAfter=6, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT + "-Bold", fontSize=10.5, leading=14,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8.5, leading=11,
                                  textColor=colors.HexColor("#222222"), spaceBefore=2, spaceAfter=8),
        "tcaption": ParagraphStyle("tcaption", parent=base, fontName=FONT + "-Bold", fontSize=8.5,
                                   leading=11, spaceBefore=4, spaceAfter=3, keepWithNext=1),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=12, backColor=colors.HexColor("#eeeeee"),
                               borderPadding=(4, 6, 4, 6), leftIndent=6, rightIndent=6, spaceBefore=4,
                               spaceAfter=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.2, spaceAfter=0),
        "cellnum": ParagraphStyle("cellnum", parent=base, fontSize=7.5, leading=9.2, spaceAfter=0,
                                  alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=base, fontName=FONT + "-Bold", fontSize=7.5, leading=9.2,
                               spaceAfter=0),
        "headnum": ParagraphStyle("headnum", parent=base, fontName=FONT + "-Bold", fontSize=7.5, leading=9.2,
                                  spaceAfter=0, alignment=TA_RIGHT),
        "tablenote": ParagraphStyle("tablenote", parent=base, fontSize=7.5, leading=9.5,
                                    textColor=colors.HexColor("#333333"), spaceAfter=8),
        "term": ParagraphStyle("term", parent=base, fontName=FONT + "-Bold", spaceAfter=1),
        "def": ParagraphStyle("def", parent=base, leftIndent=12, spaceAfter=4),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=9.5, leading=13, leftIndent=12),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------

_PAD = 4.0  # left + right padding per cell, points (2 each)
NBSP = "\u00a0"


def _widths(texts_by_col: list[list[str]], numeric: list[bool], avail: float, size: float) -> list[float]:
    """Column widths that fit ``avail``: natural widths when they fit, else
    each column gets at least its longest word and the rest is shared by need."""
    bold = FONT + "-Bold"
    natural, minimum = [], []
    for j, texts in enumerate(texts_by_col):
        head, cells = texts[0], texts[1:]
        nat = max([pdfmetrics.stringWidth(head, bold, size)] +
                  [pdfmetrics.stringWidth(t, FONT, size) for t in cells]) + _PAD + 2
        if numeric[j]:  # a value and its interval may go on two lines, but neither breaks inside
            words = [w for t in cells for w in (t.split(" [", 1)[0], "[" + t.split(" [", 1)[1] if " [" in t else "")]
        else:
            words = [w for t in cells for w in t.split()]
        head_words = head.split() or [""]
        mn = max([pdfmetrics.stringWidth(w, bold, size) for w in head_words] +
                 [pdfmetrics.stringWidth(w, FONT, size) for w in words] + [8]) + _PAD + 2
        mn = min(mn, nat)
        natural.append(nat)
        minimum.append(mn)
    if sum(natural) <= avail:
        return natural
    if sum(minimum) >= avail:
        scale = avail / sum(minimum)
        return [m * scale for m in minimum]
    extra = avail - sum(minimum)
    need = [n - m for n, m in zip(natural, minimum, strict=False)]
    total = sum(need)
    return [m + extra * d / total for m, d in zip(minimum, need, strict=False)]


def _table_flowables(table: Table, st: dict, avail: float) -> list:
    rows = table_cells(table)
    cols = table.columns
    numeric = [c.numeric for c in cols]
    size = 7.5
    # shrink the type for very wide tables before anything must wrap mid-word
    for size in (7.5, 7.0, 6.5, 6.0):
        texts_by_col = [[c.label] + [r[j].full for r in rows] for j, c in enumerate(cols)]
        widths = _widths(texts_by_col, numeric, avail, size)
        minimum_fit = sum(widths) <= avail + 0.5 and all(w >= 12 for w in widths)
        if minimum_fit:
            break
    lead = size * 1.23
    cell = ParagraphStyle("c", parent=st["cell"], fontSize=size, leading=lead)
    cellnum = ParagraphStyle("cn", parent=st["cellnum"], fontSize=size, leading=lead)
    head = ParagraphStyle("h", parent=st["head"], fontSize=size, leading=lead)
    headnum = ParagraphStyle("hn", parent=st["headnum"], fontSize=size, leading=lead)
    data = [[_p(c.label, headnum if c.numeric else head) for c in cols]]
    for r in rows:
        line = []
        for c in r:
            markup = escape(c.text)
            if c.interval:
                markup += f' <font color="#555555">{escape(c.interval).replace(" ", NBSP)}</font>'
            line.append(Paragraph(markup, cellnum if c.numeric else cell))
        data.append(line)
    rl = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f2f2f2")))
    rl.setStyle(TableStyle(style))
    out = []
    if table.caption:
        out.append(_p(table.caption, st["tcaption"]))
    out.append(rl)
    if table.note:
        out.append(Spacer(1, 2))
        out.append(_p(table.note, st["tablenote"]))
    else:
        out.append(Spacer(1, 8))
    return out


def _table_start(pending: list, flows: list, width: float) -> list:
    """Headings, caption and table, with a conditional page break before them.

    A short table is kept whole with its note; a long one starts where it is when its
    headings, caption, header and first rows fit, else on the next page, and
    then runs over as many pages as it needs (its header row repeated). The
    paragraphs lose their keep-with-next flag, which would otherwise move a
    long table whole to the next page and leave a gap.
    """
    lead = [f for f in [*pending, *flows] if not isinstance(f, RLTable)]
    table = next((f for f in flows if isinstance(f, RLTable)), None)
    head = []
    for f in [*pending, *flows]:
        if f is table:
            break
        head.append(f)
    needed = 0.0
    for f in head:
        needed += f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    if table is not None:
        total = table.wrap(width, 1e6)[1]
        rows = list(getattr(table, "_rowHeights", []) or [])
        first = sum(rows[: _TABLE_START_ROWS + 1]) if rows else total
        if total <= _TABLE_KEEP_WHOLE:
            # a short table is kept whole with its note: a note never opens the next page alone
            after = flows[flows.index(table) + 1:]
            needed += total + sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in after)
        else:
            needed += first
    for f in lead:
        f.keepWithNext = 0
    return [CondPageBreak(needed + 2), *pending, *flows]


def _figure_flowables(fig: Figure, st: dict, avail_w: float, avail_h: float, dpi: int) -> list:
    png = figures.render(fig, "png", dpi=dpi)
    w_px, h_px = figures.png_size(png)
    width = avail_w
    height = width * h_px / w_px
    max_h = avail_h - 40  # leave room for the caption
    if height > max_h:
        height = max_h
        width = height * w_px / h_px
    caption = _p(fig.caption, st["caption"]) if fig.caption else None
    reserve = (caption.wrap(avail_w, 1e6)[1] + caption.getSpaceBefore() + caption.getSpaceAfter()) if caption else 0
    img = _FittingImage(io.BytesIO(png), width=width, height=height, reserve=reserve,
                        smallest=min(1.0, _FIGURE_MIN_SCALE * avail_w / width))
    img.hAlign = "CENTER"
    return [img, caption] if caption else [img]


class _FittingImage(Image):
    """An image that shrinks to fit the rest of a page, never below ``smallest`` of its size.

    ``smallest`` keeps the drawn width at least :data:`_FIGURE_MIN_SCALE` of
    the text width (a figure already narrowed to fit a page does not shrink
    further). ``reserve`` is the height of the caption that must fit below it. The
    caller puts a conditional page break before it that asks for the
    smallest size, so it is drawn on this page when that fits and full size
    on the next page otherwise.
    """

    def __init__(self, *args, reserve: float = 0.0, smallest: float = _FIGURE_MIN_SCALE, **kwargs):
        super().__init__(*args, **kwargs)
        self._natural = (self.drawWidth, self.drawHeight)
        self.reserve = reserve
        self.smallest = smallest

    @property
    def min_height(self) -> float:
        return self._natural[1] * self.smallest

    def wrap(self, avail_width, avail_height):  # noqa: D102 (reportlab's interface)
        w, h = self._natural
        room = avail_height - self.reserve
        scale = 1.0 if room >= h else max(self.smallest, room / h)
        self.drawWidth, self.drawHeight = w * scale, h * scale
        return self.drawWidth, self.drawHeight


# ---------------------------------------------------------------------------
# document
# ---------------------------------------------------------------------------


class _Doc(BaseDocTemplate):
    """Adds PDF bookmarks and table-of-contents entries for section headings."""

    def afterFlowable(self, flowable):  # noqa: N802 (reportlab's hook name)
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            text = flowable.getPlainText()
            key = f"h{self.seq.nextf('heading')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=0, closed=False)
            self.notify("TOCEntry", (0, text, self.page, key))


def render_pdf(report: Report, *, pagesize: str = "a4", dpi: int | None = None) -> bytes:
    """The report as PDF bytes.

    Parameters
    ----------
    report : Report
    pagesize : {"a4", "letter"}
    dpi : int, optional
        Resolution of the figures (default 170).
    """
    dpi = int(dpi or _FIGURE_DPI)
    register_fonts()
    try:
        size = _PAGE_SIZES[pagesize.lower()]
    except KeyError:
        raise BiaskitError(f"unknown page size {pagesize!r}; use 'a4' or 'letter'") from None
    st = _styles()
    buf = io.BytesIO()
    margin = 2.0 * cm
    doc = _Doc(buf, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=margin,
               bottomMargin=margin, title=report.title, author=report.author or "",
               creator=f"biaskit {__version__}", subject="biaskit report")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    footer_title = report.title if len(report.title) <= 80 else report.title[:79] + "…"

    def on_page(canvas, document):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(margin, margin * 0.5, footer_title)
        canvas.drawRightString(size[0] - margin, margin * 0.5, f"page {document.page}")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])

    story: list = [_p(report.title, st["title"])]
    if report.subtitle:
        story.append(_p(report.subtitle, st["subtitle"]))
    byline = " · ".join(x for x in (report.author, report.created, f"biaskit {__version__}") if x)
    story.append(_p(byline, st["byline"]))
    if report.notice:
        story.append(_p(report.notice, st["note"]))
    toc = TableOfContents()
    toc.levelStyles = [st["toc1"]]
    toc.dotsMinLevel = 0
    story += [_p("Contents", st["h2"]), toc, Spacer(1, 10)]

    for number, section in enumerate(report.sections, start=1):
        # headings wait for the block they introduce, so that a heading is never
        # left alone at the foot of a page above its figure or table
        pending: list = [_p(f"{number}. {section.heading}", st["h1"])]
        if section.skipped:
            pending.append(_p(section.skipped, st["note"]))
        blocks = section.blocks
        for i, block in enumerate(blocks):
            if isinstance(block, Heading):
                pending.append(_p(block.text, st["h2"]))
                continue
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if (isinstance(block, Text) and isinstance(following, (Figure, Table))
                    and sum(map(len, block.paragraphs)) <= _SHORT_INTRO):
                # a short introduction stays on the page of the figure or table it introduces
                pending += [_p(par, st["body"]) for par in block.paragraphs]
                continue
            if isinstance(block, Text):
                flows = [_p(par, st["body"]) for par in block.paragraphs]
            elif isinstance(block, Note):
                flows = [_p(block.text, st["note"])]
            elif isinstance(block, Bullets):
                flows = [ListFlowable([ListItem(_p(item, st["body"]), leftIndent=12) for item in block.items],
                                      bulletType="bullet", start="•", leftIndent=12, bulletFontName=FONT)]
            elif isinstance(block, Definitions):
                flows = [KeepTogether([_p(term, st["term"]), _p(text, st["def"])]) for term, text in block.items]
            elif isinstance(block, Table):
                flows = _table_flowables(block, st, doc.width)
            elif isinstance(block, Figure):
                flows = _figure_flowables(block, st, doc.width, doc.height, dpi)
            else:  # pragma: no cover - the model has no other blocks
                raise BiaskitError(f"cannot render a {type(block).__name__} in a PDF")
            if isinstance(block, Figure):
                # headings, the figure at its smallest and the caption must fit, or all go to the next page
                img = flows[0]
                needed = sum(f.wrap(doc.width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in pending)
                needed += img.min_height + img.reserve
                for f in pending:
                    f.keepWithNext = 0
                story += [CondPageBreak(needed + 2), *pending, *flows]
            elif isinstance(block, Table):
                story += _table_start(pending, flows, doc.width)
            else:
                story += pending + flows
            pending = []
        story += pending
    # reportlab wraps every stream in ASCII85 by default, in pure Python: on a report with
    # figures that took longer than drawing them. Binary streams are valid PDF and smaller;
    # the setting is reportlab's module-level flag, so it is restored right after.
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.multiBuild(story)
    finally:
        rl_config.useA85 = saved
    return buf.getvalue()
