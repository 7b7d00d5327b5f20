"""`replysite`: the command line staff and CI use. Each command checks its arguments, calls the
package, and turns the package's own exceptions into one readable Chinese message."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .problems import display_path

CONFIG_HELP = "MkDocs 配置文件（默认 mkdocs.yml）"


class _LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it): `check`
    then starts without loading MkDocs, python-docx and the rest."""

    LAZY = {"new": "commands_new:new_command", "import": "commands_import:import_command",
            "schema": "commands_schema:schema_command", "generate": "synthetic:generate_command"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY:
            import importlib

            module, attr = self.LAZY[name].split(":")
            return getattr(importlib.import_module(f".{module}", __package__), attr)
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """建议提案答复公开网站：检查答复文件、生成网站、本地预览。"""


@main.command()
@click.option("--replies", "replies_dir", type=click.Path(path_type=Path), default=Path("replies"),
              show_default=True, help="答复文件夹")
def check(replies_dir: Path) -> None:
    """只检查答复文件和名录，不生成网站；有问题时列出全部问题并以状态码 1 退出。"""
    from .load import check_replies

    start = time.perf_counter()
    summary, problems = check_replies(replies_dir)
    if summary is None:
        from .problems import ValidationFailed

        click.echo(ValidationFailed(problems).report(), err=True)
        sys.exit(1)
    click.echo(f"检查通过：{summary.replies} 件答复，{summary.units} 个单位，"
               f"{summary.topics} 个主题（用时 {time.perf_counter() - start:.1f} 秒）。")


@main.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help=CONFIG_HELP)
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None,
              help="输出文件夹（默认取配置中的 site_dir，即 site/）")
@click.option("-v", "--verbose", is_flag=True, help="显示详细日志")
def build(config_file: Path, site_dir: Path | None, verbose: bool) -> None:
    """检查全部答复，然后以严格模式生成整个网站；任何问题都不会留下半成品。"""
    from .sitebuild import BuildFailed, build_site, setup_logging

    setup_logging(verbose)
    start = time.perf_counter()
    try:
        target = build_site(config_file, site_dir)
    except BuildFailed as exc:
        if not exc.shown:
            click.echo(str(exc), err=True)
        sys.exit(1)
    click.echo(f"网站已生成：{display_path(target)}（用时 {time.perf_counter() - start:.1f} 秒）")


@main.command()
@click.option("-f", "--config-file", type=click.Path(exists=True, path_type=Path),
              default=Path("mkdocs.yml"), show_default=True, help=CONFIG_HELP)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="预览地址")
def serve(config_file: Path, dev_addr: str) -> None:
    """本地预览网站；修改答复文件后页面自动刷新。"""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from .sitebuild import setup_logging

    setup_logging()
    try:
        # Dirty rebuilds re-render only changed pages (see preview.py); preview is not strict,
        # since MkDocs itself warns about every dirty build. `replysite build` stays strict.
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                     build_type="dirty", strict=False)
    except MkDocsException as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
