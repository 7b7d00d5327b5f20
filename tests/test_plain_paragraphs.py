"""Plain paragraphs lifted out of Python-Markdown give the very HTML Python-Markdown gives.

Every body is converted twice with the site's own Markdown extensions (read from mkdocs.yml):
as it is, and with its plain paragraphs lifted into finished HTML blocks; the two must match.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from replysite.archive import load_archive
from replysite.pages.blocks import Blocks, fill_blocks
from replysite.pages.plain_paragraphs import applies, lift_plain_paragraphs
from replysite.synthetic import generate

from conftest import ROOT, TODAY

CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def both_ways(body: str) -> tuple[str, str, int]:
    """(HTML from Python-Markdown, HTML with plain paragraphs lifted, number of lifted runs)."""
    md = markdown.Markdown(extensions=CONFIG.markdown_extensions, extension_configs=CONFIG.mdx_configs)
    want = md.convert(body)
    blocks = Blocks()
    lifted = lift_plain_paragraphs(body, blocks)
    md.reset()
    return want, fill_blocks(md.convert(lifted), blocks.items), len(blocks.items)


def test_the_sites_extensions_allow_it() -> None:
    assert applies(CONFIG.markdown_extensions)
    assert not applies([*CONFIG.markdown_extensions, "smarty"])  # rewrites quotes in any paragraph
    assert not applies([*CONFIG.markdown_extensions, "pymdownx.magiclink"])  # links bare addresses
    assert not applies([*CONFIG.markdown_extensions, "nl2br"])


def test_synthetic_and_real_bodies_convert_the_same(tmp_path: Path) -> None:
    generate(300, tmp_path / "synthetic", seed=7)
    bodies = [r.body for r in load_archive(tmp_path / "synthetic", today=TODAY).replies]
    bodies += [r.body for r in load_archive(ROOT / "replies", today=TODAY).replies if r.has_body]
    lifted = 0
    for body in bodies:
        want, got, runs = both_ways(body)
        assert got == want, body[:200]
        lifted += runs > 0
    assert lifted >= 0.9 * len(bodies)  # the check is not vacuous: most bodies were lifted


EDGE_CASES = {
    # name: (body, whether some paragraph may be lifted)
    "plain": ("第一段。\n\n第二段，含“引号”、（括号）、50%、A-B 和 1.5 倍。\n第二段第二行。", True),
    "definition term": ("术语\n\n:   定义", False),
    "definition after plain": ("开头。\n\n术语\n\n:   定义\n\n结尾。", True),
    "setext heading": ("标题\n===\n\n正文。", True),
    "setext h2": ("标题\n---\n\n正文。", True),
    "hash heading": ("# 一\n\n正文。\n\n## 二", True),
    "unordered list": ("- 甲\n- 乙\n\n正文。", True),
    "loose list": ("- 甲\n\n- 乙\n\n    续段\n\n正文。", True),
    "ordered list": ("1. 甲\n2. 乙\n\n3. 丙\n\n正文。", True),
    "numbered line": ("2023. 年份开头\n\n正文。", True),
    "blockquote lazy": ("> 引文\n续行\n\n正文。", True),
    "blockquote blank": ("> 引文\n\n> 另一段\n\n正文。", True),
    "indented code": ("正文。\n\n    代码\n\n正文。", True),
    "fenced code": ("```\n段一\n\n段二\n```\n\n正文。", False),
    "tilde fence": ("~~~\n段一\n\n段二\n~~~", False),
    "raw html span": ("<div>\n\n段落\n\n</div>\n\n正文。", False),
    "html comment": ("<!--\n\n注释\n\n-->\n\n正文。", False),
    "hard break": ("第一行  \n第二行\n\n正文。", True),
    "ideographic indent": ("\u3000\u3000首行缩进的段落。\n\n正文。", True),
    "leading space": (" 一个空格\n\n正文。", True),
    "tab": ("正文。\n\n\t缩进", False),
    "crlf": ("正文。\r\n\r\n第二段。", False),
    "entity": ("A&amp;B\n\n正文。", True),
    "emphasis": ("这是**重点**。\n\n正文。", True),
    "link": ("见[通知](https://example.cn/)。\n\n正文。", True),
    "reference link": ("见[通知][1]。\n\n正文。\n\n[1]: https://example.cn/", True),
    "toc marker": ("[TOC]\n\n# 一\n\n正文。", True),
    "admonition": ('!!! note "说明"\n    内容\n\n    续段\n\n正文。', True),
    "table": ("| 项目 | 数量 |\n|---|---|\n| 甲 | 1 |\n\n正文。", True),
    "attr list": ("正文。\n{: .x }\n\n正文。", True),
    "many blank lines": ("一。\n\n\n\n二。\n   \n三。", True),
    "space-only line": ("一。\n  \n二。", True),
    "rule": ("一。\n\n***\n\n二。\n\n- - -", True),
    "colon inside": ("时间：上午9:30。\n\n正文。", True),
    "plus inside": ("“线上+线下”\n\n+ 列表", True),
    "backslash": ("C:\\路径\n\n正文。", True),
    "only blank": ("\n\n", False),
    "empty": ("", False),
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_convert_the_same(name: str) -> None:
    body, may_lift = EDGE_CASES[name]
    want, got, runs = both_ways(body)
    assert got == want
    if not may_lift:
        assert runs == 0
    if name == "plain":
        assert runs == 1  # both paragraphs in one block
