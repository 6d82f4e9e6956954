/* mkdocs-briefings: filters of the claims index, and labels for links that
   repeat on every briefing. Without JavaScript every row shows and the count
   says so; with it, the count always matches the rows shown. Runs again on
   each page load of material's instant navigation. */
(function () {
  "use strict";

  /* The filters' choice is kept while the reader moves between the index's pages. */
  var FILTERS_KEY = "bf-claim-filters";

  function setup(root) {
    var form = root.querySelector(".bf-claim-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var rows = Array.prototype.slice.call(root.querySelectorAll(".bf-claim-rows > li"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".bf-speaker-group"));
    var count = form.querySelector(".bf-claim-count [data-count]");
    var everyCount = form.querySelector(".bf-claim-count [data-every-count]");
    var every = {};
    try { every = JSON.parse(form.getAttribute("data-every") || "{}"); } catch (e) { every = {}; }
    var boxes = form.querySelectorAll('input[name="kind"]');
    var select = form.querySelector('select[name="badge"]');

    try {
      var saved = JSON.parse(window.sessionStorage.getItem(FILTERS_KEY) || "null");
      if (saved && typeof saved === "object") {
        Array.prototype.forEach.call(boxes, function (box) {
          if (saved.kinds && typeof saved.kinds[box.value] === "boolean") box.checked = saved.kinds[box.value];
        });
        if (typeof saved.badge === "string" && select.querySelector('option[value="' + CSS.escape(saved.badge) + '"]')) {
          select.value = saved.badge;
        }
      }
    } catch (e) { /* no storage: every page starts unfiltered */ }

    function apply() {
      var kinds = {};
      Array.prototype.forEach.call(boxes, function (box) {
        kinds[box.value] = box.checked;
      });
      var badge = select.value;
      var shown = 0;
      rows.forEach(function (row) {
        var badges = (row.getAttribute("data-badges") || "").split(" ");
        var visible = kinds[row.getAttribute("data-kind")] !== false && (!badge || badges.indexOf(badge) >= 0);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".bf-claim-rows > li:not([hidden])");
      });
      if (count) count.textContent = String(shown);
      if (everyCount) {
        var all = 0;
        Object.keys(every).forEach(function (kind) {
          if (kinds[kind] !== false) all += (every[kind] || {})[badge] || 0;
        });
        everyCount.textContent = all.toLocaleString("en");
      }
      try { window.sessionStorage.setItem(FILTERS_KEY, JSON.stringify({ kinds: kinds, badge: badge })); } catch (e) { /* ignore */ }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  /* Labels that would otherwise be repeated in the markup of every mention and
     claim of every page (a large site's pages carry tens of thousands): a
     mention's kind and what its data-tip adds (the same words as its CSS
     tooltip), what a badge means and where a claim number leads. */
  var BADGES = {
    /* @badges: what each badge means, made from render/views.py's BADGES (render/static.py) */
  };

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  function label(root) {
    each(root, ":is(.bf-article, .bf-para) > p a:not(sup > a):not([aria-label])", function (a) {
      // The kind's word is the stylesheet's (--bf-kind, read from the folder the link leads
      // into), so the tooltip and the accessible name say the same and only the CSS knows the folders.
      var tip = getComputedStyle(a).getPropertyValue("--bf-kind").trim().replace(/^["']|["']$/g, "") || "Other";
      if (a.getAttribute("data-tip")) tip += " · " + a.getAttribute("data-tip");
      a.setAttribute("aria-label", a.textContent + " (" + tip + ")");
    });
    each(root, ".bf-article sup > a:not([aria-label])", function (a) {
      var n = a.textContent;
      a.setAttribute("aria-label", "claim " + n + ": show its details");
      a.setAttribute("title", "Show the details of claim " + n);
    });
    each(root, "[data-badge]:not([title])", function (b) {
      var help = BADGES[b.getAttribute("data-badge")];
      if (help) b.setAttribute("title", help);
    });
    each(root, ".bf-entities small:not([title]), .bf-appearances small:not([title])", function (c) {
      c.setAttribute("title", "mentions in this briefing");
    });
  }

  /* material renders its search as role="dialog" with no name; a dialog needs
     one (axe aria-dialog-name), and the search input already carries the word. */
  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    if (!dialog) return;
    var input = dialog.querySelector(".md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  nameSearchDialog();

  /* Claims in place: a `#claim-N` link (from the text's number, another page, or the address bar)
     opens that claim's note wherever it is laid out; the "In this briefing" box likewise. */
  document.documentElement.classList.add("bf-js");

  function openTarget(id, focus) {
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    var details = el.tagName === "DETAILS" ? el : el.querySelector(":scope > details");
    if (!details) return;
    details.open = true;
    each(document, ".bf-note.bf-current", function (n) { n.classList.remove("bf-current"); });
    if (el.classList.contains("bf-note")) el.classList.add("bf-current");
    var summary = details.querySelector(":scope > summary");
    if (focus && summary) summary.focus({ preventScroll: true });
  }

  function fromHash(focus) {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    openTarget(id, focus);
  }

  window.addEventListener("hashchange", function () { fromHash(true); });
  document.addEventListener("click", function (event) {
    var a = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (a) openTarget(decodeURIComponent(a.getAttribute("href").slice(1)), true);
  });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { label(document); setup(document); fromHash(false); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { label(document); setup(document); fromHash(false); });
  } else {
    label(document);
    setup(document);
    fromHash(false);
  }
})();
