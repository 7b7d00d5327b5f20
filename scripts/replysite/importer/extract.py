"""`extract(text)`: a reply letter's plain text → front-matter values, body, what is missing.

The letter is cut into parts first (header before the salutation, heading, body, tail after
the body, ending where the page furniture of a web page starts) and each field is read only
where letters put it, so that page furniture and stray text from other documents are never
taken as metadata. Nothing is guessed: a field that no rule finds stays None and is listed in
`missing`; where the letter contradicts itself (the kind in the heading and in the salutation,
two numbers, two categories, two dates) the field stays empty and a note says why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..schema import FIELDS
from . import fields as f
from . import tail as t
from .body import body_end, markdown, paragraphs
from .clean import FURNITURE, clean_lines, compact
from .dates import find_date, impossible_date_line
from .labels import labelled, pairs
from .people import (Salutation, find_salutation, joint_proposers, labelled_names, opening_proposers,
                     salutation)

# Fields a letter can state; the others (id, topics, disclosure, …) come from staff.
LETTER_FIELDS = ("kind", "session", "number", "title", "proposers", "unit", "co_units",
                 "doc_number", "category", "assigned_date", "reply_date", "satisfaction", "cc",
                 "contact", "postcode")
_HEADING_END = re.compile(r"(?:答复|回复|复函|答复函|的函|会办意见|协办意见|办理意见|办理情况)"
                          r"(?:\s*[(（]\s*[A-Da-d]\s*类?\s*[)）])?$")


@dataclass
class ImportResult:
    fields: dict[str, object]  # schema keys in FIELDS order; None when not found
    body: str  # Markdown paragraphs
    missing: list[str] = field(default_factory=list)  # letter fields not found
    notes: list[str] = field(default_factory=list)  # Chinese remarks for staff
    document_type: str = "答复"  # 答复, 会办意见 or 再次答复
    short_names: list[str] = field(default_factory=list)  # the unit's short names in the letter


@dataclass
class Letter:
    lines: list[str]
    header: list[str]  # before the salutation
    heading: str  # the reply's own title line(s), "" when none
    heading_at: int  # index of the heading's first line in `lines`, -1 when none
    salutation: str  # "" when none
    greeting: Salutation | None
    body: list[str]  # paragraphs after the salutation
    tail: list[str]  # after the body, up to the page furniture after the letter


def _heading_at(lines: list[str], index: int) -> str | None:
    """The heading starting at lines[index], joined over up to three lines."""
    line = compact(lines[index])
    if not line or line == FURNITURE or len(line) > 80 or re.search(r"[。；！？]", line):
        return None
    text = line
    parts = [x for x in lines[index + 1:index + 6] if x and x != FURNITURE][:2]
    for more in [None, *parts]:
        if more is not None:
            if len(more) > 60 or re.search(r"[。；：:]", more):
                break
            text += compact(more)
        if _HEADING_END.search(text):
            if re.search(r"建议|提案|议案|关于|对", text) and len(text) <= 120:
                return text
            return None
    return None


def find_heading(header: list[str]) -> tuple[str, int]:
    """The reply's heading (`关于区人大建议第55号的答复`), joined when split over lines; the
    last one before the salutation wins (a web page repeats the title above the letter)."""
    found, at = "", -1
    index = 0
    while index < len(header):
        text = _heading_at(header, index)
        if text and not text.startswith(("上一", "下一")):
            found, at = text, index
        index += 1
    return found, at


def split_letter(text: str) -> Letter:
    lines = clean_lines(text)
    start = find_salutation(lines)
    header = lines[:start] if start is not None else lines
    heading, at = find_heading(header)
    if start is None:  # no salutation: the body starts after the heading
        start = at if at >= 0 else -1
        header = lines[:start + 1]
        greeting, sal = None, ""
    else:
        sal = lines[start]
        greeting = salutation(sal)
    end = body_end(lines, start) if start >= 0 else len(lines)
    rest = lines[end:]
    cut = next((i for i, x in enumerate(rest) if x == FURNITURE
                or (heading and compact(x) == heading)), len(rest))
    header = [x for x in header if x != FURNITURE]
    return Letter(lines, header, heading, at, sal, greeting, paragraphs(lines[start + 1:end]),
                  rest[:cut])


def _first(*values: object) -> object:
    return next((v for v in values if v), None)


def _one(name: str, found: list[object], notes: list[str], shown=str) -> object:
    """The value when every source agrees; None and a note when they differ."""
    distinct = list(dict.fromkeys(v for v in found if v))
    if len(distinct) > 1:
        notes.append(f"原文中的{name}不一致（{'、'.join(shown(v) for v in distinct)}），未填写，请核对后填写")
        return None
    return distinct[0] if distinct else None


class Reader:
    """Reads every field of one letter; notes collect what staff should check."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        self.notes: list[str] = []
        self.head_labels = labelled(letter.header)
        self.tail_labels = labelled(letter.tail)
        self.opening = f.opening_sentence(letter.body) or ""
        self.first = letter.body[0] if letter.body else ""

    def labels(self, name: str, tail: bool = True) -> list[str]:
        return self.head_labels.get(name, []) + (self.tail_labels.get(name, []) if tail else [])

    # --- kind, number, session -------------------------------------------------------------
    def kind(self) -> tuple[str | None, bool]:
        """(kind, conflict). Heading, salutation role and labelled fields decide; the opening
        sentence only when none of them says."""
        letter = self.letter
        strong = {}
        if letter.heading and (k := f.kind_from_heading(letter.heading)):
            strong["答复标题"] = k
        greeting = letter.greeting
        role = greeting.role if greeting else None
        if not role and letter.greeting and not letter.greeting.proposers:
            role = opening_proposers(self.opening)[2]
        if role and (k := f.kind_from_role(role)):
            strong["称呼"] = k
        if letter.greeting and letter.greeting.proposers and not role:
            strong["称呼"] = "提案"  # a party or other organisation
        label_kinds = {"提案" if name.startswith("提案") or "委员" in name else "建议"
                       for name in self._label_names()
                       if name.startswith(("提案", "建议")) or name.endswith(("代表", "委员"))}
        if len(label_kinds) == 1:
            strong["栏目字段"] = label_kinds.pop()
        if len(set(strong.values())) > 1:
            said = "，".join(f"{where}为“{k}”" for where, k in strong.items())
            self.notes.append(f"类型无法确定：{said}。类型、建议号/提案号和会议均未填写，请核对原件后填写")
            return None, True
        if strong:
            return next(iter(strong.values())), False
        weak = f.kind_from_text(f.without_quotes(self.opening)) or f.kind_from_text(
            f.without_quotes("".join(letter.header)))
        return weak, False

    def _label_names(self) -> list[str]:
        return [name for line in self.letter.header for name, _ in pairs(line)]

    def number(self) -> str | None:
        letter = self.letter
        found = [f.heading_number(letter.heading) if letter.heading else None]
        found += [f.number_value(v) for v in self.labels("number")]
        found.append(f.body_number(self.opening or self.first))
        distinct = list(dict.fromkeys(n for n in found if n))
        if len(distinct) > 1:
            self.notes.append(f"原文中的建议号/提案号不一致（{'、'.join(distinct)}），已取答复标题中的"
                              f"“{distinct[0]}”，请核对")
        return distinct[0] if distinct else None

    def session(self) -> str | None:
        letter = self.letter
        labelled = next((s for v in self.labels("session") if (s := f.session(v))), None)
        return _first(f.session(letter.heading), labelled, f.session("".join(letter.header)),
                      f.session(self.opening))  # type: ignore[return-value]

    # --- title and people -----------------------------------------------------------------------
    def title(self) -> str | None:
        letter = self.letter
        title = _first(f.labelled_title(self.labels("title", tail=False)), f.quoted_title(self.opening),
                       f.plain_title(self.opening))
        if title:
            return str(title)
        from_heading, rebuilt = f.heading_title(letter.heading)
        if rebuilt:
            self.notes.append(f"标题根据答复标题“{letter.heading}”整理为“{from_heading}”，请核对")
        return from_heading or f.labelled_title(self.tail_labels.get("title", []))

    def proposers(self) -> list[str] | None:
        greeting = self.letter.greeting
        names: list[str] = []
        if greeting:
            self.notes.extend(greeting.notes)
            names = list(greeting.proposers)
        if not names:
            names, more, _ = opening_proposers(self.opening)
            self.notes.extend(more)
        if names and len(names) == 1:
            names += [n for n in joint_proposers(self.opening) if n not in names]
        listed = labelled_names(self.labels("proposers"))
        seconders = labelled_names(self.labels("seconders")) or []
        if listed:
            full = listed + [n for n in seconders if n not in listed]
            if not names or full[0] == names[0] or set(names) <= set(full):
                return full
            self.notes.append(f"称呼中的提出人（{'、'.join(names)}）与原文列出的提出人（{'、'.join(full)}）"
                              "不一致，已取称呼中的，请核对")
        return names or None

    def unit(self) -> str | None:
        """Header: the organisation line just above the 文号 or the heading, or before 关于 in
        the heading; signature: the organisation line above the date; a portal's 主办单位."""
        letter = self.letter
        header_unit = t.heading_unit(letter.heading)
        anchors = [i for i, x in enumerate(letter.header) if f.doc_number([x])]
        if letter.heading_at >= 0:
            anchors.append(min(letter.heading_at, len(letter.header)))
        if not header_unit and anchors:
            anchor = min(anchors)
            above = [x for x in letter.header[max(0, anchor - 6):anchor] if x][-2:]
            header_unit = next((t.org_name(x) for x in reversed(above) if t.org_name(x)), None)
        signed = t.signature_units(letter.tail)
        lead, _ = t.body_co_units(letter.body)
        if len(signed) > 1:
            if lead and lead == signed[0]:
                signed = signed[:1]
            else:
                self.notes.append(f"落款有多个单位（{'、'.join(signed)}），已取第一个作为主办单位，"
                                  f"其余如为协办单位请填入 co_units")
        chosen = t.choose_unit(header_unit, signed[0] if signed else None)
        if not chosen:
            chosen = next((v for v in self.head_labels.get("unit", []) if t.org_name(v)), None)
        return chosen

    def co_units(self) -> list[str] | None:
        labelled_units = [n for v in self.labels("co_units") for n in t.split_units(v)]
        _, from_body = t.body_co_units(self.letter.body)
        return labelled_units or from_body or None

    # --- category and dates ------------------------------------------------------------------------
    def category(self) -> str | None:
        letter = self.letter
        found = [f.category_value(v) for v in self.labels("category")]
        top = [x for x in letter.header if x][:8]
        # a lone letter at the top right is the category, unless the page has several (a
        # web page's font-size links "A A A")
        bare = [x for x in letter.header if f.standalone_category(x, bare=True) and not f.standalone_category(x)]
        found += [f.standalone_category(x, bare=len(bare) == 1) for x in top]
        found += [f.labelled_category(x) or f.standalone_category(x) for x in letter.header[8:]]
        found.append(f.heading_category(letter.heading))
        found += [f.labelled_category(x) or f.standalone_category(x) for x in letter.tail]
        return _one("办理类别", found, self.notes)  # type: ignore[return-value]

    def reply_date(self) -> dt.date | None:
        letter = self.letter
        for line in letter.tail:
            if written := impossible_date_line(line):
                self.notes.append(f"落款日期“{written}”不是有效日期，未填写答复日期，请核对原件")
                return None
        labelled = next((d for v in self.labels("reply_date") if (d := find_date(compact(v)))), None)
        signed = t.first_date_line(letter.tail)
        if labelled and signed and labelled != signed:
            self.notes.append(f"落款日期（{signed.isoformat()}）与答复时间（{labelled.isoformat()}）不一致，"
                              "未填写答复日期，请核对")
            return None
        return signed or labelled

    def assigned_date(self) -> dt.date | None:
        labelled = next((d for v in self.labels("assigned_date") if (d := find_date(compact(v)))), None)
        return labelled or t.body_assigned_date(self.letter.body)

    def doc_number(self) -> str | None:
        labelled = next((d for v in self.labels("doc_number", tail=False) if (d := f.doc_number([v]))), None)
        return labelled or f.doc_number(self.letter.header)

    def document_type(self) -> str:
        heading = self.letter.heading
        if re.search(r"会办意见|协办意见", heading):
            addressee = self.letter.greeting.addressee_unit if self.letter.greeting else None
            to = f"（写给主办单位{addressee}）" if addressee else ""
            self.notes.append(f"这是协办（会办）单位的意见{to}，不是给代表委员的答复；"
                              "是否作为答复公开，请确认")
            return "会办意见"
        if re.search(r"再次答复|二次答复|补充答复|重新答复", heading):
            self.notes.append("这是再次（补充）答复：与第一次答复是两件文书，导入不会覆盖第一次答复；"
                              "编号已加区分，请核对")
            return "再次答复"
        return "答复"


def short_names(unit: str | None, text: str) -> list[str]:
    """Shorter names of `unit` that the letter itself uses (`区教体局` for 松川区教育体育局)."""
    if not unit:
        return []
    core = re.sub(r"[(（][^()（）]*[)）]$", "", unit)
    inside = [m.span() for m in re.finditer(re.escape(core), text)]
    found = []
    for match in re.finditer(r"[省市县区州旗镇乡][\u4e00-\u9fa5]{1,12}?(?:局|委|办|厅|院|中心)(?![\u4e00-\u9fa5]{0,1}(?:局|委|办))",
                             text):
        name = match.group(0)
        if any(a <= match.start() < b for a, b in inside):
            continue
        if name != core and name not in found and len(name) < len(core) and t.is_subsequence(name, core) \
                and name[-1] == core[-1]:
            found.append(name)
    return found[:3]


def extract(text: str) -> ImportResult:
    """Read every field a letter states; see the module docstring."""
    letter = split_letter(text)
    read = Reader(letter)
    kind, conflict = read.kind()
    outside = letter.header + letter.tail
    satisfaction, more = t.satisfaction(letter.tail)
    read.notes.extend(more)
    values: dict[str, object] = {
        "kind": kind,
        "session": None if conflict else read.session(),
        "number": None if conflict else read.number(),
        "title": read.title(),
        "proposers": read.proposers(),
        "unit": read.unit(),
        "co_units": read.co_units(),
        "doc_number": read.doc_number(),
        "category": read.category(),
        "assigned_date": read.assigned_date(),
        "reply_date": read.reply_date(),
        "satisfaction": satisfaction,
        "cc": t.cc(letter.tail),
        "contact": t.contact(outside),
        "postcode": t.postcode(letter.tail),
    }
    document_type = read.document_type()
    if document_type != "答复":
        values["doc_type"] = document_type
    if document_type == "会办意见":  # written to the lead unit; no category or verdict of its own
        values["to_unit"] = letter.greeting.addressee_unit if letter.greeting else None
        values["category"] = values["satisfaction"] = None
    if not letter.salutation:
        read.notes.append("未找到称呼（如“尊敬的某某代表：”），正文从标题之后开始，请核对")
    result = {spec.name: values.get(spec.name) for spec in FIELDS}
    missing = [name for name in LETTER_FIELDS if not result[name]]
    body_paragraphs = ([letter.salutation] if letter.salutation else []) + letter.body
    names = short_names(values["unit"], "\n".join(letter.lines))  # type: ignore[arg-type]
    return ImportResult(result, markdown(body_paragraphs), missing, read.notes, document_type, names)
