"""Field extractors for the unit and the letter's end: 主办单位, 答复日期, 抄送, 联系方式,
邮政编码, 征询意见表 (satisfaction), 协办单位."""

from __future__ import annotations

import datetime as dt
import re

from .clean import COLON, label
from .dates import date_line, find_date

_ORG_SUFFIXES = ("局", "委", "办", "办公室", "委员会", "政府", "中心", "院", "所", "厅", "部", "公司",
                 "集团", "站", "队", "处", "社", "馆", "署", "会", "行", "街道", "镇", "乡", "园区",
                 "管委会", "指挥部", "小组")
_ORG_RE = re.compile(r"^[\u4e00-\u9fa5（）()]{3,40}$")
_NOT_ORG = re.compile(r"关于|答复|回复|建议|提案|尊敬|代表|委员(?!会)|附件|抄送|征询|意见表|公告|签发")


def _one_org(text: str) -> str | None:
    name = re.sub(r"(文件|函|（函）|\(函\))$", "", text.replace(" ", "").strip())
    if _ORG_RE.match(name) and name.endswith(_ORG_SUFFIXES) and not _NOT_ORG.search(name):
        return name
    return None


def org_names(line: str) -> list[str]:
    """A line that is only organisations' names (`南昌市新建区政务服务数据管理局`,
    `新建区交通运输局文件` without 文件, `新 建 区 民 政 局` spaced out, or a joint signature
    `区发改委  区工信局` with wider gaps); [] for any other line."""
    parts = [p for p in re.split(r"\s{2,}|\u3000+", line.strip()) if p]
    names = [_one_org(p) for p in parts]
    return [n for n in names if n] if names and all(names) else []


def org_name(line: str) -> str | None:
    """The first organisation named by `org_names`."""
    names = org_names(line)
    return names[0] if names else None


def heading_unit(heading: str) -> str | None:
    """The unit before 关于/对 in a heading: `新建区交通运输局关于…的答复`."""
    match = re.match(r"^(.{3,40}?)(?:关于|对)", heading)
    return org_name(match.group(1)) if match else None


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def choose_unit(header: str | None, signature: str | None) -> str | None:
    """The full official name: when one name abbreviates the other (新建区政数局 in
    南昌市新建区政务服务数据管理局) the longer wins; otherwise the signature, which is who signed."""
    if header and signature:
        if is_subsequence(signature, header):
            return header
        return signature
    return header or signature


def signature_units(tail: list[str]) -> list[str]:
    """The signature block: the organisation line right above the letter's date line
    (several names when units signed jointly)."""
    for index, line in enumerate(tail):
        if date_line(line):
            above = [x for x in tail[max(0, index - 4):index] if x]
            for candidate in reversed(above[-2:]):
                if org_names(candidate):
                    return org_names(candidate)
            return []
    return []


def labelled_reply_date(lines: list[str]) -> dt.date | None:
    """`答复日期：2023年7月17日`, `答复时间：2023-06-12`, `办结时间：…`."""
    for line in lines:
        match = re.match(rf"^(?:{label('答复')}|{label('办结')}|{label('回复')})"
                         rf"(?:日期|时间){COLON}(.+)$", line)
        if match and (date := find_date(match.group(1))):
            return date
    return None


def first_date_line(lines: list[str]) -> dt.date | None:
    """The first line holding only a date (`2023年7月17日`, `二〇二三年七月十七日`,
    `2023-06-12`); a blank form date (`2023年 月 日`) is not a date."""
    for line in lines:
        if date := date_line(line):
            return date
    return None


_LIST_SPLIT = re.compile(r"[，,、；;]+|\s{2,}")


def cc(lines: list[str]) -> list[str] | None:
    """`抄送：区人大常委会选举任免联络办公室，区政府督查室。`, continued on the next line
    when the first ends with a separator; 抄报 is included."""
    for index, line in enumerate(lines):
        match = re.match(rf"^(?:{label('抄送')}|{label('抄报')}){COLON}(.+)$", line)
        if not match:
            continue
        text = match.group(1)
        for more in lines[index + 1:index + 4]:
            if not text.rstrip().endswith(("，", ",", "、", "；", ";")) or not more:
                break
            text += more
        names = [n.strip(" 。.") for n in _LIST_SPLIT.split(text)]
        return [n for n in names if n] or None
    return None


def co_units(lines: list[str]) -> list[str] | None:
    """`协办单位：区司法局、区市场监管局` or `会办单位：…`."""
    for line in lines:
        match = re.match(rf"^(?:{label('协办单位')}|{label('会办单位')}){COLON}(.+)$", line)
        if match:
            names = [n.strip(" 。.") for n in _LIST_SPLIT.split(match.group(1))]
            return [n for n in names if n] or None
    return None


_CONTACT_LABELS = ("联系单位及电话", "联系单位及联系电话", "联系单位", "联系人", "联系电话",
                   "办公电话", "联系方式", "电话")
_CONTACT_RE = re.compile(rf"(?P<label>{'|'.join(label(x) for x in _CONTACT_LABELS)}){COLON}")


def contact(lines: list[str]) -> str | None:
    """Contact lines in their many forms: `联系单位及电话：新建区政数局 83098603`,
    `联系人：李四  联系电话：0791-83098603` on one line or two, `（联系人：李四，电话：…）`.
    The parts are joined with one space in the order written."""
    parts: list[str] = []
    for line in lines:
        text = line.strip().strip("()（）")
        if not text:
            continue
        if not re.match(rf"^(?:{_CONTACT_RE.pattern})", text):
            if parts:
                break
            continue
        matches = list(_CONTACT_RE.finditer(text))
        for this, after in zip(matches, matches[1:] + [None]):
            value = text[this.end():after.start() if after else len(text)]
            value = re.sub(r"\s+", " ", value.strip(" ，,；;。.()（）"))
            if value:
                parts.append(value)
    return " ".join(parts) or None


def postcode(lines: list[str]) -> str | None:
    """`邮政编码：330100`, `邮编:330100`."""
    for line in lines:
        match = re.search(rf"(?:{label('邮政编码')}|{label('邮编')}){COLON}(\d{{6}})(?!\d)", line)
        if match:
            return match.group(1)
    return None


_OPTION = r"基本满意|不满意|满意"
_CHECKED = r"<input[^>]*\bchecked\b[^>]*>|[☑☒✓✔√■▣●]|[(（\[]\s*[√✓✔]\s*[)）\]]"
_UNCHECKED = r"<input[^>]*>|[□☐○]|[(（\[]\s*[)）\]]"
_TOKEN = re.compile(rf"(?P<option>{_OPTION})|(?P<checked>{_CHECKED})|(?P<unchecked>{_UNCHECKED})")


def checkbox_satisfaction(line: str) -> str | None:
    """The feedback form with boxes, label before or after its box:
    `满意 <input checked="" type="checkbox"/> 基本满意 <input type="checkbox"/> …`,
    `☑满意 □基本满意 □不满意`, `满意（√）基本满意（ ）不满意（ ）`.
    None unless exactly one option is checked."""
    tokens = [(m.lastgroup, m.group(0)) for m in _TOKEN.finditer(line)]
    if not tokens or len([t for t in tokens if t[0] == "option"]) < 2:
        return None
    boxes_first = tokens[0][0] != "option"
    chosen: list[str] = []
    for index, (kind, _) in enumerate(tokens):
        if kind != "checked":
            continue
        neighbour = index + 1 if boxes_first else index - 1
        if 0 <= neighbour < len(tokens) and tokens[neighbour][0] == "option":
            chosen.append(tokens[neighbour][1])
    return chosen[0] if len(set(chosen)) == 1 else None


def labelled_satisfaction(line: str) -> str | None:
    """`代表意见：满意`, `委员对办理情况的意见：基本满意`, `满意度：不满意`."""
    match = re.match(rf"^(?:代表|委员)?(?:对办理(?:情况|结果)的?)?(?:意见|评价|满意度){COLON}"
                     rf"({_OPTION})\s*[。.]?$", line)
    return match.group(1) if match else None


def satisfaction(lines: list[str]) -> str | None:
    """The satisfaction from the feedback form, boxes first, then labelled lines."""
    for line in lines:
        found = checkbox_satisfaction(line) or labelled_satisfaction(line)
        if found:
            return found
    return None
