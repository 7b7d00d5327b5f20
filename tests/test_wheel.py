"""The package as a wheel is the whole program: built from the repository, installed (not
editable) into a fresh virtual environment, it builds the fixture site byte for byte as the
working copy does — templates, assets and both MkDocs plugins included."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT, make_site


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing but the wheel
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_wheel_installs_and_builds_the_fixture_site(tmp_path: Path, built_fixture_site: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
        "-w", str(dist), str(ROOT))
    wheel = next(dist.glob("replysite-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("replysite/engine/templates/main.html", "replysite/engine/templates/404.html",
                   "replysite/engine/templates/sitemap.xml", "replysite/engine/templates/partials/header.html",
                   "replysite/engine/speedups/templates/partials/nav.html",
                   "replysite/assets/search/search.js", "replysite/assets/print.css"):
        assert needed in names, needed

    # The dependencies come from this environment (the system's, or a virtual environment's:
    # `--system-site-packages` would give a virtual environment's base interpreter instead); the
    # package itself only from the wheel. Folders named in a .pth file are searched after the new
    # environment's own, and their .pth files (this environment's editable replysite) are not read.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    own = run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip()
    (Path(own) / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    run(str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel))
    where = run(str(python), "-c", "import replysite; print(replysite.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(venv)), where

    (tmp_path / "project").mkdir()
    project = make_site(tmp_path / "project")
    run(str(venv / "bin" / "replysite"), "build", "-d", str(tmp_path / "site"), cwd=project)
    built = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    expected = {p.relative_to(built_fixture_site): p.read_bytes() for p in built_fixture_site.rglob("*") if p.is_file()}
    assert sorted(built) == sorted(expected)
    assert [str(p) for p in built if built[p] != expected[p]] == []
