"""What is written beside the pages after the build, all from the archive: the search index,
Atom feeds and open data (`publish` runs them)."""
