"""`replysite serve` really serves the site, on the chosen engine, and picks up an edited reply file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from replysite.engine import ENGINE
from replysite.local_http import fetch, free_port

from conftest import make_site
from test_engines import ENGINE_VERSION

PAGE = "replysite/replies/fixture-2024-tian-12/"  # site_url's path is /replysite/


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and text in page:
            return True
        time.sleep(0.3)
    return False


def test_serve_shows_an_edited_reply(tmp_path: Path) -> None:
    project = make_site(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "replysite", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/{PAGE}"
        assert wait_for(url, "今年新开通城乡公交线路", 60)
        # served by the chosen engine (REPLYSITE_ENGINE): its name is in the generator line
        assert f'content="mkdocs-{ENGINE_VERSION[ENGINE]}, mkdocs-material-' in fetch(url)
        reply = project / "replies" / "2024" / "fixture-2024-tian-12.md"
        reply.write_text(reply.read_text(encoding="utf-8").replace("今年新开通", "今年已新开通"), encoding="utf-8")
        assert wait_for(url, "今年已新开通城乡公交线路", 60)
        # A broken edit is reported in Chinese and the server keeps running.
        reply.write_text("---\nid: broken\n---\n", encoding="utf-8")
        time.sleep(3)
        assert fetch(url) is not None
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "fixture-2024-tian-12.md:" in output and "必填字段缺失" in output
