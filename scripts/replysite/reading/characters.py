"""Characters a reply must not hold: what XML 1.0 (pages, Atom feeds, the sitemap) or the search
index cannot carry, and what makes text display differently from what it is.

- control characters U+0000–U+0008, U+000B, U+000C, U+000E–U+001F (ESC among them), U+007F and
  the C1 controls U+0080–U+009F (never meant as text; usually pasted from another program or a
  wrongly decoded file), the non-characters U+FFFE and U+FFFF, lone surrogates;
- bidirectional controls U+202A–U+202E and U+2066–U+2069, which reorder what a reader sees
  ("Trojan source");
- line breaks in any field but the body: every field is shown on one line (titles, lists, feeds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_BIDI = "\u202a-\u202e\u2066-\u2069"
BAD_CHAR_RE = re.compile(f"[{_CONTROL}{_BIDI}]")
_BIDI_RE = re.compile(f"[{_BIDI}]")
LINE_BREAK_RE = re.compile("[\n\r\x85\u2028\u2029]")
SINGLE_LINE_BAD_RE = re.compile(f"[{_CONTROL}{_BIDI}\n\r\x85\u2028\u2029]")
MAX_FIELD_CHARS = 1000  # one line of a page; a title is rarely 100
MAX_REPORTED_LINES = 10  # of one file or field: the first ones are enough to find the rest


def _codes(chars: list[str]) -> str:
    shown = "、".join(f"U+{ord(c):04X}" for c in chars[:3])
    return shown + ("等" if len(chars) > 3 else "")


def bad_characters_message(text: str) -> str | None:
    """What is wrong with the characters of one line or value, if anything."""
    found = BAD_CHAR_RE.findall(text)
    if not found:
        return None
    chars = sorted(set(found))
    if all(_BIDI_RE.match(c) for c in chars):
        return (f"含有双向文本控制字符 {_codes(chars)}，会让文字的显示顺序与实际内容不同；"
                "请删除（常见于从网页或其他软件复制的文字）")
    return (f"含有不可见的控制字符 {_codes(chars)}，网页、订阅源和搜索索引无法容纳；"
            "请删除（常见于从其他软件复制粘贴的文字）")


def bad_lines(lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    """(line in the file, message) for each of `lines` holding a bad character; the caller has
    already found that some line does (one regex search over the whole text)."""
    reported = 0
    for number, line in enumerate(lines, first_line):
        message = bad_characters_message(line)
        if message is None:
            continue
        reported += 1
        if reported > MAX_REPORTED_LINES:
            yield number, "以及后面更多行含有同样的字符（只列出前 10 行）"
            return
        yield number, message


def single_line_message(text: str) -> str | None:
    """What is wrong with a value that must be one line of text (already stripped)."""
    message = bad_characters_message(text)
    if message is not None:
        return message
    if LINE_BREAK_RE.search(text):
        return "不能换行：此字段只能是一行文字（YAML 的 | 或 > 块、双引号中的 \\n 都会产生换行）；请写在一行内"
    if len(text) > MAX_FIELD_CHARS:
        return f"过长（{len(text)} 字），最多 {MAX_FIELD_CHARS} 字；请检查是否把正文写进了此字段"
    return None
