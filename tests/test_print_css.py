from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from browser import chromium
from replysite.local_http import serve

# A reply page of the built fixture site, with every part print.css styles (reply_page.py).
REPLY = "replies/xinjian-2023-jianyi-55/"
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".rs-breadcrumbs", "article h2"]


def style(page: Page, selector: str, prop: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]",
                         [selector, prop])


def test_reply_prints_like_a_letter(built_fixture_site: Path, tmp_path: Path) -> None:
    """print.css against a real reply page of the built fixture site."""
    with serve(built_fixture_site.parent) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "site/" + REPLY)
        missing = [s for s in CHROME + [".rs-body", ".rs-meta", ".rs-sign"]
                   if not page.evaluate("s => document.querySelector(s) !== null", s)]
        assert missing == [], "the page has every part print.css is about"
        # On screen the site looks as usual…
        assert style(page, ".md-header", "display") != "none"
        assert style(page, ".rs-breadcrumbs", "display") == "block"
        assert style(page, "article h2", "display") == "block"  # the 答复全文 heading
        page.emulate_media(media="print")
        # …on paper only the letter is left, black serif text on white.
        assert [style(page, s, "display") for s in CHROME] == ["none"] * len(CHROME)
        font = style(page, ".md-typeset", "fontFamily")
        assert font.startswith('SimSun, 宋体, FangSong, 仿宋') and font.endswith("serif")
        assert style(page, ".md-typeset", "color") == "rgb(0, 0, 0)"
        assert style(page, "body", "backgroundColor") == "rgb(255, 255, 255)"
        assert style(page, ".md-typeset a", "color") == "rgb(0, 0, 0)"
        assert style(page, ".md-typeset h1", "textAlign") == "center"
        # The salutation flush left, then two characters of indent: 2em of 16pt (三号).
        assert page.evaluate("document.querySelector('.rs-body p').textContent").startswith("尊敬的")
        assert style(page, ".rs-body p:nth-child(2)", "fontSize") == "21.3333px"
        assert style(page, ".rs-body p:nth-child(2)", "textIndent") == "42.6667px"
        assert style(page, ".rs-body > p:first-child", "textIndent") == "0px"
        assert style(page, ".rs-sign", "textAlign") == "right"
        assert style(page, ".rs-meta", "borderTopColor") == "rgb(0, 0, 0)"
        assert style(page, ".rs-meta", "display") == "grid"
        assert style(page, ".md-content", "marginLeft") == "0px"
        pdf = page.pdf(format="A4", path=str(tmp_path / "reply.pdf"))
        assert pdf.startswith(b"%PDF")
