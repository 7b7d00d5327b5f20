"""The rules across files: unique ids, former ids that collide, and the documents of one case
(a suggestion's or proposal's reply, re-reply, co-handlers' opinions …) agreeing with each other.

Each file is checked on its own (perhaps in another process); what these rules need of it is a
`Seen`, small enough to send back instead of the parsed reply.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Reply
from ..problems import Problem
from .frontmatter import RawReply


@dataclass(frozen=True)
class Seen:
    id: str
    shown: str  # the file, as staff see it
    lines: dict[str, int]  # key → line in the file
    reply: tuple[str, str, str, str, tuple[str, ...]] | None = None  # case, kind, title, doc type, former ids


def seen_in(raw: RawReply, reply: Reply | None) -> Seen | None:
    ident = raw.data.get("id")
    if not isinstance(ident, str) or not ident.strip():
        return None
    facts = ((reply.case_id, reply.kind, reply.title, reply.doc_type, reply.former_ids)
             if reply is not None else None)
    return Seen(ident.strip(), raw.shown_path, dict(raw.key_lines), facts)


def rules_across_files(seen: list[Seen]) -> list[Problem]:
    """Every problem between files, in the order the files were read."""
    problems: list[Problem] = []
    first: dict[str, Seen] = {}
    for s in seen:
        if s.id in first:
            other = first[s.id]
            problems.append(Problem(s.shown, s.lines.get("id", 1), "id",
                                    f"编号“{s.id}”与 {other.shown}:{other.lines.get('id', 1)} 重复；每个答复的编号必须唯一"))
        else:
            first[s.id] = s
    former: dict[str, Seen] = {}
    cases: dict[str, list[Seen]] = defaultdict(list)
    for s in seen:
        if s.reply is None:
            continue
        case, kind, title, doc_type, former_ids = s.reply
        cases[case].append(s)
        line = s.lines.get("former_ids", 1)
        for old in former_ids:
            if old in first:
                problems.append(Problem(s.shown, line, "former_ids",
                                        f"曾用编号“{old}”是 {first[old].shown} 现在的编号；旧网址只能跳转到一个文件"))
            elif old in former:
                problems.append(Problem(s.shown, line, "former_ids",
                                        f"曾用编号“{old}”也写在 {former[old].shown} 中；旧网址只能跳转到一个文件"))
            else:
                former[old] = s
    for case, documents in cases.items():
        problems += _case_problems(documents)
    return problems


def _case_problems(documents: list[Seen]) -> list[Problem]:
    problems = []
    lead = documents[0]
    _, kind, title, _, _ = lead.reply
    for s in documents[1:]:
        _, other_kind, other_title, _, _ = s.reply
        where = f"{lead.shown}"
        if other_kind != kind:
            problems.append(Problem(s.shown, s.lines.get("kind", 1), "kind",
                                    f"与同一件的 {where} 类型不同（“{other_kind}”与“{kind}”）；"
                                    "同一件建议或提案的各份文件类型应相同，请核对会议、编号或 case"))
        if other_title != title:
            problems.append(Problem(s.shown, s.lines.get("title", 1), "title",
                                    f"与同一件的 {where} 标题不同；同一件建议或提案的各份文件标题应相同，"
                                    "请核对标题，或核对会议、编号和 case 是否写错"))
    types = {s.reply[3] for s in documents}
    if "再次答复" in types and "答复" not in types:
        for s in documents:
            if s.reply[3] == "再次答复":
                problems.append(Problem(s.shown, s.lines.get("doc_type", 1), "doc_type",
                                        "这件建议或提案有再次答复，但找不到第一次的答复（doc_type: 答复）；"
                                        "请一并录入第一次答复，并核对会议、编号或 case 是否一致"))
    return problems
