"""Reading reply files: bytes → front-matter and body (`frontmatter`) → a checked, typed `Reply`
(`validate`, with the registries, HTML safety and the privacy guard), for a whole folder (`load`)."""

from .load import CheckSummary, FileCache, Folder, check_replies, read_folder

__all__ = ["CheckSummary", "FileCache", "Folder", "check_replies", "read_folder"]
