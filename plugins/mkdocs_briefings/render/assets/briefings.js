/* mkdocs-briefings: filters of the claims index, and labels for links that
   repeat on every briefing. Without JavaScript every row shows and the count
   says so; with it, the count always matches the rows shown. Runs again on
   each page load of material's instant navigation. */
(function () {
  "use strict";

  function setup(root) {
    var form = root.querySelector(".bf-claim-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "1");
    var rows = Array.prototype.slice.call(root.querySelectorAll(".bf-claim-row"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".bf-speaker-group"));
    var count = form.querySelector(".bf-claim-count [data-count]");

    function apply() {
      var kinds = {};
      Array.prototype.forEach.call(form.querySelectorAll('input[name="kind"]'), function (box) {
        kinds[box.value] = box.checked;
      });
      var badge = form.querySelector('select[name="badge"]').value;
      var shown = 0;
      rows.forEach(function (row) {
        var badges = (row.getAttribute("data-badges") || "").split(" ");
        var visible = kinds[row.getAttribute("data-kind")] !== false && (!badge || badges.indexOf(badge) >= 0);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".bf-claim-row:not([hidden])");
      });
      if (count) count.textContent = String(shown);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  /* Labels that would otherwise be repeated in the markup of every mention and
     claim of every page (a large site's pages carry tens of thousands): a
     mention's kind and role (its data-tip, also its CSS tooltip), and where
     a claim number or "#" leads. */
  function label(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a.bf-mention[data-tip]:not([aria-label])"), function (a) {
      a.setAttribute("aria-label", a.textContent + " (" + a.getAttribute("data-tip") + ")");
    });
    Array.prototype.forEach.call(root.querySelectorAll("a.bf-claimref:not([aria-label])"), function (a) {
      var n = a.textContent;
      a.setAttribute("aria-label", n + ": go to the callout of claim " + n);
      a.setAttribute("title", "Go to the callout of claim " + n);
    });
    Array.prototype.forEach.call(root.querySelectorAll("a.bf-claim__anchor:not([title])"), function (a) {
      a.setAttribute("title", "Link to this claim");
      a.setAttribute("aria-label", "Link to this claim");
    });
    Array.prototype.forEach.call(root.querySelectorAll(".bf-entities .bf-count:not([title])"), function (c) {
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

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { label(document); setup(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { label(document); setup(document); });
  } else {
    label(document);
    setup(document);
  }
})();
