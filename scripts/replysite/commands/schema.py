"""`replysite schema`."""

from __future__ import annotations

from pathlib import Path

import click

from ..authoring.editor_schema import write_schema
from ..problems import display_path
from .errors import StaffError, echo_notes

REGISTRY_NOTE = "名录有问题，字段说明中的单位或主题可能不全；请先修正名录。"


@click.command("schema")
@click.option("--replies", "replies_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("replies"), show_default=True, help="答复文件夹（读取其中的单位和主题名录）")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="写入的文件（默认 <答复文件夹>/reply.schema.json）")
def schema_command(replies_dir: Path, out: Path | None) -> None:
    """生成编辑器使用的字段说明文件（JSON Schema），含单位和主题名录中的全部名称。

    VS Code 等编辑器据此在填写答复文件时提示字段、给出可选值并标出错误；
    单位或主题名录修改后请重新运行。用法见 docs/staff-guide.md。
    """
    if not replies_dir.is_dir():
        raise StaffError(f"找不到答复文件夹 {display_path(replies_dir)}")
    target, changed, problems = write_schema(replies_dir, out)
    echo_notes(problems)
    if problems:
        click.echo(REGISTRY_NOTE, err=True)
    shown = display_path(target)
    click.echo(f"已写入 {shown}" if changed else f"{shown} 已是最新，未改动")
