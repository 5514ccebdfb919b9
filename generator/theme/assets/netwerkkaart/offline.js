// "Bewaar deze regio voor onderweg": save a region's pages for a home visit without internet.
// What is saved is exactly the list in the build's offline/<regio>.json: the site's own public files
// (pages, maps' data without the background map, the search index, the family sheet's page and data).
// Never a family's selection, never a note: those stay after # in the address and in the tab. The
// cache keys are the files' addresses without query or fragment. Text files are stored packed with gzip
// (a region of 1,000 partners: about 8 MB instead of 36 MB). netwerkkaart-sw.js unpacks and serves them
// without a connection; this script saves, updates (a newer build, when online) and removes them.
(function () {
  "use strict";

  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"];
  var WORKER = "netwerkkaart-sw.js";

  function siteRoot() {
    var css = document.querySelector('link[href*="assets/netwerkkaart/netwerkkaart.css"]');
    return css ? css.href.replace(/assets\/netwerkkaart\/netwerkkaart\.css.*$/, "") : new URL("/", location.href).href;
  }
  function supported() {
    return "serviceWorker" in navigator && "caches" in window && window.isSecureContext;
  }
  function prefix() { return "netwerkkaart-offline|" + new URL(siteRoot()).pathname + "|"; }
  function manifestUrl(region) { return new URL("offline/" + encodeURIComponent(region) + ".json", siteRoot()).href; }

  function dutchDate(iso) {
    var d = new Date(iso.length === 10 ? iso + "T12:00:00" : iso);
    return isNaN(d) ? iso : d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }
  function size(bytes) {
    var mb = bytes / 1e6;
    return (mb >= 0.1 ? mb.toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " kB").replace(".", ",");
  }
  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // The saved regions of this site: {region: {cache, manifest}} (the manifest as saved, with "bewaard").
  function savedRegions() {
    if (!supported()) return Promise.resolve({});
    var start = prefix();
    return caches.keys().then(function (names) {
      var found = {};
      return Promise.all(names.filter(function (n) { return n.indexOf(start) === 0; }).map(function (name) {
        var region = name.slice(start.length).split("|")[0];
        return caches.open(name).then(function (cache) { return cache.match(manifestUrl(region)); })
          .then(function (r) { return r ? r.json() : null; })
          .then(function (manifest) {
            if (manifest && manifest.bewaard) found[region] = { cache: name, manifest: manifest };
          });
      })).then(function () { return found; });
    });
  }

  function register() {
    return navigator.serviceWorker.register(siteRoot() + WORKER, { scope: siteRoot() })
      .then(function () { return navigator.serviceWorker.ready; });
  }

  // The page is served by our worker (after the first registration: once it has claimed the page).
  function controlled() {
    var sw = navigator.serviceWorker;
    if (sw.controller) return Promise.resolve(true);
    return new Promise(function (resolve) {
      var timer = setTimeout(function () { resolve(!!sw.controller); }, 5000);
      sw.addEventListener("controllerchange", function () { clearTimeout(timer); resolve(true); }, { once: true });
    });
  }

  // The bytes a saved copy takes: its bodies as stored (the worker marks a packed file with its size).
  function storedBytes(cache) {
    return cache.matchAll().then(function (responses) {
      return Promise.all(responses.map(function (r) {
        var packed = Number(r.headers.get("x-nk-gz"));
        return packed > 0 ? packed : r.blob().then(function (b) { return b.size; });
      }));
    }).then(function (sizes) { return sizes.reduce(function (a, b) { return a + b; }, 0); });
  }

  // Save (or update) a region: a new cache for the new version, filled file by file, then the old one goes.
  var busy = {};
  function save(region, progress) {
    if (busy[region]) return busy[region];
    busy[region] = register().then(function () {
      return fetch(manifestUrl(region), { cache: "no-store" });
    }).then(function (r) {
      if (!r.ok) throw new Error("manifest " + r.status);
      return r.json();
    }).then(function (manifest) {
      var name = prefix() + region + "|" + manifest.versie;
      var files = manifest.bestanden.map(function (path) { return new URL(path, siteRoot()).href; });
      // The scripts and styles this page loaded, if the list does not have them: a site built from
      // `netwerkkaart generate` lists only the files generate knew, not those of the builder's own theme.
      var root = siteRoot();
      Array.prototype.forEach.call(document.querySelectorAll('script[src], link[rel="stylesheet"][href]'), function (node) {
        var url = new URL(node.src || node.href, location.href);
        url.search = "";
        url.hash = "";
        if (url.href.indexOf(root) === 0 && files.indexOf(url.href) < 0) files.push(url.href);
      });
      return caches.open(name).then(function (cache) {
        // In batches (cache.addAll fetches and stores them in the browser itself: fewer steps through
        // this script), six at a time (what a browser opens to one server). Each file is asked with
        // "x-nk-bewaar: 1": netwerkkaart-sw.js then fetches it from the server ("no-cache": never an older
        // copy from the browser's HTTP cache) and hands it back packed with gzip if it is text (a fifth of
        // the space). A page the worker does not serve yet saves the files as they come.
        var batches = [], done = 0;
        for (var i = 0; i < files.length; i += 25) batches.push(files.slice(i, i + 25));
        function worker(headers) {
          var batch = batches.shift();
          if (!batch) return null;
          return cache.addAll(batch.map(function (url) { return new Request(url, { cache: "no-cache", headers: headers }); }))
            .then(function () {
              done += batch.length;
              if (progress) progress(done, files.length);
              return worker(headers);
            });
        }
        return controlled().then(function (viaWorker) {
          var headers = viaWorker ? { "x-nk-bewaar": "1" } : {};
          return Promise.all([worker(headers), worker(headers), worker(headers), worker(headers), worker(headers),
                              worker(headers)]);
        }).then(function () {
          return storedBytes(cache);
        }).then(function (stored) {
          manifest.bewaard = new Date().toISOString();
          manifest.opgeslagen = stored;  // the bytes on this device; "bytes" is the files' own size
          return cache.put(manifestUrl(region), new Response(JSON.stringify(manifest), {
            headers: { "Content-Type": "application/json" } }));
        }).then(function () {
          return caches.keys().then(function (names) {  // the older copies of this region
            return Promise.all(names.filter(function (n) {
              return n.indexOf(prefix() + region + "|") === 0 && n !== name;
            }).map(function (n) { return caches.delete(n); }));
          });
        }).then(function () { return manifest; }, function (error) {
          return caches.delete(name).then(function () { throw error; });  // half a copy is no copy
        });
      });
    });
    busy[region].then(function () { delete busy[region]; }, function () { delete busy[region]; });
    return busy[region];
  }

  function remove(region) {
    var start = prefix() + region + "|";
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(start) === 0; })
        .map(function (n) { return caches.delete(n); }));
    }).then(savedRegions).then(function (left) {
      if (Object.keys(left).length) return null;
      return navigator.serviceWorker.getRegistration(siteRoot()).then(function (reg) { return reg && reg.unregister(); });
    });
  }

  // Online with a saved copy: is there a newer build? Then the copy updates itself (once per page load).
  // Resolves true when a copy changed (updated, or removed because its region is gone).
  var checked = false;
  function updateOne(region, saved) {
    return fetch(manifestUrl(region), { cache: "no-store" }).then(function (r) {
      if (r.status === 404) return remove(region).then(function () { return true; });
      if (!r.ok) return false;
      return r.json().then(function (manifest) {
        if (manifest.versie === saved.manifest.versie) return false;
        return save(region).then(function () { return true; });
      });
    }).catch(function () { return false; });
  }
  function update() {
    if (checked || !navigator.onLine) return Promise.resolve(false);
    checked = true;
    return savedRegions().then(function (saved) {
      return Promise.all(Object.keys(saved).map(function (region) { return updateOne(region, saved[region]); }));
    }).then(function (changed) { return changed.indexOf(true) >= 0; });
  }

  function renderPanel(panel) {
    var region = panel.getAttribute("data-nk-offline");
    var naam = panel.getAttribute("data-nk-offline-naam");
    var body = panel.querySelector("[data-nk-offline-body]");
    panel.hidden = false;
    body.innerHTML = "";
    if (!supported()) {
      body.appendChild(el("p", "Deze browser kan geen regio bewaren voor gebruik zonder internet."));
      return;
    }
    var status = el("p", "", { role: "status", "aria-live": "polite", "data-nk-offline-status": "" });
    savedRegions().then(function (saved) {
      var mine = saved[region];
      if (mine) {
        body.appendChild(el("p", "Bewaard op " + dutchDate(mine.manifest.bewaard) + " \u2014 gegevens van "
                                 + dutchDate(mine.manifest.gegevens) + ". Neemt "
                                 + size(mine.manifest.opgeslagen || mine.manifest.bytes)
                                 + " in op dit toestel.", { "data-nk-offline-saved": mine.manifest.versie }));
        body.appendChild(el("p", "Zonder verbinding werken de pagina's van " + naam + ", de lijst van A tot Z, de "
                                 + "wegwijzer, zoeken in deze regio en Mijn netwerk (ook afdrukken). Er is niets van "
                                 + "een gezin bewaard.", { "class": "nk-muted" }));
        var drop = el("button", "Verwijder de bewaarde regio", { type: "button" });
        drop.addEventListener("click", function () {
          drop.disabled = true;
          remove(region).then(function () { renderPanel(panel); });
        });
        body.appendChild(drop);
      } else {
        body.appendChild(el("p", "Op huisbezoek zonder internet? Bewaar de pagina's van " + naam + " op dit toestel: "
                                 + "gemeenten, levensdomeinen, partners, de wegwijzer, zoeken en Mijn netwerk. Er "
                                 + "wordt niets over een gezin bewaard.", { "class": "nk-muted" }));
        var button = el("button", "Bewaar deze regio voor onderweg",
                        { type: "button", "data-nk-offline-save": "" });
        button.addEventListener("click", function () {
          button.disabled = true;
          status.textContent = "Bezig met bewaren\u2026";
          save(region, function (done, total) {
            status.textContent = "Bezig met bewaren: " + done + " van " + total + " bestanden.";
          }).then(function () { renderPanel(panel); }, function () {
            button.disabled = false;
            status.textContent = "Bewaren lukte niet (geen verbinding, of te weinig ruimte?). Probeer opnieuw.";
          });
        });
        if (!navigator.onLine) button.disabled = true;
        body.appendChild(button);
      }
      body.appendChild(status);
    });
  }

  // The offline page: the way back, and which regions are saved.
  function renderOfflinePage(target) {
    var back = document.querySelector("[data-nk-back]");
    if (back) back.addEventListener("click", function (event) {
      if (history.length > 1) { event.preventDefault(); history.back(); }
    });
    savedRegions().then(function (saved) {
      var regions = Object.keys(saved);
      if (!regions.length) return;
      target.appendChild(el("h2", "Bewaard op dit toestel"));
      var list = el("ul");
      regions.forEach(function (region) {
        var li = el("li");
        li.appendChild(el("a", saved[region].manifest.naam, { href: new URL(region + "/", siteRoot()).href }));
        list.appendChild(li);
      });
      target.appendChild(list);
    });
  }

  // On the search page without a connection: results outside the saved regions are missing.
  function noteSearch(form) {
    if (navigator.onLine || form.parentNode.querySelector(".nk-offline-note")) return;
    savedRegions().then(function (saved) {
      var names = Object.keys(saved).map(function (r) { return saved[r].manifest.naam; });
      if (!names.length) return;
      form.parentNode.insertBefore(el("p", "Zonder verbinding vind je alleen wat in de bewaarde regio staat ("
                                           + names.join(", ") + "); resultaten uit andere regio's ontbreken.",
                                      { "class": "nk-offline-note nk-muted", role: "note" }), form.nextSibling);
    });
  }

  function init() {
    if (!supported()) {
      document.querySelectorAll("[data-nk-offline]").forEach(renderPanel);
      return;
    }
    var panels = document.querySelectorAll("[data-nk-offline]");
    panels.forEach(renderPanel);
    var offlinePage = document.querySelector("[data-nk-offline-list]");
    if (offlinePage) renderOfflinePage(offlinePage);
    var search = document.querySelector("form[data-nk-search]");
    if (search) noteSearch(search);
    update().then(function (changed) {
      if (changed) panels.forEach(renderPanel);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { try { init(); } catch (error) { if (window.console) console.error(error); } });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
