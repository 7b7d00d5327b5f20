"""The Content-Security-Policy every built page carries, the second wall behind escaping and
sanitizing: only the site's own script files run, and inline scripts only when they are the
theme's own, allowed by hash.

The hashes are taken from the theme's templates (`partials/javascripts/*.html`, rendered for
the page's `base_url`), never from a built page, so nothing that reached a page from a reply
file can be allowed by them. Styles may be inline (the statistics charts are drawn with style
attributes); nothing is loaded from outside the site.
"""

from __future__ import annotations

import base64
import hashlib
import re

import jinja2

JAVASCRIPT_PARTIALS = "partials/javascripts/"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_NOT_JS = re.compile(r"\btype\s*=\s*[\"']?(?!text/javascript|module)", re.I)
DIRECTIVES = ("default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
              "font-src 'self' data:", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'",
              "object-src 'none'", "frame-src 'none'", "base-uri 'self'", "form-action 'self'")


def script_hashes(html: str) -> list[str]:
    """CSP source expressions for the inline scripts of an HTML fragment."""
    found = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if "src=" in attrs or _NOT_JS.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode()
        found.append(f"'sha256-{digest}'")
    return found


class ContentSecurityPolicy:
    """Called as `replysite_csp(base_url)` from the templates; one policy per `base_url`."""

    def __init__(self, env: jinja2.Environment, config) -> None:
        self.env = env
        self.config = config
        self.partials = sorted(env.list_templates(filter_func=lambda n: n.startswith(JAVASCRIPT_PARTIALS)))
        self.cache: dict[str, str] = {}

    def __call__(self, base_url: str) -> str:
        policy = self.cache.get(base_url)
        if policy is None:
            policy = self.cache[base_url] = self._policy(base_url)
        return policy

    def _policy(self, base_url: str) -> str:
        context = {"config": self.config, "base_url": base_url,
                   "features": self.config.theme.get("features") or [], "page": None}
        hashes: list[str] = []
        for name in self.partials:
            try:
                html = self.env.get_template(name).render(context)
            except jinja2.TemplateError:
                continue  # a partial that needs a page: it is not used with this context
            hashes += script_hashes(html)
        scripts = "script-src 'self' " + " ".join(sorted(set(hashes)))
        return "; ".join([DIRECTIVES[0], scripts.strip(), *DIRECTIVES[1:]])
