"""Static Chinese full-text search: records from replies, a sharded n-gram index, a JS client."""

from .index import IndexStats, build_index
from .records import SearchRecord, record_from_reply

__all__ = ["IndexStats", "SearchRecord", "build_index", "record_from_reply"]
