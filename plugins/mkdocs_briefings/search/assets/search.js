/*
 * mkdocs-briefings search (Pagefind backend): when the reader opens search (the box gets the
 * focus: a click, `/` or `s`), tell the search worker to fetch its engine, so the first query
 * only waits for the index chunks of its words. Nothing is fetched before that.
 */
(() => {
  const input = document.querySelector("[data-md-component=search-query]");
  if (!input || typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel("briefings-search");
  input.addEventListener("focus", () => channel.postMessage("warm"), { once: true });
})();
