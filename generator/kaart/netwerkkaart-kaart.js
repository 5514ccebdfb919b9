/* Netwerkkaart maps: markers, clusters, a layer per levensdomein and municipality borders.
 * Every text from the data goes into the DOM with textContent: nothing is parsed as HTML. */
(function () {
  "use strict";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // "052 44 55 66" -> "+3252445566"; short numbers such as 1712 stay as they are.
  function dialable(phone) {
    var digits = phone.replace(/[^0-9+]/g, "");
    if (digits.charAt(0) === "+") return digits;
    if (digits.slice(0, 2) === "00") return "+" + digits.slice(2);
    if (digits.charAt(0) === "0") return "+32" + digits.slice(1);
    return digits;
  }

  // "Nu open" in a popup, with nk-open.js (the same module as on the pages; it renders every
  // [data-nk-open] again once a minute). That script and the region's hours (kaarten/uren/<regio>.json,
  // maps.hours_data) are fetched when the first popup opens, not with the map: most visitors open none.
  var openTable = null, openLoading = null;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function loadOpen(data, options) {
    if (!openLoading) {
      var scripts = (options.openScripts || []).map(function (src) { return script(new URL(src, location.href).href); });
      openLoading = Promise.all([getJson(data.uren)].concat(scripts)).then(function (done) {
        if (!window.NKOpen) throw new Error("nk-open.js");
        openTable = done[0];
      });
      openLoading.catch(function () { openLoading = null; });  // the next popup tries again
    }
    return openLoading;
  }

  // The hours of the location at marker m: one index for the partner, or one per location.
  function hoursAt(table, person, m) {
    var entry = table.partners[person[1]];
    if (typeof entry === "number") return table.uren[entry];
    for (var i = 0; entry && i < entry.length; i++) {
      if (entry[i][0] === m[0] && entry[i][1] === m[1]) return entry[i][2] >= 0 ? table.uren[entry[i][2]] : {};
    }
    return {};
  }

  function openLine(box, person, m, data, options, marker) {
    if (!data.uren) return;
    var line = el("p", null, { "class": "nk-open" });
    line.hidden = true;
    box.appendChild(line);
    if (openTable) {
      var hours = hoursAt(openTable, person, m);
      line.setAttribute("data-nk-open", JSON.stringify(hours));
      window.NKOpen.render(line, hours);
      return;
    }
    loadOpen(data, options).then(function () {
      if (marker.isPopupOpen()) marker.getPopup().update();  // drawn again, now with the state
    }).catch(function () { /* the popup works without it */ });
  }

  function popup(person, domains, root, partnerUrl, open) {
    var box = el("div", null, { "class": "nk-popup" });
    box.appendChild(el("strong", person[0]));
    var names = person[3].map(function (i) { return domains[i]; }).join(", ");
    if (names) box.appendChild(el("div", names, { "class": "nk-popup-domains" }));
    if (open) open(box);
    if (person[2]) {
      var tel = el("a", person[2], { href: "tel:" + dialable(person[2]) });
      var line = el("div", "Bel: ");
      line.appendChild(tel);
      box.appendChild(line);
    }
    var page = new URL(partnerUrl.replace("{id}", encodeURIComponent(person[1])), root).href;
    box.appendChild(el("a", "Meer over deze partner", { href: page, target: "_top" }));
    if (window.parent !== window) {  // on a site page: the page keeps the family's selection
      var add = el("button", "Voeg toe aan mijn netwerk", { type: "button", "class": "nk-popup-add" });
      add.addEventListener("click", function () {
        window.parent.postMessage({ nkAdd: person[1] }, location.origin);
        add.textContent = "In mijn netwerk \u2713";
      });
      box.appendChild(add);
    }
    return box;
  }

  // Leaflet's layers control writes layer names with innerHTML: hand it escaped text.
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function tilesNote(map) {
    var note = el("p", "De achtergrondkaart is niet beschikbaar (geen verbinding?). De plaatsen en grenzen blijven zichtbaar.",
                  { "class": "nk-map-note", role: "status" });
    map.getContainer().appendChild(note);
  }

  // Which map: kaart.html?d=regio/<id> shows kaarten/regio/<id>.json (a partner: ?d=partner/<regio>/<n>&p=<id>, its entry of that file). The first
  // script checks the name (only our own names) and already asks for the data (maps.EARLY_FETCH).
  function mapName() {
    return window.nkMapName || null;
  }

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // Leaflet's own controls speak English ("Zoom in", "Zoom out", "Layers"): in Dutch, also for screen readers.
  var WORDS = { ".leaflet-control-zoom-in": "Inzoomen", ".leaflet-control-zoom-out": "Uitzoomen",
                ".leaflet-control-layers-toggle": "Kaartlagen kiezen" };
  function dutch(container) {
    Object.keys(WORDS).forEach(function (selector) {
      container.querySelectorAll(selector).forEach(function (control) {
        control.setAttribute("title", WORDS[selector]);
        control.setAttribute("aria-label", WORDS[selector]);
      });
    });
  }

  window.NetwerkkaartKaart = {
    show: function (map, options) {
      var root = new URL("../", location.href).href;  // maps live in kaarten/
      map.getContainer().setAttribute("role", "region");
      dutch(map.getContainer());
      L.control.scale({ imperial: false }).addTo(map);
      if (map.options.maxZoom === undefined) map.setMaxZoom(19);  // clustering needs it, also without tiles
      // The background map is added once the map knows where it is (after fitBounds): a view set
      // earlier fetched some 20 tiles that were thrown away at once.
      var failed = false;
      function addTiles() {
        if (!options.tiles) return;
        var tiles = L.tileLayer(options.tiles.url, {
          attribution: options.tiles.attribution, maxZoom: 19,
          referrerPolicy: "no-referrer"  // the tile server does not learn which page of the site was open
        });
        tiles.on("tileerror", function () { if (!failed) { failed = true; tilesNote(map); } });
        tiles.addTo(map);
      }
      if (!options.tiles) tilesNote(map);
      var name = mapName();
      if (!name) {
        map.getContainer().appendChild(el("p", "Deze kaart bestaat niet.", { "class": "nk-map-note", role: "status" }));
        return;
      }
      (window.nkMapData || getJson(name + ".json")).then(function (data) {
        document.title = data.titel;
        map.getContainer().setAttribute("aria-label", data.titel);
        map.fitBounds(data.bounds, { animate: false });
        addTiles();
        var borders = data.grenzen ? getJson(data.grenzen) : Promise.resolve(null);
        borders.then(function (grenzen) {
          if (grenzen && data.dekking) drawCoverage(map, grenzen, data);
          else if (grenzen) drawBorders(map, grenzen, data.highlight);
        })
          .catch(function () { /* the markers matter more than the borders */ });
        drawMarkers(map, data, options, root);
      }).catch(function () {
        map.getContainer().appendChild(el("p", "De kaart kon niet geladen worden (geen verbinding?).",
                                          { "class": "nk-map-note", role: "status" }));
      });
    }
  };

  function drawBorders(map, grenzen, highlight) {
    var layer = L.geoJSON(grenzen, {
      interactive: false,
      style: function (f) {
        var focus = f.properties.nis === highlight;
        return { color: "#303f9f", weight: focus ? 3 : 1, fillColor: "#3f51b5", fillOpacity: focus ? 0.12 : 0.03 };
      }
    }).addTo(map);
    layer.bringToBack();
  }

  // Coverage maps (the coverage page): municipalities shaded by the number of partners for one
  // levensdomein. Colour-blind safe (ColorBrewer PuOr): orange for a gap, light to dark purple for
  // more partners; a gap also gets a dashed border, and the page's table has the same numbers.
  var COVERAGE_COLOURS = ["#e66101", "#d8daeb", "#998ec3", "#542788"];

  function coverageClass(total, legend) {
    var k = 0;
    legend.forEach(function (row, i) { if (total >= row[0]) k = i; });
    return k;
  }

  function drawCoverage(map, grenzen, data) {
    L.geoJSON(grenzen, {
      style: function (f) {
        var cell = data.dekking[f.properties.nis];
        var k = cell ? coverageClass(cell[0], data.legenda) : 0;
        return { color: "#222", weight: k === 0 ? 2 : 1, dashArray: k === 0 ? "6 4" : null,
                 fillColor: COVERAGE_COLOURS[k], fillOpacity: 0.75 };
      },
      onEachFeature: function (f, layer) {
        var cell = data.dekking[f.properties.nis];
        if (!cell) return;
        var text = cell[2] + ": " + (cell[0] === 0 ? "hiaat, geen partner" :
          cell[0] + (cell[0] === 1 ? " partner" : " partners") + " (" + cell[1] + " met adres in de gemeente)");
        layer.bindTooltip(el("span", text), { sticky: true });
      }
    }).addTo(map);
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = function () {
      var box = el("div", null, { "class": "nk-legend" });
      box.appendChild(el("strong", "Aantal partners"));
      data.legenda.forEach(function (row, i) {
        var line = el("div");
        line.appendChild(el("span", null, { "class": "nk-swatch" + (i === 0 ? " nk-swatch-gap" : ""),
                                            style: "background:" + COVERAGE_COLOURS[i] }));
        line.appendChild(document.createTextNode(row[1]));
        box.appendChild(line);
      });
      return box;
    };
    legend.addTo(map);
    map.getContainer().setAttribute("data-coverage", "1");
  }

  function drawMarkers(map, data, options, root) {
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    var rows = data.markers;
    if (data.pickedOnly) {  // "Mijn netwerk": the page passes the picked ids after # (never sent anywhere)
      var match = location.hash.match(/^#p=(.*)$/);
      var picked = match ? match[1].split(",").map(function (x) {
        try { return decodeURIComponent(x); } catch (e) { return ""; }
      }) : [];
      rows = rows.filter(function (m) { return picked.indexOf(data.partners[m[2]][1]) >= 0; });
    }
    var markers = rows.map(function (m) {
      var person = data.partners[m[2]];
      var marker = L.marker([m[0], m[1]], { title: person[0], alt: person[0], keyboard: true });
      marker.nkDomains = person[3];
      marker.bindPopup(function () {
        return popup(person, data.domeinen, root, options.partnerUrl, function (box) {
          openLine(box, person, m, data, options, marker);
        });
      });
      return marker;
    });
    var active = {};
    data.domeinen.forEach(function (_, i) { active[i] = true; });
    function refresh() {
      cluster.clearLayers();
      cluster.addLayers(markers.filter(function (m) {
        return m.nkDomains.length === 0 || m.nkDomains.some(function (d) { return active[d]; });
      }));
      map.getContainer().setAttribute("data-markers", String(cluster.getLayers().length));
    }
    refresh();
    cluster.addTo(map);
    if (data.pickedOnly && markers.length) map.fitBounds(cluster.getBounds().pad(0.2), { maxZoom: 14 });
    var used = {};
    markers.forEach(function (m) { m.nkDomains.forEach(function (d) { used[d] = true; }); });
    var overlays = {};
    var byLayer = [];
    data.domeinen.forEach(function (name, i) {
      if (!used[i]) return;
      var group = L.layerGroup();
      group.addTo(map);
      overlays[escapeHtml(name)] = group;
      byLayer.push([group, i]);
    });
    if (byLayer.length > 1) {
      L.control.layers(null, overlays, { collapsed: true }).addTo(map);
      dutch(map.getContainer());
      map.on("overlayadd overlayremove", function (event) {
        byLayer.forEach(function (pair) { if (pair[0] === event.layer) active[pair[1]] = event.type === "overlayadd"; });
        refresh();
      });
    }
    window.nkMap = { map: map, cluster: cluster, markers: markers.length };
    map.getContainer().setAttribute("data-loaded", "1");
  }
})();
