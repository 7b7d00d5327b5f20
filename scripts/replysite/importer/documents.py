"""Reading a reply document into plain text: .txt / .md (UTF-8, or GB18030/GBK) and .docx."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = (".txt", ".md", ".docx")


class DocumentError(Exception):
    """A document that cannot be read; the message is for staff (Chinese)."""


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
        raise DocumentError(f"无法读取 Word 文件：{exc}") from exc
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
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"不支持的文件类型“{path.suffix or '无扩展名'}”：请先另存为 .txt、.md 或 .docx")
    if suffix == ".docx":
        return docx_text(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{exc.strerror}") from exc
    return decode_text(raw)
