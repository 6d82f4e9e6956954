/*
 * mkdocs-briefings: material's search worker, answered by Pagefind.
 *
 * Material for MkDocs runs its search in a web worker and talks to it with
 * four messages (SETUP, READY, QUERY, RESULT); the header box, the `/` and
 * `s` shortcuts, keyboard navigation and the result list all live in
 * material's page script and only see those messages. This worker takes the
 * place of material's lunr worker and answers from the Pagefind index in
 * `pagefind/`: it says READY at once, loads nothing until the first query,
 * then fetches only the index chunks of the words typed and the fragments of
 * the results it shows.
 *
 * Query syntax on top of the words: `tag:ukraine`, `date:2022` or
 * `date:2022-03` (briefings of that year or month, newest first when no
 * words are given), `kind:person` (person, organisation, place, briefing,
 * page).
 *
 * Every string from the index is escaped before it reaches material, which
 * inserts result titles and texts as HTML: only Pagefind's <mark> survives.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* This file is <site>/assets/briefings-search/worker.js; the bundle is <site>/pagefind/. */
const BUNDLE = new URL("../../pagefind/", self.location.href).href;

const KINDS = {
  person: "Person", organisation: "Organisation", place: "Place",
  briefing: "Briefing", claim: "Claim", page: "Page"
};
const ENTITIES = new Set(["person", "organisation", "place"]);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];

/* Results whose fragments are fetched per query: what the list shows. */
const SHOWN = 12;
/* Sections (claims, the article) shown open under a result; the rest fold under "more". */
const OPEN_SECTIONS = 3;

let engine = null;
let latest = 0;

function load() {
  if (engine === null) {
    engine = import(`${BUNDLE}pagefind.js`).then(async pagefind => {
      await pagefind.options({ basePath: BUNDLE, baseUrl: "/", excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    });
    engine.catch(() => { engine = null; });
  }
  return engine;
}

function escape(text) {
  return String(text ?? "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/* Pagefind's excerpts are raw page text with <mark> around the hits: escape all, keep the marks. */
function excerpt(text) {
  return escape(text).replace(/&lt;(\/?)mark&gt;/g, "<$1mark>");
}

function dateLabel(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}` : "";
}

/* Normalised words: lower case, accents dropped, letters and digits only. */
function words(text) {
  return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/* The query's words, and its `key:value` filters in Pagefind's form. */
function parse(value) {
  const filters = {};
  const text = [];
  for (const token of value.trim().split(/\s+/)) {
    const m = /^(tag|kind|date|year|month):(\S+)$/i.exec(token);
    if (!m) {
      if (token) text.push(token);
      continue;
    }
    let key = m[1].toLowerCase();
    let val = m[2];
    if (key === "date") key = /^\d{4}$/.test(val) ? "year" : "month";
    if (key === "kind") val = val.toLowerCase();
    (filters[key] = filters[key] || []).push(val);
  }
  return { text: text.join(" "), filters };
}

function keyWord(key, value) {
  return `bf${key}_${String(value).toLowerCase().replace(/[^\p{L}\p{N}]+|_+/gu, "_").replace(/^_+|_+$/g, "")}`;
}

/* A name typed whole: every query word is a word of the name. */
function names(kind, name, query) {
  if (!ENTITIES.has(kind) || !query.length) return false;
  const title = new Set(words(name));
  return query.every(w => title.has(w));
}

function sectionsOf(data) {
  return (data.sub_results || [])
    .filter(s => s.url.includes("#") && s.anchor && s.anchor.id && s.anchor.id !== "title")
    .sort((a, b) => (b.weighted_locations || b.locations || []).length
      - (a.weighted_locations || a.locations || []).length);
}

function local(url) {
  return String(url).replace(/^\/+/, "");
}

/* One Pagefind result as material result groups: a page and its sections, or, for an
 * A-Z listing, each name found on it as a result of its own. */
function groupsOf(data, query) {
  const kind = data.meta.kind || "page";
  const label = KINDS[kind] || escape(kind);
  if (data.meta.listing) {
    return sectionsOf(data).map(s => ({
      name: names(kind, s.title, query), mentions: 0,
      docs: [{ location: local(s.url), title: escape(s.title), text: excerpt(s.excerpt), tags: [label] }]
    }));
  }
  const tags = [label];
  if (data.meta.date) tags.push(escape(dateLabel(data.meta.date)));
  const page = {
    location: local(data.url), title: escape(data.meta.title || data.url), text: excerpt(data.excerpt), tags
  };
  const sections = sectionsOf(data).map((s, i) => ({
    location: local(s.url), title: escape(s.title), text: excerpt(s.excerpt),
    tags: s.anchor.id.startsWith("claim-") ? [KINDS.claim] : undefined,
    open: i < OPEN_SECTIONS
  }));
  return [{ name: names(kind, data.meta.title, query), mentions: +data.meta.mentions || 0, docs: [page, ...sections] }];
}

async function search(value, id) {
  const query = parse(value);
  /* The last word is still being typed, and Pagefind matches it as a prefix: one letter would
   * match every word that starts with it, so wait for the second ("interest r" asks "interest"). */
  const typed = query.text.split(" ");
  if (typed.length > 1 && typed[typed.length - 1].length < 2) query.text = typed.slice(0, -1).join(" ");
  if (!Object.keys(query.filters).length) {
    if (!query.text) return { items: [] };
    if (query.text.length < 2) return null;
  }
  const pagefind = await load();
  const options = { filters: query.filters };
  if (!query.text) options.sort = { date: "desc" };
  /* Filters alone: search for the words their values are indexed as (see document.py's
   * key_word); a query without words would make Pagefind read every index chunk. */
  const term = query.text || Object.entries(query.filters)
    .flatMap(([key, values]) => values.map(v => keyWord(key, v))).join(" ");
  const found = await pagefind.search(term, options);
  if (id !== latest || !found) return null;
  const datas = await Promise.all(found.results.slice(0, SHOWN).map(r => r.data()));
  if (id !== latest) return null;
  const asked = words(query.text);
  const terms = Object.fromEntries(asked.map(w => [w, true]));
  /* A known name first: entities named by every word typed, the best known (named in
   * the most briefings) first; then Pagefind's order. */
  const groups = datas.flatMap(data => groupsOf(data, asked))
    .map((group, i) => ({ ...group, i }))
    .sort((a, b) => (b.name - a.name) || (a.name && b.name ? b.mentions - a.mentions : 0) || a.i - b.i);
  const items = groups.map((group, n) => {
    const score = groups.length - n;
    return group.docs.map((doc, k) => {
      const item = { location: doc.location, title: doc.title, text: doc.text, terms,
        score: k === 0 || doc.open ? score : score / 2 };
      if (doc.tags) item.tags = doc.tags;
      return item;
    });
  });
  return { items, total: found.results.length };
}

/* How long a query waits for the next key before it is searched. Pagefind matches the last
 * word as a prefix, and a prefix of a few letters ("in", "inte") matches most of a large
 * site: seconds of work that a reader still typing does not want and cannot interrupt.
 * From five letters on, a query is searched at once. */
function settle(value) {
  const { text } = parse(value);
  const last = text.split(" ").pop() || "";
  if (!text) return 0;
  return [300, 300, 300, 200, 100][last.length] ?? 0;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/* One search at a time, the newest query next: typing "Blair" sends "B", "Bl", ... and only
 * the last one matters. A search overtaken by a newer query stops before fetching fragments. */
let pending = null;
let running = false;

async function drain() {
  running = true;
  while (pending !== null) {
    const value = pending;
    const id = latest;
    pending = null;
    const wait = settle(value);
    if (wait > 0) {
      await sleep(wait);
      if (id !== latest) continue;  /* the reader typed on */
    }
    try {
      const data = await search(value, id);
      /* `query` is ours (material reads `items`): it tells which query the results answer. */
      if (data !== null && id === latest) {
        self.postMessage({ type: RESULT, data: { ...data, query: value } });
        /* Material counts the results it is given; say how many matched in all. */
        if (channel && data.total > data.items.length)
          channel.postMessage({ query: value, shown: data.items.length, total: data.total });
      }
    } catch (err) {
      if (id === latest) self.postMessage({ type: RESULT, data: { items: [] } });
      setTimeout(() => { throw err; });
    }
  }
  running = false;
}

/* The page's script (search.js) says when the reader opens search: fetch the engine (script,
 * wasm, page list; no index chunk) while they type. Material itself sends its first, empty,
 * query on page load, so that cannot be the signal. */
const channel = typeof BroadcastChannel !== "undefined" ? new BroadcastChannel("briefings-search") : null;
if (channel) {
  channel.addEventListener("message", ev => {
    if (ev.data === "warm") load().catch(() => {});
  });
}

self.addEventListener("message", ev => {
  const message = ev.data || {};
  if (message.type === SETUP) {
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    latest += 1;
    pending = String(message.data || "");
    if (!running) drain();
  }
});
