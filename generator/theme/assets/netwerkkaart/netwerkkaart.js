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

  function safeDecode(text) {
    try { return decodeURIComponent(text); } catch (e) { return ""; }
  }

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

  // "Nu open" / "Vandaag open" (nk-open.js): the state of the row's hours at this moment.
  function openNow(row, which, now) {
    var el = row.querySelector("[data-nk-open], [data-nk-open-ref]");  // the hours once per page: pages.py share_hours
    if (!el || !window.NKOpen) return false;
    var s = window.NKOpen.state(window.NKOpen.hoursOf(el), now);
    return which === "nu" ? s.open : s.today;
  }

  function initFilters(root) {
    var form = root.querySelector("form[data-nk-filters]");
    var list = root.querySelector("[data-nk-directory]");
    if (!form || !list) return;
    var rows = Array.prototype.slice.call(list.querySelectorAll("li"));
    var count = root.querySelector("[data-nk-count]");
    var none = root.querySelector("[data-nk-none]");
    function apply() {
      var wanted = {};
      form.querySelectorAll("[data-filter]").forEach(function (field) {
        wanted[field.getAttribute("data-filter")] = field.value.trim();
      });
      var age = wanted.leeftijd === "" ? null : Number(wanted.leeftijd);
      var now = new Date();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = ["gemeenten", "domeinen", "talen", "kost", "afspraak", "beroepsgeheim", "brede"].every(function (key) {
          return !wanted[key] || (" " + row.getAttribute("data-" + key) + " ").indexOf(" " + wanted[key] + " ") >= 0;
        });
        if (ok && age !== null && !isNaN(age)) {
          ok = Number(row.getAttribute("data-van")) <= age && age <= Number(row.getAttribute("data-tot"));
        }
        if (ok && wanted.open) ok = openNow(row, wanted.open, now);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = String(shown);
      if (none) none.hidden = shown > 0;  // 0 results: say so and offer the way back
    }
    var reset = root.querySelector("[data-nk-reset]");
    if (reset) reset.addEventListener("click", function () {
      form.reset();
      apply();
      var first = form.querySelector("select, input");
      if (first) first.focus();
    });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    document.addEventListener("nk-open-tick", function () { if (document.body.contains(form)) apply(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  var pagefind = null;
  var GROUP_FILTER = "nkgroep";  // each index's group as a filter (see withoutFallback)
  var SITE_GROUP = "-";  // the group filter of the site-wide index (pagefind/)
  // Offline (a saved region), the index parts of other regions cannot be fetched: Pagefind's worker then
  // rejects promises Pagefind itself does not wait for. The search says so on the page (status, offline
  // note); these rejections are not errors of the page, so they do not reach the console.
  var pagefindGuard = false;
  function guardPagefind() {
    if (pagefindGuard) return;
    pagefindGuard = true;
    window.addEventListener("unhandledrejection", function (event) {
      var reason = event.reason;
      if (reason && /\/pagefind\/pagefind[\w-]*\.js/.test(String(reason.stack || ""))) event.preventDefault();
    });
  }
  function loadPagefind() {
    guardPagefind();
    if (!pagefind) {
      var root = siteRoot();
      // Load the engine and the index metadata as soon as the search page opens, not on the first query.
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        var own = {}; own[GROUP_FILTER] = SITE_GROUP;
        return module.options({ baseUrl: new URL(root).pathname, mergeFilter: own })
          .then(function () { return module.init(); })
          .then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // One index per group of regions (search.py: pagefind/regio/<group>/; termen.json "groepen": region ->
  // group) beside the site-wide one in pagefind/, merged into the one search with Pagefind's mergeIndex
  // when a query needs it: a query with a place only the groups of that place's regions (and of partners
  // of another region that work there, "ook"), any other query every group. A group merged once stays
  // merged for later queries on this page.
  var merged = {};  // group name -> promise: true once its index is part of the search
  function indexesFor(read, data) {
    if (!read.place) return data.indexen || [];
    var groups = data.groepen || {};
    var regions = read.place.regions.slice();
    read.place.nis.forEach(function (nis) {
      ((data.ook || {})[nis] || []).forEach(function (id) { if (regions.indexOf(id) < 0) regions.push(id); });
    });
    var ids = [];
    regions.forEach(function (id) {
      var group = groups[id] || id;
      if (ids.indexOf(group) < 0) ids.push(group);
    });
    return ids;
  }
  function mergeRegions(pf, ids) {
    var root = siteRoot();
    return Promise.all(ids.map(function (id) {
      if (!merged[id]) {
        var url = new URL("pagefind/regio/" + encodeURIComponent(id) + "/", root);
        // First a look at the index's entry: offline, a region that was not saved cannot be merged, and
        // a merge that fails inside Pagefind would make every later search fail.
        merged[id] = fetch(url.href + "pagefind-entry.json").then(function (r) {
          if (!r.ok) throw new Error(r.status);
          var own = {}; own[GROUP_FILTER] = id;
          return pf.mergeIndex(url.pathname, { baseUrl: new URL(root).pathname, mergeFilter: own });
        }).then(function () { wordGroups = {}; return true; }, function () { delete merged[id]; return false; });
      }
      return merged[id];
    }));
  }

  // No fallback noise. A word that is in no page of an index makes Pagefind search that index for the
  // longest start of the word that is ("4321": "432", Pagefind's pull request 315; no option turns it
  // off): with several indexes merged, a partner's name or number found in one group brought hundreds of
  // pages of the other groups. Each merged index carries its group as a filter (GROUP_FILTER, Pagefind's
  // mergeFilter); an exact search ('"word"': whole words only, no fallback) tells in which groups each
  // word itself is, and a search then keeps to the groups that hold every such word. A word that is
  // itself in no group (a start typed, a typo) keeps Pagefind's own matching.
  var wordGroups = {};  // word -> promise of the groups whose pages have the word itself (emptied on a merge)
  function groupsWith(pf, word) {
    if (!wordGroups[word]) {
      wordGroups[word] = pf.search('"' + word + '"').then(function (found) {
        var counts = (found.filters || {})[GROUP_FILTER] || {};
        return Object.keys(counts).filter(function (g) { return counts[g] > 0; });
      }, function () { return []; });
    }
    return wordGroups[word];
  }
  function withoutFallback(pf, term, filters) {
    var words = fold(term).replace(/"/g, " ").split(" ").filter(Boolean);
    return Promise.all(words.map(function (w) { return groupsWith(pf, w); })).then(function (found) {
      var allowed = null;
      found.forEach(function (groups) {
        if (!groups.length) return;
        allowed = allowed ? allowed.filter(function (g) { return groups.indexOf(g) >= 0; }) : groups;
      });
      if (!allowed || !allowed.length) return filters;
      var kept = {};
      Object.keys(filters).forEach(function (k) { kept[k] = filters[k]; });
      kept[GROUP_FILTER] = { any: allowed };
      return kept;
    });
  }

  // Places and question words (search.py writes zoeken/termen.json): which municipality a query names,
  // and which of the families' questions its words belong to. Without them, search still works by text.
  var terms = null;
  function loadTerms() {
    if (!terms) {
      terms = fetch(siteRoot() + "zoeken/termen.json").then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (data) {
        data.vragen.forEach(function (q) { q.pattern = wordsPattern(q.w); });
        return data;
      }).catch(function () { return { plaatsen: {}, regios: {}, pagina: {}, vragen: [], indexen: [], groepen: {}, ook: {} }; });
    }
    return terms;
  }

  // As search.py's fold(): the same letters, case and dashes, so "Sint-Amands" finds "sint-amands".
  function fold(text) {
    return text.normalize("NFKC").replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, "")
      .replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s+/g, " ").trim().toLowerCase().replace(/ - /g, "-");
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // A question's words as whole words, or with a plural ending (as vragen.py matches partners' texts).
  function wordsPattern(words) {
    var alternatives = words.slice().sort(function (a, b) { return b.length - a.length; }).map(escapeRegExp);
    return new RegExp("(^|[^\\p{L}\\p{N}])(?:" + alternatives.join("|") + ")(?:s|en|n)?(?=$|[^\\p{L}\\p{N}])", "u");
  }

  // {place: {nis: [...], regions: [...], text} or null, rest: the query without the place,
  //  questions: [the questions the rest's words belong to]}
  function readQuery(query, data) {
    var words = fold(query).split(" ");
    var place = null;
    var rest = words;
    // the longest run of words that is a place name, deelgemeente or postcode ("sint-katelijne-waver", "9200")
    for (var size = Math.min(4, words.length); size >= 1 && !place; size--) {
      for (var start = 0; start + size <= words.length; start++) {
        var name = words.slice(start, start + size).join(" ");
        if (Object.prototype.hasOwnProperty.call(data.plaatsen, name)) {
          var nis = data.plaatsen[name];
          place = { nis: nis, text: name, regions: nis.map(function (n) { return data.regios[n]; }).filter(Boolean) };
          rest = words.slice(0, start).concat(words.slice(start + size));
          break;
        }
      }
    }
    var restText = rest.join(" ").trim();
    var questions = restText ? data.vragen.filter(function (q) { return q.pattern.test(restText); }) : [];
    // Only a question's words were typed ("geldproblemen", "huur niet betalen"): the family's need.
    var left = " " + restText + " ";
    questions.forEach(function (q) { left = left.replace(new RegExp(q.pattern.source, "gu"), "$1"); });
    return { place: place, rest: restText, questions: questions, need: questions.length > 0 && !left.trim() };
  }

  var PAGE = 20;  // results shown at once; "Meer resultaten" shows the next ones

  // The searches for a query, best first. Each is [words, filters, the questions its results help with].
  // A question is searched by its own hidden word on the pages of the partners that answer it (search.py):
  // a search by filters alone would fetch the whole index. Only a place ("Zele", "2390", "Grembergen"):
  // its municipality page, then everything as typed. A place and something more ("schulden Hamme",
  // "opvang 9200"): partners with an address in that place that help with the question, then those with
  // the words, then the same for partners working there (their werkgebied or the whole region); then
  // everything as typed. Without a place: the partners that help with the question when only its words
  // were typed ("geldproblemen" is in no text), else as typed first; the long form of an abbreviation
  // (OCMW: sociaal huis) after that.
  function plan(query, read, data) {
    var expanded = expand(query);
    var synonym = expanded !== query.toLowerCase();
    var steps = [];
    function helping(filters) {
      read.questions.forEach(function (q) { steps.push([q.t, filters, [q]]); });
    }
    if (read.place && !read.rest) {
      read.place.nis.forEach(function (nis) { if (data.pagina[nis]) steps.push([data.pagina[nis], {}, []]); });
    }
    if (read.need && !read.place && !synonym) helping({});
    if (read.place && read.rest) {
      var here = { adres: { any: read.place.nis } };
      var around = { any: [{ plaats: { any: read.place.nis } }].concat(
        read.place.regions.length ? [{ regio: { any: read.place.regions } }] : []) };
      var rest = expand(read.rest);
      [here, around].forEach(function (where) {
        helping(where);
        steps.push([rest, where, []]);
      });
    }
    steps.push([query, {}, []]);
    if (synonym) steps.push([expanded, {}, []]);
    helping({});
    return steps;
  }

  // A search form that opens the search page (the home page's form shows its results in place).
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
    var more = root.querySelector("[data-nk-more]");
    var latest = 0;
    var found = [];  // [{result, questions}] of the latest query, in order
    var listed = 0;
    var titles = {};  // title -> the list items with that title (the region's name is added to repeats)
    // The excerpt is page text with <mark> around hits; rebuild it from text nodes, not innerHTML.
    function markExcerpt(target, excerpt) {
      var probe = document.createElement("template");
      probe.innerHTML = excerpt;  // a template is inert: nothing in it runs or loads
      probe.content.childNodes.forEach(function (child) {
        if (child.nodeType === 1 && child.tagName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          target.appendChild(mark);
        } else {
          target.appendChild(document.createTextNode(child.textContent));
        }
      });
    }
    function item(data, questions) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      var meta = data.meta || {};
      a.href = data.url;
      a.textContent = meta.title || data.url;
      li.appendChild(a);
      if (meta.regio) {
        var region = document.createElement("span");
        region.className = "nk-result-region";
        region.textContent = " \u00b7 " + meta.regio;
        region.hidden = true;
        li.appendChild(region);
      }
      var p = document.createElement("p");
      p.className = "nk-excerpt";
      // A partner: its own short description, not the words around a hit (labels, buttons); never
      // the hidden search words of search.py.
      if (meta.tekst) p.textContent = meta.tekst; else markExcerpt(p, data.excerpt.replace(/nk[a-z]{11}x/g, ""));
      li.appendChild(p);
      if (questions.length) {
        var why = document.createElement("p");
        why.className = "nk-result-why";
        why.textContent = "Helpt met: " + questions.map(function (q) { return q.v; }).join(" ");
        li.appendChild(why);
      }
      var same = titles[a.textContent] = (titles[a.textContent] || []).concat([li]);
      if (same.length > 1) {
        same.forEach(function (other) {
          var tag = other.querySelector(".nk-result-region");
          if (tag) tag.hidden = false;
        });
      }
      return li;
    }
    function fill(upTo, mine) {
      var slots = [];
      var first = null;
      while (listed < Math.min(upTo, found.length)) {
        var entry = found[listed];
        var slot = document.createElement("li");
        slot.hidden = true;
        results.appendChild(slot);
        listed += 1;
        var load = function (slot, entry) {
          return entry.result.data().then(function (data) {
            if (mine === latest) results.replaceChild(item(data, entry.questions), slot);
          }).catch(function () {});  // a fragment not saved for offline use: that result stays out
        }.bind(null, slot, entry);
        // The very first result's fragment alone, the others after it: fetched all at once, the
        // first waited behind up to 19 others (the browser opens a few connections at a time).
        if (listed === 1) slots.push(first = load());
        else if (first) slots.push(first.then(load, load));
        else slots.push(load());
      }
      if (more) more.hidden = listed >= found.length;
      return slots;
    }
    function say(count, query) {
      status.textContent = count ? count + " resultaten voor \u201c" + query + "\u201d"
                                 : "Niets gevonden voor \u201c" + query + "\u201d. Probeer een ander woord.";
    }
    function run() {
      var query = input.value.trim();
      var mine = ++latest;
      if (!query) { results.innerHTML = ""; status.textContent = ""; if (more) more.hidden = true; return; }
      history.replaceState(null, "", "#q=" + encodeURIComponent(query));
      Promise.all([loadPagefind(), loadTerms()]).then(function (loaded) {
        var read = readQuery(query, loaded[1]);
        return mergeRegions(loaded[0], indexesFor(read, loaded[1])).then(function () { return [loaded[0], read, loaded[1]]; });
      }).then(function (loaded) {
        if (mine !== latest) return null;
        var pf = loaded[0];
        var steps = plan(query, loaded[1], loaded[2]);
        var seen = {};
        found = [];
        listed = 0;
        titles = {};
        results.innerHTML = "";
        if (more) more.hidden = true;
        // One search after the other (they share this thread): the first results are on screen as
        // soon as the first search that finds something is done; the others add theirs below.
        function next(i) {
          if (mine !== latest) return null;
          if (i >= steps.length) { say(found.length, query); return null; }
          var step = steps[i];
          return withoutFallback(pf, step[0], step[1]).then(function (filters) {
            return pf.search(step[0], { filters: filters });
          }).then(function (search) {
            if (mine !== latest) return null;
            search.results.forEach(function (r) {
              if (!seen[r.id]) { seen[r.id] = 1; found.push({ result: r, questions: step[2] }); }
            });
            var slots = fill(PAGE, mine);
            return Promise.resolve(slots[0]).then(function () { return next(i + 1); });
          });
        }
        return next(0);
      }).catch(function () {
        status.textContent = "Zoeken lukt nu niet. Gebruik de lijst van A tot Z.";
      });
    }
    if (more) {
      more.addEventListener("click", function () {
        var first = listed;
        Promise.all(fill(listed + PAGE, latest)).then(function () {
          var link = results.children[first] && results.children[first].querySelector("a");
          if (link) link.focus();  // keyboard and screen reader users land on the first new result
        });
      });
    }
    var timer = null;
    function warm() { loadPagefind().catch(function () {}); loadTerms(); }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
      var query = input.value.trim();
      // Fetch the index chunks for the words as typed while typing (their synonyms are searched only
      // after the first results are on screen: preloading those too competed with the first search).
      // The indexes the query needs are merged first (a place typed: only its regions').
      if (query) {
        Promise.all([loadPagefind(), loadTerms()]).then(function (loaded) {
          return mergeRegions(loaded[0], indexesFor(readQuery(query, loaded[1]), loaded[1])).then(function () {
            return loaded[0].preload(query);
          });
        }).catch(function () {});
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
    var match = location.hash.match(/^#q=(.*)$/);
    if (match) { input.value = safeDecode(match[1]); run(); }
    // The search page loads the engine at once; the home page when the search box is about to be used.
    if (form.hasAttribute("data-nk-lazy") && !match) {
      input.addEventListener("focus", warm, { once: true });
      input.addEventListener("pointerenter", warm, { once: true });
    } else {
      warm();
    }
  }


  // -- lang: the family's language on the sheet (nk-taal.js). T(key, dutch, params) is the Dutch text
  // unless the family's language is chosen (l= in the address); Dutch free text is marked lang="nl",
  // names, addresses, numbers and links translate="no" (a browser's own translation leaves them alone).
  function T(key, dutch, params) { return window.NKTaal ? window.NKTaal.t(key, dutch, params) : dutch; }
  function lang() { return window.NKTaal ? window.NKTaal.current() : "nl"; }
  function nl(el) { if (window.NKTaal) window.NKTaal.dutch(el); return el; }
  function keep(el) { el.setAttribute("translate", "no"); return el; }
  // Numbers, addresses and links read left to right, also in an Arabic sheet ("052 47 55 20").
  function ltr(el) { el.setAttribute("dir", "ltr"); return keep(el); }
  function langDate(iso) { return lang() === "nl" || !window.NKTaal ? isoDate(iso) : window.NKTaal.date(iso); }
  // A sentence made from structured fields, in the family's language, with the partner's own words
  // (Dutch) after it; Dutch as on the site when no language is chosen.
  function sentences(keys, own, dutch) {
    if (lang() === "nl" || !keys.every(function (k) { return window.NKTaal.has(k); })) return nl(node("span", dutch));
    var cell = node("span", keys.map(function (k) { return T(k, ""); }).join(" "));
    if (own) { cell.appendChild(document.createTextNode(" ")); cell.appendChild(nl(node("span", own))); }
    return cell;
  }
  function hoursCell(words, structured, closed, reasons) {
    if (lang() === "nl" || !structured) return node("span", words.concat(closed ? [closed] : []).join("; "));
    var cell = node("span", window.NKTaal.hours(structured).concat(closed ? [closed] : []).join("; "));
    if (reasons && window.NKTaal.markDutch) window.NKTaal.markDutch(cell, reasons);  // lang2: "(kerstweek)"
    if (structured.ux) { cell.appendChild(document.createTextNode("; ")); cell.appendChild(nl(node("span", structured.ux))); }
    return cell;
  }
  function agreementLines(p) {
    var dutch = p.afspraak || [];
    if (lang() === "nl" || !p.t || !p.t.af || p.t.af.length !== dutch.length) return dutch;
    return p.t.af.map(function (a, i) { return T("sheet.agreement", dutch[i], {regio: a.regio, datum: langDate(a.datum)}); });
  }

  // -- Mijn netwerk: the family's selection. It lives in this tab (sessionStorage), in the sheet's
  // address after # (never sent to a server) and, only when asked, on this device (localStorage).
  var STORE = "nk-mijn-netwerk";
  var REMEMBER = "nk-mijn-netwerk-onthouden";
  // A link or a stored selection is text anyone can write: only ids that look like ours (the schema's
  // id rule) are used or kept, each once, and at most MAX_IDS of them (a sheet is a handful of partners).
  var ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var ID_MAX_LENGTH = 80;
  var MAX_IDS = 50;

  // Each entry is "id" or "id:context": the context says what the partner was picked for, "v-<vraag>"
  // (a question in the wegwijzer) or "d-<levensdomein>" (a levensdomein page or section); the sheet
  // groups partners by it. Old links with plain ids keep working.
  var CONTEXT_PATTERN = /^[vd]-[a-z0-9]+(-[a-z0-9]+)*$/;

  // {ids: the valid ids of ``list``, each once, at most MAX_IDS; contexts: Map id -> context (only
  // contexts that look like ours); invalid: the other entries, each once; over: how many valid ids
  // were left out beyond MAX_IDS}.
  function cleanIds(list) {
    var seen = new Set(), ids = [], contexts = new Map(), invalid = [], over = 0;
    list.forEach(function (entry) {
      var text = String(entry);
      var at = text.indexOf(":");
      var id = at >= 0 ? text.slice(0, at) : text;
      var context = at >= 0 ? text.slice(at + 1) : "";
      if (!id || seen.has(id)) return;
      seen.add(id);
      if (id.length > ID_MAX_LENGTH || !ID_PATTERN.test(id)) invalid.push(id);
      else if (ids.length < MAX_IDS) {
        ids.push(id);
        if (context && context.length <= ID_MAX_LENGTH && CONTEXT_PATTERN.test(context)) contexts.set(id, context);
      } else over += 1;
    });
    return { ids: ids, contexts: contexts, invalid: invalid, over: over };
  }

  function serialize(selection) {
    return selection.ids.map(function (id) {
      return selection.contexts.has(id) ? id + ":" + selection.contexts.get(id) : id;
    }).join(",");
  }

  function remembered() { try { return localStorage.getItem(REMEMBER) === "1"; } catch (e) { return false; } }

  function readEntries() {
    var raw = null;
    try { raw = sessionStorage.getItem(STORE) || (remembered() ? localStorage.getItem(STORE) : null); } catch (e) {}
    return cleanIds(raw ? raw.split(",") : []);
  }

  function readSelection() { return readEntries().ids; }

  function writeEntries(selection) {
    var value = serialize(cleanIds(serialize(selection).split(",")));
    try {
      sessionStorage.setItem(STORE, value);
      if (remembered()) localStorage.setItem(STORE, value); else localStorage.removeItem(STORE);
    } catch (e) {}
    refreshPicks();
  }

  function toggle(id, context) {
    var selection = readEntries();
    var at = selection.ids.indexOf(id);
    if (at >= 0) {
      selection.ids.splice(at, 1);
      selection.contexts.delete(id);
    } else {
      selection.ids.push(id);
      if (context) selection.contexts.set(id, String(context));
    }
    writeEntries(selection);
  }

  function sheetUrl() { return siteRoot() + "mijn-netwerk/#p=" + serialize(readEntries()); }

  function refreshPicks() {
    var ids = readSelection();
    var full = ids.length >= MAX_IDS;  // another partner would be left out (writeEntries)
    document.querySelectorAll("[data-nk-toggle]").forEach(function (button) {
      var on = ids.indexOf(button.getAttribute("data-nk-toggle")) >= 0;
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.querySelector(".nk-pick-label").textContent = on ? "In mijn netwerk \u2713"
        : full ? "Mijn netwerk is vol (" + MAX_IDS + " partners)" : "Voeg toe aan mijn netwerk";
    });
    var basket = document.querySelector(".nk-basket");
    if (!basket) {
      basket = document.createElement("a");
      basket.className = "nk-basket";
      // Early in the Tab order (right after the skip link), though it floats at the bottom right.
      var skip = document.querySelector(".nk-skip");
      document.body.insertBefore(basket, skip ? skip.nextSibling : document.body.firstChild);
    }
    // On the sheet itself it would only cover it; on a page with nothing to pick (the coordinators'
    // coverage and report pages) an empty basket only covers the page's own text.
    basket.hidden = !!document.querySelector("[data-nk-sheet]")
      || (ids.length === 0 && !document.querySelector("[data-nk-toggle], [data-nk-wegwijzer]"));
    basket.href = sheetUrl() + (lang() !== "nl" ? "&l=" + lang() : "");  // lang: the sheet in the family's language
    basket.textContent = "Mijn netwerk (" + ids.length + ")";
    basket.setAttribute("aria-label", "Mijn netwerk: " + ids.length + " gekozen");
  }

  function initPicks(root) {
    root.querySelectorAll("[data-nk-toggle]").forEach(function (button) {
      if (button.nkReady) return;
      button.nkReady = true;
      button.addEventListener("click", function () {
        toggle(button.getAttribute("data-nk-toggle"), button.getAttribute("data-nk-context"));
      });
    });
    refreshPicks();
  }

  // The wegwijzer page (wegwijzer.js, loaded only there) puts partners on the sheet through this.
  window.nkMijnNetwerk = { ids: readSelection, toggle: toggle };
  document.addEventListener("nk-taal", function () { refreshPicks(); });  // lang: the basket link keeps the language

  // Map popups live in iframes; they ask this page to toggle a partner.
  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || !event.data.nkAdd) return;
    if (readSelection().indexOf(String(event.data.nkAdd)) < 0) toggle(String(event.data.nkAdd), null);
  });

  // qrcode-generator (vendor/qrcode.js) is loaded only when a sheet is drawn.
  var qrLibrary = null;
  function loadQr() {
    if (!qrLibrary) {
      qrLibrary = new Promise(function (resolve) {
        if (window.qrcode) return resolve(window.qrcode);
        var script = document.createElement("script");
        script.src = siteRoot() + "assets/netwerkkaart/vendor/qrcode.js";
        script.onload = function () { resolve(window.qrcode || null); };
        script.onerror = function () { qrLibrary = null; resolve(null); };  // offline: the sheet without QR codes
        document.head.appendChild(script);
      });
    }
    return qrLibrary;
  }

  function svgQr(make, url, label) {
    var qr = make(0, "M");
    qr.addData(url, "Byte");
    qr.make();
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    var n = qr.getModuleCount();
    svg.setAttribute("viewBox", "-2 -2 " + (n + 4) + " " + (n + 4));
    svg.setAttribute("class", "nk-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
    svg.setAttribute("data-url", url);
    var d = "";
    for (var row = 0; row < n; row++) {
      for (var col = 0; col < n; col++) {
        if (qr.isDark(row, col)) d += "M" + col + " " + row + "h1v1h-1z";
      }
    }
    var bg = document.createElementNS(NS, "rect");
    bg.setAttribute("x", "-2"); bg.setAttribute("y", "-2"); bg.setAttribute("width", n + 4); bg.setAttribute("height", n + 4);
    bg.setAttribute("fill", "#fff");
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", d);
    svg.appendChild(bg);
    svg.appendChild(path);
    return svg;
  }

  function node(tag, text, cls) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  // Paper is read later: the sheet gives no "open now", but the closures of the next 4 weeks.
  var DUTCH_DATE = new Intl.DateTimeFormat("nl-BE", {timeZone: "UTC", day: "numeric", month: "short"});
  function closedSoon(hours, reasons) {  // reasons (lang2): gets the partner's own (Dutch) words
    if (!hours || !window.NKOpen) return "";
    // Only the location's own closures: a line per location for every public holiday pushed 8
    // partners onto a third A4 page (tests/browser/test_site.py).
    var list = window.NKOpen.closures(hours, new Date(), 28).filter(function (c) {
      return c.reden.indexOf("feestdag: ") !== 0;
    });
    if (!list.length) return "";
    var format = lang() === "nl" ? DUTCH_DATE  // lang: the dates in the family's language
      : new Intl.DateTimeFormat(window.NKTaal.locale(), {timeZone: "UTC", day: "numeric", month: "short"});
    function day(iso) { return format.format(new Date(iso + "T00:00:00Z")); }
    var words = list.map(function (c) {
      if (reasons) reasons.push(c.reden);
      return (c.van === c.tot ? day(c.van) : day(c.van) + "\u2013" + day(c.tot)) + " (" + c.reden.replace(/^feestdag: /, "") + ")";
    }).join(", ");
    return T("hours.closed_on", "gesloten " + words, {lijst: words});
  }

  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"];

  function dutchDate(day) { return day.getDate() + " " + MONTHS[day.getMonth()] + " " + day.getFullYear(); }

  function isoDate(text) {  // "2026-10-01" -> "1 oktober 2026"
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? Number(m[3]) + " " + (MONTHS[Number(m[2]) - 1] || "") + " " + m[1] : "";
  }

  function own(object, key) { return !!object && Object.prototype.hasOwnProperty.call(object, key); }

  function webUrl(url) { return /^https?:\/\/[^\s]+$/i.test(url || "") ? url : ""; }

  // A link that is also readable on paper: the address without "https://" and "www.".
  function paperLink(url) {
    var a = ltr(node("a", url.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, ""), "nk-url"));
    a.href = url;
    a.rel = "noopener";
    a.target = "_blank";
    return a;
  }

  function phoneLink(phone) {
    if (!phone || !phone.tekst) return null;
    if (!/^\+\d{3,15}$/.test(phone.e164 || "")) return ltr(node("span", phone.tekst, "nk-tel"));
    var a = ltr(node("a", phone.tekst, "nk-tel"));
    a.href = "tel:" + phone.e164;
    return a;
  }

  // The three states of beroepsgeheim and brede instap in words (sheet.SECRECY and sheet.BROAD).
  function stateWord(value) {
    return value === true ? T("state.yes", "ja") : value === false ? T("state.no", "nee") : T("state.unknown", "niet ingevuld");
  }

  function sheetEntry(id, p, root, makeQr) {
    var box = node("article", null, "nk-sheet-entry");
    box.setAttribute("data-partner", id);
    var head = node("div", null, "nk-sheet-head");
    var title = node("h3");
    var link = keep(node("a", p.naam));
    link.href = root + p.url;
    title.appendChild(link);
    head.appendChild(title);
    box.appendChild(head);
    // The code points at the partner's page on the site the sheet is read from (ids are [a-z0-9-]):
    // that page has the form, the website and every address, and stays up to date.
    if (makeQr) box.appendChild(svgQr(makeQr, new URL(p.url, root).href, T("sheet.qr", "QR-code naar de pagina van " + p.naam, {naam: p.naam})));
    // "Niet recent nagekeken (laatst op ...)", decided at build time by the region's freshness policy
    if (p.versheid) box.appendChild(node("p", T("sheet.stale", p.versheid, {datum: langDate(p.nagekeken)}), "nk-badge nk-stale"));
    var own = p.t && p.t.kort && lang() !== "nl" && Object.prototype.hasOwnProperty.call(p.t.kort, lang()) ? p.t.kort[lang()] : "";
    var kort = node("p", own || p.kort, "nk-sheet-kort");  // on screen; on paper the heading says what for
    box.appendChild(own ? kort : nl(kort));  // the partner's own translation (vertalingen:), else Dutch
    var rows = [];
    var call = phoneLink(p.telefoon);
    var x = p.t || {via: [], loc: [], lijn: [], talen: []};  // lang: the fields behind the Dutch sentences
    if (call) rows.push([T("sheet.call", "Bellen"), call]);
    if (p.aanmelden) rows.push([T("sheet.signup", "Aanmelden"), sentences(x.via.map(function (w) { return "signup." + w; }), x.wie, p.aanmelden)]);
    if (webUrl(p.formulier)) rows.push([T("sheet.form", "Formulier"), paperLink(p.formulier)]);
    if (p.meebrengen.length) rows.push([T("sheet.bring", "Meebrengen"), nl(node("span", p.meebrengen.join(", ")))]);
    if (p.kost) rows.push([T("sheet.cost", "Kostprijs"), sentences(x.kp ? ["cost." + x.kp] : [], x.ku, p.kost)]);
    if (p.wachttijd) rows.push([T("sheet.wait", "Wachttijd"), nl(node("span", p.wachttijd))]);
    p.locaties.forEach(function (loc, i) {
      rows.push([T("sheet.address", "Adres"), ltr(node("span", (loc.naam ? loc.naam + ": " : "") + loc.adres, "nk-ltr"))]);
      var reasons = [], closed = closedSoon(loc.open, reasons);
      if (loc.uren.length || closed) rows.push([T("sheet.open", "Open"), hoursCell(loc.uren, x.loc[i], closed, reasons)]);
    });
    (p.lijnen || []).forEach(function (line, i) {  // a phone line with its own hours (a tel: link)
      var reasons = [], closed = closedSoon(line.open, reasons);
      var cell = node("span");
      var call = phoneLink(line.telefoon);
      if (call) cell.appendChild(call);
      var words = hoursCell(line.uren, x.lijn[i], closed, reasons);
      if (words.textContent) {
        if (call) cell.appendChild(document.createTextNode(" \u00b7 "));
        cell.appendChild(words);
      }
      rows.push([line.naam, cell, undefined, true]);  // the line's name: the partner's own (Dutch) words
    });
    if (p.talen.length) {
      rows.push([T("sheet.languages", "Talen"), lang() === "nl" || x.talen.length !== p.talen.length ? p.talen.join(", ")
        : x.talen.map(function (code, i) { return window.NKTaal.language(code, p.talen[i]); }).join(", ")]);
    }
    // The website is on the partner's page, where the QR code leads: not printed.
    if (webUrl(p.website)) rows.push([T("sheet.website", "Website"), paperLink(p.website), "nk-sheet-web"]);
    var dl = node("dl");
    rows.forEach(function (row) {
      dl.appendChild(row[3] ? nl(node("dt", row[0], row[2])) : node("dt", row[0], row[2]));
      var dd = node("dd", null, row[2]);
      if (typeof row[1] === "string") dd.textContent = row[1]; else dd.appendChild(row[1]);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    if (p.afspraak && p.afspraak.length) {  // gedeeld beroepsgeheim, in words (printed: a mark and one note)
      box.appendChild(node("p", T("sheet.agreement_label", "Informatie delen") + ": " + agreementLines(p).join(" "), "nk-sheet-agreement"));
      title.appendChild(node("span", " · " + T("sheet.agreement_mark", "gedeeld beroepsgeheim (zie onder)"), "nk-sheet-mark"));
    }
    // In words, in three states; what they mean is written once, below the list.
    box.appendChild(node("p", T("sheet.secrecy", "Beroepsgeheim") + ": " + stateWord(p.beroepsgeheim) + " \u00b7 " +
      T("sheet.broad", "Brede instap") + ": " + stateWord(p.brede_instap) +
      (isoDate(p.nagekeken) ? " \u00b7 " + T("sheet.checked", "Nagekeken op " + isoDate(p.nagekeken), {datum: langDate(p.nagekeken)}) : ""),
      "nk-sheet-meta"));
    var remove = node("button", T("sheet.remove", "Verwijder uit mijn netwerk"), "nk-remove");
    remove.type = "button";
    remove.addEventListener("click", function () { toggle(id); renderSheet(document); });
    box.appendChild(remove);
    return box;
  }

  // The region's 1 Gezin 1 Plan route: for a family with questions on several domains at once, or with
  // one question that usually needs more than one care worker (a complex question, as in the wegwijzer).
  function routeSection(region, questions) {
    var r = region.route || {};
    var box = node("section", null, "nk-sheet-route");
    var complex = questions.length === 1 && (region.complex || []).indexOf(questions[0]) >= 0;
    box.setAttribute("data-nk-route", complex ? "complex" : "meerdere");
    box.appendChild(node("h2", complex ? T("route.title_complex", "Meer dan \u00e9\u00e9n hulpverlener nodig?")
      : T("route.title", "Meerdere vragen tegelijk?")));
    var how = node("p", (complex
      ? T("route.text_complex", "Voor deze vraag is meestal meer dan \u00e9\u00e9n hulpverlener nodig. Dan helpt " + region.naam +
        ": \u00e9\u00e9n gezinscoach en \u00e9\u00e9n plan, samen met het gezin.", {regio: region.naam})
      : T("route.text", "Heeft het gezin vragen op meerdere domeinen tegelijk? Dan helpt " + region.naam +
      ": \u00e9\u00e9n gezinscoach en \u00e9\u00e9n plan, samen met het gezin.", {regio: region.naam})) + " ");
    var call = phoneLink(r.telefoon);
    if (call) { how.appendChild(document.createTextNode(T("sheet.call", "Bellen") + ": ")); how.appendChild(call); }
    if (webUrl(r.formulier)) {
      if (call) how.appendChild(document.createTextNode(" \u00b7 "));
      how.appendChild(document.createTextNode(T("route.online", "Online") + ": "));
      how.appendChild(paperLink(r.formulier));
    }
    if (how.childNodes.length) box.appendChild(how);
    if (r.wat_volgt) {  // not printed; the region's own (Dutch) words
      var next = node("p", T("route.next", "Wat volgt") + ": ", "nk-sheet-next");
      next.appendChild(nl(node("span", r.wat_volgt)));
      box.appendChild(next);
    }
    return box;
  }

  // What the shared link held beyond the selection (entries that are no id, ids over MAX_IDS): shown on
  // the sheet until it is cleared, never kept.
  var linkNote = null;

  function shortText(text) { return text.length > 40 ? text.slice(0, 40) + "\u2026" : text; }

  var sheetData = null;
  function renderSheet(root) {
    var target = root.querySelector("[data-nk-sheet]");
    if (!target) return;
    var status = root.querySelector("[data-nk-sheet-status]");
    var selection = readEntries();
    history.replaceState(history.state, "", "#p=" + serialize(selection) + (lang() !== "nl" ? "&l=" + lang() : ""));  // lang
    if (!sheetData) {
      // The partners and regions by id in Maps: an id such as "constructor" or "__proto__" is just an unknown id.
      sheetData = fetch(new URL(target.getAttribute("data-src"), location.href).href).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (data) {
        return { partners: new Map(Object.entries(data.partners)), regions: new Map(Object.entries(data.regios || {})) };
      });
    }
    Promise.all([sheetData, loadQr(), window.NKTaal ? window.NKTaal.ready() : null]).then(function (both) {
      try {
        drawSheet(root, target, status, selection, both[0], both[1]);
      } catch (error) {  // a fault of this page, not of the connection
        if (window.console) console.error(error);
        status.textContent = T("sheet.error_draw", "Het blad kon niet getoond worden. Laad de pagina opnieuw.");
      }
    }, function () {
      sheetData = null;  // the next drawing tries again
      status.textContent = T("error.load", "De gegevens konden niet geladen worden. Probeer opnieuw met een verbinding.");
    });
  }

  // The heading a partner goes under: the question or levensdomein it was picked for, else its first levensdomein.
  function groupName(p, context, regions) {
    var region = regions.get(p.regio);
    if (context && region) {
      var key = context.slice(2);
      // lang: the standard wording of a question or levensdomein (vt, dt) has a translation
      if (context.charAt(0) === "v" && own(region.vragen, key)) return (region.vt || []).indexOf(key) >= 0 ? T("vraag." + key, region.vragen[key]) : region.vragen[key];
      if (context.charAt(0) === "d" && own(region.domeinen, key)) return (region.dt || []).indexOf(key) >= 0 ? T("domein." + key, region.domeinen[key]) : region.domeinen[key];
    }
    var first = p.t && p.t.dom ? p.t.dom[0] : null;
    if (p.domeinen[0] && first && region && (region.dt || []).indexOf(first) >= 0) return T("domein." + first, p.domeinen[0]);
    return p.domeinen[0] || T("sheet.other", "Andere");
  }

  // -- visuals: the pictogram beside each group heading (generator/topics/picto.py), from the shared sprite,
  // named by the heading beside it (so it reads in the heading's language).
  var PICTO_FALLBACK = "circle-dot";
  function groupPicto(p, context, regions) {
    var region = regions.get(p.regio);
    var map = (region && region.picto) || {};
    if (context && own(map, context)) return map[context];
    var first = p.domeinen[0];  // no context: the partner's first levensdomein (a name), as groupName
    var found = region ? Object.keys(region.domeinen || {}).filter(function (d) { return region.domeinen[d] === first; })[0] : null;
    return found && own(map, "d-" + found) ? map["d-" + found] : PICTO_FALLBACK;
  }

  function pictoSvg(sprite, name, labelId) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "nk-picto");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("focusable", "false");
    if (labelId) { svg.setAttribute("role", "img"); svg.setAttribute("aria-labelledby", labelId); }
    else svg.setAttribute("aria-hidden", "true");
    var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    // xlink:href: mkdocs-material's instant navigation assigns .href of every [href], read-only on <use>
    use.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href",
      sprite + "#" + (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name) ? name : PICTO_FALLBACK));
    svg.appendChild(use);
    return svg;
  }

  // The heading with its pictogram before it (outside it, so the heading's own name stays its text).
  function pictoHeading(target, heading, name, id) {
    var sprite = target.getAttribute("data-picto");
    if (!sprite) return heading;
    var head = node("div", null, "nk-picto-head");
    heading.id = id;
    head.appendChild(pictoSvg(new URL(sprite, location.href).href, name, id));
    head.appendChild(heading);
    return head;
  }
  // -- end visuals

  // The site's address and today's date, at the bottom of the sheet (and of the printed page).
  function sourceLine(root) {
    var source = root.querySelector("[data-nk-sheet-source]");
    if (!source) return;
    var site = siteRoot();
    source.textContent = "";
    var home = keep(node("a", site.replace(/^https?:\/\//, "").replace(/\/$/, "")));
    home.href = site;
    if (lang() !== "nl" && window.NKTaal.has("sheet.source")) {  // lang: the same line in the family's language
      var today = new Date();
      var iso = today.getFullYear() + "-" + ("0" + (today.getMonth() + 1)).slice(-2) + "-" + ("0" + today.getDate()).slice(-2);
      var parts = T("sheet.source", "", {datum: window.NKTaal.date(iso)}).split("{site}");
      source.appendChild(document.createTextNode(parts[0]));
      source.appendChild(home);
      source.appendChild(document.createTextNode((parts[1] || "") + " " + T("state.help", "")));
      return;
    }
    source.appendChild(document.createTextNode("Dit blad komt van "));
    source.appendChild(home);
    source.appendChild(document.createTextNode(", afgedrukt op " + dutchDate(new Date()) +
      ". Kijk daar voor de nieuwste gegevens. Beroepsgeheim: wat je vertelt, blijft tussen jou en de hulpverlener. " +
      "Brede instap: je kan er met elke vraag terecht. \u201cNiet ingevuld\u201d: vraag het gerust."));
  }

  function drawSheet(root, target, status, selection, data, makeQr) {
    var partners = data.partners;
    var ids = selection.ids;
    target.innerHTML = "";
    var site = siteRoot();
    var known = ids.filter(function (id) { return partners.has(id); });
    var gone = ids.filter(function (id) { return !partners.has(id); });
    if (linkNote && linkNote.over) {
      target.appendChild(node("p", T("sheet.over", "De link bevatte meer dan " + MAX_IDS + " partners. Alleen de eerste " + MAX_IDS +
        " staan op dit blad; de overige " + linkNote.over + " zijn weggelaten.", {max: MAX_IDS, n: linkNote.over}), "nk-sheet-note"));
    }
    var groups = new Map();
    var pictos = new Map();  // visuals: group name -> pictogram
    known.forEach(function (id) {
      var name = groupName(partners.get(id), selection.contexts.get(id), data.regions);
      if (!groups.has(name)) groups.set(name, []);
      if (!pictos.has(name)) pictos.set(name, groupPicto(partners.get(id), selection.contexts.get(id), data.regions));
      groups.get(name).push(id);
    });
    var agreements = [];
    groups.forEach(function (members, name) {
      var section = node("section", null, "nk-sheet-group");
      section.appendChild(pictoHeading(target, node("h2", name), pictos.get(name), "nk-sheet-g" + target.querySelectorAll(".nk-sheet-group").length));  // visuals
      members.forEach(function (id) {
        section.appendChild(sheetEntry(id, partners.get(id), site, makeQr));
        agreementLines(partners.get(id)).forEach(function (line) {
          if (agreements.indexOf(line) < 0) agreements.push(line);
        });
      });
      target.appendChild(section);
    });
    if (agreements.length) {  // printed once instead of under every partner (the sheet stays on two pages)
      target.appendChild(node("p", T("sheet.agreements_label", "Gedeeld beroepsgeheim") + ": " + agreements.join(" "), "nk-sheet-agreements"));
    }
    var shownRegions = [];
    known.forEach(function (id) {
      var r = partners.get(id).regio;
      if (shownRegions.indexOf(r) < 0 && data.regions.has(r)) shownRegions.push(r);
    });
    shownRegions.forEach(function (r) {
      // the questions the family's partners of this region were picked for ("v-<vraag>" contexts)
      var questions = [];
      known.forEach(function (id) {
        var context = selection.contexts.get(id) || "";
        if (partners.get(id).regio === r && context.indexOf("v-") === 0 && questions.indexOf(context.slice(2)) < 0) questions.push(context.slice(2));
      });
      target.appendChild(routeSection(data.regions.get(r), questions));
    });
    var invalid = linkNote ? linkNote.invalid : [];
    if (gone.length || invalid.length) {
      var shown = gone.concat(invalid).slice(0, 10).map(shortText);
      var more = gone.length + invalid.length - shown.length;
      var missing = node("section", null, "nk-sheet-missing");
      missing.appendChild(node("h2", T("sheet.missing_title", "Niet meer beschikbaar")));
      missing.appendChild(keep(node("p", T("sheet.missing", "Deze partners staan niet (meer) op de site: " + shown.join(", ") +
        (more ? " en nog " + more + " andere" : "") + ".", {lijst: shown.join(", ") + (more ? ", +" + more : "")}))));
      target.appendChild(missing);
    }
    var figure = root.querySelector("[data-nk-sheet-map]");
    if (figure) {
      var frame = figure.querySelector("iframe");
      var withPlace = known.filter(function (id) { return partners.get(id).locaties.length; });
      figure.hidden = withPlace.length === 0;
      var src = new URL(frame.getAttribute("data-src"), location.href).href + "#p=" + withPlace.map(encodeURIComponent).join(",");
      if (!figure.hidden && frame.getAttribute("src") !== src) {
        frame.setAttribute("src", "about:blank");
        frame.setAttribute("src", src);
      }
    }
    sourceLine(root);
    target.setAttribute("data-rendered", String(Number(target.getAttribute("data-rendered") || 0) + 1));
    status.textContent = known.length
      ? (known.length === 1 ? T("sheet.count_one", "1 partner in je netwerk.") : T("sheet.count_many", known.length + " partners in je netwerk.", {n: known.length}))
      : T("sheet.empty", "Je hebt nog niemand gekozen. Kies partners met de knop \u201cVoeg toe aan mijn netwerk\u201d.");
  }

  function initSheet(root) {
    var tools = root.querySelector("[data-nk-sheet-tools]");
    if (!tools) return;
    var match = location.hash.match(/^#p=([^&]*)/);  // lang: "&l=ar" may follow the selection
    if (match) {
      // A shared link wins over what this tab had: it is what the family was given.
      linkNote = cleanIds(match[1].split(",").map(safeDecode));
      writeEntries(linkNote);
    }
    var remember = tools.querySelector("[data-nk-remember]");
    remember.checked = remembered();
    remember.addEventListener("change", function () {
      try {
        if (remember.checked) localStorage.setItem(REMEMBER, "1");
        else { localStorage.removeItem(REMEMBER); localStorage.removeItem(STORE); }
      } catch (e) {}
      writeEntries(readEntries());
    });
    tools.querySelector("[data-nk-print]").addEventListener("click", function () { window.print(); });
    if (!window.nkSheetPrint) {  // the print date is the day it is printed, also from the browser's menu
      window.nkSheetPrint = true;
      window.addEventListener("beforeprint", function () { sourceLine(document); });
      // lang: another language chosen (or its texts arrived): draw the sheet again in it
      document.addEventListener("nk-taal", function () { if (document.querySelector("[data-nk-sheet]")) renderSheet(document); });
    }
    tools.querySelector("[data-nk-copy]").addEventListener("click", function () {
      var status = root.querySelector("[data-nk-sheet-status]");
      var url = location.href;
      (navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject()).then(function () {
        status.textContent = T("sheet.copied", "De link is gekopieerd. Wie hem opent, ziet dezelfde lijst.");
      }).catch(function () { status.textContent = T("sheet.copy_this", "Kopieer deze link: " + url, {url: url}); });
    });
    tools.querySelector("[data-nk-clear]").addEventListener("click", function () {
      try { sessionStorage.removeItem(STORE); localStorage.removeItem(STORE); localStorage.removeItem(REMEMBER); } catch (e) {}
      linkNote = null;
      remember.checked = false;
      refreshPicks();
      renderSheet(root);
    });
    renderSheet(root);
  }

  // The skip link moves the keyboard focus to the content (instant navigation handles #-links itself).
  function initSkip() {
    var skip = document.querySelector(".nk-skip");
    if (!skip || skip.nkReady) return;
    skip.nkReady = true;
    skip.addEventListener("click", function (event) {
      var target = document.getElementById("nk-inhoud");
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }

  function init() {
    // Each part on its own: one failing part must not take the others down.
    [initSkip, initPicks, initSheet, initPick, initFilters, initHomeSearch, initSearch].forEach(function (part) {
      try { part(document); } catch (error) { if (window.console) console.error(error); }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
