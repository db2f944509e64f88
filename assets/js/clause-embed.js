/*
 * clause-embed.js inserts a policy's current text into a page of your own
 * app, from your own privacy center: no third-party host, no eval.
 *
 *   <div data-clause-embed="https://privacy.example.com/privacy/embed/">
 *     <a href="https://privacy.example.com/privacy/">Privacy Policy</a>
 *   </div>
 *   <script src="https://privacy.example.com/js/clause-embed.js" defer></script>
 *
 * The script fetches each element's embed page, takes its
 * <article class="clause-embed"> and puts it in place of the element's
 * contents, with every link and image made absolute against the embed
 * page, so they lead to the privacy center, and its title, the embed
 * page's <h1>, made an <h2> under the app page's own <h1>. Until then, or if the fetch
 * fails, the element keeps what it holds (the link above). The element's
 * data-clause-embed-state becomes "loaded" or "failed". From another
 * origin the privacy center must send Access-Control-Allow-Origin for
 * the embed page; see the README.
 */
(function () {
  "use strict";

  // absolutize makes the links and images of node absolute against base;
  // links within the page (#section) stay as they are.
  function absolutize(node, base) {
    var attrs = ["href", "src"];
    attrs.forEach(function (name) {
      node.querySelectorAll("[" + name + "]").forEach(function (el) {
        var v = el.getAttribute(name);
        if (v && v.charAt(0) !== "#") {
          el.setAttribute(name, new URL(v, base).href);
        }
      });
    });
  }

  // demoteTitle makes the article's <h1> title an <h2>: the page it is
  // inserted into has its own <h1>.
  function demoteTitle(article) {
    var h1 = article.querySelector("h1.clause-embed-title");
    if (!h1) {
      return;
    }
    var h2 = h1.ownerDocument.createElement("h2");
    h2.className = h1.className;
    while (h1.firstChild) {
      h2.appendChild(h1.firstChild);
    }
    h1.replaceWith(h2);
  }

  function load(el) {
    var url = new URL(el.getAttribute("data-clause-embed"), document.baseURI);
    fetch(url.href, { credentials: "omit" })
      .then(function (res) {
        if (!res.ok) {
          throw new Error("HTTP " + res.status);
        }
        return res.text();
      })
      .then(function (text) {
        // A document made by DOMParser runs no scripts and loads nothing.
        var doc = new DOMParser().parseFromString(text, "text/html");
        var article = doc.querySelector("article.clause-embed");
        if (!article) {
          throw new Error("no policy text in " + url.href);
        }
        article.querySelectorAll("script").forEach(function (s) { s.remove(); });
        absolutize(article, url);
        demoteTitle(article);
        el.replaceChildren(document.importNode(article, true));
        el.setAttribute("data-clause-embed-state", "loaded");
      })
      .catch(function (err) {
        el.setAttribute("data-clause-embed-state", "failed");
        if (window.console) {
          console.warn("clause-embed: " + url.href + ": " + err.message);
        }
      });
  }

  function start() {
    document.querySelectorAll("[data-clause-embed]").forEach(load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
