"""`replysite new`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..authoring.editor_schema import write_schema
from ..authoring.new_file import load_choices, render_template, schema_reference
from ..problems import display_path
from ..archive import load_replies
from ..schema import DEFAULT_DOC_TYPE, DOC_TYPES, FIELDS, ID_RE, KINDS, field_label
from .errors import StaffError, echo_notes
from .schema import REGISTRY_NOTE


def case_values(replies_dir: Path, key: str, doc_type: str) -> dict:
    """What a new document of a case shares with the case's documents already filed."""
    archive, problems = load_replies(replies_dir)
    if archive is None:
        raise StaffError(f"答复文件夹中有 {len(problems)} 个问题，无法读取已有文件；"
                         "请先运行 replysite check 修正，再用 --case")
    case = archive.case_of.get(key) or next((c for c in archive.cases if c.id == key), None)
    if case is None:
        raise StaffError(f"--case：找不到编号为“{key}”的文件或案件；请写同一件建议或提案中已有文件的编号")
    first, letter = case.first, case.re_reply or case.reply or case.first
    values: dict = {"kind": first.kind, "number": first.number, "title": first.title,
                    "proposers": list(first.proposers), "topics": [t.name for t in first.topics]}
    if first.session:
        values["session"] = first.session
    if first.case:
        values["case"] = first.case
    elif not first.session:  # without a session only a case key joins the documents
        values["case"] = case.id
    if doc_type == "会办意见":
        values["to_unit"] = letter.unit.name
    else:
        values["unit"] = letter.unit.name
    return values


def _existing_with_id(replies_dir: Path, reply_id: str) -> Path | None:
    return next(iter(sorted(replies_dir.rglob(f"{reply_id}.md"))), None)


@click.command("new")
@click.option("--replies", "replies_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("replies"), show_default=True, help="答复文件夹（读取其中的单位和主题名录）")
@click.option("--id", "reply_id", required=True, metavar="编号",
              help="新答复的编号：小写英文字母、数字和连字符，例如 xinjian-2023-jianyi-56")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="类型：建议 或 提案（不填则留空待填写）")
@click.option("--doc-type", "doc_type", type=click.Choice(DOC_TYPES), default=DEFAULT_DOC_TYPE, show_default=True,
              help="文件类型：答复、再次答复、会办意见、建议原文 或 办理进展")
@click.option("--case", "case", metavar="编号",
              help="同一件建议或提案中已有文件的编号（或案件编号）：类型、会议、编号、标题、代表、主题等从该件抄入")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="写入的文件（默认 <答复文件夹>/<今年>/<编号>.md）")
def new_command(replies_dir: Path, reply_id: str, kind: str | None, doc_type: str, case: str | None,
                out: Path | None) -> None:
    """新建一个答复文件：列出全部字段并附中文说明、今天的日期和名录中的可选单位与主题。

    填写标“必填”的字段和答复正文后，运行 replysite check 检查。不会覆盖已有文件。
    同时更新编辑器使用的字段说明文件 <答复文件夹>/reply.schema.json。
    """
    if not ID_RE.match(reply_id):
        raise StaffError(f"--id “{reply_id}”不是有效的编号：只能用小写英文字母、数字和连字符，"
                         "例如 xinjian-2023-jianyi-56")
    if not replies_dir.is_dir():
        raise StaffError(f"找不到答复文件夹 {display_path(replies_dir)}")
    today = dt.date.today()
    target = out or replies_dir / str(today.year) / f"{reply_id}.md"
    if target.exists():
        raise StaffError(f"{display_path(target)} 已存在，new 不会覆盖已有文件；"
                                   "请换一个编号，或用 --out 指定其他文件")
    same_id = _existing_with_id(replies_dir, reply_id)
    if same_id is not None:
        raise StaffError(f"编号 {reply_id} 已被 {display_path(same_id)} 使用；每个答复的编号必须唯一")
    schema_file, _, problems = write_schema(replies_dir)
    echo_notes(problems)
    if problems:
        click.echo(REGISTRY_NOTE, err=True)
    values: dict = {"id": reply_id, "doc_type": doc_type}
    values["submitted_date" if doc_type == "建议原文" else "reply_date"] = today.isoformat()
    if case:
        values.update(case_values(replies_dir, case, doc_type))
    if kind:
        values["kind"] = kind
    text = render_template(values, load_choices(replies_dir), schema_reference(target, schema_file))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    todo = [field_label(f.name) for f in FIELDS
            if f.is_required(doc_type) and f.name not in values and f.default is None]
    click.echo(f"已创建 {display_path(target)}")
    click.echo("接下来：")
    click.echo(f"  1. 填写必填字段：{'、'.join(todo)}；" if todo else "  1. 核对已填写的字段；")
    click.echo("     答复日期已填今天，请改为答复函上的日期；选填字段有则填写，没有就留空。" if doc_type == "答复"
               else f"     {'提出日期' if doc_type == '建议原文' else '日期'}已填今天，请改为文件上的日期；"
                    "选填字段有则填写，没有就留空。")
    click.echo("  2. 在文件末尾第二个 --- 之后写答复正文。")
    click.echo(f"  3. 运行 replysite check --replies {display_path(replies_dir)} 检查。")
    click.echo(f"编辑器字段说明：{display_path(schema_file)}（用法见 docs/staff-guide.md）")
