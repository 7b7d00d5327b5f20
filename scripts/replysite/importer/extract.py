"""`extract(text)`: a reply letter's plain text → front-matter values, body, what is missing.

The letter is cut into parts first (header before the salutation, heading, body, tail after
the body) and each field is read only where letters put it, so that page furniture and stray
text from other documents are never taken as metadata. Nothing is guessed: a field that no
rule finds stays None and is listed in `missing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import FIELDS
from . import fields as f
from . import tail as t
from .body import body_end, markdown, paragraphs
from .clean import clean_lines
from .people import find_salutation, labelled_proposers, salutation_proposers

# Fields a letter can state; the others (id, topics, disclosure, …) come from staff.
LETTER_FIELDS = ("kind", "session", "number", "title", "proposers", "unit", "co_units",
                 "doc_number", "category", "assigned_date", "reply_date", "satisfaction", "cc",
                 "contact", "postcode")
_HEADING_WORDS = re.compile(r"答复|回复|复函|办理情况")


@dataclass
class ImportResult:
    fields: dict[str, object]  # schema keys in FIELDS order; None when not found
    body: str  # Markdown paragraphs
    missing: list[str] = field(default_factory=list)  # letter fields not found
    notes: list[str] = field(default_factory=list)  # Chinese remarks for staff


@dataclass
class Letter:
    lines: list[str]
    header: list[str]  # before the salutation
    heading: str  # the reply's own title line(s), "" when none
    heading_at: int  # index of the heading's first line in `lines`, -1 when none
    salutation: str  # "" when none
    body: list[str]  # paragraphs after the salutation
    tail: list[str]  # after the body


def find_heading(header: list[str]) -> tuple[str, int]:
    """The reply's heading (`关于区人大建议第55号的答复`), joined when split over lines; the
    last one before the salutation wins (a web page repeats the title above the letter)."""
    found, at = "", -1
    for index, line in enumerate(header):
        if "关于" not in line and not line.startswith("对") and "对区" not in line:
            continue
        text, parts = line, [x for x in header[index + 1:index + 6] if x][:2]
        for more in parts:
            if _HEADING_WORDS.search(text):
                break
            text += more
        if _HEADING_WORDS.search(text) and len(text) <= 120:
            found, at = text, index
    return found, at


def split_letter(text: str) -> Letter:
    lines = clean_lines(text)
    start = find_salutation(lines)
    header = lines[:start] if start is not None else lines
    heading, at = find_heading(header)
    if start is None:  # no salutation: the body starts after the heading
        start = at if at >= 0 else -1
        header = lines[:start + 1]
        salutation = ""
    else:
        salutation = lines[start]
    end = body_end(lines, start) if start >= 0 else len(lines)
    return Letter(lines, header, heading, at, salutation, paragraphs(lines[start + 1:end]),
                  lines[end:])


def _first(*values: object) -> object:
    return next((v for v in values if v), None)


def read_number(letter: Letter, notes: list[str]) -> str | None:
    opening = letter.body[0] if letter.body else ""
    found = [n for n in (f.heading_number(letter.heading), f.labelled_number(letter.header),
                         f.body_number(opening), f.labelled_number(letter.tail)) if n]
    if len(set(found)) > 1:
        notes.append(f"原文中的建议/提案号不一致（{'、'.join(dict.fromkeys(found))}），"
                     f"已取第一个，请核对")
    return found[0] if found else None


def read_title(letter: Letter, notes: list[str]) -> str | None:
    sentence = f.opening_sentence(letter.body) or ""
    title = _first(f.labelled_title(letter.header), f.quoted_title(sentence),
                   f.plain_title(sentence))
    if title:
        return str(title)
    from_heading, rebuilt = f.heading_title(letter.heading)
    if rebuilt:
        notes.append(f"标题根据答复标题“{letter.heading}”整理为“{from_heading}”，请核对")
    return from_heading or f.labelled_title(letter.tail)


def read_proposers(letter: Letter, notes: list[str]) -> list[str] | None:
    if letter.salutation:
        names, more = salutation_proposers(letter.salutation) or ([], [])
        notes.extend(more)
        if names:
            return names
    return labelled_proposers(letter.header) or labelled_proposers(letter.tail)


def read_kind(letter: Letter) -> str | None:
    opening = letter.body[0] if letter.body else ""
    return f.kind_from_text(letter.heading) or f.kind_from_role(letter.salutation) \
        or f.kind_from_text(opening) or f.kind_from_text("".join(letter.header)) \
        or f.kind_from_text("".join(letter.tail))


def read_unit(letter: Letter, notes: list[str]) -> str | None:
    """Header: the organisation line just above the 文号 or the heading, or before 关于 in
    the heading; signature: the organisation line above the date."""
    header_unit = t.heading_unit(letter.heading)
    anchors = [i for i, x in enumerate(letter.header) if f.doc_number([x])] + [letter.heading_at]
    anchor = anchors[0]
    if not header_unit and anchor >= 0:
        above = [x for x in letter.header[max(0, anchor - 6):anchor] if x][-2:]
        header_unit = next((t.org_name(x) for x in reversed(above) if t.org_name(x)), None)
    signed = t.signature_units(letter.tail)
    if len(signed) > 1:
        notes.append(f"落款有多个单位（{'、'.join(signed)}），已取第一个作为主办单位，"
                     f"其余如为协办单位请填入 co_units")
    return t.choose_unit(header_unit, signed[0] if signed else None)


def extract(text: str) -> ImportResult:
    """Read every field a letter states; see the module docstring."""
    letter = split_letter(text)
    notes: list[str] = []
    outside = letter.header + letter.tail
    kind = read_kind(letter)
    opening = " ".join(letter.body[:2])
    values: dict[str, object] = {
        "kind": kind,
        "session": _first(f.session(letter.heading), f.session("".join(letter.header)),
                          f.session(opening)),
        "number": read_number(letter, notes),
        "title": read_title(letter, notes),
        "proposers": read_proposers(letter, notes),
        "unit": read_unit(letter, notes),
        "co_units": t.co_units(outside),
        "doc_number": f.doc_number(letter.header),
        "category": f.category(outside),
        "assigned_date": None,
        "reply_date": _first(t.labelled_reply_date(outside), t.first_date_line(letter.tail),
                             t.first_date_line(letter.header)),
        "satisfaction": t.satisfaction(letter.tail),
        "cc": t.cc(letter.tail),
        "contact": t.contact(outside),
        "postcode": t.postcode(outside),
    }
    if not letter.salutation:
        notes.append("未找到称呼（如“尊敬的某某代表：”），正文从标题之后开始，请核对")
    result = {spec.name: values.get(spec.name) for spec in FIELDS}
    missing = [name for name in LETTER_FIELDS if not result[name]]
    body_paragraphs = ([letter.salutation] if letter.salutation else []) + letter.body
    return ImportResult(result, markdown(body_paragraphs), missing, notes)
