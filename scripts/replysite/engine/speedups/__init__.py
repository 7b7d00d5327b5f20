"""The build speed-ups, a MkDocs plugin of their own (`replysite-speedups`): remove its line from
mkdocs.yml, or set `enabled: false`, and the site is built the plain way, byte for byte the same."""
