"""The site builds on either engine the office may choose (REPLYSITE_ENGINE): MkDocs 1.6.1 or
ProperDocs, the maintained fork of MkDocs 1.x. The whole suite runs once on each (scripts/test.sh);
these tests check that the chosen engine is really the one running, that `--strict` counts a
plugin's warning on it, that the two engines' sites differ only in the generator line, and that a
wrong choice is reported in one line."""

from __future__ import annotations

import gzip

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

from replysite.commands import main
from replysite.engine import ENGINE, choice

from conftest import ROOT, make_site

OTHER = "properdocs" if ENGINE == "mkdocs" else "mkdocs"
# What each engine gives templates as `mkdocs_version` (Material prints it in the generator line).
ENGINE_VERSION = {"mkdocs": "1.6.1", "properdocs": "ProperDocs 1.6.7"}
GENERATOR = re.compile(rb'^ *<meta name="generator" content="mkdocs-([^"]*), mkdocs-material-9\.8\.2">\n', re.M)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file's bytes; a gzip file's content (its header holds the build date, which two
    builds either side of midnight do not share)."""
    return {p.relative_to(site).as_posix(): gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
            for p in site.rglob("*") if p.is_file()}


def test_the_chosen_engine_is_the_one_running(built_fixture_site: Path) -> None:
    import mkdocs
    from mkdocs.commands import build
    from mkdocs.config.defaults import MkDocsConfig

    assert ENGINE == (os.environ.get(choice.ENV) or "mkdocs")
    assert mkdocs.__name__ == ENGINE and build.__name__ == f"{ENGINE}.commands.build"
    assert MkDocsConfig.__module__ == f"{ENGINE}.config.defaults"
    # Material's own modules import mkdocs too: they got the same engine.
    from material.plugins.search.plugin import SearchPlugin
    assert SearchPlugin.__mro__[1].__module__ == f"{ENGINE}.plugins"
    assert GENERATOR.findall((built_fixture_site / "index.html").read_bytes()) == [ENGINE_VERSION[ENGINE].encode()]


def test_both_engines_are_pinned_and_installed() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = project["dependencies"] + project["optional-dependencies"]["properdocs"]
    assert "mkdocs==1.6.1" in pins and "properdocs==1.6.7" in pins
    assert "properdocs==1.6.7" in project["optional-dependencies"]["test"], "the tests run on both engines"
    assert version("mkdocs") == "1.6.1" and version("properdocs") == "1.6.7"
    assert project["requires-python"] == ">=3.11"


PROBE_HOOK = '''
import logging

def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "about.md":
        logging.getLogger("mkdocs.plugins.probe").warning("probe: a plugin's warning")
    return markdown
'''


def test_a_plugins_warning_fails_the_strict_build(tmp_path: Path) -> None:
    """A plugin logs on `mkdocs.*`; ProperDocs counts warnings on `properdocs`. Without the
    logger re-attached (engine/choice.py) this build passed on ProperDocs."""
    project = make_site(tmp_path)
    (project / "probe_hook.py").write_text(PROBE_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("\nhooks:\n  - probe_hook.py\n")
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")])
    assert result.exit_code == 1, result.output
    assert "probe: a plugin's warning" in result.output
    assert "Aborted with 1 warnings in strict mode!" in result.output
    assert not (tmp_path / "site").exists()


def build_with(engine: str | None, project: Path, site: Path, program: str, *options: str
               ) -> subprocess.CompletedProcess:
    """`python -m program build …` with REPLYSITE_ENGINE=engine (None: not set)."""
    env = {k: v for k, v in os.environ.items() if k != choice.ENV}
    if engine is not None:
        env[choice.ENV] = engine
    return subprocess.run([sys.executable, "-m", program, "build", *options, "-f", str(project / "mkdocs.yml"),
                           "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_the_two_engines_build_the_same_site_but_for_the_generator_line(built_fixture_site: Path,
                                                                          tmp_path: Path) -> None:
    """Byte for byte, every file of the fixture site: the one difference is the generator line of
    every HTML page, where Material prints the engine's `mkdocs_version`."""
    project = make_site(tmp_path)
    result = build_with(OTHER, project, tmp_path / "site", "replysite")
    assert result.returncode == 0, result.stdout + result.stderr
    sites = {ENGINE: site_files(built_fixture_site), OTHER: site_files(tmp_path / "site")}
    assert sorted(sites["mkdocs"]) == sorted(sites["properdocs"])
    different = sorted(name for name in sites["mkdocs"] if sites["mkdocs"][name] != sites["properdocs"][name])
    pages = sorted(name for name in sites["mkdocs"] if name.endswith(".html")  # a former id's redirect
                   and b'http-equiv="refresh"' not in sites["mkdocs"][name])  # is no engine page
    assert different == pages and len(pages) > 20
    for name in different:
        for engine, files in sites.items():
            assert GENERATOR.findall(files[name]) == [ENGINE_VERSION[engine].encode()], (engine, name)
        assert GENERATOR.sub(b"", sites["mkdocs"][name]) == GENERATOR.sub(b"", sites["properdocs"][name]), name


def test_the_engines_own_command_builds_the_site_on_that_engine(tmp_path: Path) -> None:
    """`properdocs build --strict` (or `mkdocs build --strict`) runs the plugins too; the engine is
    the command's, and a REPLYSITE_ENGINE naming the other one is refused in one line."""
    project = make_site(tmp_path)
    result = build_with(None, project, tmp_path / "site", ENGINE, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_bytes()
    assert GENERATOR.findall(html) == [ENGINE_VERSION[ENGINE].encode()]
    refused = build_with(OTHER, project, tmp_path / "other", ENGINE, "--strict")
    assert refused.returncode != 0
    assert f"{choice.ENV}={OTHER}，但本进程已经在用 {ENGINE} 生成网站" in refused.stderr
    assert not (tmp_path / "other").exists()


def test_an_unknown_engine_is_refused_in_one_line(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    result = build_with("zensical", project, tmp_path / "site", "replysite")
    assert result.returncode == 1
    assert result.stderr == ("错误：环境变量 REPLYSITE_ENGINE='zensical' 无效：只能是 mkdocs 或 properdocs"
                             "（不设置即为 mkdocs）\n")
    assert not (tmp_path / "site").exists()


def test_a_missing_properdocs_is_reported_with_the_install_command(tmp_path: Path) -> None:
    """ProperDocs is an optional extra: without it, choosing it says how to install it."""
    blocker = tmp_path / "no_properdocs"
    blocker.mkdir()
    (blocker / "properdocs.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    path = [str(blocker)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env = {**os.environ, choice.ENV: "properdocs", "PYTHONPATH": os.pathsep.join(path)}
    (tmp_path / "project").mkdir()
    project = make_site(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "replysite", "build"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "错误：REPLYSITE_ENGINE=properdocs，但没有安装 ProperDocs：请运行 pip install -e '.[properdocs]'\n"
