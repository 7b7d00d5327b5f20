"""One Python-Markdown converter reset between pages renders each page as MkDocs' own
`Page.render` does: same HTML, table of contents, title, anchors and links to anchors, whatever
page came before (the whole-site byte comparison is in test_build_speedups.py)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from replysite.archive import load_archive
from replysite.engine.speedups import markdown_reuse
from replysite.synthetic import generate

from conftest import ROOT, TODAY
from test_plain_paragraphs import EDGE_CASES

PAGES = {
    "a.md": "# 标题甲\n\n## 重复\n\n## 重复\n\n正文[^1]见[乙](b.md#重复)和[本页](#重复)。\n\n[^1]: 注",
    "b.md": "# 标题乙\n\n## 重复\n\n<div id=\"raw-id\" markdown>\n**强调** 在 HTML 中\n</div>\n\n"
            "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n术语\n:   定义\n\n!!! note \"提示\"\n    内容\n\n"
            "```\n<b>代码</b>\n```\n\n段落 {#custom-id}\n\n[缺](a.md#没有这个)",
    "c.md": "没有标题的页面。\n\n<p id=\"only-raw\">原始 HTML</p>\n\n*[HTML]: 缩写\n\n[ref]: https://example.org",
    "d.md": "引用 [ref] 未定义。\n\n## 标题 {: #given }\n\n### 三级\n\n#### 四级",
}


def _toc(items) -> list:
    return [(i.title, i.id, i.level, _toc(i.children)) for i in items]


def _state(page: Page) -> tuple:
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
    return (page.content, _toc(page.toc), page._title_from_render, sorted(page.present_anchor_ids), links)


def _file(config, uri: str, text: str) -> File:
    file = File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
    file.content_string = text
    return file


def _render_all(config, docs: dict[str, str], reuse: bool) -> dict[str, tuple]:
    files = Files([_file(config, uri, text) for uri, text in docs.items()])
    shared = markdown_reuse.ReusedMarkdown()
    out = {}
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        if reuse:
            shared.use_for(page)
        page.render(config, files)
        out[file.src_uri] = _state(page)
    return out


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_supported_for_the_sites_extensions_and_this_engine(config) -> None:
    assert markdown_reuse.supported(config.markdown_extensions)
    assert not markdown_reuse.supported([*config.markdown_extensions, "pymdownx.snippets"])


@pytest.mark.parametrize("level", [logging.INFO, logging.DEBUG])
def test_pages_render_the_same_in_any_order(config, level) -> None:
    docs = dict(PAGES)
    docs.update({f"edge/{i:02d}.md": body for i, (body, _) in enumerate(EDGE_CASES.values())})
    engine_log = logging.getLogger("mkdocs.structure.pages")
    before = engine_log.level
    engine_log.setLevel(level)
    try:
        want = _render_all(config, docs, reuse=False)
        got = _render_all(config, docs, reuse=True)
        backwards = _render_all(config, dict(reversed(docs.items())), reuse=True)
    finally:
        engine_log.setLevel(before)
    assert got == want
    assert backwards == want
    # not vacuous: the pages have what could leak from one page into the next
    assert want["a.md"][1] and want["b.md"][3]
    if level > logging.DEBUG:  # MkDocs keeps links to anchors only then
        assert want["a.md"][4]


def test_synthetic_and_real_bodies(config, tmp_path: Path) -> None:
    generate(120, tmp_path / "synthetic", seed=11)
    replies = load_archive(tmp_path / "synthetic", today=TODAY).replies
    replies += load_archive(ROOT / "replies", today=TODAY).replies
    docs = {f"r/{i}.md": reply.body for i, reply in enumerate(replies)}
    assert _render_all(config, docs, reuse=True) == _render_all(config, docs, reuse=False)
