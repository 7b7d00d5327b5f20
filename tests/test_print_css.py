from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from publishing_fixtures import CHROMIUM, CHROMIUM_ARGS, build_material_site, served

PRINT_CSS = Path(__file__).resolve().parents[1] / "scripts/replysite/assets/print.css"
# The shape of a generated reply page (reply_page.py): metadata list, heading, letter, signature.
REPLY_PAGE = """# 关于进一步优化我区营商环境的几点建议

<p class="rs-breadcrumbs"><a href="../../">首页</a> › 2023年</p>

<div class="rs-meta">
<dl><dt>主办单位</dt><dd>南昌市新建区政务服务数据管理局</dd></dl>
</div>

## 答复全文

<div class="rs-body">
<p>尊敬的程伟川代表：</p>
<p>您提出的关于“关于进一步优化我区营商环境的几点建议”的建议收悉，现答复如下：</p>
</div>

<p class="rs-sign">南昌市新建区政务服务数据管理局<br>2023年7月17日</p>

<p class="rs-feed"><a href="../../feeds/all.atom.xml">订阅本页更新（Atom）</a></p>
"""
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".rs-breadcrumbs", ".rs-feed", "article h2"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_material_site(tmp_path_factory.mktemp("print"),
                               {"index.md": "# 首页\n", "replies/r-1.md": REPLY_PAGE},
                               {"assets/print.css": PRINT_CSS.read_text(encoding="utf-8")})


def style(page: Page, selector: str, prop: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]",
                         [selector, prop])


def test_reply_prints_like_a_letter(site: Path, tmp_path: Path) -> None:
    with served(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base + "replies/r-1/")
            # On screen the site looks as usual…
            assert style(page, ".md-header", "display") != "none"
            assert style(page, ".rs-feed", "display") == "block"
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
            # Two characters of indent: 2em of 16pt (三号).
            assert style(page, ".rs-body p:nth-child(2)", "fontSize") == "21.3333px"
            assert style(page, ".rs-body p:nth-child(2)", "textIndent") == "42.6667px"
            assert style(page, ".rs-body p:first-child", "textIndent") == "0px"
            assert style(page, ".rs-sign", "textAlign") == "right"
            assert style(page, ".rs-meta", "borderTopColor") == "rgb(0, 0, 0)"
            assert style(page, ".md-content", "marginLeft") == "0px"
            pdf = page.pdf(format="A4", path=str(tmp_path / "reply.pdf"))
            assert pdf.startswith(b"%PDF")
        finally:
            browser.close()
