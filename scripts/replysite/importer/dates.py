"""Dates as letters write them: 2023年7月17日, 二〇二三年七月十七日, 2023-06-12."""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○Oo一二三四五六七八九十两"

ARABIC_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
CHINESE_DATE = rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日"
ISO_DATE = r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)"
_ANY_DATE = re.compile(f"{ARABIC_DATE}|{CHINESE_DATE}|{ISO_DATE}")
_DATE_LINE = re.compile(rf"^[(（]?\s*(?:{ARABIC_DATE}|{CHINESE_DATE}|{ISO_DATE})\s*[)）]?$")


def chinese_number(text: str) -> int | None:
    """一 … 九十九 written with 十: 七 → 7, 十 → 10, 十七 → 17, 二十 → 20, 三十一 → 31."""
    if not text:
        return None
    if "十" not in text:
        return _CN_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    t = 1 if tens == "" else _CN_DIGITS.get(tens)
    o = 0 if ones == "" else _CN_DIGITS.get(ones)
    if t is None or o is None or len(tens) > 1 or len(ones) > 1:
        return None
    return t * 10 + o


def chinese_year(text: str) -> int | None:
    """A year written digit by digit: 二〇二三 → 2023."""
    digits = [_CN_DIGITS.get(ch) for ch in text]
    if len(digits) != 4 or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def _to_date(match: re.Match[str]) -> dt.date | None:
    g = match.groups()
    try:
        if g[0]:
            return dt.date(int(g[0]), int(g[1]), int(g[2]))
        if g[3]:
            y, m, d = chinese_year(g[3]), chinese_number(g[4]), chinese_number(g[5])
            return dt.date(y, m, d) if y and m and d else None
        return dt.date(int(g[6]), int(g[7]), int(g[8]))
    except ValueError:
        return None


def find_date(text: str) -> dt.date | None:
    """The first valid date anywhere in `text`, in any of the three forms."""
    for match in _ANY_DATE.finditer(text):
        date = _to_date(match)
        if date:
            return date
    return None


def date_line(line: str) -> dt.date | None:
    """A line that holds nothing but a date (the date under a letter's signature)."""
    match = _DATE_LINE.match(line.strip())
    if not match:
        return None
    inner = _ANY_DATE.search(line)
    return _to_date(inner) if inner else None


def impossible_date_line(line: str) -> str | None:
    """A line written as a date that is no date (`2023年6月31日`, `二〇二三年十三月一日`): the
    text as written, to be reported; None for a real date or any other line."""
    match = _DATE_LINE.match(line.strip())
    inner = _ANY_DATE.search(line) if match else None
    if inner and _to_date(inner) is None:
        return inner.group(0)
    return None


def date_shaped(line: str) -> bool:
    """A line written as a date, valid or not (it ends a letter's body either way)."""
    return bool(_DATE_LINE.match(line.strip()))
