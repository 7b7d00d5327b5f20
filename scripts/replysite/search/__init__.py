"""Static Chinese full-text search: records from replies, a sharded n-gram index, a JS client."""

from .index import IndexStats, build_index
from .records import SearchRecord, markdown_to_text, record_from_reply

__all__ = ["IndexStats", "SearchRecord", "build_index", "markdown_to_text", "record_from_reply"]
