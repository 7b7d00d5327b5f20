"""The MkDocs glue: the `replysite` plugin, its templates, the build speed-ups (a plugin of their
own), atomic builds and the preview. The only code that imports MkDocs, Jinja or Material.

The engine (MkDocs or ProperDocs) is chosen here, before any module of this folder imports it
(`choice.py`)."""

from .choice import activate

ENGINE = activate()
