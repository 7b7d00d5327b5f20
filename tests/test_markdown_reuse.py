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


# Pieces of pages that SimpleMarkdown converts itself or must leave to Python-Markdown: headings
# whose ids collide or come out empty, text with every character class the plain-paragraph rules
# care about, quotes, blank lines made of spaces, lazy lines and setext underlines.
_PLAIN = ["办理过程", "Hello World", "第 55 号", "标题  两个空格", "全角\u3000空格", "A-B 和 1.5 倍",
          "“引号”（括号）50%", "RSHTMLBLOCKabcN3X", "！？；：", "Ünïcödé", "数字 2024", "'单引号'",
          '"双引号"', "办理过程"]
_TEXTS = _PLAIN * 8 + ["C++ 与 C#", "a_b", "*强调*", "<b>粗</b>", "x & y", "链接[甲](b.md)",
          "{: #id }", "1. 列表", "- 列表", "末尾空格 ", " 开头空格", "tab\there", "::定义", "=== 下划线"]


def _random_page(rng) -> str:
    parts = []
    for _ in range(rng.randint(1, 7)):
        kind = rng.random()
        text = rng.choice(_TEXTS)
        if kind < 0.4:
            parts.append("#" * rng.randint(1, 7) + rng.choice([" "] * 6 + ["", "  "]) + text
                         + rng.choice([""] * 6 + [" #"]))
        elif kind < 0.7:
            parts.append("\n".join(rng.choice(_TEXTS) for _ in range(rng.randint(1, 3))))
        elif kind < 0.78:
            parts.append(rng.choice(["**", "**", "*", "__"]) + text + rng.choice(["**", "**", "*", " **"]))
        elif kind < 0.85:
            parts.append("\n".join(rng.choice(["> "] * 6 + [">", "> > "]) + rng.choice(_TEXTS)
                                   for _ in range(rng.randint(1, 2))))
        elif kind < 0.88:
            parts.append(rng.choice(["---", "===", ":   定义", "    缩进", "* 项"]))
    return "".join(p + rng.choice(["\n\n"] * 4 + ["\n\n\n", "\n", "\n \n"]) for p in parts)


def test_simple_pages_render_as_python_markdown(config) -> None:
    import random
    rng = random.Random(20261130)
    docs = {f"r/{i}.md": _random_page(rng) for i in range(3000)}
    docs.update({f"p/{i}.md": page for i, page in enumerate(PAGES.values())})
    want = _render_all(config, docs, reuse=False)
    shared_counts = []
    original = markdown_reuse.ReusedMarkdown.render

    def counting(self, page, config, files):
        before = self.simple_count
        original(self, page, config, files)
        shared_counts.append(self.simple_count - before)

    markdown_reuse.ReusedMarkdown.render = counting
    try:
        got = _render_all(config, docs, reuse=True)
    finally:
        markdown_reuse.ReusedMarkdown.render = original
    different = [uri for uri in docs if got[uri] != want[uri]]
    assert not different, [(docs[u], got[u], want[u]) for u in different[:3]]
    # not vacuous: both paths were taken, and the simple pages had headings, ids and quotes
    simple = [uri for uri, n in zip(docs, shared_counts) if n]
    assert 300 < len(simple) < len(docs) - 300
    assert sum(bool(want[u][1]) for u in simple) > 200 and sum("<blockquote>" in want[u][0] for u in simple) > 50
    assert sum("<strong>" in want[u][0] for u in simple) > 10


def test_generated_and_reply_pages_mostly_skip_python_markdown(config, tmp_path: Path) -> None:
    from replysite.engine.speedups.simple_markdown import SimpleMarkdown
    import markdown

    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    simple = SimpleMarkdown.for_markdown(md)
    assert simple.enabled
    assert simple.convert("# 标题\n\n<b>原始 HTML</b>\n") is None
    assert simple.convert("# 标题\n\n正文。\n").html == '<h1 id="_1">标题</h1>\n<p>正文。</p>'
    # a site whose toc adds permalinks: its headings are left to Python-Markdown
    linked = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    assert not SimpleMarkdown.for_markdown(linked).enabled
