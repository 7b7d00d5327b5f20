"""Proposers: from the letter's salutation, its opening sentence or labelled fields (建议人：…)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NAME_RE = re.compile(r"^[\u4e00-\u9fa5][\u4e00-\u9fa5·•]{1,5}$")
_GROUP_ROLES = ("委员小组", "代表小组", "代表团", "小组", "委员会", "总支", "支部", "界别", "联组")
_PERSON_ROLES = ("代表", "委员", "同志", "先生", "女士")
_ROLE = "|".join(_GROUP_ROLES + _PERSON_ROLES)
_SALUTATION = re.compile(rf"^(?P<dear>尊敬的)?\s*(?P<who>[^：:，。；！？]{{1,60}}?)\s*"
                         rf"(?P<role>{_ROLE})(?P<more>们|等)?\s*(?P<colon>[：:])?$")
_GREETING_AFTER = re.compile(r"(?<=[：:])\s*(?:您|你)(?:们)?好[！!。]?$")
# a title before the name: 尊敬的市人大代表张三：, 政协委员李四：
_TITLED = re.compile(r"^(?:[省市县区州旗镇乡]|全国)?(?:人大代表|政协委员)(?P<name>[\u4e00-\u9fa5、，,]{2,40})$")
_DEAR_ANYONE = re.compile(r"^尊敬的\s*(?P<who>[^：:，。]{2,40}?)\s*[：:]$")
# Democratic parties and other CPPCC bodies that make proposals as organisations.
PARTY = r"(?:中国)?(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|工商联|共青团|妇联|总工会|科协|侨联|台联|青联)"
_PARTY_SALUTATION = re.compile(rf"^(?:尊敬的)?\s*(?P<who>{PARTY}[\u4e00-\u9fa5（）()]{{0,20}})\s*[：:]$")
_COUNT = re.compile(r"(?:等)?(?:[二两三四五六七八九]|十[一二三四五六七八九]?|\d+)(?:位|名)$|(?:各位|诸位)$")
_SEPARATORS = re.compile(r"[、，,；;/\s]+")
_ORG_END = ("局", "委", "办", "厅", "部", "院", "署", "会", "中心", "政府", "公司", "集团", "站", "所", "处",
            "队", "街道", "镇", "乡", "管委会")


@dataclass
class Salutation:
    proposers: list[str]
    notes: list[str] = field(default_factory=list)
    role: str | None = None  # the role word (代表, 委员, 委员小组 …), None for a unit or party
    addressee_unit: str | None = None  # a 会办 letter's salutation names the lead unit


def split_names(text: str) -> list[str] | None:
    """Names separated by 、 ， or spaces; None when any part is not a personal name."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts or not all(NAME_RE.match(p) for p in parts):
        return None
    return parts


def _looks_like_unit(text: str) -> bool:
    return 2 <= len(text) <= 20 and text.endswith(_ORG_END) and re.fullmatch(r"[\u4e00-\u9fa5（）()]+", text) is not None


def salutation(line: str) -> Salutation | None:
    """The salutation line (`尊敬的X代表：`, `X代表` without colon, `X、Y二位代表：`,
    `X等3名代表：`, `X、Y、Z委员：`, `区政协某某界委员小组：`, `民建某某市委会：`, a 会办
    letter's `省发改委：`). None when the line is not a salutation; no proposers for `各位代表`."""
    line = _GREETING_AFTER.sub("", line.strip())
    if len(line) > 60:
        return None
    party = _PARTY_SALUTATION.match(line)
    if party:
        return Salutation([party["who"]])
    match = _SALUTATION.match(line)
    if match:
        who, role = match["who"].strip(), match["role"]
        if not (match["dear"] or match["colon"]) and role not in ("代表", "委员"):
            return None
        if role in _GROUP_ROLES:
            if not re.search(r"政协|人大|界|党|组|代表|委员", who + role):
                return None
            return Salutation([who + role], role=role)
        notes: list[str] = []
        titled = _TITLED.match(who)
        if titled:
            who = titled["name"]
        who = re.sub(r"(?:代表|委员)(?=[、，,])", "", who)
        count = _COUNT.search(who)
        if count and count.group(0).startswith("等") or who.endswith("等") or match["more"] == "等":
            notes.append(f"称呼“{line}”中有“等”，其他提出人未列出，请补充")
        who = _COUNT.sub("", who).strip().removesuffix("等").strip()
        if not who:
            return Salutation([], notes, role)
        names = split_names(who)
        if names and not (match["dear"] or match["colon"]) and max(map(len, names)) > 4:
            names = None
        if names is None:
            return None if not (match["dear"] or match["colon"]) else Salutation([], notes, role)
        return Salutation(names, notes, role)
    dear = _DEAR_ANYONE.match(line)
    if dear:
        who = dear["who"].strip()
        titled = _TITLED.match(who)
        if titled and (names := split_names(titled["name"])):
            return Salutation(names, role="代表" if "人大" in who else "委员")
        if who in _PERSON_ROLES:
            return Salutation([])
        if _looks_like_unit(who):
            return Salutation([], addressee_unit=who)
        names = split_names(who)
        return Salutation(names or [who])
    unit = re.fullmatch(r"([\u4e00-\u9fa5（）()]{2,20})[：:]", line)
    if unit and _looks_like_unit(unit.group(1)) and not re.search(r"代表|委员|关于|附件|抄送|联系|说明", line):
        return Salutation([], addressee_unit=unit.group(1))
    return None


def find_salutation(lines: list[str]) -> int | None:
    """Index of the first salutation line, or None."""
    for index, line in enumerate(lines):
        if line and salutation(line) is not None:
            return index
    return None


_OPENING_WHO = re.compile(
    rf"(?:^|[，,。；]|(?:由|经))(?P<who>[\u4e00-\u9fa5、，,]{{2,40}}?|{PARTY}[\u4e00-\u9fa5]{{0,20}}?)"
    rf"(?P<count>等\s*(?:\d+|[二两三四五六七八九十]+)\s*(?:位|名)|等)?\s*(?P<role>代表|委员)?"
    rf"(?:在[^，。]{{0,30}}?(?:会议)?(?:上|期间))?(?:领衔|联名)?(?:提出|所提)的")


def opening_proposers(sentence: str) -> tuple[list[str], list[str], str | None]:
    """Proposers named in the opening sentence of a letter addressed to someone else (a 会办
    letter to the lead unit): `聂春山等5位代表提出的《…》`, `民建东澜省委会提出的《…》`.
    Returns (names, notes, role)."""
    match = _OPENING_WHO.search(sentence)
    if not match:
        return [], [], None
    who, role = match["who"], match["role"]
    notes = [f"原文“{match.group(0).lstrip('，,。；')}”只写了领衔人，其他提出人未列出，请补充"] if match["count"] else []
    if re.match(PARTY, who):
        return [who], notes, None
    if role:
        names = split_names(who)
        if names:
            return names, notes, role
    return [], [], None


_WITH = re.compile(r"(?:您|你)(?:与|和|同)(?P<who>[\u4e00-\u9fa5、，,]{2,40}?)(?:等)?(?:代表|委员)(?:等)?(?:联名|共同|一起)(?:提出|领衔)")


def joint_proposers(sentence: str) -> list[str]:
    """Co-proposers named in the opening: `您与李国华、王建平委员联名提出的…`."""
    match = _WITH.search(sentence)
    return (split_names(match["who"]) or []) if match else []


def labelled_names(values: list[str]) -> list[str] | None:
    """A labelled value of names: `张三、李四`, `陈静怡,李国华,王建平`, `王五等`."""
    for value in values:
        value = re.split(r"\t|\s{2,}", value.strip())[0]
        value = re.sub(r"(?:等\s*(?:\d+|[二两三四五六七八九十]+)\s*(?:位|名|人)?(?:代表|委员)?|等)$", "",
                       value.strip("。. "))
        value = re.sub(r"(?:代表|委员)$", "", value)
        names = split_names(value)
        if names:
            return names
        if re.match(PARTY, value) or re.search(r"(?:委员小组|界别|联组|代表团)$", value):
            return [value]
    return None
