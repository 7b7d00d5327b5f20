"""`replysite generate`."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..synthetic import GenerateError, generate
from .errors import StaffError


@click.command("generate", help="生成合成（虚构）答复数据，供测试和性能基准使用；只写入 --out 指定的文件夹。")
@click.option("--count", "count", type=click.IntRange(min=1), required=True, help="生成的答复份数。")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="输出文件夹（写入 units.yml、topics.yml 和 <年份>/<编号>.md）。")
@click.option("--seed", type=int, default=0, show_default=True, help="随机种子；种子相同，生成的文件完全相同。")
@click.option("--force", is_flag=True,
              help="允许写入非空文件夹：同名文件（包括 units.yml、topics.yml）会被覆盖，其他文件保留。")
def generate_command(count: int, out: Path, seed: int, force: bool) -> None:
    started = time.perf_counter()
    try:
        s = generate(count, out, seed, force=force)
    except GenerateError as exc:
        raise StaffError(str(exc)) from None
    years = f"{min(s.by_year)}–{max(s.by_year)}"
    click.echo(f"已在 {out} 生成 {s.count} 份合成答复（种子 {s.seed}），年份 {years}，"
               f"单位 {s.units} 个，主题 {s.topics} 个，正文平均 {s.body_chars_mean:.0f} 字。")
    click.echo(f"用时 {time.perf_counter() - started:.1f} 秒。", err=True)
