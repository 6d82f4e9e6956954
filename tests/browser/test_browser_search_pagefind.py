"""Search on the demo site (Pagefind backend: 2,700+ pages) as a reader uses it.

Material's own search box, shortcuts and result list, answered by the
Pagefind worker: a known name opens its entity page first, every result
says what it is, the keyboard walks the results, quotes are found as
claims, briefings filter by tag and date, and nothing of the index is
fetched before the reader opens search.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from browser_support import Visit

pytestmark = pytest.mark.browser

RESULT_TIMEOUT_MS = 30_000


def _open_search(visit: Visit) -> Any:
    page = visit.page
    query = page.locator("input.md-search__input")
    if not query.is_visible():  # narrow layouts hide the field behind the header button
        page.locator("label.md-header__button[for='__search']").first.click()
    query.click()
    return query


def _results(page: Any, query: str) -> list[dict[str, Any]]:
    """Type `query` and return the result groups material drew for it (first link, title, tags)."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.keyboard.press("Backspace")  # a keyup, so material sends the (now empty) query
    page.keyboard.type(query, delay=30)
    page.wait_for_function(
        """(q) => {
             const meta = document.querySelector('.md-search-result__meta');
             const items = document.querySelectorAll('.md-search-result__item');
             return document.querySelector('input.md-search__input').value === q
               && (items.length > 0 || /no matching/i.test(meta.textContent));
           }""",
        arg=query,
        timeout=RESULT_TIMEOUT_MS,
    )
    # A later answer for the whole query replaces one for a prefix (and a query ending in a
    # short word waits a moment for the next key): wait until the list has stopped changing.
    page.wait_for_function(
        """() => {
             const html = document.querySelector('.md-search-result').innerHTML;
             const now = performance.now();
             if (window.__bfList !== html) { window.__bfList = html; window.__bfSince = now; }
             return now - window.__bfSince > 600;
           }""",
        timeout=RESULT_TIMEOUT_MS,
        polling=100,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
             href: new URL(li.querySelector('a').href).pathname + new URL(li.querySelector('a').href).hash,
             title: li.querySelector('h1, h2').textContent.trim(),
             tags: [...li.querySelectorAll('article:first-child .md-tag')].map(t => t.textContent.trim()),
             sections: [...li.querySelectorAll('a')].slice(1).map(a => ({
               href: new URL(a.href).pathname + new URL(a.href).hash,
               tags: [...a.querySelectorAll('.md-tag')].map(t => t.textContent.trim())})),
           }))"""
    )


@pytest.mark.parametrize(
    ("query", "href", "kind"),
    [
        ("Bachelet", r"/people/michelle-bachelet/", "Person"),
        ("Zelenskyy", r"/people/volodymyr-zelenskyy/", "Person"),
        ("Kherson", r"/places/kherson/", "Place"),
    ],
)
def test_a_known_name_opens_with_its_entity_page(open_page: Callable[..., Visit], query: str, href: str, kind: str) -> None:
    visit = open_page("")
    _open_search(visit)
    results = _results(visit.page, query)
    assert results, f"{query!r} found nothing"
    first = results[0]
    assert first["href"].startswith(href), f"{query!r}: first result {first['href']}, all: {[r['href'] for r in results]}"
    assert first["tags"][:1] == [kind], first
    assert visit.problems() == []


def test_results_say_what_they_are(open_page: Callable[..., Visit]) -> None:
    visit = open_page("")
    _open_search(visit)
    results = _results(visit.page, "Putin")
    kinds = {r["tags"][0] for r in results if r["tags"]}
    assert {"Person", "Briefing"} <= kinds, results
    assert all(r["tags"] and r["tags"][0] in {"Person", "Organisation", "Place", "Briefing", "Page"} for r in results), results
    briefing = next(r for r in results if r["tags"][0] == "Briefing")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", briefing["tags"][1]), briefing  # its date


def test_the_count_says_how_many_matched(open_page: Callable[..., Visit]) -> None:
    visit = open_page("")
    _open_search(visit)
    results = _results(visit.page, "said")
    visit.page.wait_for_function(
        "() => /the best/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=10_000)
    meta = visit.page.locator(".md-search-result__meta").inner_text()
    match = re.fullmatch(r"([\d,]+) matching documents, the best (\d+) shown", meta.strip())
    assert match, meta
    # (material draws the first 10 results at once, the rest as the list is scrolled)
    assert int(match.group(1).replace(",", "")) > int(match.group(2)) >= len(results) >= min(10, int(match.group(2)))


def test_a_quotation_is_found_as_a_claim(open_page: Callable[..., Visit], spec: Any) -> None:
    visit = open_page("")
    _open_search(visit)
    results = _results(visit.page, "afraid of")
    claims = [s for r in results for s in r["sections"] if "Claim" in s["tags"]]
    assert claims, results
    assert any(s["href"].startswith(f"/{spec.path}#claim-") for s in claims), claims


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("tag:ukraine", lambda r: r["href"].startswith("/briefings/")),
        ("date:2022-03", lambda r: r["href"].startswith("/briefings/") and "March 2022" in r["tags"][1]),
        ("kind:place Ukraine", lambda r: r["tags"][0] == "Place"),
    ],
)
def test_filters(open_page: Callable[..., Visit], spec: Any, query: str, check: Callable[[dict[str, Any]], bool]) -> None:
    visit = open_page("")
    _open_search(visit)
    results = _results(visit.page, query)
    assert results, f"{query!r} found nothing"
    assert all(check(r) for r in results), results
    if not query.startswith("kind:"):
        assert any(r["href"] == f"/{spec.path}" for r in results), results


def test_keyboard_slash_arrows_enter(open_page: Callable[..., Visit]) -> None:
    visit = open_page("about/")
    page = visit.page
    page.keyboard.press("/")  # material's shortcut opens search
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    results = _results(page, "Bachelet")
    assert results[0]["href"].startswith("/people/michelle-bachelet/")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.href || ''")
    assert "/people/michelle-bachelet/" in focused, focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/people/michelle-bachelet/"))
    assert "Bachelet" in page.locator("article h1").first.inner_text()
    assert visit.problems() == []


def test_nothing_of_the_index_is_fetched_before_search_is_used(open_page: Callable[..., Visit]) -> None:
    visit = open_page("", wait_until="networkidle")
    page = visit.page
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "/pagefind/" in u], loaded
    index = [u for u in loaded if "search_index.json" in u]
    size = page.evaluate("(u) => fetch(u).then(r => r.json()).then(j => j.docs.length)", index[0]) if index else 0
    assert size == 0, "material's search_index.json should hold no documents"
    _open_search(visit)
    _results(page, "Bachelet")
    assert any("/pagefind/" in u for u in fetched), "the worker fetched no Pagefind file (requests are not seen?)"
    assert visit.problems() == []


#: Seed text is untrusted: markup in it must reach the result list as text.
EVIL = '<img src=x onerror="window.__pwned=1"><b>bold</b>'


@pytest.fixture(scope="module")
def evil_site_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A small site built with `search_backend: pagefind` whose seed's title and text hold markup."""
    import functools
    import http.server
    import subprocess
    import sys
    import threading

    root = tmp_path_factory.mktemp("evil-search")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "seeds").mkdir()
    (root / "briefings").mkdir()
    title = EVIL.replace('"', '\\"')
    (root / "seeds" / "evil.txt").write_text(
        f'---\ntitle: "Zanzibar {title}"\n---\nThe mayor of Zanzibar wrote {EVIL} in a letter.\n', encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Evil\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "  - briefings:\n      search_backend: pagefind\n      min_briefings: 1\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True, capture_output=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *args: None  # type: ignore[assignment]  # silence the test server's request log
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_markup_in_seeds_stays_text_in_results(chromium: Any, evil_site_url: str) -> None:
    from browser_support import watch_page

    context = chromium.new_context()
    try:
        page = context.new_page()
        visit = watch_page(page, evil_site_url)
        page.goto(evil_site_url, wait_until="load")
        page.locator("input.md-search__input").click()
        results = _results(page, "Zanzibar")
        assert results, "the seed was not found"
        html = page.inner_html(".md-search-result__list")
        assert "<img" not in html and "<b>" not in html, html[:500]
        assert "&lt;img" in html or "&lt;b&gt;" in html, html[:500]  # shown as text
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__pwned") is None
        assert visit.problems() == []
    finally:
        context.close()
