"""Which engine builds the site: MkDocs 1.6.1, or ProperDocs, the maintained fork of MkDocs 1.x.

The office chooses with the environment variable `REPLYSITE_ENGINE` (`mkdocs`, the default, or
`properdocs`, installed with `pip install 'replysite[properdocs]'`); it is read here and nowhere
else. Both engines are pinned in pyproject.toml and the whole test suite runs on each.

ProperDocs is MkDocs' code under another package name. Its own command (`properdocs build`)
imports `properdocs.replacement`, which redirects every `mkdocs.*` import to `properdocs.*`, so
that plugins and themes written for MkDocs (ours, Material) run on it. `replysite build` and
`replysite serve` call the engine as a library, not through that command, so the redirection is
installed here, before any module of the package imports `mkdocs`: `engine/__init__.py` calls
`activate()`, and Python runs a package's `__init__` before any of its modules.

ProperDocs logs on `properdocs.*` and counts the warnings of a strict build on the `properdocs`
logger, while plugins (ours, Material's) log on `mkdocs.*`. Its command re-attaches the `mkdocs`
logger under `properdocs`; `activate()` does the same, or `--strict` would not count a plugin's
warning (found in the research for issue 14: the build passed).
"""

from __future__ import annotations

import logging
import os
import sys

from ..problems import EngineUnavailable

ENV = "REPLYSITE_ENGINE"
ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"
chosen: str | None = None  # set by activate()


def wanted() -> str | None:
    """The engine named by REPLYSITE_ENGINE, or None when it is not set."""
    value = os.environ.get(ENV, "").strip().lower()
    if not value:
        return None
    if value not in ENGINES:
        raise EngineUnavailable(f"环境变量 {ENV}={value!r} 无效：只能是 mkdocs 或 properdocs（不设置即为 mkdocs）")
    return value


def running() -> str | None:
    """The engine this process has already imported as `mkdocs`, or None."""
    module = sys.modules.get("mkdocs")
    if module is None:
        return None
    return "properdocs" if module.__name__ == "properdocs" else "mkdocs"


def activate() -> str:
    """Make `import mkdocs…` give the chosen engine, once, before anything imports it.

    In a process started by another command (`mkdocs build`, `properdocs build`), that command
    has chosen already: its engine is kept, unless REPLYSITE_ENGINE names the other one."""
    want = wanted()
    name = running()
    if name is None:
        name = want or DEFAULT
        if name == "properdocs":
            try:
                import properdocs.replacement  # noqa: F401  (installs the mkdocs → properdocs redirection)
            except ImportError:
                raise EngineUnavailable(f"{ENV}=properdocs，但没有安装 ProperDocs："
                                  "请运行 pip install -e '.[properdocs]'") from None
    elif want is not None and want != name:
        raise EngineUnavailable(f"{ENV}={want}，但本进程已经在用 {name} 生成网站"
                          f"（请用 replysite build，或与 {ENV} 一致的命令）")
    global chosen
    chosen = name
    if name == "properdocs":
        legacy = logging.getLogger("mkdocs")
        legacy.parent = logging.getLogger("properdocs")
        legacy.setLevel(logging.NOTSET)
        legacy.propagate = True
    return name


def logger() -> logging.Logger:
    """The engine's top logger: its own messages and, under ProperDocs, the `mkdocs.*` ones reach
    it, and its strict mode counts the warnings that do."""
    return logging.getLogger(chosen or running() or DEFAULT)
