"""`replysite import`: reading reply letters (.txt, .md, .docx) into reply files."""

from .documents import DocumentError, read_document
from .extract import ImportResult, extract
from .render import render_reply, reply_path, write_reply

__all__ = ["DocumentError", "ImportResult", "extract", "read_document", "render_reply",
           "reply_path", "write_reply"]
