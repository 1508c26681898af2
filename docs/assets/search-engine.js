/* Site search: the page's language only, Vietnamese with or without diacritics, no dependencies.
   search.js loads this file, and starts fetching the index (search/<lang>.json, written by
   hooks/sitegen/search_index.py), when the reader focuses the search box or types.
   `fold` is the twin of sitegen.slugs.fold; both are tested on the same table
   (tests/search_fold_cases.json). */
(function () {
  "use strict";

  var MARKS = /\p{M}/gu;
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  // Vietnamese tone marks (grave, acute, tilde, hook above, dot below): "hóa" and "hoá" differ only in
  // which vowel carries the tone, so the exact key moves the tone to the end of the word
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var WEIGHTS = [10, 4, 1]; // page title, section heading, section text
  var MAX_RESULTS = 10;

  /** Lower-case text without diacritics, đ → d: `Đổi mới` → `doi moi` (as sitegen.slugs.fold). */
  function fold(text) {
    return text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(MARKS, "")
      .normalize("NFC")
      .toLowerCase();
  }

  /** The accented form with the tone mark's placement ignored: hóa and hoá give the same key. */
  function exactKey(word) {
    var decomposed = word.normalize("NFC").toLowerCase().normalize("NFD");
    var tones = decomposed.match(TONES) || [];
    return decomposed.replace(TONES, "") + tones.join("");
  }

  /** A light English stemmer: plurals, -ing and -ed, final e (budgets, budgeting → budget). */
  function stemEnglish(word) {
    if (word.length <= 3 || /\d/.test(word)) return word;
    if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + "y";
    if (/(ss|us|is)$/.test(word)) return word;
    if (/(sses|xes|ches|shes|zes)$/.test(word)) word = word.slice(0, -2);
    else if (/s$/.test(word)) word = word.slice(0, -1);
    var suffix = /(ing|ed)$/.exec(word);
    var base = suffix ? word.slice(0, -suffix[0].length) : "";
    if (base.length >= 4 && /[aeiouy]/.test(base)) {
      word = /([bdgmnprt])\1$/.test(base) ? base.slice(0, -1) : base; // planned → plan
    }
    return word.length > 3 ? word.replace(/e$/, "") : word;
  }

  var wordKeys = new Map(); // a site uses a few thousand distinct words: normalise each once

  function keysOf(word, lang) {
    var keys = wordKeys.get(lang + ":" + word);
    if (!keys) {
      var folded = fold(word);
      keys = { exact: exactKey(word), key: lang === "en" ? stemEnglish(folded) : folded };
      wordKeys.set(lang + ":" + word, keys);
    }
    return keys;
  }

  function tokens(text, lang) {
    var out = [];
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var keys = keysOf(match[0], lang);
      out.push({ start: match.index, end: match.index + match[0].length, exact: keys.exact, key: keys.key });
    }
    return out;
  }

  /** Parses the index into searchable sections with a posting list from folded key to sections. */
  function prepare(index, lang) {
    var docs = [];
    var postings = new Map();
    index.pages.forEach(function (page) {
      var titleTokens = tokens(page.title, lang);
      var siblings = [];
      page.sections.forEach(function (section) {
        var doc = {
          url: page.url + (section[0] ? "#" + section[0] : ""),
          fields: [page.title, section[1], section[2]],
          tokens: [titleTokens, tokens(section[1], lang), tokens(section[2], lang)],
          order: docs.length,
          priority: page.priority || 0,
          siblings: siblings,
        };
        siblings.push(doc);
        doc.tokens.forEach(function (list) {
          list.forEach(function (token) {
            var set = postings.get(token.key);
            if (!set) postings.set(token.key, (set = new Set()));
            set.add(doc.order);
          });
        });
        docs.push(doc);
      });
    });
    return { docs: docs, postings: postings, keys: Array.from(postings.keys()), lang: lang };
  }

  function parseQuery(query, lang) {
    var text = query.normalize("NFC");
    var terms = tokens(text, lang);
    // the word being typed matches as a prefix (search as you type); finished words match whole
    var typing = terms.length > 0 && terms[terms.length - 1].end === text.length;
    return terms.map(function (term, i) {
      return { exact: term.exact, key: term.key, prefix: typing && i === terms.length - 1 };
    });
  }

  function matches(term, token) {
    return token.key === term.key || (term.prefix && token.key.lastIndexOf(term.key, 0) === 0);
  }

  /** 8 exact word, 4 same word without accents (or same English stem), 2 / 1 the same as a prefix. */
  function quality(term, token) {
    if (token.key === term.key) return token.exact === term.exact ? 8 : 4;
    if (term.prefix && token.key.lastIndexOf(term.key, 0) === 0) {
      return token.exact.lastIndexOf(term.exact, 0) === 0 ? 2 : 1;
    }
    return 0;
  }

  function phraseAt(terms, list) {
    for (var i = 0; i + terms.length <= list.length; i++) {
      var all = true;
      for (var j = 0; j < terms.length && all; j++) all = matches(terms[j], list[i + j]);
      if (all) return true;
    }
    return false;
  }

  /** How well a section matches, or null when a word of the query does not occur in it. */
  function rank(doc, terms) {
    var total = 0;
    var exactTerms = 0; // words found as typed, accents included: these rank above folded matches
    for (var t = 0; t < terms.length; t++) {
      var termScore = 0;
      var exact = false;
      for (var f = 0; f < 3; f++) {
        var best = 0;
        var list = doc.tokens[f];
        for (var k = 0; k < list.length && best < 8; k++) best = Math.max(best, quality(terms[t], list[k]));
        termScore += best * WEIGHTS[f];
        exact = exact || best === 8 || best === 2;
      }
      if (termScore === 0) return null; // every word of the query must occur
      total += termScore;
      if (exact) exactTerms += 1;
    }
    if (terms.length > 1) {
      for (var g = 0; g < 3; g++) if (phraseAt(terms, doc.tokens[g])) total += 6 * WEIGHTS[g];
    }
    var first = firstMatch(doc.tokens[2], terms);
    return {
      doc: doc,
      terms: terms,
      // on a tie, the decision's own text (home, decision, group pages) before news and notes about it
      key: [exactTerms, total, doc.priority, first ? -first.start : -Infinity, -doc.fields[2].length, -doc.order],
    };
  }

  /** The first word matching a query word whole, else the first matching one as a prefix. */
  function firstMatch(list, terms) {
    return (
      list.find(function (token) {
        return terms.some(function (term) { return token.key === term.key; });
      }) ||
      list.find(function (token) {
        return terms.some(function (term) { return matches(term, token); });
      })
    );
  }

  // exact words first, then score; ties go to the decision's own pages, the earlier match in the text, the
  // shorter section, index order
  function better(hit, other) {
    for (var i = 0; i < hit.key.length; i++) {
      if (hit.key[i] !== other.key[i]) return hit.key[i] > other.key[i];
    }
    return false;
  }

  function candidates(prepared, term) {
    var found = new Set();
    var keys = term.prefix
      ? prepared.keys.filter(function (key) { return key.lastIndexOf(term.key, 0) === 0; })
      : [term.key];
    keys.forEach(function (key) {
      var set = prepared.postings.get(key);
      if (set) set.forEach(function (order) { found.add(order); });
    });
    return found;
  }

  /** The best section of each matching page, best first: [{doc, terms, key}]. */
  function search(prepared, query) {
    var terms = parseQuery(query, prepared.lang);
    if (terms.length === 0) return [];
    var pool = null;
    terms.forEach(function (term) {
      var found = candidates(prepared, term);
      pool = pool === null ? found : new Set(Array.from(pool).filter(function (o) { return found.has(o); }));
    });
    var bestByPage = new Map();
    pool.forEach(function (order) {
      var hit = rank(prepared.docs[order], terms);
      if (!hit) return;
      var current = bestByPage.get(hit.doc.siblings);
      if (!current || better(hit, current)) bestByPage.set(hit.doc.siblings, hit);
    });
    return Array.from(bestByPage.values()).sort(function (a, b) {
      return better(a, b) ? -1 : better(b, a) ? 1 : 0;
    });
  }

  /** Appends text to an element, the words matching the query wrapped in <mark>. */
  function appendHighlighted(element, text, list, terms, from, to) {
    var position = from;
    list.forEach(function (token) {
      if (token.start < from || token.end > to) return;
      if (!terms.some(function (term) { return matches(term, token); })) return;
      element.append(text.slice(position, token.start));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(token.start, token.end);
      element.append(mark);
      position = token.end;
    });
    element.append(text.slice(position, to));
  }

  /** About 170 characters around the first matching word of the section text. */
  function snippetRange(text, list, terms) {
    if (text.length <= 180) return [0, text.length];
    var first = firstMatch(list, terms);
    var start = first ? Math.max(0, first.start - 50) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 170);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return [start, end];
  }

  function renderHit(hit, root) {
    var doc = hit.doc;
    var item = document.createElement("li");
    item.className = "site-search__result";
    // when the page's title holds every word, the result is the page itself, not one of its sections
    var wholePage = hit.terms.every(function (term) {
      return doc.tokens[0].some(function (token) { return matches(term, token); });
    });
    var link = document.createElement("a");
    link.href = new URL(wholePage ? doc.url.split("#")[0] : doc.url, root).href;
    var title = document.createElement("span");
    title.className = "site-search__title";
    appendHighlighted(title, doc.fields[0], doc.tokens[0], hit.terms, 0, doc.fields[0].length);
    link.append(title);
    if (!wholePage && doc.fields[1]) {
      var heading = document.createElement("span");
      heading.className = "site-search__heading";
      appendHighlighted(heading, doc.fields[1], doc.tokens[1], hit.terms, 0, doc.fields[1].length);
      link.append(" ", heading);
    }
    item.append(link);
    // the snippet comes from the best section, or from the page's first section whose text matches
    var source = firstMatch(doc.tokens[2], hit.terms) ? doc : doc.siblings.find(function (sibling) {
      return firstMatch(sibling.tokens[2], hit.terms);
    }) || doc;
    var text = source.fields[2];
    if (text) {
      var range = snippetRange(text, source.tokens[2], hit.terms);
      var snippet = document.createElement("p");
      snippet.className = "site-search__snippet";
      if (range[0] > 0) snippet.append("… ");
      appendHighlighted(snippet, text, source.tokens[2], hit.terms, range[0], range[1]);
      if (range[1] < text.length) snippet.append(" …");
      item.append(snippet);
    }
    return item;
  }

  function setUp(form) {
    var input = form.querySelector(".site-search__input");
    var status = form.querySelector(".site-search__status");
    var list = form.querySelector(".site-search__results");
    var lang = form.dataset.lang;
    var indexUrl = new URL(form.dataset.index, location.href);
    var root = new URL("../", indexUrl); // the index lives in <site root>/search/
    var loading = null;

    function load() {
      if (!loading) {
        // search.js started the download in parallel with this file's
        loading = (form.siteSearchIndex || fetchIndex(indexUrl.href)).then(function (index) {
          return prepare(index, lang);
        });
        loading.catch(function () {
          loading = null; // a later keystroke tries again
          form.siteSearchIndex = null;
        });
      }
      return loading;
    }

    function show() {
      var query = input.value;
      if (!query.trim()) {
        list.replaceChildren();
        list.hidden = true;
        status.textContent = "";
        form.dataset.query = query;
        return;
      }
      if (!form.dataset.ready) status.textContent = form.dataset.loading;
      load().then(
        function (prepared) {
          form.dataset.ready = "true";
          if (input.value !== query) return; // the reader typed on; that keystroke renders
          var hits = search(prepared, query); // the status counts them all, the list shows the best
          var shown = hits.slice(0, MAX_RESULTS);
          list.replaceChildren.apply(list, shown.map(function (hit) { return renderHit(hit, root); }));
          list.hidden = hits.length === 0;
          status.textContent =
            hits.length === 0 ? form.dataset.none
              : hits.length === 1 ? form.dataset.one
                : form.dataset.other.replace("{n}", String(hits.length));
          form.dataset.query = query; // tests and the benchmark wait for this
        },
        function () {
          if (input.value === query) status.textContent = form.dataset.error;
        }
      );
    }

    load();
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        show();
      } else if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // Enter opens the first result
      var first = list.hidden ? null : list.querySelector("a");
      if (first) location.href = first.href;
    });
    if (input.value) show(); // typed while this file loaded, or restored by the back button
  }

  function fetchIndex(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  window.siteSearch = { fold: fold, exactKey: exactKey, stemEnglish: stemEnglish };
  document.querySelectorAll("form.site-search__form").forEach(setUp);
})();
