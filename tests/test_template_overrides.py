"""The theme templates replysite overrides or re-renders are still the ones its copies were made
from. `engine/templates/` holds edited copies of Material's templates (main.html's site_meta and
htmltitle blocks, partials/header.html, partials/language.html) and of the engine's sitemap.xml;
the speed-ups render Material's partials/nav.html and language macros themselves. When an upgrade
of Material (or of the engine) changes one of those sources, the test below names it: compare the
new source with our copy, carry the change over, and record the new hash here (see
docs/maintenance.md). Checked against Material 9.8.2, MkDocs 1.6.1 and ProperDocs 1.6.7 (whose
sitemap.xml is MkDocs' own)."""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs  # MkDocs, or ProperDocs under REPLYSITE_ENGINE=properdocs
import pytest
import tomllib

ROOT = Path(__file__).resolve().parents[1]
MATERIAL = Path(material.__file__).parent / "templates"
ENGINE = Path(mkdocs.__file__).parent / "templates"
OURS = ROOT / "scripts" / "replysite" / "engine" / "templates"

# source → (SHA-256 as of Material 9.8.2 / MkDocs 1.6.1, which copy of ours follows it)
UPSTREAM = {
    "material:base.html#site_meta": (
        "337bd3b09eec21c53b93b992683ea5b3eaaf732d416d447fbbef7a0c98775ffd", "main.html, block site_meta"),
    "material:base.html#htmltitle": (
        "253e4cbb7cfac383f233c2a15dc39373461d23d1266202d227ded326c681d076", "main.html, block htmltitle"),
    "material:base.html#extrahead": (  # empty: ours adds the feed links
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "main.html, block extrahead"),
    "material:base.html#content": (  # ours puts the feed link before super()
        "5a3e81881956306d659fed1cb4beca0e2d241b911f18322786b9a08f43cd25f9", "main.html, block content"),
    "material:partials/header.html": (
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f", "partials/header.html"),
    "material:partials/language.html": (
        "3a44516f305006ac794f51a45ad7b532cf270916d8e92e8c42784e58b2eff0a3",
        "partials/language.html and speedups/templates/partials/language.html"),
    "material:partials/nav.html": (
        "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
        "speedups/template_cache.py NavCache (renders it)"),
    "material:partials/search.html": (  # Material's search form, replaced by ours
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30", "partials/search.html"),
    "material:404.html": (
        "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495", "404.html"),
    "engine:sitemap.xml": (
        "0950766d642ac999c74b68150a39a961a5103bda5e2d9d7747f4c06522c11b18", "sitemap.xml"),
}


def block(template: str, name: str) -> str:
    found = re.findall(r"{%-?\s*block " + name + r"\s*-?%}(.*?){%-?\s*endblock\s*-?%}", template, re.S)
    assert len(found) == 1, name
    assert "{% block" not in found[0], f"block {name} now holds another block"
    return found[0]


def upstream_text(source: str) -> str:
    where, _, path = source.partition(":")
    path, _, name = path.partition("#")
    text = ((MATERIAL if where == "material" else ENGINE) / path).read_text(encoding="utf-8")
    return block(text, name) if name else text


@pytest.mark.parametrize("source", sorted(UPSTREAM))
def test_overridden_sources_are_unchanged(source: str) -> None:
    expected, ours = UPSTREAM[source]
    digest = hashlib.sha256(upstream_text(source).encode("utf-8")).hexdigest()
    assert digest == expected, f"{source} changed upstream: compare it with our {ours} and carry the change over"


def test_material_is_the_pinned_release_and_our_generator_line_is_its_own() -> None:
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pinned = next(p.split("==")[1] for p in pins if p.startswith("mkdocs-material=="))
    assert version("mkdocs-material") == pinned
    generator = re.compile(r'<meta name="generator" content="mkdocs-\{\{ mkdocs_version \}\}, mkdocs-material-([\d.]+)">')
    theirs = generator.findall(upstream_text("material:base.html#site_meta"))
    ours = generator.findall(block((OURS / "main.html").read_text(encoding="utf-8"), "site_meta"))
    assert theirs == ours == [pinned]
