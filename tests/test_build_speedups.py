"""The build's speed-ups change no byte of the site: the fixture site built with them (navigation
rendered once per shape, reply Markdown converted by the render worker, forced on for a small
site; plain paragraphs of reply bodies kept out of Python-Markdown) and without them is
identical, file for file. And what MkDocs says about a page rendered
by the worker still reaches the log and fails a strict build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from replysite import mkdocs_render_worker, plain_paragraphs, reply_page
from replysite.cli import main
from replysite.template_cache import NavCache

from conftest import make_site


def _build(project: Path, site: Path):
    return CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)])


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def every_speedup_on(monkeypatch: pytest.MonkeyPatch) -> list:
    """All reply pages go to the render worker; returns the NavCache objects used."""
    monkeypatch.setattr(mkdocs_render_worker, "PARALLEL_FROM", 1)
    monkeypatch.setattr(mkdocs_render_worker, "SHARE", 1.0)
    monkeypatch.setattr(mkdocs_render_worker, "TEMPLATE_SHARE", 0.6)
    caches = []
    original = NavCache.__call__

    def counting(self, context):
        caches.append(self)
        return original(self, context)

    counting.jinja_pass_arg = original.jinja_pass_arg  # keep jinja2.pass_context
    monkeypatch.setattr(NavCache, "__call__", counting)
    return caches


def test_speedups_change_no_byte_of_the_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             every_speedup_on: list) -> None:
    project = make_site(tmp_path)
    taken, prerendered = [], []
    worker = mkdocs_render_worker.RenderWorker
    take_content, wait_for_page = worker.take_content, worker.wait_for_page
    monkeypatch.setattr(worker, "take_content",
                        lambda self, page, files: taken.append(page.file.src_uri) or take_content(self, page, files))
    monkeypatch.setattr(worker, "wait_for_page",
                        lambda self, page: prerendered.append(page.file.src_uri) or wait_for_page(self, page))
    lifted = []
    lift = reply_page.lift_plain_paragraphs
    monkeypatch.setattr(reply_page, "lift_plain_paragraphs",
                        lambda body, block: lift(body, lambda html: lifted.append(html) or block(html)))
    result = _build(project, tmp_path / "fast")
    assert result.exit_code == 0, result.output
    fast = _files(tmp_path / "fast")
    replies = sorted(p for p in fast if p.startswith("replies/") and p.endswith("index.html"))
    assert len(taken) == len(replies) == 5, "every reply page's Markdown came from the render worker"
    pages = sum(p.endswith(".html") for p in fast) - 1  # 404.html is a theme template
    assert len(prerendered) == int(pages * 0.6), "the last 60 % of the pages came whole from the worker"
    assert "Page skipped" not in result.output
    assert every_speedup_on[-1].hits > 0, "pages outside the navigation reuse a cached copy"
    assert lifted, "plain paragraphs skipped Python-Markdown"

    monkeypatch.setattr(mkdocs_render_worker, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(NavCache, "enabled", False)
    monkeypatch.setattr(plain_paragraphs, "applies", lambda extensions: False)
    lifted.clear()
    result = _build(project, tmp_path / "plain")
    assert result.exit_code == 0, result.output
    plain = _files(tmp_path / "plain")
    assert sorted(fast) == sorted(plain)
    different = [name for name in fast if fast[name] != plain[name]]
    assert not different, different[:5]
    assert not lifted
    # the navigation and the reply's own headings (table of contents) are really there
    page = fast[replies[0]].decode()
    assert '<a href="../../units/" class="md-nav__link">' in page
    assert 'class="md-nav md-nav--secondary"' in page


def test_a_warning_about_a_page_rendered_by_the_worker_fails_the_strict_build(
        tmp_path: Path, every_speedup_on: list) -> None:
    project = make_site(tmp_path)
    reply = next((project / "replies").rglob("*.md"))
    text = reply.read_text(encoding="utf-8")
    reply.write_text(text.rstrip("\n") + "\n\n详见[另一件答复](no-such-reply.md)。\n", encoding="utf-8")
    result = _build(project, tmp_path / "site")
    assert result.exit_code == 1
    assert "no-such-reply.md" in result.output
    assert "Aborted with 1 warnings in strict mode!" in result.output
    assert not (tmp_path / "site").exists()
    leftovers = [p.name for p in list(project.iterdir()) + list(tmp_path.iterdir()) if p.name.startswith(".")]
    assert leftovers == [], "no temporary folder or render file is left behind"


def test_translations_are_materials_texts_looked_up_once() -> None:
    import re

    import jinja2

    from replysite.template_cache import MATERIAL_NAV, Translations

    templates = MATERIAL_NAV.parent.parent
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    material = env.from_string('{% import "partials/languages/zh.html" as lang %}'
                               '{% import "partials/languages/en.html" as fallback %}'
                               "{{ lang.t(key) or fallback.t(key) or key }}")
    texts = "".join((templates / "partials" / "languages" / f"{name}.html").read_text(encoding="utf-8")
                    for name in ("zh", "en"))
    keys = set(re.findall(r'^\s*"([\w.]+)":', texts, re.M)) - {"language"}
    assert len(keys) > 40
    translate = Translations(env, "zh")
    for key in sorted(keys) + ["no.such.key"]:
        assert translate(key) == material.render(key=key), key
        assert translate(key) == material.render(key=key), key  # again, from the cache
    assert translate("search.placeholder") == "搜索"
    assert translate("language") == "zh-CN"


def test_preview_generates_only_the_edited_replys_page_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from replysite import site_pages
    from replysite.load import FileCache, load_replies

    from conftest import FIXTURE_SITE_REPLIES, TODAY, make_replies

    folder = make_replies(tmp_path, sorted(FIXTURE_SITE_REPLIES.rglob("*.md")), registries=FIXTURE_SITE_REPLIES)
    made = []
    real = site_pages.reply_page
    monkeypatch.setattr(site_pages, "reply_page", lambda r, lift=False: made.append(r.id) or real(r, lift))
    files, kept = FileCache(), site_pages.ReplyPages()

    def pages(lift: bool = False) -> dict[str, str]:
        archive, problems = load_replies(folder, today=TODAY, cache=files)
        assert problems == []
        return {p.src_uri: p.content for p in site_pages.generate_pages(archive, "站", "简介", kept, lift)}

    first = pages()
    assert len(made) == 5
    assert pages() == first and len(made) == 5, "nothing changed: no reply page made again"
    reply = folder / "fixture-2024-tian-12.md"
    reply.write_text(reply.read_text(encoding="utf-8").replace("一是优化线路", "一是继续优化线路"), encoding="utf-8")
    os.utime(reply, ns=(reply.stat().st_atime_ns, reply.stat().st_mtime_ns + 10**9))
    edited = pages()
    assert made[5:] == ["fixture-2024-tian-12"]
    changed = [uri for uri in first if first[uri] != edited[uri]]
    assert changed == ["replies/fixture-2024-tian-12.md"]
    assert "一是继续优化线路" in edited["replies/fixture-2024-tian-12.md"]
    pages(lift=True)
    assert len(made) == 11, "other Markdown extensions: every reply page made again"
