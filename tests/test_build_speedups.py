"""The build's speed-ups (the `replysite-speedups` plugin) change no byte of the site: the
fixture site built with every speed-up on (navigation rendered once per shape, reply Markdown and
the last pages' templates done by the render worker — forced on for a small site — plain
paragraphs of reply bodies kept out of Python-Markdown) and with the plugin switched off in
mkdocs.yml is identical, file for file. And what MkDocs says about a page rendered by the
worker still reaches the log and fails a strict build."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml
from click.testing import CliRunner
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from replysite.commands import main
from replysite.engine.speedups import content_store, render_worker

from conftest import make_site

EVERY_SPEEDUP = {"render_worker_from": 1, "markdown_share": 1.0, "template_share": 0.6}


def configure_speedups(project: Path, options: dict | None) -> None:
    """Set the speed-ups plugin's options in the project's mkdocs.yml (None: no such plugin)."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    plugins = [p for p in config["plugins"] if p != "replysite-speedups"
               and not (isinstance(p, dict) and "replysite-speedups" in p)]
    if options is not None:
        plugins.append({"replysite-speedups": options})
    config["plugins"] = plugins
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _build(project: Path, site: Path):
    return CliRunner().invoke(main, ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)])


def _build_in_process(project: Path, site: Path):
    """A strict MkDocs build whose plugins can be looked at afterwards."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    return config.plugins


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_speedups_change_no_byte_of_the_site(tmp_path: Path, caplog) -> None:
    project = make_site(tmp_path)
    configure_speedups(project, EVERY_SPEEDUP)
    plugins = _build_in_process(project, tmp_path / "fast")
    fast = _files(tmp_path / "fast")
    speedups = plugins["replysite-speedups"]
    documents = len(list((project / "replies").rglob("*.md")))
    replies = sorted(p for p in fast if p.startswith("replies/") and p.endswith("index.html")
                     and 'http-equiv="refresh"' not in fast[p].decode())  # not a former id's redirect page
    assert speedups.from_worker["markdown"] == len(replies) == documents == 11, \
        "every reply page's Markdown came from the worker"
    # 404.html is a theme template, and a former id's redirect page is written beside the pages
    pages = sum(p.endswith(".html") and 'http-equiv="refresh"' not in fast[p].decode() for p in fast) - 1
    assert speedups.from_worker["templates"] == int(pages * 0.6), "the last 60 % of the pages came whole from the worker"
    assert "Page skipped" not in caplog.text
    assert speedups.nav_cache.hits > 0, "pages outside the navigation reuse a cached copy"
    assert speedups.kept_blocks.hits > 3 * len({k[1] for k in speedups.kept_blocks.blocks}), \
        "Material's styles, config and scripts blocks rendered once per page depth"
    assert plugins["replysite"].lift_paragraphs, "plain paragraphs skipped Python-Markdown"
    assert speedups.simple_markdown > 0.5 * (pages - len(replies)), \
        "most generated pages (index, case pages) skipped Python-Markdown altogether"
    assert not any(p.startswith(".replysite-render") for p in fast)
    assert speedups.stored == pages, "every page's HTML waited on disk between the passes"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".replysite")]

    configure_speedups(project, {"enabled": False})
    plugins = _build_in_process(project, tmp_path / "plain")
    assert plugins["replysite-speedups"].from_worker == {"markdown": 0, "templates": 0}
    assert plugins["replysite-speedups"].stored == 0
    assert plugins["replysite-speedups"].simple_markdown == 0
    assert not plugins["replysite"].lift_paragraphs
    plain = _files(tmp_path / "plain")
    assert sorted(fast) == sorted(plain)
    different = [name for name in fast if fast[name] != plain[name]]
    assert not different, different[:5]
    # the navigation and the reply's own headings (table of contents) are really there
    page = fast[replies[0]].decode()
    assert '<a href="../../units/" class="md-nav__link">' in page
    assert 'class="md-nav md-nav--secondary"' in page

    configure_speedups(project, None)  # the line removed from mkdocs.yml: the same site again
    _build_in_process(project, tmp_path / "without")
    assert _files(tmp_path / "without") == plain


def test_the_render_worker_calls_the_pinned_mkdocs_page_functions() -> None:
    """The workers run MkDocs' own (private) page functions; their parameters are what the
    worker passes, and an engine whose functions differ gets the workers switched off."""
    assert render_worker.supported()
    assert tuple(inspect.signature(mkdocs_build._populate_page).parameters) == render_worker.POPULATE_PAGE
    assert tuple(inspect.signature(mkdocs_build._build_page).parameters) == render_worker.BUILD_PAGE


def test_a_warning_about_a_page_rendered_by_the_worker_fails_the_strict_build(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    configure_speedups(project, EVERY_SPEEDUP)
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

    from replysite.engine.speedups.template_cache import MATERIAL_NAV, Translations

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


def test_an_engine_whose_page_functions_differ_stops_the_strict_build(tmp_path: Path, monkeypatch) -> None:
    """An engine upgrade that changes the private page functions is reported, not silently slow:
    the speed-ups' warning fails the strict build; `enabled: false` is the way out
    (docs/maintenance.md)."""
    from replysite.engine.speedups import plugin as speedups_plugin

    monkeypatch.setattr(speedups_plugin, "supported", lambda: False)
    project = make_site(tmp_path)
    result = _build(project, tmp_path / "site")
    assert result.exit_code == 1
    assert "replysite-speedups: 此版本的 MkDocs 页面函数与预期不同，已关闭并行渲染" in result.output
    assert "Aborted with 1 warnings in strict mode!" in result.output
    configure_speedups(project, {"enabled": False})
    result = _build(project, tmp_path / "site")
    assert result.exit_code == 0, result.output


def test_the_content_store_gives_back_each_pages_html(tmp_path: Path) -> None:
    store = content_store.ContentStore(tmp_path)
    pages = {"a.md": "<p>答复 😀 \ud800 &amp;</p>", "b.md": "", "c.md": "x" * 300_000}
    for uri, html in pages.items():
        assert store.put(uri, html) == ""
    assert {uri: store.take(uri) for uri in reversed(pages)} == pages
    assert store.holds("a.md") and not store.holds("d.md")
    store.close()
    assert list(tmp_path.iterdir()) == []
    assert content_store.applies(["replysite", "replysite-speedups"])
    assert not content_store.applies(["replysite", "replysite-speedups", "material/tags"])
