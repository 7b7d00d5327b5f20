"""The MkDocs glue: the `replysite` plugin, its templates, the build speed-ups (a plugin of their
own), atomic builds and the preview. The only code that imports MkDocs, Jinja or Material."""
