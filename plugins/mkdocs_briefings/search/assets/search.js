/*
 * mkdocs-briefings search (Pagefind backend): when the reader opens search (the box gets the
 * focus: a click, `/` or `s`), tell the search worker to fetch its engine, so the first query
 * only waits for the index chunks of its words. Nothing is fetched before that. And say how
 * many documents matched when the worker shows only the best of them.
 */
(() => {
  const input = document.querySelector("[data-md-component=search-query]");
  if (!input || typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel("briefings-search");
  input.addEventListener("focus", () => channel.postMessage("warm"), { once: true });
  /* The worker sends material the best results only; the count line says how many matched. */
  const meta = document.querySelector(".md-search-result__meta");
  if (!meta) return;
  let last = null;
  const apply = () => {
    if (!last || last.query !== input.value) return;
    const text = `${last.total.toLocaleString("en")} matching documents, the best ${last.shown} shown`;
    if (meta.textContent !== text && /\d/.test(meta.textContent)) meta.textContent = text;
  };
  channel.addEventListener("message", ev => {
    if (ev.data && typeof ev.data.total === "number") {
      last = ev.data;
      apply();
    }
  });
  /* Material writes its own count when the results arrive, before or after the message. */
  new MutationObserver(apply).observe(meta, { childList: true, characterData: true, subtree: true });
})();
