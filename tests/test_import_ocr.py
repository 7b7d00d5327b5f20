"""Scanned PDFs (no text layer): read for real through tesseract's Simplified Chinese model
(installed by scripts/test.sh), marked as OCR everywhere; without OCR, a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from letter_formats import LETTERS, write_as
from replysite.commands.import_letters import import_command
from replysite.importer import DocumentError, extract, load_document
from replysite.importer import ocr


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A letter printed to PDF, then turned into page images only (as a scanner gives it)."""
    import pypdfium2

    folder = tmp_path_factory.mktemp("scan")
    pdf = write_as(LETTERS / "28-town-chinese-numeral-date.txt", "pdf", folder)
    document = pypdfium2.PdfDocument(str(pdf))
    images = [page.render(scale=200 / 72).to_pil().convert("RGB") for page in document]
    document.close()
    path = folder / "扫描件.pdf"
    images[0].save(path, save_all=True, append_images=images[1:], resolution=200)
    return path


def test_ocr_is_installed_here() -> None:
    assert ocr.ocr_available() is None, "scripts/test.sh installs tesseract-ocr and tesseract-ocr-chi-sim"


def test_scan_is_read_by_ocr(scan: Path) -> None:
    document = load_document(scan)
    assert document.ocr
    fields = extract(document.text).fields
    assert (fields["kind"], fields["number"], fields["session"], fields["proposers"]) == (
        "建议", "9", "县十七届人大二次会议", ["刘金山"])
    assert "镇政府已将中心小学运动场修缮" in document.text


def test_scan_import_is_marked_for_checking(scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(import_command, [str(scan)])
    assert result.exit_code == 0, result.output
    assert "  提示：扫描件（没有文字层），正文和字段由文字识别（OCR）读出，可能有错字，请逐项核对\n" in result.output
    (written,) = Path("replies").rglob("*.md")
    assert written.read_text(encoding="utf-8").startswith(
        "---\n# 本文件由扫描件的文字识别（OCR）生成：正文和每个字段都可能有错字，请对照原件逐项核对，核对后删除这一行\n")


def test_without_ocr_the_message_says_why(scan: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load_document(scan, ocr=False)
    assert str(caught.value) == ("这个 PDF 没有文字层（共 1 页，看起来是扫描件或图片）；没有文字可读。"
                                 "请向发文单位索取 Word 或带文字的 PDF 原件，或去掉 --no-ocr 用文字识别（OCR）读取后逐项核对")


def test_without_tesseract_the_message_says_what_is_missing(scan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError) as caught:
        load_document(scan)
    assert str(caught.value) == (
        "这个 PDF 没有文字层（共 1 页，看起来是扫描件或图片），无法读取文字；本机未安装文字识别程序 tesseract"
        "（Debian 软件包 tesseract-ocr）。请向发文单位索取 Word 或带文字的 PDF 原件"
        "（或安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后重新导入）")


def test_ocr_text_is_tidied() -> None:
    assert ocr.tidy_ocr("尊 敬 的 刘金山代表 :\n《关于修缮》〈第9号） 已收悉") == "尊敬的刘金山代表：\n《关于修缮》（第9号）已收悉"
