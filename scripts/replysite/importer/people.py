"""Proposers: from the letter's salutation or from labelled fields (建议人：…)."""

from __future__ import annotations

import re

from .clean import COLON, label

NAME_RE = re.compile(r"^[\u4e00-\u9fa5][\u4e00-\u9fa5·•]{1,5}$")
_GROUP_ROLES = ("委员小组", "小组", "委员会", "总支", "支部", "界别")
_PERSON_ROLES = ("代表", "委员", "同志", "先生", "女士")
_ROLE = "|".join(_GROUP_ROLES + _PERSON_ROLES)
_SALUTATION = re.compile(rf"^(?P<dear>尊敬的)?\s*(?P<who>[^：:，。；！？]{{1,60}}?)\s*"
                         rf"(?P<role>{_ROLE})们?\s*(?P<colon>[：:])?$")
_DEAR_ANYONE = re.compile(r"^尊敬的\s*(?P<who>[^：:，。]{2,40}?)\s*[：:]$")
_COUNT = re.compile(r"(?:[二两三四五六七八九]|十[一二三四五六七八九]?|\d+)位$|(?:各位|诸位)$")
_SEPARATORS = re.compile(r"[、，,；;/\s]+")
_LABELS = ("领衔代表", "领衔委员", "领衔人", "建议人", "提案人", "提出人", "代表姓名",
           "委员姓名", "代表人姓名", "提案者", "提议人")
_LABELLED = re.compile(rf"^(?:{'|'.join(label(x) for x in _LABELS)})(?:{COLON}|\t+|\s{{2,}})(?P<value>.+)$")


def split_names(text: str) -> list[str] | None:
    """Names separated by 、 ， or spaces; None when any part is not a personal name."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not parts or not all(NAME_RE.match(p) for p in parts):
        return None
    return parts


def salutation_proposers(line: str) -> tuple[list[str], list[str]] | None:
    """The salutation line (`尊敬的X代表：`, `X代表` without colon, `X、Y二位代表：`,
    `X、Y、Z委员：`, `区政协某某界委员小组：`, `尊敬的民盟新建区支部：`).

    Returns (proposers, notes), or None when the line is not a salutation. A salutation to
    `各位代表` gives no proposers.
    """
    line = line.strip()
    if len(line) > 60:
        return None
    notes: list[str] = []
    match = _SALUTATION.match(line)
    if match:
        who, role = match["who"].strip(), match["role"]
        if not (match["dear"] or match["colon"]) and role not in ("代表", "委员"):
            return None
        if role in _GROUP_ROLES:
            return [who + role], notes
        if who.endswith("等"):
            who = who[:-1]
            notes.append(f"称呼“{line}”中有“等”，其他提出人未列出，请补充")
        who = _COUNT.sub("", who).strip()
        if not who:
            return [], notes
        names = split_names(who)
        if names and not (match["dear"] or match["colon"]) and max(map(len, names)) > 4:
            names = None
        if names is None:
            return None if not (match["dear"] or match["colon"]) else ([], notes)
        return names, notes
    dear = _DEAR_ANYONE.match(line)
    if dear:
        if dear["who"].strip() in _PERSON_ROLES:
            return [], notes
        names = split_names(dear["who"])
        return (names or [dear["who"].strip()]), notes
    return None


def find_salutation(lines: list[str]) -> int | None:
    """Index of the first salutation line, or None."""
    for index, line in enumerate(lines):
        if line and salutation_proposers(line) is not None:
            return index
    return None


def labelled_proposers(lines: list[str]) -> list[str] | None:
    """Labelled fields: `建议人：张三、李四`, `提案人:王五`, a form row `代表人姓名<TAB>程伟川`."""
    for line in lines:
        match = _LABELLED.match(line)
        if not match:
            continue
        value = re.split(r"\t|\s{2,}", match["value"].strip())[0]
        value = re.sub(r"等$", "", value.strip("。."))
        names = split_names(value)
        if names:
            return names
    return None
