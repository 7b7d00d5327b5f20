"""Every page of the site generated in memory from the archive, as Markdown plus finished HTML
blocks; no MkDocs here (`engine/` hands them to MkDocs)."""

from .blocks import GeneratedPage, LaterPage, fill_blocks
from .site import ReplyPages, generate_pages

__all__ = ["GeneratedPage", "LaterPage", "ReplyPages", "fill_blocks", "generate_pages"]
