"""`python -m replysite …` is the `replysite` command."""

from .commands import main

main()
