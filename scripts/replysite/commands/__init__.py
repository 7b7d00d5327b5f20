"""`replysite`: the command line staff and CI use. Each command checks its arguments, calls the
package, and turns the package's own exceptions into one readable Chinese message
(`errors.py`)."""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import sys

import click

# Set by a command that finished all its work (`build`): the process may end without Python's
# finalization, which at 10,000 replies spends 4 s freeing the objects of the build one by one.
finished = False


class _LazyGroup(click.Group):
    """Imports a command's module only when that command runs (or help lists it): `check`
    then starts without loading MkDocs, python-docx and the rest."""

    LAZY = {"check": "site:check", "build": "site:build", "serve": "site:serve",
            "new": "new:new_command", "import": "import_letters:import_command",
            "schema": "schema:schema_command", "generate": "generate:generate_command"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.LAZY)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.LAZY:
            return None
        module, attr = self.LAZY[name].split(":")
        return getattr(importlib.import_module(f".{module}", __package__), attr)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """建议提案答复公开网站：检查答复文件、生成网站、本地预览。"""


def entry() -> None:
    """The `replysite` command (console script and `python -m replysite`): `main`, then, after a
    command that finished cleanly with no child process left, an immediate exit with its status
    once every output is flushed. Tests call `main` and never exit this way."""
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if finished and (code is None or isinstance(code, int)) and not multiprocessing.active_children():
            logging.shutdown()
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(code or 0)
        raise


if __name__ == "__main__":
    entry()
