"""Writing values into generated pages: the one HTML escaper, the one Markdown escaper, links.

Every value from a reply file or a registry reaches a page through one of these.
"""

from __future__ import annotations

import html
import re

from ..urls import relative_url

# Characters with a meaning in Python-Markdown or one of its extensions (`{}` attr_list, `:`
# definition lists, `|` tables, `!` admonitions, `&` entities, `<` raw HTML …). They are written
# as numeric character references: Markdown passes those through untouched (a backslash escape
# exists only for some of them), and the browser shows the character.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|:&~=\"']")
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally, on one line (titles, names in generated Markdown):
    no markup, no attribute list, no entity, no raw HTML can come out of it."""
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", _LINE_BREAKS.sub(" ", text))


def escape_html(text: str) -> str:
    """Text for HTML element content or a quoted attribute value."""
    return html.escape(text, quote=True)


def html_link(from_source: str, to: str, text: str) -> str:
    """An HTML link with escaped text (raw HTML is cheaper for Markdown than md_in_html)."""
    return f'<a href="{escape_html(relative_url(from_source, to))}">{escape_html(text)}</a>'
