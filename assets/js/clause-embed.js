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
 * the embed page; see the README. Raw HTML in a policy never runs on the
 * app's page: scripts, styles (elements and style attributes), frames,
 * forms, SVG animations and event-handler attributes are removed, and so
 * are links that are not http(s), mailto or tel or cannot be parsed.
 */
(function () {
  "use strict";

  // safeProtocols are the URL schemes an inserted link or image may use.
  var safeProtocols = { "http:": true, "https:": true, "mailto:": true, "tel:": true };

  // unsafeElements never reach the app's page: they run code, change how
  // the page looks or where it sends forms, or load another document. SVG
  // animations can set an attribute, such as a link's href, after the
  // links were checked.
  var unsafeElements = "script, style, iframe, frame, object, embed, link, meta, base, form, template, " +
    "animate, set, animateMotion, animateTransform";

  // sanitize removes from node what could run or load anything on the
  // app's page: a policy text may hold raw HTML, and an element inserted
  // into the page runs its event handlers there, whatever DOMParser did.
  function sanitize(node) {
    node.querySelectorAll(unsafeElements).forEach(function (el) { el.remove(); });
    node.querySelectorAll("*").forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        var name = a.name.toLowerCase();
        if (/^on/.test(name) || name === "srcdoc" || name === "style") {
          el.removeAttribute(a.name);
        }
      });
    });
  }

  // safeURL returns v resolved against base when it is a web, mail or
  // phone address, else null (also when it cannot be parsed).
  function safeURL(v, base) {
    try {
      var u = new URL(v, base);
      return safeProtocols[u.protocol] ? u : null;
    } catch (err) {
      return null;
    }
  }

  // absolutize makes the links and images of node absolute against base,
  // and drops those whose scheme is not a web, mail or phone address or
  // that cannot be parsed; links within the page (#section) stay as they
  // are.
  function absolutize(node, base) {
    ["href", "src", "action", "formaction", "xlink:href"].forEach(function (name) {
      node.querySelectorAll("[" + name.replace(":", "\\:") + "]").forEach(function (el) {
        var v = el.getAttribute(name);
        if (v && v.charAt(0) === "#") {
          return;
        }
        var u = v ? safeURL(v, base) : null;
        if (u) {
          el.setAttribute(name, u.href);
        } else {
          el.removeAttribute(name);
        }
      });
    });
    node.querySelectorAll("[srcset]").forEach(function (el) {
      var list = el.getAttribute("srcset").split(",").map(function (cand) {
        var parts = cand.trim().split(/\s+/);
        var u = safeURL(parts[0], base);
        return u ? [u.href].concat(parts.slice(1)).join(" ") : "";
      }).filter(Boolean);
      el.setAttribute("srcset", list.join(", "));
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

  // failed marks el as failed and says why on the console.
  function failed(el, what, err) {
    el.setAttribute("data-clause-embed-state", "failed");
    if (window.console) {
      console.warn("clause-embed: " + what + ": " + err.message);
    }
  }

  function load(el) {
    var url;
    try {
      url = new URL(el.getAttribute("data-clause-embed"), document.baseURI);
    } catch (err) {
      failed(el, el.getAttribute("data-clause-embed"), err); // the others still load
      return;
    }
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
        sanitize(article);
        absolutize(article, url);
        demoteTitle(article);
        el.replaceChildren(document.importNode(article, true));
        el.setAttribute("data-clause-embed-state", "loaded");
      })
      .catch(function (err) {
        failed(el, url.href, err);
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
