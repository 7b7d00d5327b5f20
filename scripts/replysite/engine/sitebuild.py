"""Building the site atomically: MkDocs writes into a temporary folder beside `site/`, which
replaces `site/` only when the whole build succeeded (`swap.py`). A failed build leaves `site/`
as it was; a killed build's folders are removed by the next build.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from . import choice
from .swap import BUILDING, build_lock, publish, remove_leftovers


class BuildFailed(Exception):
    """`shown` is true when MkDocs has already logged the message (a validation report)."""

    def __init__(self, message: str, shown: bool = False) -> None:
        super().__init__(message)
        self.shown = shown


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (so click's test runner sees it)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def setup_logging(verbose: bool = False) -> None:
    """Show the engine's and our messages on stderr, as `mkdocs build` (`properdocs build`) would."""
    logger = choice.logger()  # `properdocs` under ProperDocs: the `mkdocs` logger is attached under it
    if not any(getattr(h, "_replysite", False) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._replysite = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Run a strict MkDocs build of the whole site; returns the final site folder."""
    config = load_config(str(config_file), strict=strict)
    target = Path(site_dir or config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(target.parent):
        remove_leftovers(target.parent)
        return _build(config_file, target, strict)


def _build(config_file: Path, target: Path, strict: bool) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=BUILDING, dir=target.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; web servers must be able to read site/
    config = None
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(tmp))
        # as `mkdocs build` does: plugins kept alive between builds learn this is a build
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    except (Abort, MkDocsException) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        plugin = config.plugins.get("replysite") if config is not None else None
        failure = getattr(plugin, "failure", None)
        if failure:  # MkDocs logged the plugin's report as it aborted
            raise BuildFailed(failure, shown=True) from None
        raise BuildFailed(f"网站生成失败：{exc}；网站未生成，原有 site/ 保持不变。") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    publish(tmp, target)
    return target


def serve_site(config_file: Path, dev_addr: str) -> None:
    """Live preview. Dirty rebuilds re-render only changed pages (see preview.py); preview is not
    strict, since MkDocs itself warns about every dirty build. `replysite build` stays strict."""
    try:
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                     build_type="dirty", strict=False)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
