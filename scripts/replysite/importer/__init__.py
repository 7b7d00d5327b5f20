"""`replysite import`: reading reply letters (.pdf, .html/.htm, .docx, .txt, .md) into reply
fields and a body."""

from .documents import Document, load_document, read_document
from .errors import DocumentError
from .extract import ImportResult, extract

__all__ = ["Document", "DocumentError", "ImportResult", "extract", "load_document", "read_document"]
