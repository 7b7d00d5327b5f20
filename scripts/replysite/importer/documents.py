"""Reading a reply document into plain text: .txt / .md (UTF-8, or GB18030/GBK), .docx, .pdf
(its text layer, `pdf.py`; a scan through OCR when tesseract is installed, `ocr.py`) and a
saved web page (.html/.htm, `webpage.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError

SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    text: str
    ocr: bool = False  # the text was recognised from page images: every character may be wrong


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; GB18030, a superset of GBK, when that fails."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DocumentError("无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030）") from exc


def docx_text(path: Path) -> str:
    """Paragraphs and table rows (cells joined by tabs) in document order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged file
        raise DocumentError("无法读取 Word 文件（文件可能已损坏，或不是 .docx 格式；"
                            "旧的 .doc 文件请先用 Word 或 WPS 另存为 .docx）") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    if not cells or cell.text != cells[-1]:  # merged cells repeat their text
                        cells.append(cell.text.replace("\n", " "))
                lines.append("\t".join(cells))
        lines.append("")
    return "\n".join(lines)


def read_document(path: Path) -> str:
    """The document's plain text; DocumentError for an unsupported or unreadable file."""
    return load_document(path).text


def load_document(path: Path, ocr: bool = True) -> Document:
    """The document's text, and whether it came from OCR; DocumentError for an unsupported or
    unreadable file (a PDF without text layer when OCR is off or not installed)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"不支持的文件类型“{path.suffix or '无扩展名'}”：请先另存为 PDF、网页（.html）、"
                            ".docx、.txt 或 .md")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{exc.strerror}") from exc
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"文件过大（{size / 1048576:.0f} MB），最多 {MAX_DOCUMENT_BYTES // 1048576} MB")
    if suffix == ".docx":
        return Document(docx_text(path))
    if suffix == ".pdf":
        from .pdf import NoTextLayer, pdf_text
        try:
            return Document(pdf_text(path))
        except NoTextLayer as exc:
            from .ocr import ocr_pdf
            return Document(ocr_pdf(path, exc) if ocr else _no_ocr(exc), ocr=True)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{exc.strerror}") from exc
    if suffix in (".html", ".htm"):
        from .webpage import page_text
        return Document(page_text(raw))
    return Document(decode_text(raw))


def _no_ocr(exc: DocumentError) -> str:
    raise DocumentError(f"{exc}；没有文字可读。请向发文单位索取 Word 或带文字的 PDF 原件，"
                        "或去掉 --no-ocr 用文字识别（OCR）读取后逐项核对") from exc
