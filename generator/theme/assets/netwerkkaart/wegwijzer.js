/* Netwerkkaart wegwijzer: where the family lives, for whom, what they ask -> who helps, best first.
 * Loaded only by the wegwijzer page (also again after mkdocs-material's instant navigation).
 * The choices live in the page address after # (a browser never sends that part to a server) and
 * nowhere else; the data files are the same for every visitor. Every text from the data is set with
 * textContent. Ranking: the same as vragen.find in Python (generator/topics/vragen.py). */
(function () {
  "use strict";
  if (window.nkWegwijzer) { window.nkWegwijzer(); return; }

  var YOUNG = [12, 24];  // "ik ben zelf jonger dan 25"

  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\s+/g, " ").trim();
  }

  function safeDecode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, " ")); } catch (e) { return ""; }
  }

  function node(tag, text, cls) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }

  // lang: the family's language (nk-taal.js; l= in the address). T(key, dutch, params) is the Dutch
  // text unless another language is chosen; Dutch free text gets lang="nl", names and numbers translate="no".
  function T(key, dutch, params) { return window.NKTaal ? window.NKTaal.t(key, dutch, params) : dutch; }
  function lang() {  // (this script may run before nk-taal.js: then the address says it)
    var m = /(?:^#|&)l=([a-z]{2})(?=&|$)/.exec(location.hash);
    return window.NKTaal ? window.NKTaal.current() : m ? m[1] : "nl";
  }
  function nl(el) { if (window.NKTaal) window.NKTaal.dutch(el); return el; }
  function keep(el) { el.setAttribute("translate", "no"); return el; }
  function ltr(el) { el.setAttribute("dir", "ltr"); return keep(el); }  // numbers read left to right, also in Arabic

  // A sentence with inserted values (a place, a region, a name, a number) as nodes: each value in its own
  // <bdi>, so in a right-to-left sentence a left-to-right name keeps its place ("... في Hamme: 1." would
  // otherwise show as "... في 1 :Hamme."). dutch(v) builds the Dutch sentence from the values given.
  var MARK = /\uE000(\d+)\uE001/;
  function isolated(key, dutch, params) {
    var names = Object.keys(params), marks = {};
    names.forEach(function (name, i) { marks[name] = "\uE000" + i + "\uE001"; });
    var parts = T(key, dutch(marks), marks).split(MARK);
    var out = document.createDocumentFragment();
    parts.forEach(function (part, i) {
      if (i % 2 === 0) { if (part) out.appendChild(document.createTextNode(part)); return; }
      var value = node("bdi", String(params[names[Number(part)]]));
      if (typeof params[names[Number(part)]] === "string") keep(value);  // a name: not for a translation tool
      out.appendChild(value);
    });
    return out;
  }
  function copyNodes(el) {  // the children of el, copied, as one fragment
    var out = document.createDocumentFragment();
    el.childNodes.forEach(function (child) { out.appendChild(child.cloneNode(true)); });
    return out;
  }
  function holding(tag, content, cls) {  // an element with the nodes of isolated()
    var el = node(tag, null, cls);
    el.appendChild(content);
    return el;
  }
  // xlink:href, not href: mkdocs-material's instant navigation assigns .href of every [href] (read-only on <use>)
  var XLINK = "http://www.w3.org/1999/xlink";
  // The page's own pictograms point at the sprite from this page's address: after an instant
  // navigation they are made absolute, as the links are.
  function resolvePictos(form, sprite) {
    form.querySelectorAll("svg.nk-picto use").forEach(function (use) {
      var name = (use.getAttributeNS(XLINK, "href") || "").split("#")[1] || "circle-dot";
      use.setAttributeNS(XLINK, "xlink:href", sprite + "#" + name);
    });
  }

  // -- visuals: a question's pictogram before its heading (generator/topics/picto.py), from the shared
  // sprite, named by the heading (so it reads in the heading's language); as netwerkkaart.js's.
  function pictoHeading(sprite, heading, name, id) {
    if (!sprite) return heading;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "nk-picto");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", id);
    var use = document.createElementNS(ns, "use");
    use.setAttributeNS(XLINK, "xlink:href", sprite + "#" + (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name || "") ? name : "circle-dot"));
    svg.appendChild(use);
    heading.id = id;
    var head = node("div", null, "nk-picto-head");
    head.appendChild(svg);
    head.appendChild(heading);
    return head;
  }
  // -- end visuals

  function webUrl(url) { return /^https?:\/\/[^\s]+$/i.test(url || "") ? url : null; }

  function readFragment() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at > 0) out[part.slice(0, at)] = safeDecode(part.slice(at + 1));
    });
    return out;
  }

  function parseAges(text) {
    return (String(text || "").match(/\d{1,3}/g) || []).map(Number).filter(function (n) { return n <= 120; }).slice(0, 12);
  }

  function findPlace(index, text) {
    var q = fold(text);
    if (!q) return null;
    var list = index.gemeenten;
    var i, m;
    for (i = 0; i < list.length; i++) if (fold(list[i].n) === q) return list[i];
    for (i = 0; i < list.length; i++) {
      m = list[i];
      if (m.dg.some(function (d) { return fold(d) === q || fold(d + " (" + m.n + ")") === q; })) return m;
      if (m.pc.some(function (pc) { return pc === q || fold(pc + " " + m.n) === q; })) return m;
    }
    return null;
  }

  function serves(p, nis) {
    return p.h === 1 || (p.g || []).indexOf(nis) >= 0 || p.l.indexOf(nis) >= 0;
  }

  function fitsAges(p, ages, young) {
    if (!p.lf || (!ages.length && !young)) return true;
    var low = p.lf[0], high = p.lf[1];
    return ages.some(function (a) { return low <= a && a <= high; }) || (young && low <= YOUNG[1] && YOUNG[0] <= high);
  }

  // An address in the municipality first, then brede instap, then free, then the region-wide ones.
  function rankKey(p, nis) {
    return [p.l.indexOf(nis) >= 0 ? 0 : 1, p.b === 1 ? 0 : 1, p.k === "gratis" ? 0 : 1, p.h === 1 ? 1 : 0];
  }

  function byRank(nis) {
    return function (a, b) {
      var ka = rankKey(a, nis), kb = rankKey(b, nis);
      for (var i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      var na = a.n.toLocaleLowerCase("nl"), nb = b.n.toLocaleLowerCase("nl");
      return na < nb ? -1 : na > nb ? 1 : (a.i < b.i ? -1 : a.i > b.i ? 1 : 0);
    };
  }

  function init() {
    var form = document.querySelector("form[data-nk-wegwijzer]");
    if (!form || form.nkReady) return;
    form.nkReady = true;
    var site = new URL(form.getAttribute("data-site"), location.href).href;
    var sprite = form.getAttribute("data-picto") ? new URL(form.getAttribute("data-picto"), location.href).href : "";  // visuals
    if (sprite) resolvePictos(form, sprite);  // visuals
    var waar = form.querySelector("#nk-ww-waar");
    var leeftijd = form.querySelector("#nk-ww-leeftijd");
    var jong = form.querySelector("#nk-ww-jong");
    var placeNote = form.querySelector("[data-nk-ww-plaats]");
    var buttons = Array.prototype.slice.call(form.querySelectorAll("button[data-vraag]"));
    var groups = Array.prototype.slice.call(form.querySelectorAll("[data-nk-ww-groep]"));
    var status = document.querySelector("[data-nk-ww-status]");
    var result = document.querySelector("[data-nk-ww-result]");
    var jump = form.querySelector("[data-nk-ww-jump]");
    var openRadios = Array.prototype.slice.call(form.querySelectorAll("input[name=nk-ww-open]"));
    var drawn = null;  // the answers on screen, for the "nu open" filter (filterOpen)
    var chosen = [];
    var index = null;
    var regions = {};
    var latest = 0;

    function loadRegion(id) {
      if (!regions[id]) {
        regions[id] = fetch(new URL(index.regios[id].bestand, site).href).then(function (r) {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        });
        regions[id].catch(function () { delete regions[id]; });
      }
      return regions[id];
    }

    function applyFragment() {
      var f = readFragment();
      waar.value = f.waar || "";
      leeftijd.value = f.leeftijd || "";
      jong.checked = f.jong === "1";
      openRadios.forEach(function (r) { r.checked = r.value === (f.open === "nu" || f.open === "vandaag" ? f.open : ""); });
      chosen = (f.wat || "").split(",").filter(function (id) { return /^[a-z0-9-]+$/.test(id); });
    }

    function writeFragment() {
      var parts = [];
      if (waar.value.trim()) parts.push("waar=" + encodeURIComponent(waar.value.trim()));
      if (chosen.length) parts.push("wat=" + chosen.join(","));
      var ages = parseAges(leeftijd.value);
      if (ages.length) parts.push("leeftijd=" + ages.join(","));
      if (jong.checked) parts.push("jong=1");
      if (openChoice()) parts.push("open=" + openChoice());
      if (lang() !== "nl") parts.push("l=" + lang());  // lang: the family's language, with the choices
      history.replaceState(history.state, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    }

    function showButtons(region) {
      var seen = {};
      buttons.forEach(function (b) {
        var id = b.getAttribute("data-vraag");
        var mine = region ? (" " + b.getAttribute("data-regios") + " ").indexOf(" " + region + " ") >= 0 : !seen[id];
        b.hidden = !mine;
        if (mine) seen[id] = true;
        b.setAttribute("aria-pressed", mine && chosen.indexOf(id) >= 0 ? "true" : "false");
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector("button[data-vraag]:not([hidden])"); });
    }

    function pickButton(p) {
      var button = node("button", null, "nk-ww-pick");
      button.type = "button";
      button.setAttribute("data-nk-ww-pick", p.i);
      button.addEventListener("click", function () {
        if (!window.nkMijnNetwerk) return;
        // The sheet groups the partner under the question it was picked for.
        var question = button.closest("[data-vraag]");
        window.nkMijnNetwerk.toggle(p.i, question ? "v-" + question.getAttribute("data-vraag") : null);
        refreshPicks();
      });
      return button;
    }

    function refreshPicks() {
      var ids = window.nkMijnNetwerk ? window.nkMijnNetwerk.ids() : null;
      result.querySelectorAll("[data-nk-ww-pick]").forEach(function (b) {
        b.hidden = !ids;
        var on = !!ids && ids.indexOf(b.getAttribute("data-nk-ww-pick")) >= 0;
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.textContent = on ? T("ww.pick_on", "Op het blad van het gezin \u2713") : T("ww.pick", "Zet op het blad van het gezin");
      });
    }

    // The status also shows in a bar that jumps to the answers (on a phone they are below the questions).
    function say(text, count) {
      if (typeof text === "string") status.textContent = text;
      else { status.textContent = ""; status.appendChild(text); }  // nodes of isolated()
      if (!jump) return;
      jump.hidden = !count;
      jump.textContent = count ? T("ww.jump", "Bekijk " + count + (count === 1 ? " antwoord" : " antwoorden") + " \u2193", {n: count}) : "";
    }

    function row(dl, label, value) {
      if (!value) return;
      dl.appendChild(node("dt", label));
      var dd = node("dd");
      if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
      dl.appendChild(dd);
    }

    function phoneLink(text, e164) {
      var a = ltr(node("a", text, "nk-tel"));
      a.href = "tel:" + e164;
      return a;
    }

    // Beroepsgeheim and brede instap in words (ja, nee, niet ingevuld); what they mean opens on tap.
    function statuses(p, data) {
      var word = function (v) { return v === 1 ? T("state.yes", "ja") : v === 0 ? T("state.no", "nee") : T("state.unknown", "niet ingevuld"); };
      var details = node("details", null, "nk-status nk-status-" + (p.bg === 1 ? "ja" : p.bg === 0 ? "nee" : "onbekend"));
      details.appendChild(node("summary", T("sheet.secrecy", "Beroepsgeheim") + ": " + word(p.bg) + " \u00b7 " +
        T("sheet.broad", "Brede instap") + ": " + word(p.b)));
      var meaning = node("p", T("state.help", "Beroepsgeheim: wat je vertelt, blijft tussen jou en de hulpverlener. " +
        "Brede instap: je kan er met elke vraag terecht. Niet ingevuld: vraag het gerust."));
      if (p.ga && data.afspraak_uitleg) {  // gedeeld beroepsgeheim: what the agreement means, for the family
        meaning.appendChild(node("br"));
        var explained = node("span", T("ww.agreement_explained", data.afspraak_uitleg), "nk-agreement-explained");
        meaning.appendChild(window.NKTaal && window.NKTaal.has("ww.agreement_explained") ? explained : nl(explained));  // lang2
      }
      details.appendChild(meaning);
      return details;
    }

    // "Nu open" / "Vandaag open" (nk-open.js, as in the A-Z list): hides the cards of partners that are
    // not open at this moment (or not today), again every minute (nk-open-tick). Only what is shown
    // changes: who helps, the order and the route to 1 Gezin 1 Plan stay as without the filter.
    function openChoice() {
      var on = openRadios.filter(function (r) { return r.checked; })[0];
      return on ? on.value : "";
    }

    function filterOpen() {
      if (!drawn) return;
      var which = openChoice(), now = new Date(), total = 0;
      var word = which === "nu" ? "Nu open" : "Vandaag open";
      var now_ = which === "nu";  // lang2: the filter's sentences in the family's language
      drawn.lists.forEach(function (list) {
        var shown = 0;
        list.cards.forEach(function (c) {
          var s = which && c.hours && window.NKOpen ? window.NKOpen.state(c.hours, now) : null;
          var ok = !which || (!!s && (which === "nu" ? s.open : s.today));
          c.box.hidden = !ok;
          if (ok) shown += 1;
        });
        if (!list.count) return;
        total += shown;
        var text = list.text + (which ? " " + T(now_ ? "ww.open_now_count" : "ww.open_today_count",
            word + ": " + shown + " van " + list.cards.length + ".", {n: shown, totaal: list.cards.length}) : "")
          + (which && !shown ? " " + T("ww.open_hint", "Kies \u201cAlle\u201d bij \u201cOpen\u201d om ze toch te zien.") : "");
        if (list.count.textContent !== text) {  // fixer: the sentence's own nodes (isolated place) stay
          list.count.textContent = list.nodes && text.indexOf(list.text) === 0 ? "" : text;
          if (!list.count.firstChild) {
            list.count.appendChild(list.nodes.cloneNode(true));
            if (text.length > list.text.length) list.count.appendChild(document.createTextNode(text.slice(list.text.length)));
          }
        }
      });
      var place = drawn.place, n = drawn.questions;
      var text = !which  // lang: the family's language, with the open filter too (lang2)
        ? (total ? isolated("ww.total", function (v) {  // fixer: the place (and numbers) isolated for right-to-left
            return v.n + (total === 1 ? " antwoord" : " antwoorden") + " voor " + v.m + (n === 1 ? " vraag" : " vragen") + " in " + v.plaats + ".";
          }, {n: total, m: n, plaats: place.n})
          : isolated("ww.none_found", function (v) { return "Geen partner gevonden in " + v.plaats + " voor deze keuze."; }, {plaats: place.n}))
        : total
        ? T(now_ ? "ww.total_now" : "ww.total_today", total + (total === 1 ? " antwoord" : " antwoorden") + " voor " + n
            + (n === 1 ? " vraag" : " vragen") + " in " + place.n + " (" + word.toLowerCase() + ").", {n: total, m: n, plaats: place.n})
        : T(now_ ? "ww.none_now" : "ww.none_today", "Geen partner " + word.toLowerCase() + " gevonden in " + place.n
            + " voor deze keuze.", {plaats: place.n});
      if (status.textContent !== (typeof text === "string" ? text : text.textContent)) say(text, total);  // not again every minute for a screen reader
      result.setAttribute("data-nk-open-filter", which || "alle");
    }

    // Gedeeld beroepsgeheim: one sentence per agreement the partner signed (the region's data has them);
    // lang2: in the family's language as on the sheet (sheet.agreement), from the region's name and the date.
    function agreementLines(box, p, data, place) {
      (p.ga || []).forEach(function (id) {
        var line = data.afspraken && data.afspraken[id];
        if (!line) return;
        var datum = data.afspraak_datum && data.afspraak_datum[id], region = index.regios[place.r];
        var own = lang() !== "nl" && datum && region && window.NKTaal && window.NKTaal.has("sheet.agreement");
        var el = node("p", own ? T("sheet.agreement", line, {regio: region.naam, datum: window.NKTaal.date(datum)}) : line,
                      "nk-agreement-line");
        box.appendChild(own ? el : nl(el));
      });
    }

    function card(p, place, data) {
      var box = node("article", null, "nk-card nk-ww-card");
      box.setAttribute("data-partner", p.i);
      var h = node("h4");
      var a = keep(node("a", p.n));
      a.href = site + "partners/" + encodeURIComponent(p.i) + "/";
      h.appendChild(a);
      box.appendChild(h);
      var here = p.l.indexOf(place.nis) >= 0;
      var where = here ? isolated("ww.address_in", function (v) { return "adres in " + v.plaats; }, {plaats: place.n})
        : p.h === 1 ? (p.p.length ? isolated("ww.whole_region_address", function (v) { return "werkt in de hele regio (adres in " + v.plaatsen + ")"; }, {plaatsen: p.p.join(", ")})
                                  : document.createTextNode(T("ww.whole_region", "werkt in de hele regio")))
        : p.p.length ? isolated("ww.works_in_address", function (v) { return "werkt in " + v.plaats + ", adres in " + v.plaatsen; }, {plaats: place.n, plaatsen: p.p.join(", ")})
        : isolated("ww.works_in", function (v) { return "werkt in " + v.plaats; }, {plaats: place.n});
      var kind = node("p", null, "nk-kind");  // lang: the kind of organisation stays Dutch (a name)
      kind.appendChild(nl(node("span", p.s)));
      kind.appendChild(document.createTextNode(" \u00b7 "));
      kind.appendChild(where);
      box.appendChild(kind);
      if (p.o && window.NKOpen) {  // "Nu open · sluit om 12:30" (nk-open.js renders it again every minute)
        var open = node("p", null, "nk-open");
        open.setAttribute("data-nk-open", JSON.stringify(p.o));
        window.NKOpen.render(open, p.o);
        box.appendChild(open);  // lang2: in the family's language (NKTaal.openWords), or marked Dutch
      }
      var badges = node("p", null, "nk-badges");
      if (here) badges.appendChild(holding("span", isolated("ww.badge_in", function (v) { return "In " + v.plaats; }, {plaats: place.n}), "nk-badge nk-ok"));
      if (p.b === 1) badges.appendChild(node("span", T("ww.badge_broad", "Brede instap: met elke vraag welkom"), "nk-badge nk-ok"));
      if (p.k === "gratis") badges.appendChild(node("span", T("ww.badge_free", "Gratis"), "nk-badge nk-ok"));
      if (badges.childNodes.length) box.appendChild(badges);
      agreementLines(box, p, data, place);
      box.appendChild(statuses(p, data));
      var dl = node("dl");
      row(dl, T("ww.how", "Hoe"), (p.a || []).map(function (w) { return T("signup." + w, index.aanmelden[w] || ""); }).join(" "));
      if (lang() !== "nl" && (p.k && p.k !== "gratis" || p.ku)) {  // lang: the cost in words, its explanation in Dutch
        var cost = node("span", p.k && p.k !== "gratis" ? T("cost." + p.k, index.kost[p.k] + ".") : "");
        if (p.ku) { cost.appendChild(document.createTextNode(" ")); cost.appendChild(nl(node("span", p.ku))); }
        row(dl, T("ww.costs", "Kosten"), cost);
      }
      else if (p.k && p.k !== "gratis") row(dl, "Kosten", index.kost[p.k] + "." + (p.ku ? " " + p.ku : ""));
      else if (p.ku) row(dl, "Kosten", p.ku);
      if (p.t && p.te) row(dl, T("sheet.call", "Bellen"), phoneLink(p.t, p.te));
      formRow(dl, p.f);
      box.appendChild(dl);
      box.appendChild(pickButton(p));
      return box;
    }

    // The sign-up form as a link that opens beside the wegwijzer (only http(s), see webUrl).
    function formRow(dl, url) {
      var form = webUrl(url);
      if (!form) return;
      var link = node("a", T("ww.form_link", "Aanmeldformulier"));
      link.href = form;
      link.rel = "noopener";
      link.target = "_blank";
      row(dl, T("ww.online", "Online"), link);
    }

    function routeBlock(region, reason) {
      var r = region.route;
      var box = node("section", null, "nk-card nk-ww-route");
      box.setAttribute("data-nk-ww-route", "");
      var title = holding("h3", isolated("ww.route_title", function (v) { return "Eerst: aanmelden bij " + v.regio; }, {regio: region.naam}));
      title.id = "nk-ww-route-titel";
      box.setAttribute("aria-labelledby", title.id);
      box.appendChild(title);
      box.appendChild(typeof reason === "string" ? node("p", reason) : holding("p", reason));
      var dl = node("dl");
      if (r.telefoon && r.te) row(dl, T("sheet.call", "Bellen"), phoneLink(r.telefoon, r.te));
      formRow(dl, r.formulier);
      if (r.email) {
        var mail = ltr(node("a", r.email));
        mail.href = "mailto:" + encodeURIComponent(r.email).replace(/%40/g, "@");
        row(dl, T("ww.mail", "Mailen"), mail);
      }
      box.appendChild(dl);
      if (r.wie || r.wat_volgt) {
        var details = node("details");
        details.appendChild(node("summary", T("ww.route_more", "Wie kan aanmelden, en wat volgt?")));
        var more = node("dl");
        row(more, T("ww.route_who", "Wie"), r.wie ? nl(node("span", r.wie)) : "");  // the region's own words
        row(more, T("route.next", "Wat volgt"), r.wat_volgt ? nl(node("span", r.wat_volgt)) : "");
        details.appendChild(more);
        box.appendChild(details);
      }
      var page = holding("a", isolated("ww.more_about", function (v) { return "Meer over " + v.regio; }, {regio: region.naam}));
      page.href = site + region.url;
      var p = node("p");
      p.appendChild(page);
      box.appendChild(p);
      return box;
    }

    // lang: a question's heading; translated when its button (of this region) shows the standard wording.
    function questionTitle(q, regionId) {
      var standard = buttons.some(function (b) {
        return b.getAttribute("data-vraag") === q.id && (" " + b.getAttribute("data-regios") + " ").indexOf(" " + regionId + " ") >= 0
          && b.querySelector("[data-nk-t]");
      });
      var h = node("h3", standard ? T("vraag." + q.id, q.v) : q.v);
      return standard && window.NKTaal && window.NKTaal.has("vraag." + q.id) ? h : nl(h);
    }

    function draw(place, data, ages, young) {
      var region = index.regios[place.r];
      var questions = [];
      data.vragen.forEach(function (q, i) { if (chosen.indexOf(q.id) >= 0) questions.push({ q: q, i: i }); });
      questions.sort(function (a, b) { return chosen.indexOf(a.q.id) - chosen.indexOf(b.q.id); });
      var answers = questions.map(function (item) {
        var fit = data.partners.filter(function (p) {
          return p.q.indexOf(item.i) >= 0 && serves(p, place.nis) && fitsAges(p, ages, young);
        }).sort(byRank(place.nis));
        var fallback = fit.length ? [] : data.partners.filter(function (p) {
          return p.h === 1 && fitsAges(p, ages, young) && p.d.some(function (d) { return item.q.d.indexOf(d) >= 0; });
        }).sort(byRank(place.nis));
        return { q: item.q, partners: fit, fallback: fallback };
      });
      result.textContent = "";
      var empty = answers.some(function (a) { return !a.partners.length; });
      var complex = answers.some(function (a) { return a.q.c === 1; });
      if (answers.length >= 2 || complex || empty) {
        var reason = answers.length >= 2
          ? T("ww.reason_many", "Het gezin heeft meer dan één vraag tegelijk. Dan helpt 1 Gezin 1 Plan: één gezinscoach en één plan, samen met het gezin.")
          : complex ? T("ww.reason_complex", "Voor deze vraag is meestal meer dan één hulpverlener nodig. 1 Gezin 1 Plan zoekt samen met het gezin wie kan helpen.")
          : isolated("ww.reason_none", function (v) { return "Voor deze vraag vonden we niemand in " + v.plaats + ". 1 Gezin 1 Plan zoekt mee naar hulp."; }, {plaats: place.n});
        result.appendChild(routeBlock(region, reason));
      }
      var lists = [];
      answers.forEach(function (a) {
        var section = node("section", null, "nk-ww-answer");
        section.setAttribute("data-vraag", a.q.id);
        section.appendChild(pictoHeading(sprite, questionTitle(a.q, place.r), a.q.pi, "nk-ww-r-" + a.q.id));  // lang + visuals
        if (a.partners.length) {
          var count = holding("p", isolated("ww.helps", function (v) {
            return v.n + (a.partners.length === 1 ? " partner helpt" : " partners helpen") + " hiermee in " + v.plaats + ". De beste keuze staat bovenaan.";
          }, {n: a.partners.length, plaats: place.n}), "nk-muted");
          section.appendChild(count);
          var list = node("div", null, "nk-cards nk-ww-cards");
          var cards = a.partners.map(function (p) { var box = card(p, place, data); list.appendChild(box); return { box: box, hours: p.o }; });
          lists.push({ count: count, text: count.textContent, nodes: copyNodes(count), cards: cards });
          section.appendChild(list);
        } else {
          section.appendChild(holding("p", isolated(ages.length || young ? "ww.nobody_age" : "ww.nobody", function (v) {
            return "In " + v.plaats + " helpt niemand met deze vraag" + (ages.length || young ? " voor deze leeftijd" : "") + ".";
          }, {plaats: place.n}), "nk-ww-none"));
          if (a.fallback.length) {
            section.appendChild(node("p", T("ww.fallback", "Deze partners werken in de hele regio rond hetzelfde thema:"), "nk-muted"));
            var more = node("div", null, "nk-cards nk-ww-cards nk-ww-fallback");
            lists.push({ count: null, cards: a.fallback.map(function (p) {
              var box = card(p, place, data);
              more.appendChild(box);
              return { box: box, hours: p.o };
            }) });
            section.appendChild(more);
          }
        }
        result.appendChild(section);
      });
      refreshPicks();
      drawn = { place: place, questions: answers.length, lists: lists };
      filterOpen();  // says how many answers are shown
      result.setAttribute("data-rendered", String(Number(result.getAttribute("data-rendered") || 0) + 1));
    }

    function render() {
      var mine = ++latest;
      var place = index ? findPlace(index, waar.value) : null;
      var typed = waar.value.trim();
      placeNote.textContent = "";
      if (place) {
        placeNote.appendChild(isolated("ww.chosen", function (v) { return "Gekozen: " + v.plaats + ", regio " + v.regio + "."; },
          {plaats: place.n, regio: index.regios[place.r].naam}));
        placeNote.appendChild(document.createTextNode(" "));
        var link = holding("a", isolated("ww.all_in", function (v) { return "Alle partners in " + v.plaats; }, {plaats: place.n}));
        link.href = site + place.url;
        placeNote.appendChild(link);
      } else if (typed && index) {
        placeNote.textContent = T("ww.not_found", "We vinden \u201c" + typed + "\u201d niet. Kies een gemeente, deelgemeente of postcode uit de lijst.", {tekst: typed});
      }
      showButtons(place ? place.r : null);
      var ages = parseAges(leeftijd.value);
      var young = jong.checked;
      writeFragment();
      if (!index) return;
      if (!place || !chosen.length) {
        drawn = null;
        result.textContent = "";
        say(!place && !chosen.length ? T("ww.ask_both", "Kies waar het gezin woont en wat de vraag is.")
          : !place ? T("ww.ask_place", "Kies nog waar het gezin woont: dan tonen we wie daar helpt.")
          : T("ww.ask_question", "Kies nog wat de vraag is."), 0);
        result.setAttribute("data-rendered", String(Number(result.getAttribute("data-rendered") || 0) + 1));
        return;
      }
      loadRegion(place.r).then(function (data) {
        if (mine === latest) draw(place, data, ages, young);
      }).catch(function () {
        if (mine === latest) status.textContent = T("error.load", "De gegevens konden niet geladen worden. Probeer opnieuw met een verbinding.");
      });
    }

    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var id = b.getAttribute("data-vraag");
        var at = chosen.indexOf(id);
        if (at >= 0) chosen.splice(at, 1); else chosen.push(id);
        render();
      });
    });
    openRadios.forEach(function (r) {
      r.addEventListener("change", function () { writeFragment(); filterOpen(); });
    });
    document.addEventListener("nk-open-tick", function () { if (document.body.contains(form)) filterOpen(); });
    [waar, leeftijd, jong].forEach(function (field) {
      field.addEventListener("input", render);
      field.addEventListener("change", render);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
    form.addEventListener("reset", function () {
      chosen = [];
      setTimeout(render, 0);  // after the browser emptied the fields
    });
    if (jump) {
      // A button, not a link to #...: the address after # holds the choices.
      jump.addEventListener("click", function () {
        var target = document.getElementById("nk-ww-resultaat");
        target.scrollIntoView();
        target.focus({ preventScroll: true });
      });
    }
    window.addEventListener("hashchange", function () {
      if (!document.body.contains(form) || location.hash.indexOf("=") < 0) return;
      applyFragment();
      render();
    });

    applyFragment();
    render();
    fetch(new URL(form.getAttribute("data-src"), location.href).href).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (data) {
      index = data;
      // A small site: every region's file at once, so no request depends on the place chosen.
      if (index.alles_laden) Object.keys(index.regios).forEach(function (id) { loadRegion(id).catch(function () {}); });
      render();
    }).catch(function () {
      status.textContent = T("error.load", "De gegevens konden niet geladen worden. Probeer opnieuw met een verbinding.");
    });
    // lang: another language chosen (or its texts arrived): the answers again, in that language
    document.addEventListener("nk-taal", function () { if (document.body.contains(form)) render(); });
  }

  window.nkWegwijzer = function () {
    try { init(); } catch (error) { if (window.console) console.error(error); }
  };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(window.nkWegwijzer);
  }
  window.nkWegwijzer();
})();
