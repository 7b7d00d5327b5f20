"""`replysite check`, `replysite build` and `replysite serve`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..problems import EngineUnavailable, ValidationFailed, display_path
from .errors import StaffError

CONFIG_HELP = "MkDocs 配置文件（默认 mkdocs.yml）"


def _sitebuild():
    """The engine's build module, imported only now: importing `engine` chooses the engine
    (REPLYSITE_ENGINE), and an engine that cannot run is reported in one line."""
    try:
        from ..engine import sitebuild
    except EngineUnavailable as exc:
        raise StaffError(str(exc)) from None
    return sitebuild


@click.command()
@click.option("--replies", "replies_dir", type=click.Path(path_type=Path), default=Path("replies"),
              show_default=True, help="答复文件夹")
def check(replies_dir: Path) -> None:
    """只检查答复文件和名录，不生成网站；有问题时列出全部问题并以状态码 1 退出。"""
    from ..reading import check_replies

    start = time.perf_counter()
    summary, problems = check_replies(replies_dir)
    if summary is None:
        click.echo(ValidationFailed(problems).report(), err=True)
        sys.exit(1)
    click.echo(f"检查通过：{summary.replies} 份文件（{summary.cases} 件建议和提案），{summary.units} 个单位，"
               f"{summary.topics} 个主题（用时 {time.perf_counter() - start:.1f} 秒）。")


@click.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help=CONFIG_HELP)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None,
              help="输出文件夹（默认取配置中的 site_dir，即 site/）")
@click.option("-v", "--verbose", is_flag=True, help="显示详细日志")
def build(config_file: Path, site_dir: Path | None, verbose: bool) -> None:
    """检查全部答复，然后以严格模式生成整个网站；任何问题都不会留下半成品。"""
    sitebuild = _sitebuild()
    sitebuild.setup_logging(verbose)
    start = time.perf_counter()
    try:
        target = sitebuild.build_site(config_file, site_dir)
    except sitebuild.BuildFailed as exc:
        if exc.shown:  # the validation report, already logged by MkDocs
            sys.exit(1)
        raise StaffError(str(exc)) from None
    click.echo(f"网站已生成：{display_path(target)}（用时 {time.perf_counter() - start:.1f} 秒）")
    from .. import commands
    commands.finished = True  # nothing left to do: the command may skip Python's finalization


@click.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help=CONFIG_HELP)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="预览地址")
def serve(config_file: Path, dev_addr: str) -> None:
    """本地预览网站；修改答复文件后页面自动刷新。"""
    sitebuild = _sitebuild()
    sitebuild.setup_logging()
    try:
        sitebuild.serve_site(config_file, dev_addr)
    except sitebuild.BuildFailed as exc:
        raise StaffError(str(exc)) from None
