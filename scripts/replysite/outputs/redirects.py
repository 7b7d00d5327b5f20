"""Redirect pages at the addresses of former ids (`former_ids`): links in the press and on other
government sites keep working after a reply's id was corrected. Each is a small static page
with a meta refresh and a link (no script), pointing at the document's current page."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable

from ..model import Reply
from ..urls import absolute_url, page_url, relative_url, reply_source

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<title>{title} - 页面已移动</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>本页已移到新的网址：<a href="{target}">{title}</a></p>
</body>
</html>
"""


def write_redirects(replies: Iterable[Reply], site_url: str, out_dir: Path, *, check=None) -> list[Path]:
    written = []
    for reply in replies:
        for old in reply.former_ids:
            here = reply_source(old)
            target = relative_url(here, reply_source(reply.id))
            text = PAGE.format(title=html.escape(reply.title), target=html.escape(target),
                               canonical=html.escape(absolute_url(site_url, reply.url)))
            rel = page_url(here) + "index.html"
            if check is not None:
                check(text, rel)
            path = out_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return sorted(written)
