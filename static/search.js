// Search over search.json, the index the build writes: actors, claims and
// sources by the words of their names, aliases, roles and summaries. The
// form stays hidden when scripts do not run; every page works without it.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var root = form.getAttribute("data-root") || "";
  var input = form.querySelector("input");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  var kinds = { actor: "Actor", claim: "Claim", article: "Source" };
  var index = null;
  var loading = null;
  var timer = 0;
  var max = 8;

  // fold lower-cases and drops accents and curly apostrophes, so "kyiv"
  // finds "Kyïv" and "russia's" finds "Russia’s".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'").toLowerCase();
  }

  function split(s) {
    return s.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  }

  function load() {
    if (!loading) {
      loading = fetch(root + "search.json").then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (entries) {
        index = entries.map(function (e) {
          return { e: e, title: split(fold(e.title)), text: split(fold(e.text)) };
        });
      });
    }
    return loading;
  }

  // score is 0 unless every term starts a word of the entry; words of the
  // title count more than the rest.
  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var starts = function (w) { return w.indexOf(t) === 0; };
      if (entry.title.some(starts)) total += entry.title.indexOf(t) >= 0 ? 4 : 3;
      else if (entry.text.some(starts)) total += 1;
      else return 0;
    }
    return total;
  }

  function render(q) {
    var terms = split(fold(q));
    list.textContent = "";
    if (!terms.length) {
      status.textContent = "";
      return;
    }
    var hits = [];
    index.forEach(function (entry) {
      var s = score(entry, terms);
      if (s > 0) hits.push({ s: s, e: entry.e });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.e.title.localeCompare(b.e.title); });
    status.textContent = hits.length === 0 ? "No results" :
      hits.length === 1 ? "1 result" :
      hits.length > max ? hits.length + " results, first " + max + " shown" : hits.length + " results";
    hits.slice(0, max).forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + h.e.url;
      a.textContent = h.e.title;
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = kinds[h.e.kind] || h.e.kind;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  function update() {
    var q = input.value;
    load().then(function () { render(q); }, function () {
      status.textContent = "Search is not available right now.";
    });
  }

  // The results drop down over the page: a click elsewhere puts them away,
  // and coming back to the box shows them again.
  document.addEventListener("click", function (ev) {
    if (!form.contains(ev.target)) form.classList.add("search-away");
  });
  input.addEventListener("focus", function () {
    form.classList.remove("search-away");
    load().catch(function () {});
  });
  input.addEventListener("input", function () {
    form.classList.remove("search-away");
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && input.value) {
      input.value = "";
      update();
    }
  });
  // Enter opens the best result.
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.hidden = false;
})();
