/* Shows the search box and, when the reader first focuses it or types, loads search-engine.js and
   starts fetching this language's index at the same time: a visit without a search pays ~1 KB. */
(function () {
  "use strict";
  document.querySelectorAll("form.site-search__form").forEach(function (form) {
    var input = form.querySelector(".site-search__input");

    function start() {
      input.removeEventListener("focus", start);
      input.removeEventListener("input", start);
      form.siteSearchIndex = fetch(form.dataset.index).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.json();
      });
      form.siteSearchIndex.catch(function () {}); // the engine reports failures, and retries
      var script = document.createElement("script");
      script.src = form.dataset.engine;
      script.onerror = function () {
        form.querySelector(".site-search__status").textContent = form.dataset.error;
        script.remove();
        input.addEventListener("input", start); // try again on the next keystroke
      };
      document.head.append(script);
    }

    input.addEventListener("focus", start);
    input.addEventListener("input", start);
    form.hidden = false;
  });
})();
