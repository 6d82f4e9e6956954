"""`briefings export DIR`: the site as plain files, for a generator that runs no plugins.

MkDocs 2.0 drops plugins and Zensical (mkdocs-material's successor, which
reads `mkdocs.yml`) does not run third-party ones. The export is the way
out: every generated page becomes a markdown file whose body is one raw
HTML block (the page exactly as the plugin makes it, editor markdown
already rendered), beside the hand-written pages, the plugin's stylesheet
and script, the Atom feeds and `briefings.json`, with an `mkdocs.yml`
that no longer names the plugin. Links between generated pages are the
same relative URLs they are on the plugin's site, so the export must be
built with the same `use_directory_urls`.

Generators disagree on links inside raw HTML: Zensical resolves them as it
resolves markdown links (relative to the markdown file, `.md` paths to
pages), mkdocs leaves them as they are. `--links source` (the default)
writes every link the markdown way (`../people/jane-doe.md`), for Zensical;
`--links site` keeps the site's final URLs (`../../people/jane-doe/`), for
mkdocs or ProperDocs without the plugin.

It runs the plugin's own configuration and file steps (no other plugin's),
so what it writes is what a build publishes. What a generator without the
plugin cannot give: the pages' tables of contents (their headings are
inside raw HTML), the lean search text (search indexes the whole page), the
feed links in page heads and `mkdocs build --strict`'s checks of the
inputs. Rebuild the export after editing seeds, overlays or the register.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

#: The wrapper that makes a page's HTML one raw block for any Python-Markdown based generator.
OPEN, CLOSE = '<div class="bf-export">', "</div>"


def _without_plugin(plugins: Any) -> Any:
    """The `plugins:` value of mkdocs.yml without `briefings` (list or mapping form)."""
    if isinstance(plugins, dict):
        return {k: v for k, v in plugins.items() if k != "briefings"}
    if isinstance(plugins, list):
        return [p for p in plugins if p != "briefings" and not (isinstance(p, dict) and "briefings" in p)]
    return plugins


#: A link or resource attribute of the generated HTML (values are attribute-escaped by the templates).
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
LINK_STYLES = ("source", "site")


def source_links(html: str, src_uri: str, page_url: str, pages: dict[str, str]) -> str:
    """`html` of the page `src_uri` (at `page_url`) with its relative links made markdown-style.

    A link to a page becomes the path of its markdown file, relative to this
    file (`../people/jane-doe.md#said`); a link to any other file of the site,
    its path relative to this file. `pages` maps page URLs (`people/jane-doe/`,
    `""` for the home page) to their source paths. Links to other sites, to
    `#anchors` of the page itself, root-absolute ones and any that leave the
    site are left as they are.
    """
    here = posixpath.dirname(src_uri)
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"

    def swap(m: re.Match[str]) -> str:
        value = m.group(2)
        if not value or value.startswith(("#", "/")) or _SCHEME.match(value):
            return m.group(0)
        path, hash_, fragment = value.partition("#")
        path = path.split("?")[0]
        joined = posixpath.normpath(posixpath.join(base, path)) if path else page_url.rstrip("/") or "."
        if joined == ".." or joined.startswith("../"):
            return m.group(0)  # leaves the site: not ours to mend
        target = "" if joined == "." else joined + ("/" if path.endswith("/") else "")
        source = pages.get(target, target)
        new = posixpath.relpath(source or ".", here or ".")
        return m.group(1) + new + hash_ + fragment + m.group(3)

    return _URL_ATTR.sub(swap, html)


def _page_text(page: Any) -> str:
    """A generated page as markdown: its front matter, then its HTML as one raw block."""
    meta = {k: page.meta[k] for k in ("title", "hide", "search", "tags") if k in page.meta}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1 << 16)}---\n\n" if meta else ""
    return f"{front}{OPEN}\n{page.content}\n{CLOSE}\n"


#: The file an export leaves in its folder: only a folder holding it (or an empty one) is replaced.
MARKER = ".briefings-export"


def export(config_file: Path, out: Path, links: str = "source") -> dict[str, int]:
    """Write the export of the site `config_file` describes into `out` (a new or empty folder, or
    an earlier export, which is replaced); return counts. A folder of anything else is refused:
    `briefings export ~/Documents` must not wipe it."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import get_files
    from mkdocs.utils.yaml import yaml_load

    from .generated import GeneratedPage
    from .plugin import BriefingsPlugin

    config = load_config(config_file=str(config_file))
    plugin = config.plugins.get("briefings")
    if not isinstance(plugin, BriefingsPlugin):
        raise PluginError(f"{config_file}: no `briefings` plugin in `plugins:`")
    plugin.config.search_backend = "material"  # the export indexes nothing itself: start no Pagefind
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config)
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).resolve().parent
    out = out.resolve()
    if out == root or out in root.parents or docs.resolve() == out or docs.resolve() in out.parents:
        raise PluginError(f"briefings export: {out} would hold the project itself; choose an empty folder elsewhere")
    config.plugins._current_plugin = "briefings"  # as mkdocs' run_event sets it: files it adds are `generated_by` it
    files = plugin.on_files(get_files(config), config=config)
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file()):
            raise PluginError(f"briefings export: {out} is not empty and holds no earlier export "
                              f"(no {MARKER} in it); choose an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("Written by `briefings export`: the next export replaces this folder.\n", encoding="utf-8")
    target = out / "docs"
    shutil.copytree(docs, target)
    pages = {f.url.removeprefix("./"): f.src_uri for f in files.documentation_pages()}
    counts = {"pages": 0, "files": 0}
    for file in sorted(files, key=lambda f: f.src_uri):
        if file.generated_by is None:
            continue
        dest = target / file.src_uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        page = file.page
        if isinstance(page, GeneratedPage):
            page.tags = True  # front matter tags, for whatever tags support the generator has
            page.read_source(config)
            page.render(config, files)
            plugin._materialize(page)
            if links == "source":
                page.content = source_links(page.content or "", file.src_uri, file.url.removeprefix("./"), pages)
            dest.write_text(_page_text(page), encoding="utf-8")
            page.release()
            counts["pages"] += 1
        else:
            dest.write_bytes(file.content_bytes)
            counts["files"] += 1
    config["site_dir"] = str(target)  # briefings.json goes beside the pages; the page store keeps them
    plugin.on_post_build(config=config)
    raw = yaml_load(Path(config.config_file_path).read_text(encoding="utf-8"))
    raw["plugins"] = _without_plugin(raw.get("plugins"))
    raw.pop("hooks", None)  # their paths are relative to the project, which the export leaves
    raw["docs_dir"], raw["site_dir"] = "docs", "site"
    raw["use_directory_urls"] = config.use_directory_urls
    raw["extra_css"] = [str(x) for x in config.extra_css]
    raw["extra_javascript"] = [str(x) for x in config.extra_javascript]
    theme = raw.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(root / theme["custom_dir"], out / "overrides", dirs_exist_ok=True)
        theme["custom_dir"] = "overrides"
    (out / "mkdocs.yml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return counts


def add_parser(verbs: Any) -> None:
    """The `export` verb of the `briefings` command line."""
    p = verbs.add_parser(
        "export", help="write the site as plain markdown and assets, for a generator that runs no plugins",
        description="Writes every generated page as a markdown file (its HTML as one block), with the "
        "hand-written pages, assets, feeds, briefings.json and an mkdocs.yml without the briefings plugin, "
        "into DIR (a new or empty folder, or an earlier export, which is replaced). "
        "Build it with `zensical build` in DIR (or, exported with --links site, "
        "`mkdocs build`).",
    )
    p.add_argument("dir", help="the folder to write: new, empty, or an earlier export (replaced)")
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    p.add_argument("--links", choices=LINK_STYLES, default="source",
                   help="source: links to .md files, resolved by the generator (Zensical; the default); "
                   "site: the built site's URLs, left as they are (mkdocs or ProperDocs without the plugin)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    try:
        counts = export(Path(args.config_file), Path(args.dir), args.links)
    except (MkDocsException, OSError, yaml.YAMLError) as exc:
        print(f"briefings export: {exc}", file=sys.stderr)
        return 1
    print(f"briefings export: {counts['pages']} pages and {counts['files']} files written to {args.dir}")
    return 0
