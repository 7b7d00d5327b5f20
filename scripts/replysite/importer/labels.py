"""Labelled fields: `案由：…`, a portal's header (`提案号：2024087`, `提案者：A,B,C`), a header
or feedback-form table as Word, a web page or a PDF give it (`建议号<TAB>0123<TAB>办理类别<TAB>A类`,
`建议号 0123 办理类别 A类`).

A line is read as labelled only when it starts with a known label; its pairs are found by the
known labels themselves, so a value may follow a colon, a tab or spaces.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .clean import label

# label → the field it gives (None: a known label whose value is not a reply field; it still
# ends the value before it).
LABELS: dict[str, str | None] = {
    **dict.fromkeys(("建议号", "提案号", "建议编号", "提案编号", "建议号码", "提案号码", "案号",
                     "提案序号", "建议序号", "编号"), "number"),
    **dict.fromkeys(("案由", "标题", "建议标题", "提案标题", "建议题目", "提案题目", "题目",
                     "建议名称", "提案名称", "建议内容", "提案内容", "议题"), "title"),
    **dict.fromkeys(("提案者", "提案人", "建议人", "领衔代表", "领衔委员", "领衔人", "代表姓名",
                     "委员姓名", "代表人姓名", "提出人", "提议人", "提案单位"), "proposers"),
    **dict.fromkeys(("附议代表", "附议委员", "附议人", "联名代表", "联名委员", "联名人"), "seconders"),
    **dict.fromkeys(("主办单位", "承办单位", "主办部门", "承办部门", "答复单位", "办理单位"), "unit"),
    **dict.fromkeys(("会办单位", "协办单位", "会办部门", "协办部门", "配合单位"), "co_units"),
    **dict.fromkeys(("办理类别", "办复类别", "答复类别", "类别", "分类", "办理结果", "办理结果类别",
                     "答复类型", "办复类型", "办理类型"), "category"),
    **dict.fromkeys(("答复时间", "答复日期", "办结时间", "办结日期", "办复时间", "办复日期",
                     "回复时间", "回复日期"), "reply_date"),
    **dict.fromkeys(("交办日期", "交办时间"), "assigned_date"),
    **dict.fromkeys(("文号", "发文字号", "发文文号", "答复文号", "复函文号"), "doc_number"),
    **dict.fromkeys(("会议", "会次", "届次"), "session"),
    # known labels that give no field of ours
    **dict.fromkeys(("提案类别", "提案分类", "建议类别", "建议分类", "性质", "意见反馈", "提交日期",
                     "提出日期", "立案日期", "签发人", "签发", "审核人", "索引号", "发布机构", "发文日期",
                     "发文机关", "有效性", "主题分类", "成文日期", "发布日期", "联系电话", "联系人",
                     "代表团", "界别", "所在单位", "工作单位", "通讯地址", "邮政编码", "状态",
                     "办理状态", "代表对办理工作的意见", "代表对办理结果的意见", "满意度", "答复内容", "答复正文",
                     "办理答复", "主办单位答复", "主办部门答复", "答复意见", "办理情况"), None),
}

_BULLET = r"[•·●◆■▪\-\*]?\s*"
_NAMES = sorted(LABELS, key=len, reverse=True)
_ANY = "|".join(label(name) for name in _NAMES)
_START = re.compile(rf"^{_BULLET}(?P<label>{_ANY})\s*(?:[:：]|\t|\s(?=\S))")
# a label inside the line: after a tab, a run of spaces or a separator, before a colon/tab/space
_INNER = re.compile(rf"(?:^|(?<=[\t\s，,；;]))(?P<label>{_ANY})\s*(?:[:：]|\t|\s(?=\S))")
_SPACES = re.compile(r"\s+")


def _canonical(text: str) -> str:
    return _SPACES.sub("", text)


def pairs(line: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a labelled line; [] when the line does not start with a label."""
    if not _START.match(line):
        return []
    found = list(_INNER.finditer(re.sub(rf"^{_BULLET}", "", line)))
    text = re.sub(rf"^{_BULLET}", "", line)
    result = []
    for this, after in zip(found, found[1:] + [None]):
        value = text[this.end():after.start() if after else len(text)]
        value = value.strip(" \t\u3000：:，,；;")
        result.append((_canonical(this["label"]), value))
    return result


_ALONE = re.compile(rf"^{_BULLET}(?P<label>{_ANY})\s*[:：]?$")


def labelled(lines: list[str]) -> dict[str, list[str]]:
    """field → the values labelled for it, in the order written; a label alone on its line
    takes the next line as its value when that line is no label (a form's `提案编号` / `108`)."""
    found: dict[str, list[str]] = defaultdict(list)
    for index, line in enumerate(lines):
        alone = _ALONE.match(line)
        if alone:
            after = [x for x in lines[index + 1:index + 3] if x.strip()][:1]
            if after and len(after[0]) <= 60 and not _START.match(after[0]) and not _ALONE.match(after[0]):
                field = LABELS.get(_canonical(alone["label"]))
                if field:
                    found[field].append(after[0].strip())
            continue
        for name, value in pairs(line):
            field = LABELS.get(name)
            if field and value:
                found[field].append(value)
    return dict(found)
