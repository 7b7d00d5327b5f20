"""The last scan before publishing: every page's content, title and address, the sitemap, the
feeds, the open data and the search data are checked for private details as they are written
(`reading.privacy.scan_output`), so a number that slipped past the file checks (a template, a
registry, a new field) stops the build instead of being published.

The theme's own furniture (navigation, header, scripts) comes from the configuration and the
theme, not from reply files, and is not scanned again for every page.
"""

from __future__ import annotations

from typing import Iterable

from ..problems import PublishBlocked
from ..reading.privacy import scan_output


class OutputScan:
    """`scan(text, where)` raises PublishBlocked with a report when `text` holds private details."""

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = tuple(sorted(set(allow)))

    def __call__(self, text: str, where: str) -> None:
        hits = scan_output(text, self.allow)
        if hits:
            lines = [f"{where}:{hit.line}: {hit.message}" for hit in hits]
            raise PublishBlocked("发布前的最后检查发现疑似个人信息，网站未生成（原有 site/ 保持不变）：\n"
                                 + "\n".join(lines))
