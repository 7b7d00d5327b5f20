"""Static Chinese full-text search: records from replies, an index of keys, a JS client."""

from .index import IndexStats, build_index
from .records import SearchRecord, record_from_reply, search_text

__all__ = ["IndexStats", "SearchRecord", "build_index", "record_from_reply", "search_text"]
