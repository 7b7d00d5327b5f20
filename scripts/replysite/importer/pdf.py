"""A PDF's text layer as lines and paragraphs, with pdfplumber (pdfminer.six underneath).

pdfplumber gives one line per printed line and keeps every character in order (pdfminer's
own layout analysis moves curly quotes out of their line on Word/LibreOffice PDFs). Paragraphs
are rebuilt from the lines' positions, as official documents set them: a paragraph starts
where a line is indented (the two-character first-line indent), where the line before stopped
short of the right margin, or after a wider vertical gap; a sentence broken by a page break is
joined again. Each line is rebuilt from its characters with one space only where the printed
gap is wide (`联系人：魏红梅　　联系电话：…`), never for the narrow space word processors put
between Chinese and digits. Page numbers (`- 2 -`) are dropped.
"""

from __future__ import annotations

import logging
import re
import statistics
from pathlib import Path

from .errors import DocumentError

_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
MIN_CHARS_PER_PAGE = 20  # below this a page has no usable text layer (a scan)


def _line_text(chars: list[dict]) -> tuple[str, int]:
    """The line's text and its number of column gaps (0.9 em or wider: a table row, or
    `联系人：…　　电话：…`), written as two spaces (so that `区发改委  区工信局` stays two
    names; so are two printed spaces or more). A space printed as a character is one space, and so is a gap wider than 0.6 em
    without one; the narrower gap of automatic spacing between Chinese and digits is none."""
    out: list[str] = []
    previous = None
    spaced = 0
    columns = 0
    for char in sorted(chars, key=lambda c: c["x0"]):
        text = char["text"]
        if text.isspace():
            spaced += previous is not None
            continue
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            if gap >= 0.9 * char["size"] or spaced >= 2:
                out.append("  ")
                columns += 1
            elif gap > 0.6 * char["size"] or spaced:
                out.append(" ")
        out.append(text)
        previous, spaced = char, 0
    return "".join(out), columns


def _page_lines(page) -> list[dict]:
    lines = []
    # pdfplumber's lines leave out the space characters: they are put back, for a space that
    # was typed is one, and the narrow gap of automatic spacing is not
    spaces = [c for c in page.chars if c["text"].isspace()]
    for line in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        chars = [c for c in line["chars"] if c.get("upright", True)]
        if spaces and chars:
            chars += [c for c in spaces if line["top"] - 1 <= c["top"] <= line["bottom"]
                      and line["x0"] <= c["x0"] <= line["x1"]]
        text, columns = _line_text(chars)
        if not text or _PAGE_NUMBER.match(text.replace(" ", "")):
            continue
        size = statistics.median(c["size"] for c in chars) if chars else 12.0
        lines.append({"text": text, "x0": line["x0"], "x1": line["x1"], "top": line["top"],
                      "bottom": line["bottom"], "size": size, "columns": columns})
    return lines


def _paragraphs(lines: list[dict]) -> list[str]:
    if not lines:
        return []
    left = min(x["x0"] for x in lines)
    # the right margin: where left-aligned or indented lines end (not a centred heading or a
    # right-aligned signature that may stick out)
    body = [x["x1"] for x in lines if x["x0"] <= left + 2.5 * x["size"] and not x["columns"]]
    right = max(body or [x["x1"] for x in lines])
    gaps = [b["top"] - a["bottom"] for a, b in zip(lines, lines[1:]) if b["top"] > a["top"]]
    normal_gap = statistics.median(gaps) if gaps else 0.0
    paragraphs: list[str] = []
    current = ""
    previous = None
    for line in lines:
        em = line["size"]
        new = previous is None
        if previous is not None:
            short = previous["x1"] < right - 3 * em
            indented = line["x0"] > left + 1.5 * em
            # a centred or right-aligned line, or a row of columns, stands alone
            centred = previous["x0"] > left + em and abs((previous["x0"] - left) - (right - previous["x1"])) < em
            alone = previous["x0"] > left + 2.5 * em or centred or previous["columns"] or line["columns"]
            if line["top"] <= previous["top"]:  # the next page
                new = short or indented or alone
            else:
                new = line["top"] - previous["bottom"] > normal_gap + 0.8 * em or indented or short or alone
        if new and current:
            paragraphs.append(current)
            current = ""
        current += line["text"]
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def pdf_text(path: Path) -> str:
    """The PDF's text, one paragraph per line, paragraphs separated by blank lines.

    DocumentError (in Chinese) for a file that is not a readable PDF, an encrypted one, or one
    without a text layer (a scan)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not for staff
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except PDFPasswordIncorrect as exc:
        raise DocumentError("PDF 文件有密码保护，无法读取；请提供未加密的文件") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(f"无法读取 PDF 文件（文件可能已损坏）：{type(exc).__name__}") from exc
    except Exception as exc:  # pdfminer raises many types for damaged files
        if type(exc).__name__.startswith("PDF") or type(exc).__module__.startswith(("pdfminer", "pdfplumber")):
            raise DocumentError(f"无法读取 PDF 文件（文件可能已损坏）：{type(exc).__name__}") from exc
        raise
    chars = sum(len(x["text"].replace(" ", "")) for page in pages for x in page)
    text = "".join(x["text"] for page in pages for x in page)
    if not pages or chars < MIN_CHARS_PER_PAGE * len(pages) or text.count("(cid:") * 6 > len(text) \
            or text.count("\ufffd") * 4 > len(text):
        raise NoTextLayer(len(pages))
    return "\n\n".join(_paragraphs([line for page in pages for line in page])) + "\n"


class NoTextLayer(DocumentError):
    """A PDF whose pages are images (a scan)."""

    def __init__(self, pages: int) -> None:
        super().__init__(f"这个 PDF 没有文字层（共 {pages} 页，看起来是扫描件或图片）")
        self.pages = pages
