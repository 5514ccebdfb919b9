/* Netwerkkaart: the family's language on the family sheet ("Mijn netwerk") and in the wegwijzer.

The care worker works in Dutch; the family-facing views switch to the family's language. The choice
lives only in the page address after # ("l=ar", beside the selection), so a shared link opens in the
family's language; a browser never sends that part to a server. Each language's texts are one small
JSON file (assets/netwerkkaart/talen/<code>.json, made by generator/topics/i18n.py from
generator/data/talen/<code>.yml), fetched only when that language is chosen. Dutch needs no file:
the pages and scripts carry their Dutch text.

API (window.NKTaal):
  NKTaal.current()            -> "nl" | "fr" | ... (from the address; unknown codes count as "nl")
  NKTaal.t(key, dutch, params) the text in the current language ({name} filled from params), or the
                              Dutch text when the language is nl or has no text for the key
  NKTaal.has(key)             true when the current language (not nl) has a text for the key
  NKTaal.ready()              Promise: the current language's texts are loaded
  NKTaal.withLang(hash)       the fragment ``hash`` ("#p=..." or "waar=...") with the current l= added
  NKTaal.apply(root)          translates [data-nk-t] (text), [data-nk-t-placeholder], [data-nk-t-title],
                              [data-nk-t-label] (aria-label); sets lang and dir on [data-nk-family];
                              fills the language switch ([data-nk-taal])
  NKTaal.dutch(element)       marks an element as Dutch text (lang="nl", dir="ltr") when the view is not Dutch
  NKTaal.hours(holder)        weekly hours in words in the current language (i18n.py's _blocks)
  NKTaal.date(iso, year?)     a date in words in the current language
  NKTaal.language(code, nl)   a language's name in the current language (Intl.DisplayNames)
  NKTaal.markDutch(el, words) lang2: marks those Dutch words inside el's translated text lang="nl"
  NKTaal.openWords(element)   lang2: the wording of nk-open.js's "nu open" sentences in the current
                              language for an element on a family view (in [data-nk-family], or not yet
                              on a page that has one), else null: Dutch (then marked lang="nl" on a
                              family view in another language). Care-worker pages stay Dutch.
Fires "nk-taal" on document when another language is chosen or its texts arrive.
*/
(function () {
  "use strict";
  if (window.NKTaal) return;
  var NAMES = {nl: "Nederlands", fr: "Fran\u00e7ais", en: "English", ar: "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
               tr: "T\u00fcrk\u00e7e", pl: "Polski", uk: "\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430",
               ro: "Rom\u00e2n\u0103"};
  var CODES = ["nl", "fr", "en", "ar", "tr", "pl", "uk", "ro"];
  var RTL = {ar: true};
  var DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"];
  var texts = {};      // code -> {key: text}
  var loading = {};    // code -> Promise

  function root() {
    var css = document.querySelector('link[href*="assets/netwerkkaart/netwerkkaart.css"]');
    return css ? css.href.replace(/assets\/netwerkkaart\/netwerkkaart\.css.*$/, "") : new URL("/", location.href).href;
  }

  function fromHash(hash) {
    var found = "nl";
    String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      if (part.indexOf("l=") === 0 && CODES.indexOf(part.slice(2)) >= 0) found = part.slice(2);
    });
    return found;
  }

  function current() { return fromHash(location.hash); }

  // Intl wants a locale: Arabic with the digits used in Belgium (0-9), like the times and phone numbers.
  function locale(code) { return code === "ar" ? "ar-u-nu-latn" : code === "nl" ? "nl-BE" : code; }

  function load(code) {
    if (code === "nl" || texts[code]) return Promise.resolve();
    if (!loading[code]) {
      loading[code] = fetch(root() + "assets/netwerkkaart/talen/" + code + ".json").then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      }).then(function (data) {
        texts[code] = data;
        document.dispatchEvent(new CustomEvent("nk-taal", {detail: {lang: code}}));
      }).catch(function () { delete loading[code]; });  // offline: Dutch until it can be fetched
    }
    return loading[code];
  }

  function has(key) {
    var code = current();
    return code !== "nl" && !!texts[code] && Object.prototype.hasOwnProperty.call(texts[code], key);
  }

  function fill(text, params) {
    // lang2: a value that ends with a full stop ("1 березня 2025 р.") at the end of a sentence: one stop
    return String(text).replace(/\{([a-z_]+)\}(\.?)/g, function (all, name, stop) {
      if (!params || !Object.prototype.hasOwnProperty.call(params, name)) return all;
      var value = String(params[name]);
      return value + (stop && value.slice(-1) === "." ? "" : stop);
    });
  }

  function t(key, dutch, params) {
    return has(key) ? fill(texts[current()][key], params) : dutch;
  }

  function withLang(hash) {
    var parts = String(hash || "").replace(/^#/, "").split("&").filter(function (p) { return p && p.indexOf("l=") !== 0; });
    if (current() !== "nl") parts.push("l=" + current());
    return parts.length ? "#" + parts.join("&") : "";
  }

  function dutch(el) {  // Dutch text reads left to right, also inside an Arabic view
    if (el && current() !== "nl") { el.setAttribute("lang", "nl"); el.setAttribute("dir", "ltr"); }
    return el;
  }

  var ATTRS = [["data-nk-t-placeholder", "placeholder"], ["data-nk-t-title", "title"], ["data-nk-t-label", "aria-label"]];

  function apply(where) {
    where = where || document;
    var code = current();
    where.querySelectorAll("[data-nk-family]").forEach(function (box) {
      box.setAttribute("lang", code);
      box.setAttribute("dir", RTL[code] ? "rtl" : "ltr");
    });
    where.querySelectorAll("[data-nk-t]").forEach(function (el) {
      if (el.nkDutch === undefined) el.nkDutch = el.innerHTML;
      var key = el.getAttribute("data-nk-t");
      if (has(key)) {
        el.textContent = texts[code][key];
        el.removeAttribute("lang");
        el.removeAttribute("dir");
      } else {
        el.innerHTML = el.nkDutch;
        el.removeAttribute("lang");
        el.removeAttribute("dir");
        dutch(el);
      }
    });
    ATTRS.forEach(function (pair) {
      where.querySelectorAll("[" + pair[0] + "]").forEach(function (el) {
        var store = "nkDutch" + pair[1];
        if (el[store] === undefined) el[store] = el.getAttribute(pair[1]) || "";
        el.setAttribute(pair[1], t(el.getAttribute(pair[0]), el[store]));
      });
    });
    where.querySelectorAll("[data-nk-taal]").forEach(switcher);
    if (window.NKOpen) {  // lang2: "nu open" in the family's language (openWords)
      where.querySelectorAll("[data-nk-family] [data-nk-open]").forEach(function (el) { window.NKOpen.render(el); });
    }
  }

  // The language switch: a labelled list, each language in its own name and script.
  function switcher(box) {
    var select = box.querySelector("select");
    if (!select) {
      var id = "nk-taal-" + Math.random().toString(36).slice(2, 8);
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.className = "nk-taal-label";
      select = document.createElement("select");
      select.id = id;
      CODES.forEach(function (code) {
        var option = document.createElement("option");
        option.value = code;
        option.textContent = NAMES[code];
        option.setAttribute("lang", code);
        select.appendChild(option);
      });
      select.addEventListener("change", function () { choose(select.value); });
      box.appendChild(label);
      box.appendChild(select);
    }
    // The label in Dutch and, beside it, in the chosen language (the worker and the family both read it).
    var text = current() === "nl" ? "Taal van het gezin" : "Taal van het gezin \u00b7 " + t("taal.label", "");
    box.querySelector("label").textContent = text.replace(/ \u00b7 $/, "");
    select.value = current();
  }

  function choose(code) {
    if (CODES.indexOf(code) < 0) code = "nl";
    var parts = location.hash.replace(/^#/, "").split("&").filter(function (p) { return p && p.indexOf("l=") !== 0; });
    if (code !== "nl") parts.push("l=" + code);
    history.replaceState(history.state, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    apply(document);
    document.dispatchEvent(new CustomEvent("nk-taal", {detail: {lang: code}}));
    load(code).then(function () { apply(document); });
  }

  // -- dates, days and hours in the current language (Intl: no word lists of our own) ---------------
  function dayName(index, style) {  // 0 = Monday; 2024-01-01 was a Monday
    return new Intl.DateTimeFormat(locale(current()), {weekday: style, timeZone: "UTC"})
      .format(new Date(Date.UTC(2024, 0, 1 + index)));
  }

  function date(iso, withYear) {
    var m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return "";
    var options = {day: "numeric", month: "long", timeZone: "UTC"};
    if (m[1] && withYear !== false) options.year = "numeric";
    return new Intl.DateTimeFormat(locale(current()), options)
      .format(new Date(Date.UTC(Number(m[1] || 2024), Number(m[2]) - 1, Number(m[3]))));
  }

  function daysText(days) {
    var idx = days.map(function (d) { return DAYS.indexOf(d); }).filter(function (i) { return i >= 0; })
      .sort(function (a, b) { return a - b; });
    if (idx.length >= 3 && idx[idx.length - 1] - idx[0] === idx.length - 1) {
      return dayName(idx[0], "short") + "\u2013" + dayName(idx[idx.length - 1], "short");
    }
    return idx.map(function (i) { return dayName(i, "short"); }).join(", ");
  }

  function hours(holder) {
    var lines = [];
    if (!holder) return lines;
    if (holder.dn) lines.push(t("hours.day_night", "Dag en nacht bereikbaar"));
    if (holder.af) lines.push(t("hours.appointment", "op afspraak"));
    (holder.b || []).forEach(function (block) {
      var text = daysText(block.dagen || []) + " " + (block.gesloten ? t("hours.closed", "gesloten")
        : "\u2066" + block.van + "\u2013" + block.tot + "\u2069");  // times stay left-to-right in Arabic
      if (block.geldig_van || block.geldig_tot) {
        text += " (" + date(block.geldig_van) + "\u2013" + date(block.geldig_tot) + ")";
      }
      lines.push(text);
    });
    return lines;
  }

  function language(code, nl) {
    if (current() === "nl" || !window.Intl || !Intl.DisplayNames) return nl;
    try {
      var name = new Intl.DisplayNames([locale(current())], {type: "language", fallback: "none"}).of(code);
      return name || nl;
    } catch (e) { return nl; }
  }

  // -- lang2: "nu open" (nk-open.js) in the family's language ------------------------------------------
  var OPEN_KEYS = ["open.always", "open.appointment", "open.unknown", "open.open_until", "open.open_until_day",
                   "open.closed", "open.closed_today", "open.holiday", "open.opens_today", "open.opens_tomorrow",
                   "open.opens_day", "open.opens_date"];
  var HOLIDAY = "feestdag: ";

  function isolate(text) {  // times read left to right, also in an Arabic sentence
    return RTL[current()] ? "\u2066" + text + "\u2069" : text;
  }

  function openWords(element) {
    var family = element && element.closest ? element.closest("[data-nk-family]") : null;
    if (!family && (!element || element.isConnected || !document.querySelector("[data-nk-family]"))) return null;
    if (current() === "nl") { element.removeAttribute("lang"); element.removeAttribute("dir"); return null; }
    if (!OPEN_KEYS.every(has)) { dutch(element); return null; }  // all or nothing: no sentence in two languages
    element.removeAttribute("lang");
    element.removeAttribute("dir");
    var kept = [];  // the Dutch words inside the sentence: a holiday's name, the partner's own reason
    return {
      t: function (key, nl, params) {
        var p = {};
        Object.keys(params || {}).forEach(function (k) { p[k] = k === "uur" ? isolate(params[k]) : params[k]; });
        return t(key, nl, p);
      },
      day: function (index) { return dayName(index, "long"); },
      date: function (iso) { return date(iso, false); },
      reason: function (text) {
        text = String(text || "");
        var own = text.indexOf(HOLIDAY) === 0 ? text.slice(HOLIDAY.length) : text;
        if (own) kept.push(own);
        return text.indexOf(HOLIDAY) === 0 ? t("open.holiday", text, {naam: own}) : text;
      },
      mark: function (holder) { markDutch(holder, kept); }
    };
  }

  // lang2: the Dutch words inside a translated sentence (a holiday's name, a partner's own reason for
  // a closure) in a span marked lang="nl"; each word once, in the order given.
  function markDutch(holder, words) {
    if (current() === "nl") return holder;
    (words || []).forEach(function (own) {
      if (!own) return;
      var walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT), n;
      while ((n = walker.nextNode())) {
        var at = n.data.indexOf(own);
        if (at < 0 || n.parentNode.getAttribute("lang") === "nl") continue;
        var word = n.splitText(at);
        word.splitText(own.length);
        var span = document.createElement("span");
        span.textContent = own;
        word.parentNode.replaceChild(dutch(span), word);
        break;
      }
    });
    return holder;
  }

  window.NKTaal = {current: current, t: t, has: has, ready: function () { return load(current()); },
                   withLang: withLang, apply: apply, dutch: dutch, hours: hours, date: date,
                   language: language, openWords: openWords, markDutch: markDutch, locale: function () { return locale(current()); }, codes: CODES};

  function init() {
    if (!document.querySelector("[data-nk-family]")) return;
    apply(document);
    load(current()).then(function () { apply(document); });
  }
  window.addEventListener("hashchange", function () {
    if (!document.querySelector("[data-nk-family]")) return;
    apply(document);
    document.dispatchEvent(new CustomEvent("nk-taal", {detail: {lang: current()}}));
    load(current()).then(function () { apply(document); });
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
