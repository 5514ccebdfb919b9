/* Netwerkkaart wegwijzer: where the family lives, for whom, what they ask -> who helps, best first.
 * Loaded only by the wegwijzer page (also again after mkdocs-material's instant navigation).
 * The choices live in the page address after # (a browser never sends that part to a server) and
 * nowhere else; the data files are the same for every visitor. Every text from the data is set with
 * textContent. Ranking: the same as vragen.find in Python (generator/vragen.py). */
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
        b.textContent = on ? "Op het blad van het gezin \u2713" : "Zet op het blad van het gezin";
      });
    }

    // The status also shows in a bar that jumps to the answers (on a phone they are below the questions).
    function say(text, count) {
      status.textContent = text;
      if (!jump) return;
      jump.hidden = !count;
      jump.textContent = count ? "Bekijk " + count + (count === 1 ? " antwoord" : " antwoorden") + " \u2193" : "";
    }

    function row(dl, label, value) {
      if (!value) return;
      dl.appendChild(node("dt", label));
      var dd = node("dd");
      if (typeof value === "string") dd.textContent = value; else dd.appendChild(value);
      dl.appendChild(dd);
    }

    function phoneLink(text, e164) {
      var a = node("a", text, "nk-tel");
      a.href = "tel:" + e164;
      return a;
    }

    // Beroepsgeheim and brede instap in words (ja, nee, niet ingevuld); what they mean opens on tap.
    function statuses(p, data) {
      var word = function (v) { return v === 1 ? "ja" : v === 0 ? "nee" : "niet ingevuld"; };
      var details = node("details", null, "nk-status nk-status-" + (p.bg === 1 ? "ja" : p.bg === 0 ? "nee" : "onbekend"));
      details.appendChild(node("summary", "Beroepsgeheim: " + word(p.bg) + " \u00b7 Brede instap: " + word(p.b)));
      var meaning = node("p", "Beroepsgeheim: wat je vertelt, blijft tussen jou en de hulpverlener. " +
        "Brede instap: je kan er met elke vraag terecht. Niet ingevuld: vraag het gerust.");
      if (p.ga && data.afspraak_uitleg) {  // gedeeld beroepsgeheim: what the agreement means, for the family
        meaning.appendChild(node("br"));
        meaning.appendChild(node("span", data.afspraak_uitleg, "nk-agreement-explained"));
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
        var text = list.text + (which ? " " + word + ": " + shown + " van " + list.cards.length + "." : "")
          + (which && !shown ? " Kies \u201cAlle\u201d bij \u201cOpen\u201d om ze toch te zien." : "");
        if (list.count.textContent !== text) list.count.textContent = text;
      });
      var place = drawn.place, n = drawn.questions;
      var text = total
        ? total + (total === 1 ? " antwoord" : " antwoorden") + " voor " + n + (n === 1 ? " vraag" : " vragen")
          + " in " + place.n + (which ? " (" + word.toLowerCase() + ")" : "") + "."
        : "Geen partner " + (which ? word.toLowerCase() + " " : "") + "gevonden in " + place.n + " voor deze keuze.";
      if (status.textContent !== text) say(text, total);  // not again every minute for a screen reader
      result.setAttribute("data-nk-open-filter", which || "alle");
    }

    // Gedeeld beroepsgeheim: one sentence per agreement the partner signed (the region's data has them).
    function agreementLines(box, p, data) {
      (p.ga || []).forEach(function (id) {
        var line = data.afspraken && data.afspraken[id];
        if (line) box.appendChild(node("p", line, "nk-agreement-line"));
      });
    }

    function card(p, place, data) {
      var box = node("article", null, "nk-card nk-ww-card");
      box.setAttribute("data-partner", p.i);
      var h = node("h4");
      var a = node("a", p.n);
      a.href = site + "partners/" + encodeURIComponent(p.i) + "/";
      h.appendChild(a);
      box.appendChild(h);
      var here = p.l.indexOf(place.nis) >= 0;
      var where = here ? "adres in " + place.n
        : p.h === 1 ? "werkt in de hele regio" + (p.p.length ? " (adres in " + p.p.join(", ") + ")" : "")
        : p.p.length ? "werkt in " + place.n + ", adres in " + p.p.join(", ") : "werkt in " + place.n;
      box.appendChild(node("p", p.s + " \u00b7 " + where, "nk-kind"));
      if (p.o && window.NKOpen) {  // "Nu open · sluit om 12:30" (nk-open.js renders it again every minute)
        var open = node("p", null, "nk-open");
        open.setAttribute("data-nk-open", JSON.stringify(p.o));
        window.NKOpen.render(open, p.o);
        box.appendChild(open);
      }
      var badges = node("p", null, "nk-badges");
      if (here) badges.appendChild(node("span", "In " + place.n, "nk-badge nk-ok"));
      if (p.b === 1) badges.appendChild(node("span", "Brede instap: met elke vraag welkom", "nk-badge nk-ok"));
      if (p.k === "gratis") badges.appendChild(node("span", "Gratis", "nk-badge nk-ok"));
      if (badges.childNodes.length) box.appendChild(badges);
      agreementLines(box, p, data);
      box.appendChild(statuses(p, data));
      var dl = node("dl");
      row(dl, "Hoe", (p.a || []).map(function (w) { return index.aanmelden[w] || ""; }).join(" "));
      if (p.k && p.k !== "gratis") row(dl, "Kosten", index.kost[p.k] + "." + (p.ku ? " " + p.ku : ""));
      else if (p.ku) row(dl, "Kosten", p.ku);
      if (p.t && p.te) row(dl, "Bellen", phoneLink(p.t, p.te));
      formRow(dl, p.f);
      box.appendChild(dl);
      box.appendChild(pickButton(p));
      return box;
    }

    // The sign-up form as a link that opens beside the wegwijzer (only http(s), see webUrl).
    function formRow(dl, url) {
      var form = webUrl(url);
      if (!form) return;
      var link = node("a", "Aanmeldformulier");
      link.href = form;
      link.rel = "noopener";
      link.target = "_blank";
      row(dl, "Online", link);
    }

    function routeBlock(region, reason) {
      var r = region.route;
      var box = node("section", null, "nk-card nk-ww-route");
      box.setAttribute("data-nk-ww-route", "");
      var title = node("h3", "Eerst: aanmelden bij " + region.naam);
      title.id = "nk-ww-route-titel";
      box.setAttribute("aria-labelledby", title.id);
      box.appendChild(title);
      box.appendChild(node("p", reason));
      var dl = node("dl");
      if (r.telefoon && r.te) row(dl, "Bellen", phoneLink(r.telefoon, r.te));
      formRow(dl, r.formulier);
      if (r.email) {
        var mail = node("a", r.email);
        mail.href = "mailto:" + encodeURIComponent(r.email).replace(/%40/g, "@");
        row(dl, "Mailen", mail);
      }
      box.appendChild(dl);
      if (r.wie || r.wat_volgt) {
        var details = node("details");
        details.appendChild(node("summary", "Wie kan aanmelden, en wat volgt?"));
        var more = node("dl");
        row(more, "Wie", r.wie);
        row(more, "Wat volgt", r.wat_volgt);
        details.appendChild(more);
        box.appendChild(details);
      }
      var page = node("a", "Meer over " + region.naam);
      page.href = site + region.url;
      var p = node("p");
      p.appendChild(page);
      box.appendChild(p);
      return box;
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
          ? "Het gezin heeft meer dan één vraag tegelijk. Dan helpt 1 Gezin 1 Plan: één gezinscoach en één plan, samen met het gezin."
          : complex ? "Voor deze vraag is meestal meer dan één hulpverlener nodig. 1 Gezin 1 Plan zoekt samen met het gezin wie kan helpen."
          : "Voor deze vraag vonden we niemand in " + place.n + ". 1 Gezin 1 Plan zoekt mee naar hulp.";
        result.appendChild(routeBlock(region, reason));
      }
      var lists = [];
      answers.forEach(function (a) {
        var section = node("section", null, "nk-ww-answer");
        section.setAttribute("data-vraag", a.q.id);
        section.appendChild(node("h3", a.q.v));
        if (a.partners.length) {
          var count = node("p", a.partners.length + (a.partners.length === 1 ? " partner helpt" : " partners helpen")
            + " hiermee in " + place.n + ". De beste keuze staat bovenaan.", "nk-muted");
          section.appendChild(count);
          var list = node("div", null, "nk-cards nk-ww-cards");
          var cards = a.partners.map(function (p) { var box = card(p, place, data); list.appendChild(box); return { box: box, hours: p.o }; });
          lists.push({ count: count, text: count.textContent, cards: cards });
          section.appendChild(list);
        } else {
          section.appendChild(node("p", "In " + place.n + " helpt niemand met deze vraag"
            + (ages.length || young ? " voor deze leeftijd" : "") + ".", "nk-ww-none"));
          if (a.fallback.length) {
            section.appendChild(node("p", "Deze partners werken in de hele regio rond hetzelfde thema:", "nk-muted"));
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
        placeNote.appendChild(document.createTextNode("Gekozen: " + place.n + ", regio " + index.regios[place.r].naam + ". "));
        var link = node("a", "Alle partners in " + place.n);
        link.href = site + place.url;
        placeNote.appendChild(link);
      } else if (typed && index) {
        placeNote.textContent = "We vinden \u201c" + typed + "\u201d niet. Kies een gemeente, deelgemeente of postcode uit de lijst.";
      }
      showButtons(place ? place.r : null);
      var ages = parseAges(leeftijd.value);
      var young = jong.checked;
      writeFragment();
      if (!index) return;
      if (!place || !chosen.length) {
        drawn = null;
        result.textContent = "";
        say(!place && !chosen.length ? "Kies waar het gezin woont en wat de vraag is."
          : !place ? "Kies nog waar het gezin woont: dan tonen we wie daar helpt."
          : "Kies nog wat de vraag is.", 0);
        result.setAttribute("data-rendered", String(Number(result.getAttribute("data-rendered") || 0) + 1));
        return;
      }
      loadRegion(place.r).then(function (data) {
        if (mine === latest) draw(place, data, ages, young);
      }).catch(function () {
        if (mine === latest) status.textContent = "De gegevens konden niet geladen worden. Probeer opnieuw met een verbinding.";
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
      status.textContent = "De gegevens konden niet geladen worden. Probeer opnieuw met een verbinding.";
    });
  }

  window.nkWegwijzer = function () {
    try { init(); } catch (error) { if (window.console) console.error(error); }
  };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(window.nkWegwijzer);
  }
  window.nkWegwijzer();
})();
