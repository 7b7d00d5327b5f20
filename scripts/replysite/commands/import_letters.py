"""`replysite import PATH...`: letters (PDF, web pages, Word, text) → reply files, one summary."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..authoring.registry_file import RegistryNotWritten, add_units
from ..importer.batch import Batch, Outcome, as_json
from ..reading.registry import UNITS_FILE
from ..schema import FIELDS_BY_NAME, ID_RE, field_label
from .errors import StaffError, StaffUsageError


def _labels(names: list[str]) -> str:
    return "、".join(FIELDS_BY_NAME[n].label for n in names)


def report(item: Outcome) -> None:
    """One letter in the summary."""
    source = item.source.as_posix()
    if item.status == "failed":
        click.echo(f"失败 {source}：{item.message}")
        return
    if item.status == "skipped":
        click.echo(f"跳过 {source}：{item.message}")
        return
    verb = "已写入" if item.status == "written" else "将写入"
    assert item.target is not None and item.original is not None
    kept = "原件已附上" if item.attached else "原件已保存但未公开"
    click.echo(f"{verb} {item.target.as_posix()}（{kept}：{item.original.name}）← {source}")
    click.echo(f"  读到：{_labels(item.found) or '无'}")
    doc_type = str(item.values.get("doc_type") or "答复")
    required = [n for n in item.missing if FIELDS_BY_NAME[n].is_required(doc_type)]
    optional = [n for n in item.missing if not FIELDS_BY_NAME[n].is_required(doc_type)]
    if required:
        click.echo(f"  待填写（必填）：{'、'.join(field_label(n) for n in required)}")
    if optional:
        click.echo(f"  原文中未找到（选填）：{_labels(optional)}")
    if item.proposed_topics:
        click.echo(f"  建议的主题（请确认）：{'、'.join(item.values['topics'])}")  # type: ignore[arg-type]
    for note in item.result.notes if item.result else []:
        click.echo(f"  提示：{note}")
    for hit in item.hits:
        click.echo(f"  隐私检查：{item.target.as_posix()}:{hit.line}: {hit.message}")


def summary(outcomes: list[Outcome], batch: Batch, accepted: bool, json_output: bool) -> None:
    done = [o for o in outcomes if o.status in ("written", "planned")]
    count = {s: sum(o.status == s for o in outcomes) for s in ("written", "planned", "skipped", "failed")}
    to_fill = sum(len([n for n in o.missing if FIELDS_BY_NAME[n].required]) for o in done)
    private = sum(len(o.hits) for o in done)
    verb = "写入" if not json_output else "将写入"
    click.echo(f"\n共 {len(outcomes)} 个文件：{verb} {count['written'] + count['planned']} 件，"
               f"已导入过而跳过 {count['skipped']} 件，失败 {count['failed']} 件。"
               f"必填字段待填写 {to_fill} 处，隐私检查发现 {private} 处。")
    proposals = batch.proposals.items
    if proposals:
        state = "已加入" if accepted else "建议加入"
        click.echo(f"{state}单位名录（{(batch.out / UNITS_FILE).as_posix()}）的单位：")
        for p in proposals:
            shorts = f"，简称 {'、'.join(p.short_names)}" if p.short_names else ""
            click.echo(f"  {p.id}：{p.name}{shorts}")
        if not accepted:
            click.echo("核对无误后，加上 --accept-units 重新运行同一命令即可把这些单位加入名录"
                       "（已导入的文件不会重复导入）。")
    if done:
        click.echo("下一步：核对每个文件（“请确认”“提示”各项），补全待填写的字段，然后运行 replysite check。")


@click.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", default="replies", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="答复文件夹：答复写到 <文件夹>/<年份>/<编号>.md，原件复制到它旁边。")
@click.option("--json", "json_output", is_flag=True,
              help="只检查不写入：以 JSON 输出每个文件将写入的字段、未读到的字段、提示、隐私检查结果"
                   "和建议加入名录的单位，供审核。")
@click.option("--accept-units", is_flag=True,
              help="把原文中读到、单位名录中还没有的单位（全称、原文用的简称、编号）加入 units.yml。")
@click.option("--id", "reply_id", metavar="编号",
              help="指定答复的编号（id），只能用于单个文件；不指定时按“单位-年份-类型-号”自动生成。")
@click.option("--topic", "topics", multiple=True, metavar="主题",
              help="主题（可重复使用），取自主题名录；不指定时根据标题和正文建议主题。")
@click.option("--no-ocr", is_flag=True,
              help="不对没有文字层的扫描件 PDF 做文字识别（OCR），只报告。")
def import_command(paths: tuple[Path, ...], out: Path, json_output: bool, accept_units: bool,
                   reply_id: str | None, topics: tuple[str, ...], no_ocr: bool) -> None:
    """导入答复原件：PDF、保存的网页（.html/.htm）、Word（.docx）、文本（.txt）和 Markdown（.md），
    可以是文件，也可以是文件夹（包括其中的子文件夹）。

    读取原文中写明的元数据（建议号、标题、代表委员、承办单位、文号、办理类别、日期、
    抄送、联系方式、满意度等）和正文，自动生成编号，按主题名录建议主题，原件随答复保存并在网站上
    提供下载。读不到的字段留空并列出，不会编造；原文自相矛盾的字段留空并说明。最后列出汇总。
    同一个原件再次导入时会跳过。
    """
    if reply_id is not None and (len(paths) > 1 or paths[0].is_dir()):
        raise StaffUsageError("--id 只能用于单个文件；导入多个文件时编号自动生成")
    if reply_id is not None and not ID_RE.match(reply_id):
        raise StaffUsageError(f"--id “{reply_id}”不是有效的编号：只能用小写英文字母、数字和连字符")
    if json_output and accept_units:
        raise StaffUsageError("--json 只检查不写入，不能与 --accept-units 一起使用")
    batch = Batch(out, write=not json_output, ocr=not no_ocr, topics=topics, given_id=reply_id)
    outcomes = batch.run(list(paths))
    accepted = False
    if accept_units and batch.proposals.items:
        try:
            add_units(out, [(p.id, p.name, p.short_names) for p in batch.proposals.items])
        except RegistryNotWritten as exc:
            raise StaffError(f"单位未能加入名录（{UNITS_FILE} 未改动）：\n{exc}") from None
        accepted = True
    if json_output:
        click.echo(json.dumps({
            "summary": {"files": len(outcomes), **{s: sum(o.status == s for o in outcomes)
                                                   for s in ("planned", "skipped", "failed")}},
            "files": [as_json(o) for o in outcomes],
            "units_to_add": [{"id": p.id, "name": p.name, "short_names": p.short_names, "files": p.sources}
                             for p in batch.proposals.items],
        }, ensure_ascii=False, indent=2))
    else:
        for outcome in outcomes:
            report(outcome)
        summary(outcomes, batch, accepted, json_output)
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise StaffError(f"{len(failed)} 个文件未能导入（见上文“失败”各行）")
