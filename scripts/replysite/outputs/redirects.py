"""Redirect pages at the addresses of former ids (`former_ids`): links in the press and on other
government sites keep working after a reply's id was corrected; and at the address of a case of
one document, which leads to that document. Each is a small static page
with a meta refresh and a link (no script), pointing at the document's current page."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable

from ..archive import Case
from ..model import Reply
from ..urls import absolute_url, case_source, page_url, relative_url, reply_source

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<title>{title} - {heading}</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>{message}<a href="{target}">{title}</a></p>
</body>
</html>
"""


def write_redirects(replies: Iterable[Reply], cases: Iterable[Case], site_url: str, out_dir: Path, *,
                    check=None) -> list[Path]:
    """Pages at every former id, and at the address of every case of one document (its case
    page would only repeat the document's page)."""
    moves = [(reply_source(old), reply, "页面已移动", "本页已移到新的网址：")
             for reply in replies for old in reply.former_ids]
    moves += [(case_source(case.id), case.first, "办理过程", f"这件{case.kind}目前只有一份公开文件，办理情况见：")
              for case in cases if len(case.documents) == 1]
    written = []
    for here, reply, heading, message in moves:
        target = relative_url(here, reply_source(reply.id))
        text = PAGE.format(title=html.escape(reply.title), target=html.escape(target), heading=heading,
                           message=html.escape(message), canonical=html.escape(absolute_url(site_url, reply.url)))
        rel = page_url(here) + "index.html"
        if check is not None:
            check(text, rel)
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return sorted(written)
