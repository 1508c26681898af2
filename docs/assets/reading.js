/* Reading aids, no third-party code: copy the citation, share the page, keep the #anchor when the
   language changes. Without JavaScript the buttons stay hidden and the text stays selectable. */
(function () {
  "use strict";

  function say(button, message) {
    var status = button.parentNode.querySelector(".reading-status");
    if (status) status.textContent = message;
  }

  /* Fallback for browsers without the Clipboard API (or on plain http): a selected textarea */
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(area);
    return done;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyBySelection(text); }
      );
    }
    return Promise.resolve(copyBySelection(text));
  }

  function setUpCopy(button) {
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(source.textContent.trim()).then(function (done) {
        say(button, button.getAttribute(done ? "data-done" : "data-failed"));
      });
    });
  }

  function setUpShare(button) {
    if (typeof navigator.share !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({
        title: button.getAttribute("data-share-title"),
        url: button.getAttribute("data-share-url"),
      }).catch(function () { /* the reader closed the share sheet */ });
    });
  }

  /* The switch links point at the counterpart page; the paragraph anchors are the same there */
  function switchLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }

  function keepAnchorOnLanguageSwitch() {
    Array.prototype.forEach.call(switchLinks(), function (link) {
      var url = new URL(link.href, document.baseURI);
      url.hash = window.location.hash;
      link.href = url.href;
    });
  }

  /* Material's own handler for language links rebuilds the address from its sitemap and drops the
     #anchor; our link already names the counterpart page, so the browser simply follows it. */
  function followSwitchLinksAsWritten() {
    Array.prototype.forEach.call(switchLinks(), function (link) {
      link.addEventListener("click", function (event) {
        keepAnchorOnLanguageSwitch();
        event.stopPropagation();
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("button.copy-button"), setUpCopy);
    Array.prototype.forEach.call(document.querySelectorAll("button.share-button"), setUpShare);
    keepAnchorOnLanguageSwitch();
    followSwitchLinksAsWritten();
    window.addEventListener("hashchange", keepAnchorOnLanguageSwitch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
