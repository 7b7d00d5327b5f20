"""`replysite import`: reading reply letters (.txt, .md, .docx) into reply fields and a body."""

from .documents import DocumentError, read_document
from .extract import ImportResult, extract

__all__ = ["DocumentError", "ImportResult", "extract", "read_document"]
