"""The fixture letters (tests/fixtures/import/letters/) in every input format `import` reads.

Each fixture is an invented letter as plain text with the fields it states in `.expected.json`.
`write_as` turns it into the file a member of staff would have: the text itself, a PDF with a
text layer (reportlab's built-in CID font STSong-Light, body paragraphs indented two characters,
heading centred, signature and date right-aligned, page numbers `- N -`, tables as spaced
cells), a saved web page of a government column (navigation, breadcrumbs, 打印本页/关闭窗口,
上一篇/下一篇 naming other numbers, a view counter, a hidden repeated title, a site footer with
the site owner's address and postcode) or a Word file (tab-separated rows as a table).
Used by tests/test_import_letters.py and benchmarks/import_accuracy.py.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

LETTERS = Path(__file__).resolve().parent / "fixtures" / "import" / "letters"
KEYS = ("kind", "number", "title", "proposers", "unit", "doc_number", "category", "reply_date",
        "session", "cc", "contact", "co_units", "assigned_date", "satisfaction", "postcode")
DATE_KEYS = ("reply_date", "assigned_date")
FORMATS = ("txt", "pdf", "html", "docx")


def expected_fields(source: Path) -> dict[str, object]:
    """The fields the letter states, dates as dates; absent keys are not stated."""
    data = json.loads(source.with_suffix(".expected.json").read_text(encoding="utf-8"))
    fields = {key: data[key] for key in KEYS if key in data}
    for key in DATE_KEYS:
        if key in fields:
            fields[key] = dt.date.fromisoformat(str(fields[key]))
    return fields


def compare(expected: dict[str, object], fields: dict[str, object]
            ) -> dict[str, tuple[str | None, object, object]]:
    """For each key: ("right" | "missing" | "wrong" | "invented" | None when neither stated nor
    read, expected value, value read). "invented": a value read that the letter does not state."""
    result: dict[str, tuple[str | None, object, object]] = {}
    for key in KEYS:
        want, got = expected.get(key), fields.get(key) or None
        if want is None and got is None:
            state = None
        elif got is None:
            state = "missing"
        else:
            state = "invented" if want is None else "right" if got == want else "wrong"
        result[key] = (state, want, got)
    return result


def write_as(source: Path, fmt: str, folder: Path) -> Path:
    """The letter as a file of format `fmt` in `folder`."""
    text = source.read_text(encoding="utf-8")
    path = folder / f"{source.stem}.{fmt}"
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
    elif fmt == "pdf":
        write_pdf(text, path)
    elif fmt == "html":
        path.write_text(web_page(text), encoding="utf-8")
    elif fmt == "docx":
        write_docx(text, path)
    else:
        raise ValueError(fmt)
    return path


# --- roles of lines, shared by the PDF and the web page ---------------------------------------

_DATE = re.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九十O]{4}年.{1,3}月.{1,3}日|"
                   r"\d{4}-\d{2}-\d{2})\s*$")


def _roles(lines: list[str]) -> list[str]:
    """"heading" (centred), "right" (signature, date, right-padded lines), "body" (indented
    paragraph), "plain" (everything else, left-aligned), "blank"."""
    roles = []
    stripped = [line.strip() for line in lines]
    for index, raw in enumerate(lines):
        line = stripped[index]
        if not line:
            roles.append("blank")
            continue
        following = [x for x in stripped[index + 1:index + 4] if x][:1]
        if _DATE.match(line) or raw.startswith(" " * 12) or (
                following and _DATE.match(following[0]) and len(line) <= 30 and "：" not in line):
            roles.append("right")
        elif re.search(r"(?:答复|复函|会办意见|的函)(?:（[A-D]）)?$", line) and len(line) <= 60 and "。" not in line:
            roles.append("heading")
        elif len(line) > 30 and "\t" not in line and not re.match(r"^\S{1,12}[：:]", line):
            roles.append("body")
        else:
            roles.append("plain")
    return roles


# --- PDF ----------------------------------------------------------------------------------------

def write_pdf(text: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    size, lead, left, right, top, bottom = 14, 25, 72, 72, 80, 90
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    state = {"y": height - top, "page": 1}

    def page_number() -> None:
        pdf.setFont(font, 11)
        pdf.drawCentredString(width / 2, 50, f"- {state['page']} -")

    def draw(line: str, x: float) -> None:
        if state["y"] < bottom:
            page_number()
            pdf.showPage()
            state["page"] += 1
            state["y"] = height - top
        pdf.setFont(font, size)
        pdf.drawString(x, state["y"], line)
        state["y"] -= lead

    lines = text.split("\n")
    for raw, role in zip(lines, _roles(lines)):
        line = raw.strip()
        if role == "blank":
            continue
        if "\t" in line:  # a table row: cells with wide gaps
            draw("    ".join(cell.strip() for cell in line.split("\t")), left)
            continue
        if role in ("heading", "right"):
            while line:  # a long heading is wrapped, each piece centred
                n = len(line)
                while n > 1 and pdfmetrics.stringWidth(line[:n], font, size) > width - left - right - 4 * size:
                    n -= 1
                w = pdfmetrics.stringWidth(line[:n], font, size)
                draw(line[:n], (width - w) / 2 if role == "heading" else width - right - w - 2 * size)
                line = line[n:]
            continue
        indent = 2 * size if role == "body" else 0
        while line:
            avail = width - left - right - indent
            n = len(line)
            while n > 1 and pdfmetrics.stringWidth(line[:n], font, size) > avail:
                n -= 1
            draw(line[:n], left + indent)
            line, indent = line[n:], 0
    page_number()
    pdf.save()


# --- a saved web page -----------------------------------------------------------------------------

def web_page(text: str) -> str:
    """The letter inside a government column page, as a browser saves it."""
    e = html.escape
    lines = text.split("\n")
    heading = next((x.strip() for x, r in zip(lines, _roles(lines)) if r == "heading"), "答复")
    parts = []
    table: list[str] = []
    for raw, role in zip(lines, _roles(lines)):
        line = raw.strip()
        if "\t" in line:
            table.append("<tr>" + "".join(f"<td>{e(c.strip())}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if table:
            parts.append('<table class="info">' + "".join(table) + "</table>")
            table = []
        if role == "blank":
            continue
        style = {"heading": ' style="text-align:center"', "right": ' style="text-align:right"',
                 "body": ' style="text-indent:2em"'}.get(role, "")
        parts.append(f"<p{style}>{e(line).replace('  ', '&nbsp; ')}</p>")
    if table:
        parts.append('<table class="info">' + "".join(table) + "</table>")
    letter = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(heading)} - 人民政府门户网站</title>
<meta name="PubDate" content="2025-01-06 09:30">
<script>var _hmt = _hmt || []; document.write("访问量 1024");</script>
<style>.hide {{ display: none }}</style>
</head><body>
<div class="top"><a href="/">无障碍</a> | <a href="/old">长者模式</a> <span>2025年1月6日 星期一</span></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/jyta/">建议提案办理</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/jyta/">建议提案办理</a></div>
<div class="article">
<h1 class="title">{e(heading)}</h1>
<div class="info">发布时间：2025-01-06 09:30　浏览次数：<span id="hits">388</span>　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="content" id="zoom">
{letter}
</div>
<div style="display:none" class="hide-id">{e(heading)} 31415926</div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="prevnext"><p>上一篇：<a href="/a/1.html">关于第0001号建议的答复（A类）</a></p>
<p>下一篇：<a href="/a/3.html">关于第9999号提案的答复</a></p></div>
</div>
<div class="footer">
<p>主办单位：某某市人民政府办公室　承办：某某市大数据中心</p>
<p>地址：某某市人民路1号　邮编：410000　电话：0731-88888888</p>
<p>网站标识码：4300000000　某ICP备05000000号</p>
</div>
</body></html>
"""


# --- Word ----------------------------------------------------------------------------------------

def write_docx(text: str, path: Path) -> None:
    from docx import Document

    document = Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
            for row, cells in zip(table.rows, rows):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
            rows.clear()

    for raw in text.split("\n"):
        if "\t" in raw:
            rows.append([c.strip() for c in raw.split("\t")])
            continue
        flush()
        if raw.strip():
            document.add_paragraph(raw.strip())
    flush()
    document.save(str(path))
