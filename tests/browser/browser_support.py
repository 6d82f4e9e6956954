"""Helpers shared by the browser tests: what a page reported, where things are.

Kept out of conftest.py so that tests import plain functions rather than
reaching for fixtures for every small measurement.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

#: The flags issue 6 fixes for Chromium running as root in CI.
LAUNCH_ARGS: list[str] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Slug fragment of the article the product was specified with.
SPEC_SLUG_PART = "zelenskyy-challenges-putin-to-talks"

#: Indexes a reader reaches from the nav.
INDEX_PATHS: tuple[str, ...] = ("briefings/", "people/", "organisations/", "places/", "claims/")


def page_id(path: str) -> str:
    """A readable pytest id for a site path ("__spec__" is the specification briefing)."""
    return {"": "home", "__spec__": "spec-briefing"}.get(path, path.strip("/"))


def chromium_executable() -> Path:
    """Debian's Chromium unless `BRIEFINGS_CHROMIUM` names another binary."""
    return Path(os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium"))


@dataclass
class Visit:
    """A page plus everything it complained about while we used it."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    status: int | None = None

    def problems(self) -> list[str]:
        """All complaints, one line each, for an assertion message."""
        return (
            [f"console: {m}" for m in self.console_errors]
            + [f"request: {m}" for m in self.failed_requests]
            + [f"external: {m}" for m in self.external_requests]
        )


def watch_page(page: Any, site_url: str) -> Visit:
    """Record console errors, failed or 4xx/5xx requests and off-site requests.

    Off-site requests are aborted and recorded: the site must work with no
    network but its own (CI and readers behind strict proxies), and a page
    that phones a third party leaks its readers.
    """
    visit = Visit(page)

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            loc = msg.location or {}
            visit.console_errors.append(f"{msg.text} ({loc.get('url', '?')}:{loc.get('lineNumber', '?')})")

    def on_response(resp: Any) -> None:
        if resp.status >= 400:
            visit.failed_requests.append(f"HTTP {resp.status} {resp.url}")

    def on_failed(req: Any) -> None:
        if req.url.startswith(site_url):
            visit.failed_requests.append(f"{req.failure} {req.url}")

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith((site_url, "data:", "blob:", "about:")):
            route.continue_()
        else:
            visit.external_requests.append(url)
            route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: visit.console_errors.append(f"uncaught: {exc}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.route("**/*", route)
    return visit


@dataclass(frozen=True)
class SpecBriefing:
    """The specification article as the site exported it."""

    slug: str
    record: dict[str, Any]

    @property
    def path(self) -> str:
        return f"briefings/{self.slug}/"

    @property
    def annotation(self) -> dict[str, Any]:
        """The annotation JSON of the briefing (nested under "annotation" in the export)."""
        return self.record.get("annotation", self.record)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        for ent in self.annotation.get("entities", []):
            if ent.get("id") == entity_id:
                return ent
        return None

    def claim_containing(self, words: str) -> dict[str, Any] | None:
        """The claim whose content holds `words` (apostrophes normalised)."""
        want = normalise_quotes(words)
        for claim in self.annotation.get("claims", []):
            if want in normalise_quotes(claim.get("content", {}).get("text", "")):
                return claim
        return None


def normalise_quotes(text: str) -> str:
    """Typographic apostrophes and quotes as ASCII, so "don’t" matches "don't"."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


def find_spec_briefing(items: list[dict[str, Any]]) -> SpecBriefing | None:
    """Find the specification briefing whether or not its overlay renamed the slug."""
    by_slug = [b for b in items if SPEC_SLUG_PART in str(b.get("slug", ""))]
    if not by_slug:
        pattern = re.compile(r"zelensk.*putin.*talks|putin.*zelensk.*talks", re.I)
        by_slug = [b for b in items if pattern.search(str(b.get("title", "")))]
    if not by_slug:
        return None
    best = min(by_slug, key=lambda b: (len(str(b["slug"])), str(b["slug"])))
    return SpecBriefing(slug=str(best["slug"]), record=best)


def briefing_slugs(items: list[dict[str, Any]]) -> list[str]:
    return sorted(str(b["slug"]) for b in items)


#: JS: is a CSS (::before/::after) or ARIA tooltip of this element showing, and what does it say?
TOOLTIP_STATE_JS = """
(el) => {
  const shown = (cs) => cs && cs.display !== 'none' && cs.visibility !== 'hidden'
      && parseFloat(cs.opacity || '1') > 0.5;
  for (const pseudo of ['::after', '::before']) {
    const cs = getComputedStyle(el, pseudo);
    const c = cs.content;
    if (c && c !== 'none' && c !== 'normal' && c !== '""' && shown(cs)) {
      return {via: pseudo, text: c.replace(/^"|"$/g, ''),
              width: parseFloat(cs.width) || 0, height: parseFloat(cs.height) || 0};
    }
  }
  const id = el.getAttribute('aria-describedby');
  const tip = id ? document.getElementById(id) : null;
  if (tip && shown(getComputedStyle(tip)) && tip.getBoundingClientRect().width > 0) {
    return {via: 'aria-describedby', text: tip.textContent.trim(), width: 1, height: 1};
  }
  return null;
}
"""

#: JS: elements sticking out to the right of the viewport (what makes a phone scroll sideways).
OVERFLOW_JS = """
() => {
  const w = window.innerWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 1) continue;
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox !== 'visible' && p.getBoundingClientRect().right <= w + 1) { clipped = true; break; }
    }
    if (clipped) continue;
    const cls = (el.className && el.className.baseVal === undefined) ? el.className : '';
    const classes = cls ? '.' + String(cls).trim().split(/\\s+/).join('.') : '';
    out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${classes} right=${Math.round(r.right)}`);
    if (out.length >= 8) break;
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: w, offenders: out};
}
"""

#: JS: is an element's box inside the visible viewport?
IN_VIEWPORT_JS = """
(el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top < window.innerHeight && r.bottom > 0 && r.top >= -1;
}
"""


#: Index blocks past the first few repeat the same template: claims-index
#: speaker sections (~2,400 rows: axe takes 10-45 s a run over all of them)
#: and the A–Z letter lists of the entity indexes.
REPEATED_BLOCKS = "section.bf-speaker-group:nth-of-type(n+6), ul.bf-az-list:nth-of-type(n+4)"


def trim_repeats(page: Any) -> int:
    """Drop repeated index blocks before an axe run; returns how many were dropped.

    axe walks the whole DOM whatever its context says, so excluding them
    would not make it faster. What stays covers every element type and
    badge style of the template.
    """
    return int(page.evaluate(
        "(sel) => { const els = document.querySelectorAll(sel); els.forEach(e => e.remove()); return els.length; }",
        REPEATED_BLOCKS,
    ))


def run_axe(page: Any, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """Inject the vendored axe-core and return its violations (axe's own JSON)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    return page.evaluate(
        """async (options) => {
             const res = await axe.run(document, options);
             return res.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
               nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                         html: n.html.slice(0, 160)}))}));
           }""",
        options,
    )


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per rule and up to three offending nodes each: the report a fixer needs."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} [{v['impact']}] x{len(v['nodes'])}: {v['help']}")
        for node in v["nodes"][:3]:
            summary = " ".join(str(node["summary"]).split())[:200]
            html = " ".join(str(node["html"]).split())
            lines.append(f"    {node['target']} :: {html} :: {summary}")
    return "\n".join(lines)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without writing an access log line per request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        return


class _SiteServer(http.server.ThreadingHTTPServer):
    """A static server that shrugs off readers who leave mid-download.

    Navigating away while e.g. the 2 MB search index is still streaming
    resets the connection; that is normal browsing, not a site error.
    """

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for as long as the block runs; yields its base URL."""
    server = _SiteServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
