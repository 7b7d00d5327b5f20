"""Generated pages on disk for `replysite serve`.

MkDocs' dirty rebuilds re-render only pages whose source file is newer than the built page.
In-memory pages always count as modified, so while previewing we keep each generated page in
a cache folder and rewrite it only when its Markdown or its finished HTML blocks changed
(`pages.GeneratedPage`): editing one reply re-renders that reply and the few index pages that
list it, not the whole archive.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class PreviewCache:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="replysite-preview-"))
        self._last: dict[str, tuple[str, tuple[str, ...]]] = {}

    def store(self, src_uri: str, content: str, blocks: tuple[str, ...] = ()) -> Path:
        path = self.root / src_uri
        if self._last.get(src_uri) != (content, blocks):
            # written again even when only a block changed: the new time stamp is what makes
            # MkDocs render the page again
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            self._last[src_uri] = (content, blocks)
        return path

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
