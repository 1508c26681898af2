/* The few behaviours of Material's 31 KB bundle that this site's readers use, in 1 KB (issue 17):
   back-to-top while scrolling up, and the phone menu (drawer) reachable and closable from the keyboard.
   Everything else works without script: links, the language switch, the drawer (a checkbox). */
(function () {
  "use strict";
  var top = document.querySelector("[data-md-component=top]");
  var drawer = document.getElementById("__drawer");
  var lastY = window.scrollY;

  /* Material's rule: back-to-top shows while the reader scrolls up, past the page's first screen */
  function onScroll() {
    var y = window.scrollY;
    if (top && document.activeElement !== top) top.hidden = !(y < lastY && y > window.innerHeight / 2);
    lastY = y;
  }

  if (top) {
    top.addEventListener("click", function () {
      window.scrollTo({ top: 0 });
      top.blur();
      top.hidden = true;
    });
  }

  /* The menu button is a <label> for a checkbox: make it a keyboard button that says its state */
  if (drawer) {
    var opener = document.querySelector(".md-header label[for=__drawer]");
    function sync() {
      if (opener) opener.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    }
    if (opener) {
      var menu = document.querySelector(".md-nav--primary[aria-label]");
      opener.setAttribute("role", "button");
      if (menu) opener.setAttribute("aria-label", menu.getAttribute("aria-label")); /* the theme's word */
      opener.setAttribute("tabindex", "0");
      opener.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        drawer.checked = !drawer.checked;
        sync();
        if (drawer.checked) {
          var first = document.querySelector(".md-sidebar--primary a");
          if (first) first.focus();
        }
      });
    }
    drawer.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        sync();
        if (opener) opener.focus();
      }
    });
    /* a link inside the open menu (an anchor on this page) closes it */
    document.querySelectorAll(".md-sidebar--primary a").forEach(function (link) {
      link.addEventListener("click", function () {
        drawer.checked = false;
        sync();
      });
    });
    sync();
  }

  window.addEventListener("scroll", onScroll, { passive: true });
  onScroll();
})();
