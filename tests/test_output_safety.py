"""Output safety does not depend on catching bad input: a site built from replies and registries
that hold a hostile value in every field and hostile HTML/Markdown in every body — built as if
every check had let them through — runs no injected script on any page. Every page is opened in
Chromium: no dialog opens, no element carries an event handler or a script URL, every inline
script is one the page's Content-Security-Policy allows by hash, and the browser reports no CSP
violation. The values themselves are still shown, as text."""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import re
from pathlib import Path
from urllib.parse import quote

import feedparser
import pytest

from adversarial import FIELD_PAYLOADS, FORMULA, hostile_registries, hostile_replies
from browser import chromium
from conftest import make_site
from replysite.archive import build_archive
from replysite.engine.sitebuild import build_site
from replysite.local_http import serve

DOM_CHECK = """() => {
  const bad = [];
  const urlAttrs = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc"];
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith("on")) bad.push(`${e.tagName} ${n}=${a.value}`);
      if (n === "autofocus") bad.push(`${e.tagName} autofocus`);
      if (urlAttrs.includes(n) && /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data)\\s*:/i.test(a.value.replace(/[\\t\\n\\r]/g, "")))
        bad.push(`${e.tagName} ${n}=${a.value}`);
    }
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME", "APPLET"].includes(e.tagName)) bad.push(e.tagName);
    if (e.tagName === "META" && /refresh/i.test(e.getAttribute("http-equiv") || "")) bad.push("META refresh");
  }
  const inline = [...document.scripts].filter(s => !s.src && !/json/.test(s.type)).map(s => s.textContent);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return {bad, inline, csp: csp ? csp.content : null, violations: window.__violations || [],
          title: document.title, h1: (document.querySelector("article h1") || {}).textContent || ""};
}"""
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));"""


def static_elements(text: str) -> set[str]:
    """The element names of a page; an event handler attribute fails at once."""
    from html.parser import HTMLParser

    class Elements(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.names: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list) -> None:
            assert not [a for a, _ in attrs if a.startswith("on")], (tag, attrs)
            self.names.add(tag)

    parser = Elements()
    parser.feed(text)
    return parser.names


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    make_site(root)
    units, topics = hostile_registries()
    archive = build_archive(hostile_replies(), units, topics)
    patch = pytest.MonkeyPatch()
    patch.setattr("replysite.engine.plugin.load_archive", lambda *args, **kwargs: archive)
    try:
        build_site(root / "mkdocs.yml", root / "site")
    finally:
        patch.undo()
    return root / "site"


def test_no_page_runs_injected_script(hostile_site: Path) -> None:
    files = sorted(hostile_site.rglob("*.html"))
    redirects = [p for p in files if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]
    for path in redirects:  # static pages that lead elsewhere: parsed as written, not opened
        text = path.read_text(encoding="utf-8")
        assert static_elements(text) <= {"html", "head", "meta", "title", "link", "body", "p", "a"}, path
        assert "default-src 'none'" in text
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in files if p not in redirects)
    assert len(pages) > 60 and redirects
    dialogs: list[str] = []
    problems: dict[str, object] = {}
    with serve(hostile_site.parent) as base, chromium() as browser:
        context = browser.new_context()
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for name in pages:
            page.goto(f"{base}site/{name}")
            page.wait_for_timeout(30)  # let onerror / onload handlers fire if any got through
            found = page.evaluate(DOM_CHECK)
            allowed = set(re.findall(r"'sha256-[^']+'", found["csp"] or ""))
            unhashed = [s[:60] for s in found["inline"] if sha256(s) not in allowed]
            if found["bad"] or unhashed or found["violations"] or not found["csp"]:
                problems[name] = (found["bad"], unhashed, found["violations"], bool(found["csp"]))
        # the search page lists hostile titles as text too
        page.goto(f"{base}site/search/?q={quote('关于')}")
        page.wait_for_selector("#reply-search[data-state=done]")
        assert page.locator(".rs-result").count() > 0
        assert page.evaluate(DOM_CHECK)["bad"] == []
    assert dialogs == []
    assert problems == {}


def test_hostile_values_are_shown_as_text(hostile_site: Path) -> None:
    with serve(hostile_site.parent) as base, chromium() as browser:
        page = browser.new_page()
        for i, payload in enumerate(FIELD_PAYLOADS):
            page.goto(f"{base}site/replies/hostile-{i}/")
            found = page.evaluate(DOM_CHECK)
            assert found["h1"].strip() == f"关于{payload}的建议"
            assert found["title"].startswith(f"关于{payload}的建议 - ")
            meta = page.inner_text("dl.rs-meta")
            assert f"会议{payload}" in meta and f"文号{payload}" in meta and payload in meta


def test_feeds_and_exports_carry_hostile_values_safely(hostile_site: Path) -> None:
    feed = feedparser.parse((hostile_site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert {e.title for e in feed.entries} >= {f"《关于{FIELD_PAYLOADS[0]}的建议》（简称0{FIELD_PAYLOADS[0]}）"}
    rows = list(csv.DictReader(io.StringIO((hostile_site / "data" / "replies.csv").read_text(encoding="utf-8-sig"))))
    formula = next(r for r in rows if r["id"] == f"hostile-{FIELD_PAYLOADS.index(FORMULA)}")
    assert formula["contact"] == "'" + FORMULA  # shown as text by spreadsheets
    assert formula["cc"].startswith("'" + FORMULA)
    records = json.loads((hostile_site / "data" / "replies.json").read_text(encoding="utf-8"))
    assert {r["title"] for r in records} == {f"关于{p}的建议" for p in FIELD_PAYLOADS}
    assert {r["contact"] for r in records} == set(FIELD_PAYLOADS)  # the JSON keeps the true value
    sitemap = (hostile_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in html.unescape(re.sub(r"<[^>]+>", "", sitemap)) or "&lt;script" not in sitemap
