"""The letter body as Markdown paragraphs, rebuilt from hard-wrapped, page-broken text."""

from __future__ import annotations

import re

from .clean import FURNITURE
from .dates import date_line, date_shaped
from .tail import org_name, signed_date_line

# A paragraph ending with one of these is complete; any other is continued by the next one
# (a PDF page break or a hard wrap split it).
_TERMINALS = ("。", "：", "！", "？", ":", "!", "?", "。”", "！”", "？”", "……", "。）", "。)")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|"
                         r"\d+[、．]|\d+\.(?!\d)|第[一二三四五六七八九十]+[，,、])")
_CJK = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"
_DIGIT_SPACES = re.compile(rf"(?<={_CJK})[ \t\u3000\u00a0]+(?=\d)|(?<=[\d%])[ \t\u3000\u00a0]+(?={_CJK})")
_END_MARKERS = [re.compile(p) for p in (
    r"^附\s*(?:件|录|表)?\s*\d*\s*(?:[:：]|$)",           # 附：… / 附件1：… / 附件
    r"^(?:抄\s*送|抄\s*报)\s*[:：]",
    r"^[(（]?\s*联\s*系\s*(?:人|单\s*位|电\s*话|方\s*式)",
    r"^[(（]?\s*(?:承\s*办\s*(?:负\s*责\s*)?人|经\s*办\s*人|签\s*发\s*人)\s*[:：]",
    r"^办\s*理\s*结\s*果\s*[:：]",
    r"^(?:邮\s*政\s*编\s*码|邮\s*编)\s*[:：]",
    r"征询意见表|意见反馈表|办理情况反馈",
    r"^[(（]?\s*此件",
    r"^(?:(?:办复|办理|答复)?(?:分类|类别)\s*[:：]|[(（]?\s*[A-Da-d]\s*类\s*[)）]?\s*(?:同意公开)?$)",
)]


def is_end_marker(lines: list[str], index: int) -> bool:
    """Where the body stops: attachment (附：), date line, signature above a date, 抄送,
    contact or postcode lines, the feedback form, a trailing category line."""
    line = lines[index]
    if line == FURNITURE or any(p.search(line) for p in _END_MARKERS) or date_shaped(line) \
            or signed_date_line(line)[1]:
        return True
    if org_name(line):
        following = [x for x in lines[index + 1:index + 5] if x][:2]
        return any(date_shaped(x) for x in following)
    return False


def body_end(lines: list[str], start: int) -> int:
    """Index of the first line after the body (len(lines) when nothing marks the end)."""
    for index in range(start + 1, len(lines)):
        if lines[index] and is_end_marker(lines, index):
            return index
    return len(lines)


def _join(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() \
            and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def _should_merge(previous: str, paragraph: str) -> bool:
    if previous.endswith(_TERMINALS):
        return False
    is_heading = bool(_ENUMERATOR.match(previous)) and len(previous) <= 30
    return not is_heading and not _ENUMERATOR.match(paragraph)


def tidy(paragraph: str) -> str:
    """Remove the spaces extraction puts between Chinese text and digits (`转办单 147 个`)."""
    return re.sub(r"[ \t]{2,}", " ", _DIGIT_SPACES.sub("", paragraph)).strip()


def _escape(paragraph: str) -> str:
    """Keep Markdown from reading the start of a paragraph as a heading, quote or list."""
    if re.match(r"^(?:#|>|[-+*]\s|\d+\.\s)", paragraph):
        return "\\" + paragraph
    return paragraph


def _unwrap(block: list[str]) -> list[str]:
    """One block of lines → its paragraphs. Hard-wrapped text (most lines end mid-sentence)
    is one paragraph; text copied from a web page (most lines end a sentence) is a paragraph
    per line."""
    ends = sum(line.endswith(_TERMINALS) for line in block[:-1])
    if len(block) > 1 and ends * 2 >= len(block) - 1:
        return block
    text = block[0]
    for piece in block[1:]:
        text = _join(text, piece)
    return [text]


def paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated blocks; wrapped lines joined; a block merged into the previous
    one when that does not end a sentence (。：！？) and is not a numbered heading."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip() and line != FURNITURE:
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    result: list[str] = []
    for text in (piece for block in filter(None, blocks) for piece in _unwrap(block)):
        if result and _should_merge(result[-1], text):
            result[-1] = _join(result[-1], text)
        else:
            result.append(text)
    return [tidy(p) for p in result]


def markdown(paragraphs_: list[str]) -> str:
    return "\n\n".join(_escape(p) for p in paragraphs_)
