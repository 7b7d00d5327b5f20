"""The site's URL layout, in one place: where each page, feed, data file and asset lives.

Two forms of the same address: a page's *source path* (`replies/<id>.md`, what MkDocs is given)
and its *URL* (`replies/<id>/`, with MkDocs' `use_directory_urls`), both relative to the site
root. `href` turns a pair of them into the relative link a page writes.
"""

from __future__ import annotations

import re

REPLIES = "replies"
CASES = "cases"
ALL_REPLIES = "all"
SEARCH_PAGE = "search/index.md"
STATS_PAGE = "stats/index.md"
OPEN_DATA_PAGE = "open-data/index.md"
HOME_PAGE = "index.md"
SEARCH_DATA_DIR = "search-data"
DATA_DIR = "data"
FEEDS_DIR = "feeds"
ASSETS_DIR = "assets/replysite"
OVERDUE_FEED = f"{FEEDS_DIR}/overdue.atom.xml"  # B-category promises past their date
ORIGINALS_DIR = "originals"
# Groupings with an Atom feed per group, and the feed kind each one has.
FEED_KINDS = {"units": "unit", "topics": "topic"}


# --- source paths of generated pages ------------------------------------------------------

def reply_source(reply_id: str) -> str:
    return f"{REPLIES}/{reply_id}.md"


def case_source(case_id: str) -> str:
    return f"{CASES}/{case_id}/index.md"


def group_source(grouping: str, slug: str, page: int = 1) -> str:
    """A group's list (`years/2023/index.md`) and its later pages (`years/2023/page/2.md`)."""
    base = f"{grouping}/{slug}"
    return f"{base}/index.md" if page == 1 else f"{base}/page/{page}.md"


def overview_source(grouping: str, page: int = 1) -> str:
    """The list of a grouping's groups (`units/index.md`, `units/page/2.md`)."""
    return f"{grouping}/index.md" if page == 1 else f"{grouping}/page/{page}.md"


def all_replies_source(page: int = 1) -> str:
    return overview_source(ALL_REPLIES, page)


def is_reply_source(src_uri: str) -> bool:
    return src_uri.startswith(f"{REPLIES}/")


# --- URLs ---------------------------------------------------------------------------------

def page_url(src_uri: str) -> str:
    """The folder a page is served from with directory URLs: `a/b.md` → `a/b/`, `a/index.md` → `a/`."""
    stem = src_uri[:-3]
    return stem[: -len("index")] if stem.endswith("index") else stem + "/"


def reply_url(reply_id: str) -> str:
    return page_url(reply_source(reply_id))


def group_url(grouping: str, slug: str) -> str:
    return page_url(group_source(grouping, slug))


def feed_path(kind: str, ident: str | None = None) -> str:
    """Site-relative path of a feed: kind is "all", "unit" or "topic" (with the unit/topic id)."""
    if kind == "all":
        return f"{FEEDS_DIR}/all.atom.xml"
    if kind not in FEED_KINDS.values():
        raise ValueError(f"未知的订阅类型：{kind}（应为 all、unit 或 topic）")
    if not ident:
        raise ValueError(f"{kind} 订阅需要编号")
    return f"{FEEDS_DIR}/{kind}s/{ident}.atom.xml"


def attachment_path(reply_id: str, name: str) -> str:
    """Site-relative path of a reply's original file: `originals/<id>/<name>`."""
    return f"{ORIGINALS_DIR}/{reply_id}/{name}"


def asset_path(name: str) -> str:
    return f"{ASSETS_DIR}/{name}"


def absolute_url(site_url: str, path: str) -> str:
    """`path` (site-relative) under `site_url`; root-relative when no site_url is configured."""
    base = site_url.rstrip("/") if site_url else ""
    return f"{base}/{path}"


def name_slug(name: str) -> str:
    """A URL segment for a Chinese name (proposers, sessions): the name itself, made path-safe."""
    return re.sub(r"[\s/\\?#%&:\"'<>|*]+", "-", name).strip("-") or "unnamed"


# --- relative links -------------------------------------------------------------------------

# a folder path without empty, "." or ".." parts, ending with "/" when not empty
_PLAIN = re.compile(r"^(?:[^/.][^/]*/)*$|^(?:[^/.][^/]*/)*[^/.][^/]*$")


def _relative(target: str, base: str) -> str:
    """posixpath.relpath for site-relative folders (no `..`, no leading `/`), without its
    abspath calls: generating the pages of a large archive makes hundreds of thousands of links."""
    if (target and base.endswith("/") and target.partition("/")[0] != base.partition("/")[0]
            and _PLAIN.match(target) and _PLAIN.match(base)):
        return "../" * base.count("/") + target.rstrip("/")  # the common case: nothing shared
    t = [p for p in target.split("/") if p and p != "."]
    b = [p for p in base.split("/") if p and p != "."]
    common = 0
    while common < len(t) and common < len(b) and t[common] == b[common]:
        common += 1
    parts = [".."] * (len(b) - common) + t[common:]
    return "/".join(parts) or "."


def relative_url(from_source: str, to: str) -> str:
    """The relative link from a page (its source path) to another page (`….md`) or to any
    file of the built site, as it is written in the page's HTML."""
    target = page_url(to) if to.endswith(".md") else to
    out = _relative(target, page_url(from_source))
    return out + "/" if to.endswith(".md") and not out.endswith("/") else out
