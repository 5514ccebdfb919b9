"""The MkDocs-specific shortcuts of the plugin, in one place: each gives what plain MkDocs would, faster.

- :func:`pre_render`: a generated page needs neither its stub read back (YAML front matter) nor a
  Markdown converter (one per page in MkDocs: 1.5 s at 10,000 pages): it gets what both would give.
- :func:`nav_context`: the sidebar of a page outside the nav is the same for every such page in the same
  folder; theme/main.html renders it once per folder (it was half of MkDocs' time per page), and so the
  tabs, styles, scripts, fonts, analytics and footer (a third of what was left), and the header and the
  content block around the page's own title and content (:func:`cut`: 1 s at 10,000 partners).
- :class:`GeneratedFile` and :func:`signature`/:func:`digest`: under ``mkdocs serve --dirty`` MkDocs is
  told which generated files did not change.
- :func:`release`: one build lets a generated page's body go once the page is written (MkDocs keeps
  every page's content until the end of the build).

tests/test_plugin.py (test_shared_sidebar_gives_the_same_pages) builds the site with and without the first
two and compares every page byte for byte; the plain ``generate`` + mkdocs-material build uses none of them.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc


class GeneratedFile(File):
    """A generated file; ``unchanged``: the same as in the previous build (for --dirty)."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path)) and super().is_modified()


def signature(config, files, theme_dir: Path) -> str:
    """Everything around a generated page that can change it: the settings file, the nav, the other
    pages in docs/ (their titles are in the nav), the theme's templates."""
    hashed = hashlib.blake2b(digest_size=16)
    hashed.update(repr((config.nav, config.extra.get("netwerkkaart"))).encode())
    for path in [config.config_file_path] + [f.abs_src_path for f in files.documentation_pages()] + sorted(
            str(t) for t in theme_dir.rglob("*.html")):
        try:
            with open(path, "rb") as handle:
                hashed.update(handle.read())
        except (OSError, TypeError):
            hashed.update(b"?")
    return hashed.hexdigest()


def digest(*parts: str | bytes) -> bytes:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else part.encode())
        hashed.update(b"\0")
    return hashed.digest()


def pre_render(page, title: str, body: str) -> None:
    """Give ``page`` its source and rendering as MkDocs would make them from the stub and the body."""

    def read_source(config):
        page.markdown, page.meta = "", {"title": title, "hide": ["toc"]}

    def render(config, files):
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = body, get_toc([]), None, set()

    page.read_source, page.render = read_source, render


def release(page) -> None:
    """Let go of a rendered page's content (and of :func:`pre_render`'s hold on the body): MkDocs itself
    keeps every page's content until the build ends. Only after the page is written (on_post_page)."""
    page.content = None
    page.__dict__.pop("read_source", None)
    page.__dict__.pop("render", None)


def trim_memory() -> None:
    """Give the memory Python freed back to the system (glibc keeps freed memory in the process: the
    model and the records, let go after on_config, stayed counted in the build's memory). A no-op
    where there is no glibc."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def nav_context(context: dict, page, cache: dict) -> None:
    """Let theme/main.html render the sidebar once per folder (same folder, same relative links: MkDocs
    shortens links by the common prefix)."""
    context["nk_nav_key"] = page.url.rstrip("/").rpartition("/")[0]
    context["nk_nav_cache"] = cache
    context["nk_cut"] = cut


def cut(text: str, middle: str) -> tuple[str, str] | None:
    """``text`` around its one occurrence of ``middle`` (a page's title in its header, its content in the
    content block): (before, after). None when ``middle`` is empty or not there exactly once: then
    theme/main.html makes that block for every page of the folder."""
    if not middle:
        return None
    at = text.find(middle)
    if at < 0 or text.find(middle, at + 1) >= 0:
        return None
    return text[:at], text[at + len(middle):]
