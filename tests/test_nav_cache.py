"""The navigation cache changes no byte of any page: the fixture site built with it and with
Material rendering the navigation on every page is identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from replysite.cli import main
from replysite.nav_cache import NavCache

from conftest import make_site


def _build(project: Path, site: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)])
    assert result.exit_code == 0, result.output
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_cached_navigation_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_site(tmp_path)
    calls = []
    original = NavCache.__call__

    def counting(self, context):
        calls.append(self)
        return original(self, context)

    counting.jinja_pass_arg = original.jinja_pass_arg  # keep jinja2.pass_context
    monkeypatch.setattr(NavCache, "__call__", counting)
    cached = _build(project, tmp_path / "cached")
    cache = calls[-1]
    assert cache.hits > 10, "pages outside the navigation reuse a cached copy"
    monkeypatch.setattr(NavCache, "enabled", False)
    plain = _build(project, tmp_path / "plain")
    assert sorted(cached) == sorted(plain)
    different = [name for name in cached if cached[name] != plain[name]]
    assert not different, different[:5]
    # and the navigation really is there, with links relative to each page
    reply = next(name for name in cached if name.startswith("replies/"))
    assert b'class="md-nav md-nav--primary"' in cached[reply]
    assert b'<a href="../../units/" class="md-nav__link">' in cached[reply]
