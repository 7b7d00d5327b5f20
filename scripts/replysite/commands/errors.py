"""How every command reports a failure: one Chinese line `错误：…` on stderr and exit status 1 (2
for a wrongly used command, after its usage line), never click's English prefixes."""

from __future__ import annotations

from typing import IO, Any

import click

from ..problems import Problem


class StaffError(click.ClickException):
    """A command's failure, printed as `错误：…`."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"错误：{self.format_message()}", err=True, file=file)


class StaffUsageError(click.UsageError):
    """A command used wrongly (options that do not fit together), printed after its usage line."""

    def show(self, file: IO[Any] | None = None) -> None:
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), err=True, file=file)
        hint = f"（{self.ctx.command_path} --help 查看用法）" if self.ctx is not None else ""
        click.echo(f"错误：{self.format_message()}{hint}", err=True, file=file)


def echo_notes(problems: list[Problem], prefix: str = "注意") -> None:
    """Problems that do not stop the command, one per line."""
    for problem in problems:
        click.echo(f"{prefix}：{problem.format()}", err=True)
