"""Field extractors for the unit and the letter's end: 主办单位, 答复日期, 抄送, 联系方式,
邮政编码, 征询意见表 (satisfaction), 协办单位."""

from __future__ import annotations

import datetime as dt
import re

from .clean import COLON, FURNITURE, label
from .dates import date_line, date_shaped, find_date

_ORG_SUFFIXES = ("局", "委", "办", "办公室", "委员会", "政府", "中心", "院", "所", "厅", "部", "公司",
                 "集团", "站", "队", "处", "社", "馆", "署", "会", "行", "街道", "镇", "乡", "园区",
                 "管委会", "指挥部", "小组")
_ORG_RE = re.compile(r"^[\u4e00-\u9fa5（）()]{3,40}$")
_NOT_ORG = re.compile(r"关于|答复|回复|建议|提案|尊敬|代表|委员(?!会)|附件|抄送|征询|意见表|公告|签发")


def _one_org(text: str) -> str | None:
    name = re.sub(r"[(（](?:盖章|印|章|公章)[)）]$", "", text.replace(" ", "").strip())
    name = re.sub(r"(文件|函|（函）|\(函\))$", "", name)
    core = re.sub(r"[(（][^()（）]+[)）]$", "", name)  # 市委改革办（市营商环境建设局）
    if _ORG_RE.match(name) and core.endswith(_ORG_SUFFIXES) and not _NOT_ORG.search(name):
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


_SECOND_NAME = re.compile(r"^[(（]([\u4e00-\u9fa5]{3,40})[)）]$")


def signed_date_line(line: str) -> tuple[list[str], dt.date | None]:
    """A line with the signature and the date together: `青岚市生态环境局  2024年7月12日`."""
    match = re.match(r"^(.{3,40}?)\s+(\S.*)$", line)
    if match and (names := org_names(match.group(1))) and (date := date_line(match.group(2))):
        return names, date
    return [], None


def signature_units(tail: list[str]) -> list[str]:
    """The signature block: the organisation line right above the letter's date line
    (several names when units signed jointly; a second name in brackets on the next line,
    `（北堰市营商环境建设局）`, belongs to the first)."""
    for index, line in enumerate(tail):
        names, _ = signed_date_line(line)
        if names:
            return names
        if date_shaped(line):
            above = [x for x in tail[max(0, index - 4):index] if x]
            if len(above) >= 2 and _SECOND_NAME.match(above[-1]) and len(org_names(above[-2])) == 1:
                return [org_names(above[-2])[0] + f"（{_SECOND_NAME.match(above[-1]).group(1)}）"]
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
    `2023-06-12`), or the signature and the date; a blank form date (`2023年 月 日`) is not
    a date."""
    for line in lines:
        if date := date_line(line) or signed_date_line(line)[1]:
            return date
    return None


_LIST_SPLIT = re.compile(r"[，,、；;]+|\s{2,}|\t+")
_SEPARATOR_END = ("，", ",", "、", "；", ";")


def split_units(text: str) -> list[str]:
    """Names separated by ，、； or runs of spaces; single spaces too when every part is an
    organisation (`市督查局 市政协提案委`)."""
    names = [n.strip(" 。.") for n in _LIST_SPLIT.split(text)]
    names = [n for n in names if n]
    if len(names) == 1 and " " in names[0]:
        parts = names[0].split()
        if all(p.endswith(_ORG_SUFFIXES) for p in parts):
            return parts
    return names


def _is_label_line(line: str) -> bool:
    return bool(re.match(r"^[(（]?[\u4e00-\u9fa5\s]{1,10}[:：]", line)) or bool(date_line(line))


def cc(lines: list[str]) -> list[str] | None:
    """`抄送：区人大常委会选举任免联络办公室，区政府督查室。`, continued on the next line
    when the first ends with a separator or was cut inside a name (`区卫生健` / `康局。`);
    抄报 is included."""
    for index, line in enumerate(lines):
        match = re.match(rf"^(?:{label('抄送')}|{label('抄报')}){COLON}(.+)$", line)
        if not match:
            continue
        text = match.group(1)
        for more in [x for x in lines[index + 1:index + 5] if x][:2]:
            if more == FURNITURE or _is_label_line(more):
                break
            cut = not text.rstrip().endswith(("。", ".")) and len(more) <= 12 and more.endswith(("。", "."))
            if not text.rstrip().endswith(_SEPARATOR_END) and not cut:
                break
            text += more
        return split_units(text) or None
    return None


def co_units(lines: list[str]) -> list[str] | None:
    """`协办单位：区司法局、区市场监管局` or `会办单位：…`."""
    for line in lines:
        match = re.match(rf"^(?:{label('协办单位')}|{label('会办单位')}){COLON}(.+)$", line)
        if match:
            return split_units(match.group(1)) or None
    return None


_BODY_LEAD = re.compile(r"由(?P<lead>[\u4e00-\u9fa5（）()]{3,40}?)(?:牵头)?主办\s*[，,、]\s*"
                        r"(?:由)?(?P<co>[\u4e00-\u9fa5（）()、，,和及]{3,120}?)(?:共同)?(?:协办|会办)")
_BODY_CO = re.compile(r"(?:协办|会办)单位(?:为|是|有|：|:)(?P<co>[\u4e00-\u9fa5（）()、，,和及]{3,120}?)[。；;]")


def body_co_units(paragraphs: list[str]) -> tuple[str | None, list[str] | None]:
    """The lead and co-handling units as the opening names them: `由区生态环境局主办，
    区水务局、区住房和城乡建设局协办`, `协办单位为…`. Units it only says were consulted
    (`会同…`) are not co-units."""
    for paragraph in paragraphs[:2]:
        match = _BODY_LEAD.search(paragraph) or _BODY_CO.search(paragraph)
        if match:
            names = []
            for part in filter(None, re.split(r"[、，,]", match["co"])):
                pieces = re.split(r"和|及", part)
                joined = len(pieces) > 1 and all(p.endswith(_ORG_SUFFIXES) and len(p) >= 3 for p in pieces)
                names += pieces if joined else [part]
            if names and all(n.endswith(_ORG_SUFFIXES) for n in names):
                lead = match.groupdict().get("lead")
                return (lead if lead and lead.endswith(_ORG_SUFFIXES) else None), names
    return None, None


_ASSIGNED = re.compile(r"(?:于)?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:交|转|批转|交由|转交)"
                       r"(?:我|本|给我)[\u4e00-\u9fa5]{0,4}?办理")


def body_assigned_date(paragraphs: list[str]) -> dt.date | None:
    """`省人大常委会办公厅于2025年2月27日交我办办理的《…》`."""
    for paragraph in paragraphs[:2]:
        match = _ASSIGNED.search(paragraph)
        if match:
            return find_date(match.group(1))
    return None


_CONTACT_LABELS = ("联系单位及电话", "联系单位及联系电话", "联系单位及承办人", "联系单位及协办人",
                   "联系单位", "联系人及电话", "联系人及联系电话", "联系人", "联系电话", "承办负责人",
                   "承办人", "经办人", "办公室电话", "办公电话", "联系方式", "手机号码", "手机", "电话")
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
            value = re.sub(r"\s+", " ", value.strip(" \u3000，,；;。.()（）"))
            if re.fullmatch(r"[\u4e00-\u9fa5]( [\u4e00-\u9fa5])+", value):
                value = value.replace(" ", "")  # a two-character name padded: 钟 岩
            if value:
                parts.append(value)
    return " ".join(parts) or None


def postcode(lines: list[str]) -> str | None:
    """`邮政编码：330100`, `邮编:330100` in the letter's own contact lines; never from a line
    that also names an address or a site owner (a web page's footer)."""
    for line in lines:
        match = re.search(rf"(?:{label('邮政编码')}|{label('邮编')}){COLON}(\d{{6}})(?!\d)", line)
        if match and not re.search(r"地址|主办|承办单位|ICP|标识码|版权", line):
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


def satisfaction(lines: list[str]) -> tuple[str | None, list[str]]:
    """The satisfaction from the feedback form (boxes or a labelled line), and notes: a form
    with several rows (对办理工作 / 对办理结果) that differ gives none."""
    found = [x for line in lines if (x := checkbox_satisfaction(line) or labelled_satisfaction(line))]
    if len(set(found)) > 1:
        return None, [f"征询意见表中有多项意见（{'、'.join(found)}），未填写满意度，请按代表或委员的总体意见填写"]
    return (found[0] if found else None), []
