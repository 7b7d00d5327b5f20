"""The archive: every reply, newest first, its groupings (year, unit, topic, …) and the numbers
counted over it. Pure data, no MkDocs: pages, feeds, exports, statistics and search read it."""

from .groupings import Archive, Group, Grouping, build_archive, newest_first
from .load import load_archive, load_replies

__all__ = ["Archive", "Group", "Grouping", "build_archive", "load_archive", "load_replies", "newest_first"]
