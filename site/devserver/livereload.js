// Live reload client for `clause serve`. The dev server injects it into
// every HTML response as a call with the page configuration:
// {root: relative URL of the site root, page: snapshot name of this page,
// build: build the page came from, problems: build errors to show now}.
// It is never part of the built site.
(function (cfg) {
  "use strict";
  if (window.__clauseLiveReload) {
    return;
  }
  window.__clauseLiveReload = true;

  var scrollKey = "clause:scroll:" + location.pathname;
  var overlay = null;
  var overlayCSS =
    ":host{all:initial}" +
    ".panel{position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
    "padding:2rem;background:#18181b;color:#f4f4f5;" +
    "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}" +
    "h1{margin:0 0 1rem;font-size:18px;color:#f87171}" +
    ".problem{margin:0 0 1.5rem}" +
    ".msg{font-weight:bold;white-space:pre-wrap;word-break:break-word}" +
    ".hint{margin-top:.25rem;color:#fcd34d;white-space:pre-wrap}" +
    ".src{margin:.5rem 0 0;padding:.5rem 0;background:#09090b;border-radius:4px;overflow:auto}" +
    ".line{display:flex;padding:0 .75rem}" +
    ".line.current{background:#7f1d1d}" +
    ".n{flex:none;width:3.5em;padding-right:1em;text-align:right;color:#71717a;user-select:none}" +
    ".t{white-space:pre}" +
    ".close{position:absolute;top:1rem;right:1rem;background:none;border:0;color:#a1a1aa;" +
    "font-size:24px;cursor:pointer}" +
    ".foot{color:#a1a1aa}";

  restoreScroll();
  if (cfg.problems && cfg.problems.length) {
    showOverlay(cfg.problems);
  }
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource(cfg.root + "_clause/events?page=" + encodeURIComponent(cfg.page || ""));
  events.onmessage = function (e) {
    var msg;
    try {
      msg = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    if (msg.type === "hello") onHello(msg);
    else if (msg.type === "reload") onReload(msg);
    else if (msg.type === "css") onCSS(msg);
    else if (msg.type === "error") fetchProblems();
  };

  // A (re)connection: reload when the site changed meanwhile (or the server
  // restarted), and bring the overlay in line with the server's problems.
  function onHello(msg) {
    if (msg.build !== cfg.build) {
      reload();
    } else if (msg.errors > 0) {
      fetchProblems();
    } else {
      hideOverlay();
    }
  }

  function onReload(msg) {
    if (msg.removed && msg.removed.indexOf(cfg.page) >= 0) {
      location.href = cfg.root;
      return;
    }
    reload();
  }

  // reload reloads the page, keeping the scroll position.
  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (err) {}
    location.reload();
  }

  function restoreScroll() {
    var xy;
    try {
      xy = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
      sessionStorage.removeItem(scrollKey);
    } catch (err) {
      return;
    }
    if (!xy) {
      return;
    }
    var apply = function () {
      window.scrollTo(xy[0], xy[1]);
    };
    document.addEventListener("DOMContentLoaded", apply);
    window.addEventListener("load", apply);
  }

  // onCSS swaps stylesheets without a reload: the page is fetched again and
  // each <link rel=stylesheet> takes the href the new build gives it (hashed
  // names change), with a cache-busting query.
  function onCSS(msg) {
    cfg.build = msg.build;
    hideOverlay();
    fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) {
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelectorAll('link[rel~="stylesheet"]');
        var old = document.querySelectorAll('link[rel~="stylesheet"]');
        if (fresh.length !== old.length) {
          reload();
          return;
        }
        for (var i = 0; i < old.length; i++) {
          swapLink(old[i], fresh[i].getAttribute("href") || "");
        }
      })
      .catch(reload);
  }

  // swapLink loads href next to link and removes link once it is applied,
  // so the page never shows unstyled.
  function swapLink(link, href) {
    var next = link.cloneNode(false);
    next.setAttribute("href", href + (href.indexOf("?") >= 0 ? "&" : "?") + "clause=" + Date.now());
    next.onload = next.onerror = function () {
      link.remove();
    };
    link.parentNode.insertBefore(next, link.nextSibling);
  }

  function fetchProblems() {
    fetch(cfg.root + "_clause/problems", { cache: "no-store" })
      .then(function (r) {
        return r.json();
      })
      .then(function (problems) {
        if (problems && problems.length) showOverlay(problems);
        else hideOverlay();
      })
      .catch(function () {});
  }

  // showOverlay shows problems in a full-screen panel. User data only ever
  // goes through textContent, never innerHTML.
  function showOverlay(problems) {
    hideOverlay();
    var host = document.createElement("clause-error-overlay");
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.appendChild(el("style", "", overlayCSS));
    var panel = el("div", "panel");
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-label", "Build failed");
    var close = el("button", "close", "\u00d7");
    close.setAttribute("aria-label", "Hide");
    close.onclick = hideOverlay;
    panel.appendChild(close);
    var n = problems.length;
    panel.appendChild(el("h1", "", n === 1 ? "Build failed" : "Build failed: " + n + " problems"));
    for (var i = 0; i < n; i++) {
      panel.appendChild(renderProblem(problems[i]));
    }
    panel.appendChild(el("p", "foot", "Fix it and save: this page updates by itself."));
    root.appendChild(panel);
    document.documentElement.appendChild(host);
    overlay = host;
  }

  function hideOverlay() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function renderProblem(p) {
    var box = el("section", "problem");
    box.appendChild(el("div", "msg", where(p) + ": " + (p.msg || "")));
    if (p.hint) {
      box.appendChild(el("div", "hint", p.hint));
    }
    if (p.source && p.source.length) {
      var pre = el("pre", "src");
      for (var i = 0; i < p.source.length; i++) {
        var l = p.source[i];
        var row = el("div", l.current ? "line current" : "line");
        row.appendChild(el("span", "n", String(l.n)));
        row.appendChild(el("span", "t", l.text || ""));
        pre.appendChild(row);
      }
      box.appendChild(pre);
    }
    return box;
  }

  // where formats path:line:col, leaving out unknown parts.
  function where(p) {
    var s = p.path || "(unknown file)";
    if (p.line) {
      s += ":" + p.line;
      if (p.col) s += ":" + p.col;
    }
    return s;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
})
