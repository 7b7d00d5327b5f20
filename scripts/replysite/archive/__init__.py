"""The archive: every reply, newest first, its groupings (year, unit, topic, …) and the numbers
counted over it. Pure data, no MkDocs: pages, feeds, exports, statistics and search read it."""

from .cases import Case, one_per_case
from .groupings import Archive, Group, Grouping, build_archive, newest_first
from .load import load_archive, load_replies

__all__ = ["Archive", "Case", "Group", "Grouping", "one_per_case", "build_archive", "load_archive", "load_replies", "newest_first"]
