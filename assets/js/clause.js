/* clause: optional enhancements. The site works fully without this script.
   - The table of contents starts closed on narrow screens, where it would
     stand between the title and the text.
   - The policy menu closes on Escape and on a click outside it.
   - The table-of-contents entry of the section being read is marked. */
(function () {
  "use strict";
  var wide = window.matchMedia ? window.matchMedia("(min-width: 64rem)") : { matches: true };

  var details = document.querySelector(".toc-details");
  if (details && !wide.matches) details.removeAttribute("open");

  var menu = document.querySelector(".site-menu");
  if (menu) {
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (menu.open && !menu.contains(e.target)) menu.open = false;
    });
  }

  var toc = document.querySelector(".has-toc > .toc");
  if (!toc) return;
  var links = {}, heads = [];
  toc.querySelectorAll('a[href^="#"]').forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    var h = document.getElementById(id);
    if (h) { links[id] = a; heads.push(h); }
  });
  if (!heads.length) return;
  var current = null;
  function mark(id) {
    if (id === current) return;
    if (current && links[current]) links[current].removeAttribute("aria-current");
    current = id;
    if (id && links[id]) links[id].setAttribute("aria-current", "location");
  }
  // The section being read is the last one whose heading has passed the
  // upper third of the window; at the very end of the page, where the
  // last short sections can never reach that line, it is the last
  // heading on screen.
  function update() {
    pending = false;
    if (getComputedStyle(toc).position !== "sticky") { mark(null); return; }
    var line = window.innerHeight / 3, id = null;
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    for (var i = 0; i < heads.length; i++) {
      var top = heads[i].getBoundingClientRect().top;
      if (top <= line || (atEnd && top < window.innerHeight)) id = heads[i].id;
    }
    mark(id);
  }
  var pending = false;
  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(update); }
  }
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  schedule();
})();
