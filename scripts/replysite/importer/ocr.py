"""Text of a scanned PDF (no text layer) by OCR: pages rendered with pypdfium2 (pdfplumber's
own renderer), recognised by Debian's tesseract-ocr with the Simplified Chinese model
(tesseract-ocr-chi-sim) through pytesseract.

OCR text is a draft: on these letters about one character in twenty is wrong, and the errors
fall on names, numbers and brackets (〔〕→】). The importer marks every reply read this way for
checking against the original. Spaces tesseract puts between Chinese characters are removed
and ASCII punctuation between Chinese characters is written full width again.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .errors import DocumentError

DPI = 200  # 300 dpi was no better with this model and twice as slow (research notes)
LANGUAGE = "chi_sim"
_CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》]"
_FULL = {":": "：", ";": "；", ",": "，", "!": "！", "?": "？", "(": "（", ")": "）", "〈": "（", "〉": "）"}


def ocr_available() -> str | None:
    """None when OCR can run here, else what is missing (in Chinese)."""
    try:
        import pytesseract
    except ImportError:
        return "未安装 pytesseract"
    if shutil.which("tesseract") is None:
        return "本机未安装文字识别程序 tesseract（Debian 软件包 tesseract-ocr）"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception:  # pytesseract raises its own types and OSError
        return "文字识别程序 tesseract 无法运行"
    if LANGUAGE not in languages:
        return "本机未安装简体中文识别数据（Debian 软件包 tesseract-ocr-chi-sim）"
    return None


def tidy_ocr(text: str) -> str:
    """Spaces between Chinese characters removed, ASCII punctuation between them made full width."""
    text = re.sub(rf"(?<={_CJK})[ \t]+(?={_CJK})", "", text)
    text = re.sub(rf"(?<={_CJK})[ \t]*([:;,!?()〈〉])[ \t]*|[ \t]*([:;,!?()〈〉])[ \t]*(?={_CJK})",
                  lambda m: _FULL[m.group(1) or m.group(2)], text)
    return text


def ocr_pdf(path: Path, no_text: DocumentError) -> str:
    """The recognised text of every page, pages separated by a blank line."""
    missing = ocr_available()
    if missing:
        raise DocumentError(f"{no_text}，无法读取文字；{missing}。请向发文单位索取 Word 或带文字的 PDF 原件"
                            "（或安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后重新导入）")
    import pypdfium2
    import pytesseract

    pages = []
    try:
        document = pypdfium2.PdfDocument(str(path))
        try:
            for page in document:
                image = page.render(scale=DPI / 72).to_pil()
                pages.append(pytesseract.image_to_string(image, lang=LANGUAGE, config="--psm 3"))
        finally:
            document.close()
    except pypdfium2.PdfiumError as exc:
        raise DocumentError(f"{no_text}，且无法转成图片进行文字识别") from exc
    text = tidy_ocr("\n\n".join(pages))
    if len(re.sub(r"\s", "", text)) < 20:
        raise DocumentError(f"{no_text}，文字识别也没有读出文字")
    return text
