// The live preview's client, injected by briefing serve into every page it
// serves (never into the published site). It listens to the server's
// events: reload (or go to the edited page), swap stylesheets, show or clear
// the build-error overlay, and reload when it reconnects to a server whose
// site is newer than this page.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = (me && me.dataset.version) || "";
  var navigate = !!me && me.dataset.navigate === "true";
  var events = "/_briefing/events";
  var overlayID = "briefing-overlay";

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
