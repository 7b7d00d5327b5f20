"""What `replysite serve` keeps between rebuilds: unchanged reply files are not read again,
their pages not generated again, and MkDocs' dirty rebuild renders only pages that changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.config import load_config

from replysite.archive import load_replies
from replysite.engine.preview import Preview, PreviewFile
from replysite.pages import GeneratedPage
from replysite.pages import site as site_pages
from replysite.reading import FileCache

from conftest import FIXTURE_SITE_REPLIES, TODAY, make_replies, make_site


def test_a_page_counts_as_modified_only_when_its_markdown_or_html_blocks_changed(tmp_path: Path) -> None:
    config = load_config(str(make_site(tmp_path) / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=True)
    preview = config.plugins["replysite"].preview
    assert isinstance(preview, Preview)
    page = GeneratedPage("replies/a.md", "# 标题\n\nRSHTMLBLOCK0X\n", ("<p>原文</p>",))
    first = preview.file(config, page)
    assert isinstance(first, PreviewFile) and first.is_modified(), "a new page is rendered"
    assert not preview.file(config, page).is_modified(), "unchanged: MkDocs keeps the built page"
    changed = GeneratedPage(page.src_uri, page.content, ("<p>改过的原文</p>",))
    assert preview.file(config, changed).is_modified(), "only a block changed: rendered again"
    assert not preview.file(config, changed).is_modified()
    preview.forget_pages()  # after a failed rebuild
    assert preview.file(config, changed).is_modified()


def test_preview_generates_only_the_edited_replys_page_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_replies(tmp_path, sorted(FIXTURE_SITE_REPLIES.rglob("*.md")), registries=FIXTURE_SITE_REPLIES)
    made = []
    real = site_pages.reply_page
    monkeypatch.setattr(site_pages, "reply_page", lambda r, case, as_of, lift=False: made.append(r.id) or real(r, case, as_of, lift))
    files, kept = FileCache(), site_pages.ReplyPages()

    def pages(lift: bool = False) -> dict[str, str]:
        archive, problems = load_replies(folder, today=TODAY, cache=files)
        assert problems == []
        return {p.src_uri: p.content for p in site_pages.generate_pages(archive, "站", "简介", kept, lift)}

    documents = len(list(FIXTURE_SITE_REPLIES.rglob("*.md")))
    first = pages()
    assert len(made) == documents == 11
    assert pages() == first and len(made) == documents, "nothing changed: no reply page made again"
    reply = folder / "fixture-2024-tian-12.md"
    reply.write_text(reply.read_text(encoding="utf-8").replace("一是优化线路", "一是继续优化线路"), encoding="utf-8")
    os.utime(reply, ns=(reply.stat().st_atime_ns, reply.stat().st_mtime_ns + 10**9))
    edited = pages()
    # the edited reply's page, and those of the other documents of its case (which list it)
    assert sorted(made[documents:]) == ["fixture-2024-tian-12", "fixture-2024-tian-12-huiban",
                                        "fixture-2024-tian-12-jinzhan"]
    changed = [uri for uri in first if first[uri] != edited[uri]]
    assert changed == ["replies/fixture-2024-tian-12.md"]
    assert "一是继续优化线路" in edited["replies/fixture-2024-tian-12.md"]
    pages(lift=True)
    assert len(made) == 2 * documents + 3, "other Markdown extensions: every reply page made again"
