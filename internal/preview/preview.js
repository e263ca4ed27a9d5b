// The live preview's client, injected by briefing serve into every page it
// serves (never into the published site). It listens to the server's
// events: patch the open page in place when it changed (or go to the edited
// page), swap stylesheets, show or clear the build-error overlay, and reload
// when it reconnects to a server whose site is newer than this page.
//
// Patching in place: the page's new HTML is fetched and compared with the
// HTML the page was loaded (or last patched) from, kept as a parsed copy,
// and only what the server changed is changed in the page (see served).
// So the scroll position, focus, open <details>, the text selection and
// whatever scripts did to the page survive. A change to <head>, or any
// failure, falls back to a full reload.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = (me && me.dataset.version) || "";
  var navigate = !!me && me.dataset.navigate === "true";
  var events = "/_briefing/events";
  var overlayID = "briefing-overlay";
  // This runs before any other script of the page (it is the first deferred
  // one), so the page is still as served: keep a copy to diff against.
  var page = null;
  try {
    page = served(document);
  } catch (err) {
    page = null; // every change reloads
  }

  function data(e) {
    try { return JSON.parse(e.data) || {}; } catch (err) { return {}; }
  }

  function hideOverlay() {
    var old = document.getElementById(overlayID);
    if (old) old.remove();
  }

  function showOverlay(html) {
    hideOverlay();
    // The server escaped every message; this is its markup, not text.
    var t = document.createElement("template");
    t.innerHTML = html;
    var el = t.content.firstElementChild;
    if (!el) return;
    // A click beside the panel or Esc hides it, until the next failure.
    el.addEventListener("click", function (e) { if (e.target === el) hideOverlay(); });
    (document.body || document.documentElement).appendChild(el);
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hideOverlay();
  });

  function reload(path) {
    if (navigate && path && path !== location.pathname) {
      location.assign(path);
    } else {
      location.reload();
    }
  }

  // fullReloads is a switch for the save-to-visible benchmark, which
  // compares patching with the full reloads it replaced.
  function fullReloads() {
    try { return sessionStorage.getItem("briefing-reload") === "full"; } catch (err) { return false; }
  }

  // patchable returns the stylesheets among paths, or null when a change
  // in paths needs a full reload: an unlisted change, or an asset (a
  // script, an image) that patching the page would not load again.
  function patchable(paths) {
    if (!paths || !page || fullReloads()) return null;
    var css = [];
    for (var i = 0; i < paths.length; i++) {
      if (/\.css$/.test(paths[i])) css.push(paths[i]);
      else if (!/\.(html|json|xml|txt)$/.test(paths[i])) return null;
    }
    return css;
  }

  // update fetches this page again, patches it in place and swaps the
  // stylesheets css, or reloads it when that fails. Saves that come in
  // while a patch is under way are taken in one more patch after it.
  var busy = false, again = null;
  function update(css) {
    if (busy) { again = (again || []).concat(css); return; }
    busy = true;
    fetch(location.href, { cache: "no-store" }).then(function (r) {
      if (!r.ok || r.redirected) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      var v = page.patch(next, me && me.getAttribute("src"));
      if (v === null) throw new Error("the head changed");
      version = v || version;
      if (css.length) swapStylesheets(css, version);
      busy = false;
      if (again) { css = again; again = null; update(css); }
    }).catch(function () {
      location.reload();
    });
  }

  // affected reports whether a change of the output files in paths (of
  // every file when paths is missing) shows in this page: its own file, the
  // 404 page (which it may be), or an asset: anything but another page or a
  // data file.
  function affected(paths) {
    if (!paths) return true;
    var here = decodeURIComponent(location.pathname).slice(1);
    if (here === "" || here.slice(-1) === "/") here += "index.html";
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i];
      if (p === here || p === "404.html" || !/\.(html|json|xml|txt)$/.test(p)) return true;
    }
    return false;
  }

  function swapStylesheets(paths, v) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || paths.indexOf(url.pathname.slice(1)) < 0) continue;
      url.searchParams.set("v", v);
      var fresh = link.cloneNode(false);
      fresh.href = url.href;
      // Drop the old sheet only once the new one applies: no flash.
      fresh.onload = fresh.onerror = (function (old) {
        return function () { old.remove(); };
      })(link);
      link.after(fresh);
    }
  }

  // served keeps the page as the server sent it, parsed, each node tied to
  // the live node it became. Its patch makes the live document follow a
  // newer version of the page by changing only what differs between the
  // two versions: what the reader or a script did to the page stays, and a
  // node the server did not change is not touched. It returns the new
  // version's data-version, or null when the <head> changed (other than
  // that), which a patch cannot apply.
  function served(doc) {
    var live = new WeakMap(); // served node → live node
    var known = new WeakSet(); // live nodes that came from the server
    var base = doc.cloneNode(true);
    tie(base.documentElement, doc.documentElement);

    function tie(s, l) {
      live.set(s, l);
      known.add(l);
      for (var a = s.firstChild, b = l.firstChild; a && b; a = a.nextSibling, b = b.nextSibling) tie(a, b);
    }

    // ownScript returns this script's element in head h.
    function ownScript(h, src) {
      return src ? h.querySelector('script[src="' + src + '"]') : null;
    }

    // head returns d's head as HTML, without this script's version.
    function head(d, src) {
      var h = d.head.cloneNode(true);
      var s = ownScript(h, src);
      if (s) s.removeAttribute("data-version");
      return h.outerHTML;
    }

    function patch(next, src) {
      if (!next.body || head(base, src) !== head(next, src)) return null;
      var x = scrollX, y = scrollY, active = document.activeElement;
      var sel = getSelection();
      var range = sel && sel.rangeCount ? [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset] : null;
      live.set(next.documentElement, document.documentElement);
      live.set(next.head, document.head);
      attrs(base.documentElement, next.documentElement, document.documentElement);
      morph(base.body, next.body, document.body);
      base = next;
      // The browser would keep in view what was there, moving the page by
      // what changed above it; the editor expects it not to move.
      scrollTo(x, y);
      requestAnimationFrame(function () { if (scrollX !== x || scrollY !== y) scrollTo(x, y); });
      // Moving a node drops focus and the selection inside it: put them back.
      if (active && active !== document.body && active.isConnected && document.activeElement !== active) {
        active.focus({ preventScroll: true });
      }
      if (range && range[0].isConnected && range[2].isConnected &&
          (sel.anchorNode !== range[0] || sel.anchorOffset !== range[1] || sel.focusNode !== range[2] || sel.focusOffset !== range[3])) {
        try { sel.setBaseAndExtent(range[0], range[1], range[2], range[3]); } catch (err) { /* its text changed */ }
      }
      var s = ownScript(next.head, src);
      return (s && s.getAttribute("data-version")) || "";
    }

    // attrs applies to l the attribute changes from s to n. A <details>
    // keeps the reader's open or closed state.
    function attrs(s, n, l) {
      var i, a;
      for (i = 0; i < n.attributes.length; i++) {
        a = n.attributes[i];
        if (s.getAttributeNS(a.namespaceURI, a.localName) !== a.value && !(a.name === "open" && l.nodeName === "DETAILS")) {
          l.setAttributeNS(a.namespaceURI, a.name, a.value);
        }
      }
      for (i = 0; i < s.attributes.length; i++) {
        a = s.attributes[i];
        if (!n.hasAttributeNS(a.namespaceURI, a.localName) && !(a.name === "open" && l.nodeName === "DETAILS")) {
          l.removeAttributeNS(a.namespaceURI, a.localName);
        }
      }
    }

    // morph makes live node l, which was served as s, follow n.
    function morph(s, n, l) {
      live.set(n, l);
      known.add(l);
      if (n.nodeType !== 1) {
        if (s.nodeValue !== n.nodeValue) l.nodeValue = n.nodeValue;
        return;
      }
      attrs(s, n, l);
      children(s, n, l);
    }

    // children pairs the children of s and n, by id where the new child
    // has one, else in order, telling an inserted or a deleted node from
    // a changed one by looking a few nodes ahead; then it removes the live
    // nodes of unpaired old children, morphs the paired ones and puts them
    // and the new ones in order; nodes that scripts added stay where they
    // are, and a new node goes right after the one before it.
    function children(s, n, l) {
      var olds = Array.prototype.slice.call(s.childNodes);
      var news = Array.prototype.slice.call(n.childNodes);
      var byID = {}, wanted = {}, used = new Set(), pairs = [];
      var i, j = 0, k, c, o, x;
      olds.forEach(function (o) { if (o.id) byID[o.id] = o; });
      news.forEach(function (c) { if (c.id) wanted[c.id] = true; });
      function free(k) { return !used.has(olds[k]) && !(olds[k].id && wanted[olds[k].id]); }
      function inOrder(c, i) {
        while (j < olds.length && !free(j)) j++;
        var o = olds[j];
        if (!o) return null;
        if (o.isEqualNode(c)) { j++; return o; }
        for (var k = j + 1, seen = 0; c.nodeType === 1 && k < olds.length && seen < 4; k++) {
          if (!free(k)) continue;
          seen++;
          if (olds[k].isEqualNode(c)) { j = k + 1; return olds[k]; } // olds[j…k-1] were deleted
        }
        for (k = i + 1; k < news.length && k <= i + 4; k++) {
          if (o.isEqualNode(news[k])) return null; // c was inserted
        }
        if (o.nodeType === c.nodeType && o.nodeName === c.nodeName) { j++; return o; }
        return null;
      }
      for (i = 0; i < news.length; i++) {
        c = news[i];
        o = c.id ? byID[c.id] : null;
        if (!o || o.nodeName !== c.nodeName || used.has(o)) o = inOrder(c, i);
        if (o) used.add(o);
        pairs.push(o);
      }
      olds.forEach(function (o) {
        var x = live.get(o);
        if (!used.has(o) && x && x.parentNode === l) l.removeChild(x);
      });
      var prev = null;
      for (i = 0; i < news.length; i++) {
        c = news[i];
        o = pairs[i];
        x = o && live.get(o);
        if (x && x.parentNode === l) {
          morph(o, c, x);
        } else {
          x = document.importNode(c, true);
          tie(c, x);
        }
        // In place unless a node the server sent comes first.
        k = prev ? prev.nextSibling : l.firstChild;
        for (var at = k; at && at !== x && !known.has(at);) at = at.nextSibling;
        if (at !== x) l.insertBefore(x, k);
        prev = x;
      }
    }

    return { patch: patch };
  }

  function connect() {
    var es = new EventSource(events);
    es.addEventListener("hello", function (e) {
      var d = data(e);
      if (d.version && d.version !== version) {
        reload(""); // built again while this page was away
        return;
      }
      if (d.overlay) showOverlay(d.overlay); else hideOverlay();
    });
    es.addEventListener("reload", function (e) {
      var d = data(e);
      if (!(navigate && d.path) && !affected(d.paths)) {
        version = d.version || version; // this page is as it was
        return;
      }
      var css = patchable(d.paths);
      if (css && !(navigate && d.path && d.path !== location.pathname)) {
        hideOverlay(); // the build is good
        update(css);
        return;
      }
      es.close();
      reload(d.path);
    });
    es.addEventListener("css", function (e) {
      var d = data(e);
      version = d.version || version;
      swapStylesheets(d.paths || [], version);
    });
    es.addEventListener("errors", function (e) {
      showOverlay(data(e).overlay || "");
    });
    es.addEventListener("clear", function (e) {
      hideOverlay();
      var d = data(e);
      if (d.version && d.version !== version) reload("");
    });
    es.onerror = function () {
      // The browser retries by itself unless the server answered with an
      // error; then try again a little later.
      if (es.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }

  connect();
})();
