"""`python -m replysite …` is the `replysite` command."""

from .commands import entry

entry()
