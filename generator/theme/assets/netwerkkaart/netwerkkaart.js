/* Netwerkkaart: municipality picker, A-Z filters and Pagefind search with Dutch synonyms.
 * Runs on every page load, also after mkdocs-material's instant navigation (document$).
 * Nothing typed or chosen here leaves the browser: searches run on the downloaded index. */
(function () {
  "use strict";

  // Abbreviations people use -> the words on the pages.
  var SYNONYMS = {
    "ocmw": "sociaal huis",
    "k&g": "kind en gezin",
    "k en g": "kind en gezin",
    "kg": "kind en gezin",
    "hvhk": "huis van het kind",
    "hvk": "huis van het kind",
    "clb": "centrum voor leerlingenbegeleiding",
    "caw": "centrum algemeen welzijnswerk",
    "cgg": "centrum geestelijke gezondheidszorg",
    "jac": "jongerenadviescentrum",
    "lop": "lokaal overlegplatform",
    "bko": "buitenschoolse kinderopvang",
    "svk": "sociaal verhuurkantoor",
    "1g1p": "1 gezin 1 plan"
  };

  function siteRoot() {
    var css = document.querySelector('link[href*="assets/netwerkkaart/netwerkkaart.css"]');
    return css ? css.href.replace(/assets\/netwerkkaart\/netwerkkaart\.css.*$/, "") : new URL("/", location.href).href;
  }

  function expand(query) {
    var q = " " + query.toLowerCase().replace(/\s+/g, " ").trim() + " ";
    Object.keys(SYNONYMS).forEach(function (short) {
      q = q.split(" " + short + " ").join(" " + SYNONYMS[short] + " ");
    });
    return q.trim();
  }

  function initPick(root) {
    root.querySelectorAll("form[data-nk-pick]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var select = form.querySelector("select");
        if (select && select.value) location.assign(new URL(select.value, location.href).href);
      });
    });
  }

  function initFilters(root) {
    var form = root.querySelector("form[data-nk-filters]");
    var list = root.querySelector("[data-nk-directory]");
    if (!form || !list) return;
    var rows = Array.prototype.slice.call(list.querySelectorAll("li"));
    var count = root.querySelector("[data-nk-count]");
    function apply() {
      var wanted = {};
      form.querySelectorAll("[data-filter]").forEach(function (field) {
        wanted[field.getAttribute("data-filter")] = field.value.trim();
      });
      var age = wanted.leeftijd === "" ? null : Number(wanted.leeftijd);
      var shown = 0;
      rows.forEach(function (row) {
        var ok = ["gemeenten", "domeinen", "talen", "kost"].every(function (key) {
          return !wanted[key] || (" " + row.getAttribute("data-" + key) + " ").indexOf(" " + wanted[key] + " ") >= 0;
        });
        if (ok && age !== null && !isNaN(age)) {
          ok = Number(row.getAttribute("data-van")) <= age && age <= Number(row.getAttribute("data-tot"));
        }
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = String(shown);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      var root = siteRoot();
      // Load the engine and the index metadata as soon as the search page opens, not on the first query.
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        return module.options({ baseUrl: new URL(root).pathname })
          .then(function () { return module.init(); })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function initHomeSearch(root) {
    root.querySelectorAll("form.nk-search-form:not([data-nk-search])").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var q = form.querySelector("input").value.trim();
        // The query goes in the fragment: browsers never send it to the server.
        location.assign(new URL(form.getAttribute("action"), location.href).href + "#q=" + encodeURIComponent(q));
      });
    });
  }

  function initSearch(root) {
    var form = root.querySelector("form[data-nk-search]");
    if (!form) return;
    var input = form.querySelector("input");
    var status = root.querySelector("[data-nk-search-status]");
    var results = root.querySelector("[data-nk-results]");
    var latest = 0;
    function item(data) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = data.url;
      a.textContent = (data.meta && data.meta.title) || data.url;
      var p = document.createElement("p");
      p.className = "nk-excerpt";
      p.innerHTML = data.excerpt;  // Pagefind escapes the page text and only adds <mark>
      li.appendChild(a);
      li.appendChild(p);
      return li;
    }
    function say(count, query) {
      status.textContent = count ? count + " resultaten voor \u201c" + query + "\u201d"
                                 : "Niets gevonden voor \u201c" + query + "\u201d. Probeer een ander woord.";
    }
    function run() {
      var query = input.value.trim();
      var mine = ++latest;
      if (!query) { results.innerHTML = ""; status.textContent = ""; return; }
      history.replaceState(null, "", "#q=" + encodeURIComponent(query));
      loadPagefind().then(function (pf) {
        var expanded = expand(query);
        var searches = [pf.search(expanded)];
        if (expanded !== query.toLowerCase()) searches.push(pf.search(query));
        return Promise.all(searches);
      }).then(function (all) {
        if (mine !== latest) return;
        var seen = {};
        var merged = [];
        all.forEach(function (search) {
          search.results.forEach(function (r) { if (!seen[r.id]) { seen[r.id] = 1; merged.push(r); } });
        });
        merged = merged.slice(0, 20);
        results.innerHTML = "";
        say(merged.length, query);
        // Show the first results as soon as they arrive; the rest follow in order.
        var slots = merged.map(function () {
          var li = document.createElement("li");
          li.hidden = true;
          results.appendChild(li);
          return li;
        });
        merged.forEach(function (r, i) {
          r.data().then(function (data) {
            if (mine !== latest) return;
            var filled = item(data);
            results.replaceChild(filled, slots[i]);
          });
        });
      }).catch(function () {
        status.textContent = "Zoeken lukt nu niet. Gebruik de lijst van A tot Z.";
      });
    }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
      var query = input.value.trim();
      if (query) loadPagefind().then(function (pf) { pf.preload(expand(query)); });  // fetch index chunks while typing
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    var match = location.hash.match(/^#q=(.*)$/);
    if (match) { input.value = decodeURIComponent(match[1]); run(); }
    loadPagefind();
  }

  function init() {
    var root = document;
    initPick(root);
    initFilters(root);
    initHomeSearch(root);
    initSearch(root);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
