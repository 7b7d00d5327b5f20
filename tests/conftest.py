"""Shared fixtures: real reply folders and real MkDocs sites in temporary directories."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

# Chooses the engine (REPLYSITE_ENGINE: MkDocs or ProperDocs) before any test module imports mkdocs.
import replysite.engine  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_SITE_REPLIES = FIXTURES / "site" / "replies"
TODAY = dt.date(2026, 11, 27)


def make_replies(tmp: Path, files: list[Path] = (), registries: Path = ROOT / "replies") -> Path:
    """A replies/ folder holding the given files and the registries."""
    folder = tmp / "replies"
    folder.mkdir(parents=True)
    for name in ("units.yml", "topics.yml"):
        shutil.copy(registries / name, folder / name)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def make_site(tmp: Path, replies: Path = FIXTURE_SITE_REPLIES) -> Path:
    """A complete site project (the real mkdocs.yml and docs/) around a copy of `replies`."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    shutil.copytree(replies, tmp / "replies")
    return tmp


@pytest.fixture
def site_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_site(tmp_path)
    monkeypatch.chdir(project)
    return project


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site built once with `replysite build` (shared by read-only tests)."""
    from click.testing import CliRunner

    from replysite.commands import main

    project = make_site(tmp_path_factory.mktemp("fixture-site"))
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"),
                                       "-d", str(project / "site")])
    assert result.exit_code == 0, result.output
    return project / "site"
