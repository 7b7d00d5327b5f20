"""`replysite import FILE...`: reply letters (.txt, .md, .docx) → reply files or JSON."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import click

from ..authoring.reply_file import render_reply, reply_path, write_reply
from ..importer import DocumentError, ImportResult, extract, read_document
from ..reading import privacy
from ..schema import FIELDS, FIELDS_BY_NAME, ID_RE, field_label
from .errors import StaffError, StaffUsageError


@dataclass
class Imported:
    source: Path
    result: ImportResult
    values: dict[str, object]
    text: str  # the reply file as it is (or would be) written
    hits: list[privacy.PrivacyHit]

    @property
    def missing(self) -> list[str]:
        """Letter fields not found, plus id/topics when staff did not supply them."""
        staff = [name for name in ("id", "topics") if not self.values.get(name)]
        found = set(self.result.missing) | set(staff)
        return [spec.name for spec in FIELDS if spec.name in found]


def import_one(source: Path, reply_id: str | None, topics: tuple[str, ...]) -> Imported:
    result = extract(read_document(source))
    values = dict(result.fields)
    values["id"] = reply_id
    values["topics"] = list(topics) or None
    text = render_reply(values, result.body)
    return Imported(source, result, values, text, privacy.find_private_details(text))


def as_json(item: Imported) -> dict[str, object]:
    data: dict[str, object] = {}
    for spec in FIELDS:
        value = item.values.get(spec.name)
        data[spec.name] = value.isoformat() if isinstance(value, dt.date) else value
    data["missing"] = item.missing
    data["privacy"] = [{"line": h.line, "kind": h.kind, "value": h.value, "message": h.message}
                       for h in item.hits]
    data["notes"] = item.result.notes
    data["file"] = str(item.source)
    return data


def report(item: Imported, target: Path) -> None:
    click.echo(f"已写入 {target}")
    doc_type = str(item.values.get("doc_type") or "答复")
    required = [n for n in item.missing if FIELDS_BY_NAME[n].is_required(doc_type)]
    optional = [n for n in item.missing if not FIELDS_BY_NAME[n].is_required(doc_type)]
    if required:
        click.echo(f"  待填写（必填）：{'、'.join(field_label(n) for n in required)}")
    if optional:
        click.echo(f"  原文中未找到（选填）：{'、'.join(field_label(n) for n in optional)}")
    for note in item.result.notes:
        click.echo(f"  提示：{note}")
    for hit in item.hits:
        click.echo(f"  隐私检查：{target}:{hit.line}: {hit.message}")


@click.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out", default="replies", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="答复文件写入的目录，文件写到 <目录>/<年份>/<编号>.md。")
@click.option("--json", "json_output", is_flag=True,
              help="不写文件，以 JSON 输出读取到的元数据（未读到的为 null），"
                   "并列出未读到的字段和隐私检查结果。")
@click.option("--id", "reply_id", metavar="编号",
              help="答复的编号（id），例如 xinjian-2023-jianyi-55；只能用于单个文件。")
@click.option("--topic", "topics", multiple=True, metavar="主题",
              help="主题（可重复使用），取自主题名录，例如 --topic 营商环境 --topic 政务服务。")
def import_command(files: tuple[Path, ...], out: Path, json_output: bool,
                   reply_id: str | None, topics: tuple[str, ...]) -> None:
    """从 Word（.docx）、文本（.txt）或 Markdown（.md）答复原文导入答复文件。

    读取原文中能读到的元数据（文号、建议号、标题、代表、日期、单位、抄送、联系方式、
    满意度等）和正文，写成带前置元数据的答复文件。读不到的字段留空并列出，不会编造；
    必填字段留空时标注“# 待填写”，补全后请运行 replysite check。原文中的个人手机号码、
    身份证号码和个人邮箱会被报告。
    """
    if reply_id is not None and len(files) > 1:
        raise StaffUsageError("--id 只能用于单个文件；导入多个文件时请逐个指定编号")
    if reply_id is not None and not ID_RE.match(reply_id):
        raise StaffUsageError(f"--id “{reply_id}”不是有效的编号：只能用小写英文字母、数字和连字符")
    failures: list[str] = []
    collected: list[dict[str, object]] = []
    for source in files:
        try:
            item = import_one(source, reply_id, topics)
        except DocumentError as exc:
            failures.append(f"{source}：{exc}")
            continue
        if json_output:
            collected.append(as_json(item))
            continue
        target = reply_path(out, item.values, source.stem)
        try:
            write_reply(target, item.text)
        except FileExistsError:
            failures.append(f"{source}：{target} 已存在，导入不会覆盖已有文件；"
                            "请换一个编号（--id）或先移走原文件")
            continue
        report(item, target)
    if json_output and collected:
        payload: object = collected[0] if len(files) == 1 else collected
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    for failure in failures:
        click.echo(f"错误：{failure}", err=True)
    if failures:
        raise StaffError(f"{len(failures)} 个文件未能导入")
