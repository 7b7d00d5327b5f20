"""Pages' HTML kept on disk between MkDocs' two passes, not in memory.

MkDocs converts every page's Markdown first and renders every page's theme template after, so
the HTML of all pages is held at once: at 100,000 replies about a gigabyte of the build's peak
memory. `ContentStore` appends each page's HTML, once converted and finished by every plugin, to
a temporary file beside the site folder and leaves the page's `content` empty; right before the
page's template is rendered (`on_page_context`) the HTML is read back, and once the page is
written it is dropped. A render worker forked later reads the same file (`os.pread` needs no
shared file position).

Only used in `replysite build`, and only when the site's plugins are the two of this project:
another plugin could look at a page's `content` between the passes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PREFIX = ".replysite-render-content-"  # removed by the next build if a build is killed
KNOWN_PLUGINS = frozenset({"replysite", "replysite-speedups"})


def applies(plugin_names) -> bool:
    return set(plugin_names) <= KNOWN_PLUGINS


class ContentStore:
    def __init__(self, temp_dir: Path) -> None:
        fd, name = tempfile.mkstemp(prefix=PREFIX, dir=temp_dir)
        self._fd = fd
        self._path = Path(name)
        self._end = 0
        self._where: dict[str, tuple[int, int]] = {}

    def put(self, uri: str, html: str) -> str:
        """Keep `html` for the page `uri`; returns what the page holds meanwhile."""
        data = html.encode("utf-8", "surrogatepass")
        written = 0
        while written < len(data):
            written += os.pwrite(self._fd, data[written:], self._end + written)
        self._where[uri] = (self._end, len(data))
        self._end += len(data)
        return ""

    def holds(self, uri: str) -> bool:
        return uri in self._where

    def take(self, uri: str) -> str:
        offset, size = self._where[uri]
        parts, done = [], 0
        while done < size:
            chunk = os.pread(self._fd, size - done, offset + done)
            if not chunk:
                raise OSError(f"页面内容临时文件被截断：{self._path}")
            parts.append(chunk)
            done += len(chunk)
        return b"".join(parts).decode("utf-8", "surrogatepass")

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        self._path.unlink(missing_ok=True)
        self._where.clear()
