"""Private numbers in text: mainland mobile numbers, resident ID numbers, bank card numbers.

People write these numbers in digit groups with almost anything between the groups, so the
search works on *chains*: runs of digits joined by separators. Text is normalised first (see
`privacy.normalise`: full-width digits become ASCII, zero-width characters are dropped), then

1. one regular expression finds the candidate chains: a run of 11 or more digits, or runs of at
   least 3 digits joined by separators (spaces of any kind, line breaks, dashes of any kind,
   dots, slashes). Groups of one or two digits never join, so dates (2023-07-17), decimals
   (11451.84), amounts with thousands separators (1,234,567) and SVG-like number lists
   (0 0 24 24) are never merged into one long number;
2. each join is checked: at most one visible separator and one line break, and dots or slashes
   only between groups of 3 or 4 digits (138.1234.5678, not 2023.0717.12345);
3. the digits of the longest run of joined groups from each group on are classified: mobile
   number (with an optional 86 / 0086 prefix), 18-digit ID number (GB 11643 check character,
   area code, birth date), 15-digit ID number (area code, birth date), bank card (Luhn, and an
   issuer prefix or a word such as 卡号 nearby).

A group is never cut: a mobile-looking slice of a longer run of digits is not a mobile number.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

SPACES = " \t\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # Unicode Zs and ASCII blanks
LINE_BREAKS = "\n\u2028\u2029\x85"
DASHES = "\\-\u2010-\u2015\u2043\u2212\ufe58\ufe63"  # -, ‐ ‑ ‒ – — ―, ⁃, −, ﹘, ﹣ (－ is normalised)
POINTS = "./"  # only between groups of 3 or 4 digits (． and ／ are normalised)
_SEP = SPACES + LINE_BREAKS + DASHES + POINTS

# A run of ≥ 11 digits, or ≥ 2 runs of ≥ 3 digits joined by separators; an ID number may end
# in X. Possessive quantifiers: a run of digits is never cut. The look-behind after the first
# digit (not before it, which would cost the search its fast scan for a digit) stops every
# attempt that starts inside a run at once: this search runs over every text of the archive.
CHAIN_RE = re.compile(
    rf"[0-9](?<![0-9]{{2}})[0-9]{{2,}}+(?:(?:[{_SEP}]++[0-9]{{3,}}+)++|(?<=[0-9]{{11}}))[Xx]?")
_GROUP_RE = re.compile(r"[0-9]+[Xx]?")
_VISIBLE = re.compile(rf"[{DASHES}{POINTS}]")
_BREAK = re.compile(rf"[{LINE_BREAKS}]")
# A country code just before a chain: +86, 0086, (+86), （+86）, 86- …
_PREFIX_RE = re.compile(rf"(?:[(（][{SPACES}]*)?(?:\+|00)?86(?:[{SPACES}]*[)）])?[{_SEP}]*$")
_PLUS_RE = re.compile(rf"(?:[(（][{SPACES}]*)?\+$")  # before 8613812345678
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
# Issuer prefixes: UnionPay 62, other domestic 60/9558-style, Visa 4, Mastercard 51–55,
# American Express 34/37, JCB 35.
_CARD_PREFIX_RE = re.compile(r"62|60|95[5-9]|4|5[1-5]|3[457]")
CARD_WORDS = re.compile(r"卡号|账号|帐号|银行卡|开户行|开户银行|账户|帐户|储蓄卡|信用卡|借记卡|银联|"
                        r"(?i:card|account)")
CARD_CONTEXT = 24  # characters either side of a card-like number searched for CARD_WORDS
MAX_DIGITS = 19
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})  # mobile (+86, +0086), ID numbers, cards

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CODES = "10X98765432"

Hit = tuple[str, str, int, str]  # kind, value as written, offset in the text, digits


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK_CODES[total % 11] == number[17].upper()


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def id18_ok(number: str) -> bool:
    """Check character, an area code (first digit 1–8) and a real birth date 1900–2099."""
    return (number[0] in "12345678" and id_checksum_ok(number) and 1900 <= int(number[6:10]) <= 2099
            and _date_ok(int(number[6:10]), int(number[10:12]), int(number[12:14])))


def id15_ok(number: str) -> bool:
    """The 15-digit ID numbers issued before 1999: area code, then YYMMDD of a 19xx birth date."""
    return (number.isdigit() and number[0] in "12345678"
            and _date_ok(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12])))


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_ok(code: str) -> bool:
    """GB 32100-2015: the 18th character of a 统一社会信用代码 checks the first 17 (mod 31).
    Many such codes are all digits; one that checks is an organisation's, not a bank card."""
    if len(code) != 18 or any(ch not in _CREDIT_CODE_CHARS for ch in code):
        return False
    total = sum(_CREDIT_CODE_CHARS.index(ch) * w for ch, w in zip(code, _CREDIT_CODE_WEIGHTS))
    return _CREDIT_CODE_CHARS[(31 - total % 31) % 31] == code[17]


def classify(digits: str, card_context: bool) -> str | None:
    """What a run of digits (the joined groups) is, if private: mobile, id_number or bank_card."""
    n = len(digits)
    if digits[-1] in "Xx":
        return "id_number" if n == 18 and id18_ok(digits) else None
    if n == 11:
        return "mobile" if _MOBILE_RE.fullmatch(digits) else None
    if (n == 13 and digits.startswith("86") or n == 15 and digits.startswith("0086")) \
            and _MOBILE_RE.fullmatch(digits[-11:]):
        return "mobile"
    if n == 18 and id18_ok(digits) or n == 15 and id15_ok(digits):
        return "id_number"
    if 16 <= n <= MAX_DIGITS and luhn_ok(digits) and (card_context or _CARD_PREFIX_RE.match(digits)) \
            and not credit_code_ok(digits):
        return "bank_card"
    return None


def _join_ok(sep: str, left: str, right: str) -> bool:
    visible = _VISIBLE.findall(sep)
    if len(visible) > 1 or len(_BREAK.findall(sep)) > 1:
        return False
    if visible and visible[0] in POINTS:
        return 3 <= len(left) <= 4 and 3 <= len(right) <= 4 and not left.endswith(("X", "x"))
    return True


def _is_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _card_words_near(text: str, start: int, end: int) -> bool:
    # Never across the boundary between two texts checked together (see privacy.find_in_fields).
    before = text[max(0, start - CARD_CONTEXT):start].rpartition("\x00")[2]
    after = text[end:end + CARD_CONTEXT].partition("\x00")[0]
    return bool(CARD_WORDS.search(before) or CARD_WORDS.search(after))


def _part_of_a_decimal(text: str, start: int, end: int) -> bool:
    """0.13812345678 or 13812345678.5 are amounts; so is 13812345678,000 (thousands)."""
    before, after = text[max(0, start - 2):start], text[end:end + 5]
    return (len(before) == 2 and before[1] == "." and before[0].isdigit()) or bool(
        re.match(r"\.[0-9]|,[0-9]{3}(?![0-9])", after))


def _classify_span(text: str, start: int, end: int, digits: str) -> tuple[str, str, int] | None:
    """(kind, digits, end) of the joined groups text[start:end], if they are a private number."""
    if _part_of_a_decimal(text, start, end) or text[end:end + 1].isdigit():  # …002X5
        return None
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if digits[-1] in "Xx" and len(digits) != 18:  # e.g. a mobile number followed by an X
        digits, end, after = digits[:-1], end - 1, digits[-1]
    kind = classify(digits, card_context=len(digits) >= 16 and _card_words_near(text, start, end))
    # A code such as MA35…, A110105… or a hash: only a mobile number may touch Latin letters.
    if kind is None or kind != "mobile" and (_is_letter(before) or _is_letter(after)):
        return None
    return kind, digits, end


def _with_prefix(text: str, start: int, digits: str) -> int:
    """Where a mobile number starting at `start` really starts, with its country code."""
    m = (_PREFIX_RE if len(digits) == 11 else _PLUS_RE).search(text, max(0, start - 16), start)
    if m and m.end() == start and (m.start() == 0 or not text[m.start() - 1].isdigit()):
        return m.start()
    return start


def number_hits(text: str) -> Iterator[Hit]:
    """Every private number in normalised text, in reading order."""
    for chain in CHAIN_RE.finditer(text):
        base = chain.start()
        groups = [(base + g.start(), base + g.end(), g.group()) for g in _GROUP_RE.finditer(chain.group())]
        joins = [_join_ok(text[a[1]:b[0]], a[2], b[2]) for a, b in zip(groups, groups[1:])]
        i = 0
        while i < len(groups):
            found = None
            # The longest run of joined groups from group i that is a private number.
            last, size = i, len(groups[i][2])
            while last + 1 < len(groups) and joins[last] and size + len(groups[last + 1][2]) <= MAX_DIGITS:
                last += 1
                size += len(groups[last][2])
            for j in range(last, i - 1, -1):
                digits = "".join(g[2] for g in groups[i:j + 1])
                if len(digits) in _LENGTHS or len(digits) == 12 and digits[-1] in "Xx":
                    found = _classify_span(text, groups[i][0], groups[j][1], digits)
                    if found:
                        break
            if found is None:
                i += 1
                continue
            kind, digits, end = found
            start = groups[i][0]
            if kind == "mobile" and i == 0:
                start = _with_prefix(text, start, digits)
            yield kind, text[start:end], start, digits.upper()
            i = j + 1
