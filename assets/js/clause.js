/* clause: optional enhancement. Marks the table-of-contents entry of the
   section being read. The site works fully without this script. */
(function () {
  "use strict";
  var toc = document.querySelector(".has-toc > .toc");
  if (!toc || !("IntersectionObserver" in window)) return;
  var links = {}, heads = [];
  toc.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    var h = document.getElementById(id);
    if (h) { links[id] = a; heads.push(h); }
  });
  if (!heads.length) return;
  var current = null, visible = {};
  function mark(id) {
    if (id === current) return;
    if (current && links[current]) links[current].removeAttribute("aria-current");
    current = id;
    if (id && links[id]) links[id].setAttribute("aria-current", "location");
  }
  var io = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
    // Only highlight when the TOC is a sticky sidebar (wide screens).
    if (getComputedStyle(toc).position !== "sticky") { mark(null); return; }
    for (var i = 0; i < heads.length; i++) {
      if (visible[heads[i].id]) { mark(heads[i].id); return; }
    }
  }, { rootMargin: "0px 0px -60% 0px" });
  heads.forEach(function (h) { io.observe(h); });
})();
