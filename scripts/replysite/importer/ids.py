"""Ids derived from what a letter states, so that nobody has to type them.

A unit's id (for `units.yml`) is the pinyin of its innermost place name and the initials of
the rest, as government site names are made: 青岚市松川区民政局 → `songchuan-mzj`,
东澜省文化和旅游厅 → `donglan-whhlyt`; a name without a place gives its initials
(区生态环境局 → `qsthjj`).

A reply's id is `<unit id>-<year>-<jianyi|tian>-<number>`: the unit's registry id, the year of
the reply date (else the year in the 文号), 建议 or 提案, and the number as written in lower
case (`donglan-whhlyt-2022-jianyi-0919`, `beiwei-2021-jianyi-dh0271`). A part the letter does
not state is left out; without a number, `h` and the first eight characters of the original's
SHA-256 stand for it. An id already taken (by a reply file or by another letter of the same
batch, such as a 再次答复 of the same suggestion) gets `-2`, `-3` … .
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container

# a place: a few characters (never 和/与/及: 住房和城乡建设局 names no 乡) and its level
_LEVEL_RE = r"(?:(?![和与及])[\u4e00-\u9fa5]){1,5}?(?:自治区|自治州|自治县|省|市|州|盟|地区|区|县|旗|镇|乡|街道)"
# after the first place, a second one has two characters or more and is not 城市/城乡
# (白鹭洲区城市管理局: 城市 is the department's word)
_REGION = re.compile(rf"^(?:中共|中国共产党)?(?P<region>{_LEVEL_RE}(?:(?!城市|城乡)(?=[\u4e00-\u9fa5]{{2}}){_LEVEL_RE})*)"
                     rf"(?P<rest>[\u4e00-\u9fa5].*)$")
_LEVEL = re.compile(_LEVEL_RE)
_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|省|市|州|盟|地区|区|县|旗|镇|乡|街道)$")
KINDS = {"建议": "jianyi", "提案": "tian"}


def _ascii(parts: list[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "", "".join(parts).lower())


def pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin
    return _ascii(lazy_pinyin(text))


def initials(text: str) -> str:
    from pypinyin import Style, lazy_pinyin
    return _ascii(lazy_pinyin(text, style=Style.FIRST_LETTER))


def unique(candidate: str, taken: Container[str]) -> str:
    """`candidate`, or with `-2`, `-3` … when taken."""
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


def unit_id(name: str, taken: Container[str] = ()) -> str:
    core = re.sub(r"[(（][^()（）]*[)）]", "", name).strip()
    match = _REGION.match(core)
    if match:
        levels = _LEVEL.findall(match["region"])
        place = pinyin(_SUFFIX.sub("", levels[-1]) or levels[-1])
        rest = initials(match["rest"])
        candidate = f"{place}-{rest}" if place and rest else place or rest
    else:
        candidate = initials(core)
    return unique(candidate or "unit", taken)


def reply_id(unit: str | None, year: int | None, kind: str | None, number: str | None, sha256: str,
             taken: Container[str] = ()) -> str:
    number_part = re.sub(r"[^a-z0-9]+", "", (number or "").lower()) or f"h{sha256[:8]}"
    parts = [unit or "", str(year) if year else "", KINDS.get(kind or "", ""), number_part]
    return unique("-".join(p for p in parts if p), taken)


def reply_year(reply_date: object, doc_number: object) -> int | None:
    """The year of the reply date, else the year in the 文号 (`〔2023〕`)."""
    if isinstance(reply_date, dt.date):
        return reply_date.year
    match = re.search(r"[〔［\[(（【]\s*(\d{4})\s*[〕］\])）】]", str(doc_number or ""))
    return int(match.group(1)) if match else None
