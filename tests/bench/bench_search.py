"""Search speed in a real browser: plain mkdocs-material (lunr) against the briefings site (Pagefind).

Usage (from the repository root; needs the BBC corpus and Chromium, see README.md):

    python tests/bench/bench_search.py                 # BBC x1: baseline and briefings site
    python tests/bench/bench_search.py --scale 10      # adds the x10 corpus (22,250 articles)
    python tests/bench/bench_search.py --workdir /tmp/s  # keep the projects

For each site it builds the project once (`mkdocs build -q`, the briefings
project cold: annotation cache deleted; at x1 also the briefings site with
material's search, for comparison), serves the site on 127.0.0.1 and,
in headless Chromium (Debian's `/usr/bin/chromium` through Playwright):

- opens the home page fresh (new browser context, empty cache) and, as soon
  as it has loaded, focuses the search box and types the first query (60 ms
  a key), then the other queries in the same page, clearing the box between
  them;
- times each query from its last key's `keyup` to the search worker's
  answer for the whole query (the moment material draws the results);
- counts the bytes fetched for search (worker, `search_index.json`, lunr,
  Pagefind files) from the page's start until the first query's results,
  and those fetched before the search box is focused;
- prints the first result of each query (the entity-ranking targets);
- prints, for the first query, the time from focusing the box to its
  answer too (typing included: 60 ms a key), since a reader's first query
  also waits for whatever the search has to fetch before it can answer.

The index build time is the time spent inside material's search plugin
(lunr) and the briefings plugin's search integration (Pagefind), measured
in the build process, as a share of the build's wall time.

Issue 16's targets: first results <= 0.3 s (median of the 5 queries) on the
briefings site at x1 and x10; <= 500 KB fetched for the first query at x10;
0 index bytes before search is used; cold build <= 3.0x the baseline at x1;
"Blair" opens with Tony Blair's page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bbc_projects as bp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from browser_support import serve_site  # the browser tests' static server

QUERIES = ("Blair", "Brown", "interest rates", "Mourinho", "Blunkett")
#: Query -> the path its first result must have (issue 16's ranking target on this corpus).
FIRST_RESULT = {"Blair": "people/tony-blair/"}
TARGET_MEDIAN_S = 0.3
TARGET_FIRST_BYTES = 500_000
TARGET_COLD = 3.0
KEY_DELAY_MS = 60
RESULT_TIMEOUT_MS = 240_000  # lunr over a 52 MB index takes tens of seconds
CHROMIUM = Path(os.environ.get("BRIEFINGS_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

#: Runs `mkdocs build -q` timing the search index work inside the build process.
_BUILD = r"""
import atexit, json, os, sys, time
t0 = time.perf_counter()
spent = {"lunr": 0.0, "pagefind": 0.0}
def timed(cls, name, key):
    original = getattr(cls, name)
    def wrapper(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - start
    setattr(cls, name, wrapper)
from material.plugins.search.plugin import SearchPlugin
timed(SearchPlugin, "on_page_context", "lunr")
timed(SearchPlugin, "on_post_build", "lunr")
try:
    from mkdocs_briefings.search.integration import SearchIntegration
    for name in ("choose", "index", "write"):
        timed(SearchIntegration, name, "pagefind")
except ImportError:
    pass
def report():
    with open(os.environ["BENCH_TIMES"], "w") as f:
        json.dump({**spent, "wall": time.perf_counter() - t0}, f)
atexit.register(report)
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q"]
cli()
"""

#: Taps material's search worker: when each query was sent and each answer came back.
_TAP = """
(() => {
  const W = window.Worker;
  const bf = window.__bf = { queries: [], results: [], lastKey: 0, focus: 0 };
  window.Worker = function (url, options) {
    const worker = new W(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m, ...rest) => {
      if (m && m.type === 2) bf.queries.push({ t: performance.now(), q: m.data });
      return post(m, ...rest);
    };
    worker.addEventListener("message", e => {
      if (e.data && e.data.type === 3) {
        const d = e.data.data || {};
        const first = (d.items && d.items[0] && d.items[0][0]) || null;
        bf.results.push({ t: performance.now(), q: d.query, n: (d.items || []).length,
                          first: first ? first.location : null });
      }
    });
    return worker;
  };
  window.Worker.prototype = W.prototype;
  document.addEventListener("keyup", () => { bf.lastKey = performance.now(); }, true);
  document.addEventListener("focusin", e => {
    if (!bf.focus && e.target.matches && e.target.matches("input.md-search__input")) bf.focus = performance.now();
  }, true);
})();
"""

#: The answer to the whole query `q` typed last: ours names its query; lunr answers every query in order.
_ANSWERED = """
(q) => {
  const bf = window.__bf;
  const last = bf.queries[bf.queries.length - 1];
  for (let i = bf.results.length - 1; i >= 0; i--) {
    const r = bf.results[i];
    if (r.t < bf.lastKey) break;
    if (r.q === q) return { ms: r.t - bf.lastKey, n: r.n, first: r.first, at: r.t };
    if (r.q === undefined && last && last.q === q && bf.results.length >= bf.queries.length
        && i === bf.results.length - 1) return { ms: r.t - bf.lastKey, n: r.n, first: r.first, at: r.t };
  }
  return null;
}
"""


def _search_request(url: str) -> bool:
    return any(part in url for part in ("/search/search_index", "/pagefind/", "/assets/briefings-search/",
                                        "/assets/javascripts/workers/search", "/assets/javascripts/lunr/"))


@dataclass
class Build:
    wall: float
    index: float  # seconds inside lunr's or Pagefind's indexing, in the build process


@dataclass
class Probe:
    times: list[float] = field(default_factory=list)  # seconds, one per query
    firsts: list[str] = field(default_factory=list)  # first result's location per query
    counts: list[int] = field(default_factory=list)
    first_bytes: int = 0  # search bytes from page start to the first query's results
    before_bytes: int = 0  # search bytes before the search box got the focus
    first_from_focus: float = 0.0  # seconds from focusing the box to the first query's answer (typing included)
    errors: list[str] = field(default_factory=list)


def build(root: Path) -> Build:
    """One `mkdocs build -q` in a fresh process, with its search-index time."""
    import shutil

    shutil.rmtree(root / "site", ignore_errors=True)
    os.sync()
    times = root / "bench-times.json"
    env = {**bp.BUILD_ENV, "BENCH_TIMES": str(times)}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _BUILD], cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{root.name}: mkdocs build failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    data = json.loads(times.read_text())
    return Build(wall, data["lunr"] + data["pagefind"])


def probe(browser: Any, url: str, queries: tuple[str, ...] = QUERIES) -> Probe:
    """Type the queries into a fresh page's search box; time each answer, count the bytes."""
    result = Probe()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(_TAP)
    page = context.new_page()
    fetched: list[tuple[float, int]] = []  # (performance.now() when finished, bytes)

    def on_finished(request: Any) -> None:
        if _search_request(request.url):
            try:
                sizes = request.sizes()
                end = request.timing["responseEnd"]
                fetched.append((end, sizes["responseBodySize"] + sizes["responseHeadersSize"]))
            except Exception:  # a request that vanished counts nothing
                pass

    def route(r: Any) -> None:
        if r.request.url.startswith(url):
            r.continue_()
        else:
            r.abort()  # the site works offline; an off-site font request must not stall it

    page.route("**/*", route)
    page.on("requestfinished", on_finished)
    page.on("pageerror", lambda exc: result.errors.append(str(exc)))
    # (requests to other hosts are aborted on purpose: the baseline's theme asks for Google Fonts)
    page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" and "net::ERR_FAILED" not in m.text else None)
    page.goto(url, wait_until="load")
    box = page.locator("input.md-search__input")
    for n, query in enumerate(queries):
        if n == 0:
            result.before_bytes = sum(b for _, b in fetched)
        box.click()
        if n > 0:
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
            page.wait_for_timeout(400)
        page.keyboard.type(query, delay=KEY_DELAY_MS)
        handle = page.wait_for_function(_ANSWERED, arg=query, timeout=RESULT_TIMEOUT_MS, polling=10)
        answer = handle.json_value()
        result.times.append(answer["ms"] / 1000)
        result.firsts.append(str(answer["first"]))
        result.counts.append(int(answer["n"]))
        if n == 0:
            result.first_from_focus = (answer["at"] - page.evaluate("() => window.__bf.focus")) / 1000
            page.wait_for_timeout(200)  # let the last responses' events arrive
            result.first_bytes = sum(b for _, b in fetched)
    context.close()
    return result


def idle_bytes(browser: Any, url: str) -> tuple[int, int]:
    """What a page fetches of the search index when the reader never searches:
    (bytes of `search_index.json`, of `pagefind/`), after the network has been idle."""
    context = browser.new_context()
    page = context.new_page()
    sizes = {"lunr": 0, "pagefind": 0}

    def on_finished(request: Any) -> None:
        key = "lunr" if "/search/search_index" in request.url else "pagefind" if "/pagefind/" in request.url else ""
        if key:
            s = request.sizes()
            sizes[key] += s["responseBodySize"] + s["responseHeadersSize"]

    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(url) else r.abort())
    page.on("requestfinished", on_finished)
    page.goto(url, wait_until="networkidle", timeout=RESULT_TIMEOUT_MS)
    page.wait_for_timeout(1000)
    context.close()
    return sizes["lunr"], sizes["pagefind"]


#: Where each measured site was built (set by `measure`).
_SITES: dict[str, Path] = {}


def row_site(row: Row) -> Path:
    return _SITES[row.name]


@dataclass
class Row:
    name: str
    build: Build
    probe: Probe
    pages: int
    idle: tuple[int, int] = (0, 0)  # search_index.json and pagefind/ bytes of a page nobody searches


def measure(browser: Any, name: str, root: Path) -> Row:
    built = build(root)
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
    with serve_site(root / "site") as url:
        found = probe(browser, url)
        idle = idle_bytes(browser, url)
    row = Row(name, built, found, pages, idle)
    _SITES[name] = root / "site"
    print(f"  {name}: built in {built.wall:.1f} s ({pages} pages), index {built.index:.1f} s; "
          f"first results {', '.join(f'{t * 1000:.0f}' for t in found.times)} ms", flush=True)
    return row


def report(rows: list[Row], scale: int) -> None:
    print(f"\nBBC x{scale}")
    print("  ('before': search bytes fetched before the box got the focus, typing starting at the load event)")
    print(f"  {'site':<22}{'build':>9}{'index':>16}{'median':>9}{'1st query':>11}{'from focus':>12}{'1st bytes':>12}{'before':>10}")
    for r in rows:
        b, p = r.build, r.probe
        print(f"  {r.name:<22}{b.wall:>8.1f}s{b.index:>8.1f}s ({100 * b.index / b.wall:4.1f}%)"
              f"{1000 * statistics.median(p.times):>7.0f}ms{1000 * p.times[0]:>9.0f}ms{1000 * p.first_from_focus:>10.0f}ms"
              f"{p.first_bytes / 1000:>9.0f} KB{p.before_bytes / 1000:>7.0f} KB")
    base, ours = rows[:2]
    median = statistics.median(ours.probe.times)
    print(f"  first results, briefings site: {1000 * median:.0f} ms median (target <= {1000 * TARGET_MEDIAN_S:.0f} ms) "
          f"{'ok' if median <= TARGET_MEDIAN_S else 'OVER TARGET'}; baseline {1000 * statistics.median(base.probe.times):.0f} ms")
    for row in rows:
        lunr, pagefind = row.idle
        docs = len(json.loads((row_site(row) / "search" / "search_index.json").read_text())["docs"])
        print(f"  index bytes a page loads when nobody searches, {row.name}: {lunr + pagefind:,} B "
              f"(search_index.json {lunr:,} B with {docs} documents, pagefind/ {pagefind:,} B)")
    if scale >= 10:
        verdict = "ok" if ours.probe.first_bytes <= TARGET_FIRST_BYTES else "OVER TARGET"
        print(f"  bytes for the first query: {ours.probe.first_bytes / 1000:.0f} KB (target <= 500 KB) {verdict}")
    ratio = ours.build.wall / base.build.wall
    print(f"  cold build {ratio:.2f}x the baseline (target <= {TARGET_COLD}x at x1) "
          f"{'ok' if ratio <= TARGET_COLD else 'OVER TARGET'}")
    for other in rows[2:]:
        print(f"  ({other.name}: cold build {other.build.wall / base.build.wall:.2f}x the baseline; "
              f"first results {1000 * statistics.median(other.probe.times):.0f} ms median, "
              f"{1000 * other.probe.times[0]:.0f} ms for the first query, {other.probe.first_bytes / 1000:.0f} KB)")
    for row in rows:
        for query, first, n in zip(QUERIES, row.probe.firsts, row.probe.counts, strict=False):
            want = FIRST_RESULT.get(query)
            mark = "" if row is not ours or not want else ("  ok" if first.rstrip("/").endswith(want.rstrip("/")) else "  WRONG")
            print(f"    {row.name}: {query!r} -> {first} ({n} results){mark}")
        if row.probe.errors:
            print(f"    {row.name}: console errors: {row.probe.errors[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="also measure the corpus copied this many times")
    parser.add_argument("--only-scale", action="store_true", help="skip the x1 run (with --scale)")
    parser.add_argument("--no-lunr-briefings", action="store_true",
                        help="skip the x1 briefings site built with material's search (for comparison)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the projects (default: a temp dir)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    articles = bp.read_corpus()
    scales = ([] if args.only_scale else [1]) + ([args.scale] if args.scale > 1 else [])
    with tempfile.TemporaryDirectory(prefix="briefings-search-bench-") as tmp, sync_playwright() as pw:
        work = args.workdir or Path(tmp)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        print(f"{len(articles)} BBC articles, projects under {work}; queries {', '.join(QUERIES)}", flush=True)
        for scale in scales:
            base_root = bp.write_baseline(work / f"baseline-x{scale}", articles, scale)
            ours_root = bp.write_ours(work / f"ours-x{scale}", articles, scale)
            bp.clear_cache(ours_root)
            rows = [measure(browser, "material (lunr)", base_root), measure(browser, "briefings (pagefind)", ours_root)]
            if scale == 1 and not args.no_lunr_briefings:
                # For comparison: the same briefings site with material's search (what it had before).
                lunr_root = bp.write_ours(work / "ours-lunr-x1", articles, 1)
                yml = lunr_root / "mkdocs.yml"
                yml.write_text(yml.read_text().replace("  - briefings\n", "  - briefings:\n      search_backend: material\n"))
                rows.append(measure(browser, "briefings (lunr)", lunr_root))
            report(rows, scale)
        browser.close()


if __name__ == "__main__":
    main()
