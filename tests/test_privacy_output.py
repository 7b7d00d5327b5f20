"""The last privacy scan, over built output: it finds private details however a page, a feed or
a data file encodes them, and raises nothing on every file of a real built site."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from replysite.reading.privacy import decode_output, output_text, scan_output


class _TextAndLinks(HTMLParser):
    """An HTML page as text (tags stripped) plus the value of every href and src."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts += [value for name, value in attrs if name in ("href", "src") and value]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def stripped(html: str) -> str:
    parser = _TextAndLinks()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.parts)


def test_every_file_of_a_built_site_is_clean(built_fixture_site: Path) -> None:
    """Pages, assets (Material's CSS and JavaScript, source maps), feeds, sitemap (and its gzip),
    exports, search data (gzip-compressed shards): not one hit, read whole or as text and links."""
    files = sorted(p for p in built_fixture_site.rglob("*") if p.is_file())
    kinds = {p.suffix for p in files}
    assert {".html", ".xml", ".json", ".csv", ".js", ".css", ".bin", ".gz"} <= kinds
    hits = []
    for path in files:
        text = output_text(path.read_bytes())
        views = [text, stripped(text)] if path.suffix == ".html" else [text]
        for view in views:
            hits += [f"{path.relative_to(built_fixture_site)}:{h.line}: {h.value}" for h in scan_output(view)]
    assert hits == []


def test_a_number_planted_in_a_built_page_is_found_at_its_line(built_fixture_site: Path) -> None:
    page = (built_fixture_site / "index.html").read_text(encoding="utf-8")
    lines = page.split("\n")
    middle = len(lines) // 2
    lines.insert(middle, "<p>联系人 138&nbsp;1234&#x2011;5678</p>")
    [hit] = scan_output("\n".join(lines))
    assert (hit.line, hit.kind, hit.value) == (middle + 1, "mobile", "138\u00a01234\u20115678")


@pytest.mark.parametrize("text", [
    "<p>电话 138&nbsp;1234&nbsp;5678</p>",  # entity between groups
    "<p>电话 &#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;</p>",  # every digit an entity
    "<p>电话 138&#8203;1234&#8203;5678</p>",  # zero-width space as an entity
    '<a href="/sessions/138-1234-5678/">会议</a>',
    '<a href="/sessions/138%201234%205678/">会议</a>',  # %-escaped space in a URL
    '<a href="/s/138%E3%80%801234%E3%80%805678/">会议</a>',  # %-escaped ideographic space
    '<meta name="description" content="联系 13812345678">',
    '<title>会议（13812345678）</title>',
    '{"x": "电话 138\\u30001234\\u30005678"}',  # JSON \\u escapes
    '{"x": "电话 138\\n1234\\n5678"}',  # a wrapped number in a JSON string
    '<content type="html">&lt;p&gt;电话 138&amp;nbsp;1234&amp;nbsp;5678&lt;/p&gt;</content>',  # Atom
    "id,title\nx,会议 138 1234 5678\n",  # CSV
    "<loc>https://example.gov.cn/sessions/13812345678/</loc>",  # sitemap
])
def test_output_encodings_are_seen_through(text: str) -> None:
    [hit] = scan_output(text)
    assert (hit.kind, hit.message.split("：")[0]) == ("mobile", "疑似个人手机号码 138****5678")


def test_addresses_and_ids_in_output() -> None:
    text = ('<a href="mailto:zhangsan@qq.com">来信</a>\n'
            '<p>身份证 110105&#x20;19491231&#x20;002X</p>\n'
            '{"body": "账号 6222\\u00a00212\\u00a03456\\u00a07890\\u00a0128"}')
    assert [(h.line, h.kind) for h in scan_output(text)] == [(1, "email"), (2, "id_number"), (3, "bank_card")]


def test_allow_applies_to_output() -> None:
    assert scan_output("<p>服务电话 138&nbsp;1234&nbsp;5678</p>", ["138-1234-5678"]) == []


def test_escaped_line_breaks_do_not_move_lines() -> None:
    text = "a&#10;b\\nc%0Ad\n138 1234 5678"
    assert decode_output(text).count("\n") == 1
    assert [h.line for h in scan_output(text)] == [2]


def test_output_text_reads_gzip_and_any_bytes() -> None:
    data = json.dumps({"t": "电话 13812345678"}, ensure_ascii=False).encode()
    assert output_text(gzip.compress(data)) == data.decode()
    assert [h.kind for h in scan_output(output_text(gzip.compress(data)))] == ["mobile"]
    assert output_text(b"\xff\xfe13812345678") == "\ufffd\ufffd13812345678"
    assert output_text(b"\x1f\x8b not gzip") == "\x1f\ufffd not gzip"


def test_output_scan_never_raises_on_odd_text() -> None:
    odd = "&#xD800;&#99999999;&#0;%FF%FE\\ud800\\uZZZZ&&;;%%%\x00\ufffd" + re.escape("[at]") * 3
    assert scan_output(odd) == []
