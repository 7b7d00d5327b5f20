"""The one error a document reader raises."""


class DocumentError(Exception):
    """A document that cannot be read; the message is for staff (Chinese)."""
