"""Publishing is atomic: `site/` is at every moment the old complete site or the new one, a build
killed at any point leaves `site/` as it was, and the next build removes what it left."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from replysite.engine import swap
from replysite.engine.sitebuild import build_site

from conftest import make_site

REPLY = Path("replies") / "2024" / "fixture-2024-tian-12.md"


def manifest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(swap.LEFTOVER_PREFIXES))


def edit(project: Path, old: str, new: str) -> None:
    path = project / REPLY
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_publishing_swaps_the_folders_in_one_step(tmp_path: Path, monkeypatch) -> None:
    """After every rename publishing does, `site/` is there (the old or the new one)."""
    target, built = tmp_path / "site", tmp_path / (swap.BUILDING + "x")
    for folder, text in ((target, "old"), (built, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    gaps = []
    rename = Path.rename

    def watched(self: Path, other) -> Path:
        result = rename(self, other)
        if not (target / "index.html").is_file():
            gaps.append((self.name, Path(other).name))
        return result

    monkeypatch.setattr(Path, "rename", watched)
    swap.publish(built, target)
    assert gaps == []
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    site = project / "site"
    command = [sys.executable, "-m", "replysite", "build"]
    run = lambda: subprocess.run(command, cwd=project, capture_output=True, text=True, check=True)  # noqa: E731
    run()
    states = {"a": manifest(site)}
    edit(project, "今年新开通", "今年已新开通")
    started = time.monotonic()
    run()
    duration = time.monotonic() - started
    states["b"] = manifest(site)
    assert states["a"] != states["b"]
    edit(project, "今年已新开通", "今年新开通")
    run()  # back to "a"
    current, seen, left = "a", set(), []
    for step in range(8):  # kill points spread over the whole build, publishing included
        target = "b" if current == "a" else "a"
        edit(project, *(("今年新开通", "今年已新开通") if target == "b" else ("今年已新开通", "今年新开通")))
        process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(duration * (0.15 + 0.12 * step))
        os.killpg(process.pid, signal.SIGKILL)  # the build and every process it forked
        process.wait()
        left += leftovers(project)
        now = manifest(site)
        assert now in (states["a"], states["b"]), f"kill {step}: site/ is neither the old nor the new site"
        current = "a" if now == states["a"] else "b"
        seen.add(current)
        if current != target:  # not published: put the inputs back to what site/ shows
            edit(project, *(("今年已新开通", "今年新开通") if current == "a" else ("今年新开通", "今年已新开通")))
    assert left, "some kills left a half-built folder behind"
    run()
    assert leftovers(project) == [], "the next build removed what the killed ones left"
    assert manifest(site) == states[current]
