/* Netwerkkaart: "nu open". Is a location or phone line open at this moment, in Belgian time?

The site is built days before anyone reads it, so the state is computed here, when the page is
viewed, in Europe/Brussels time (Intl.DateTimeFormat with timeZone: daylight saving included).
No library, nothing fetched from another host. The hours are the record's own fields
(generator/model.py, Hours.to_data): {openingsuren: [{dagen, van, tot, gesloten, geldig_van,
geldig_tot}], op_afspraak, dag_en_nacht, open_op_feestdagen, gesloten: [{van, tot, reden}]}.
The public holidays come from feestdagen.js (window.NKOpenFeestdagen, made at build time).

API (window.NKOpen), for pages, cards, the A-Z list, map popups, the sheet and the wegwijzer:
  NKOpen.state(hours, date?, words?) -> {code, open, today, text, icon}
        code: "open" | "gesloten" | "vandaag-gesloten" | "afspraak" | "altijd" | "onbekend"
        open: open at that moment; today: open at some time that day (for "vandaag open")
  NKOpen.closures(hours, date?, days?) -> [{van, tot, reden}] closed days (closures and holidays)
        from that day for `days` days (default 28), as ISO dates, neighbouring days joined; the
        weekly blocks are not needed for it: `openingsuren: true` says there are some (the sheet)
  NKOpen.render(element, hours?, date?) fills an element with icon + text (hours default:
        NKOpen.hoursOf(element)) and sets data-nk-state to the code
  NKOpen.hoursOf(element)         -> the element's hours: the JSON in its data-nk-open attribute, or
        (data-nk-open-ref="3") entry 3 of the page's table, data-nk-uren on an ancestor
  NKOpen.refresh(root?)           renders every [data-nk-open] / [data-nk-open-ref] element; runs once a minute and
        then fires the event "nk-open-tick" on document (filters listen to it)
  NKOpen.local(date?)             -> {iso, minutes, weekday (0 = Monday)} in Belgian time
The sentences are Dutch. lang2: on the family's views (the sheet, the wegwijzer) nk-taal.js gives
the same sentences in the family's language: render asks NKTaal.openWords(element) for a wording
{t(key, dutch, params), day(weekday), date(iso), reason(text), mark(textElement)} (keys open.* in
generator/data/talen/*.yml) and passes it to state; without one (care-worker pages), Dutch.
*/
(function () {
  "use strict";
  var CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"];
  var NAMES = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december"];
  var DAY = 1440, MS_DAY = 86400000, LOOK_AHEAD = 60;
  var ICONS = {open: "\u2713", gesloten: "\u2715", "vandaag-gesloten": "\u2715", afspraak: "\u25F7",
               altijd: "\u221E", onbekend: "?"};
  var FORMAT = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23"
  });

  function holidays() { return window.NKOpenFeestdagen || {}; }

  /* Belgian wall-clock time of an instant: the calendar day (days since 1970) and minutes. */
  function local(date) {
    var parts = {};
    FORMAT.formatToParts(date || new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var day = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / MS_DAY;
    return {day: day, iso: iso(day), minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
            weekday: weekday(day)};
  }
  function iso(day) { return new Date(day * MS_DAY).toISOString().slice(0, 10); }
  function weekday(day) { return (new Date(day * MS_DAY).getUTCDay() + 6) % 7; }
  function minutes(hhmm) { return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)); }
  function clock(m) { m = ((m % DAY) + DAY) % DAY; return (m < 600 ? "0" : "") + Math.floor(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + (m % 60); }
  function dateText(day) { var d = new Date(day * MS_DAY); return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]; }
  // lang2: the Dutch wording (another language: NKTaal.openWords in nk-taal.js)
  var DUTCH = {t: function (key, dutch) { return dutch; }, day: function (i) { return NAMES[i]; },
               date: function (isoDay) { return dateText(Date.parse(isoDay) / MS_DAY); },
               reason: function (text) { return text; }};
  function wording(element) {
    return window.NKTaal && window.NKTaal.openWords ? window.NKTaal.openWords(element) : null;
  }

  function inPeriod(block, date) {
    var a = block.geldig_van, b = block.geldig_tot;
    if ((!a || a.length === 10) && (!b || b.length === 10)) return (!a || date >= a) && (!b || date <= b);
    var md = date.slice(5), from = a ? a.slice(-5) : "01-01", to = b ? b.slice(-5) : "12-31";
    return from <= to ? md >= from && md <= to : md >= from || md <= to;  // a period over New Year
  }

  /* One calendar day: its opening intervals in minutes from that day's midnight (an interval past
     midnight ends after 1440), or why it is closed. */
  function dayInfo(hours, day) {
    var date = iso(day);
    if (hours.dag_en_nacht) return {intervals: [[0, DAY]], reason: null};
    var closures = hours.gesloten || [];
    for (var i = 0; i < closures.length; i++) {
      if (date >= closures[i].van && date <= (closures[i].tot || closures[i].van)) {
        return {intervals: [], reason: closures[i].reden};
      }
    }
    var holiday = holidays()[date];
    if (holiday && !hours.open_op_feestdagen) return {intervals: [], reason: "feestdag: " + holiday};
    var blocks = Array.isArray(hours.openingsuren) ? hours.openingsuren : [];
    var seasonal = blocks.filter(function (b) { return (b.geldig_van || b.geldig_tot) && inPeriod(b, date); });
    var use = seasonal.length ? seasonal : blocks.filter(function (b) { return !b.geldig_van && !b.geldig_tot; });
    var code = CODES[weekday(day)];
    var intervals = use.filter(function (b) { return !b.gesloten && b.dagen.indexOf(code) >= 0; }).map(function (b) {
      var start = minutes(b.van), end = minutes(b.tot);
      return [start, end <= start ? end + DAY : end];
    });
    intervals.sort(function (x, y) { return x[0] - y[0]; });
    return {intervals: intervals, reason: null};
  }

  /* Minutes since day 0 of the interval that holds `at`, looking at the day before too (past midnight). */
  function current(hours, day, at) {
    for (var back = 1; back >= 0; back--) {
      var list = dayInfo(hours, day - back).intervals;
      for (var i = 0; i < list.length; i++) {
        var start = (day - back) * DAY + list[i][0], end = (day - back) * DAY + list[i][1];
        if (start <= at && at < end) return end;
      }
    }
    return null;
  }

  function hasHours(hours) {
    return !!(hours && (hours.dag_en_nacht || (hours.openingsuren && hours.openingsuren.length)));
  }

  function state(hours, date, words) {
    var w = words || DUTCH;
    hours = hours || {};
    var now = local(date), at = now.day * DAY + now.minutes;
    if (hours.dag_en_nacht) return result("altijd", true, true, w.t("open.always", "Dag en nacht bereikbaar"));
    if (hours.op_afspraak) return result("afspraak", false, false, w.t("open.appointment", "Op afspraak"));
    if (!hasHours(hours)) return result("onbekend", false, false, w.t("open.unknown", "Geen uren gekend"));
    var today = dayInfo(hours, now.day);
    var end = current(hours, now.day, at);
    var openToday = today.intervals.length > 0 || end !== null;
    if (end !== null) {
      for (var guard = 0; guard < 14; guard++) {  // closes at midnight and opens again at 00:00: one stretch
        var more = current(hours, Math.floor(end / DAY), end);
        if (more === null || more <= end) break;
        end = more;
      }
      var endDay = Math.floor(end / DAY);
      var uur = clock(end), dag = w.day(weekday(endDay));
      return result("open", true, true, end - at <= DAY
        ? w.t("open.open_until", "Nu open \u00b7 sluit om " + uur, {uur: uur})
        : w.t("open.open_until_day", "Nu open \u00b7 sluit " + dag + " om " + uur, {dag: dag, uur: uur}));
    }
    var next = null;
    for (var k = 0; k <= LOOK_AHEAD && next === null; k++) {
      var list = dayInfo(hours, now.day + k).intervals;
      for (var i = 0; i < list.length; i++) {
        if (k > 0 || list[i][0] > now.minutes) { next = [now.day + k, list[i][0]]; break; }
      }
    }
    var opens = "";
    if (next) {
      var ahead = next[0] - now.day, at2 = clock(next[1]), on = w.day(weekday(next[0]));
      opens = " \u00b7 " + (ahead === 0 ? w.t("open.opens_today", "opent om " + at2, {uur: at2})
        : ahead === 1 ? w.t("open.opens_tomorrow", "opent morgen om " + at2, {uur: at2})
        : ahead < 7 ? w.t("open.opens_day", "opent " + on + " om " + at2, {dag: on, uur: at2})
        : w.t("open.opens_date", "opent op " + on + " " + w.date(iso(next[0])) + " om " + at2,
              {dag: on, datum: w.date(iso(next[0])), uur: at2}));
    }
    if (today.reason) {
      var why = w.reason(today.reason);
      return result("vandaag-gesloten", false, false,
                    w.t("open.closed_today", "Vandaag gesloten (" + why + ")", {reden: why}) + opens);
    }
    return result("gesloten", false, openToday, w.t("open.closed", "Gesloten") + opens);
  }

  function result(code, open, today, text) {
    return {code: code, open: open, today: today, text: text, icon: ICONS[code]};
  }

  function closures(hours, date, days) {
    hours = hours || {};
    var start = local(date).day, out = [];
    if (hours.dag_en_nacht || !(hasHours(hours) || hours.openingsuren === true)) return out;
    for (var k = 0; k < (days || 28); k++) {
      var info = dayInfo(hours, start + k);
      if (!info.reason) continue;
      var last = out[out.length - 1];
      if (last && last.reden === info.reason && last.day === start + k - 1) {
        last.tot = iso(start + k); last.day = start + k;
      } else {
        out.push({van: iso(start + k), tot: iso(start + k), reden: info.reason, day: start + k});
      }
    }
    return out.map(function (c) { return {van: c.van, tot: c.tot, reden: c.reden}; });
  }

  /* The hours of a state element: its own (data-nk-open), or the entry its data-nk-open-ref points at
     in the page's table (data-nk-uren on an ancestor: each distinct set of hours once per page,
     pages.py share_hours), parsed once per table. */
  var tables = typeof WeakMap === "function" ? new WeakMap() : null;
  function table(holder) {
    var text = holder.getAttribute("data-nk-uren") || "[]";
    var known = tables && tables.get(holder);
    if (known && known.text === text) return known.list;
    var list;
    try { list = JSON.parse(text); } catch (e) { list = []; }
    list = Array.isArray(list) ? list.map(expand) : [];
    if (tables) tables.set(holder, {text: text, list: list});
    return list;
  }
  /* A table entry as the record's hours: a plain weekly block is written short there,
     "ma,di,do 09:00-12:30" (hours.py, page_hours). */
  var BLOCK = /^([a-z]{2}(?:,[a-z]{2})*) ([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2})$/;
  function expand(hours) {
    if (!hours || typeof hours !== "object" || Array.isArray(hours)) return {};
    if (!Array.isArray(hours.openingsuren)) return hours;
    var out = {};
    Object.keys(hours).forEach(function (key) { out[key] = hours[key]; });
    out.openingsuren = hours.openingsuren.map(function (block) {
      var m = typeof block === "string" ? BLOCK.exec(block) : null;
      return typeof block !== "string" ? block : m ? {dagen: m[1].split(","), van: m[2], tot: m[3]} : {dagen: []};
    });
    return out;
  }
  function parse(element) {
    var ref = element.getAttribute("data-nk-open-ref");
    if (ref !== null) {
      var holder = element.closest("[data-nk-uren]");
      return (holder && table(holder)[Number(ref)]) || {};
    }
    try { return JSON.parse(element.getAttribute("data-nk-open") || "{}"); } catch (e) { return {}; }
  }

  function render(element, hours, date) {
    var words = wording(element);  // lang2: the family's language, or null (Dutch)
    var s = state(hours || parse(element), date, words);
    var icon = document.createElement("span");
    icon.className = "nk-open-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = s.icon;
    var text = document.createElement("span");
    text.className = "nk-open-text";
    text.textContent = s.text;
    if (words && words.mark) words.mark(text);  // lang2: a holiday's or partner's own words: lang="nl"
    element.textContent = "";
    element.appendChild(icon);
    element.appendChild(document.createTextNode(" "));
    element.appendChild(text);
    element.classList.add("nk-open");  // a reference (data-nk-open-ref) has its class only from here
    element.setAttribute("data-nk-state", s.code);
    element.setAttribute("data-nk-today", s.today ? "1" : "0");
    element.hidden = false;
    return s;
  }

  function refresh(root) {
    (root || document).querySelectorAll("[data-nk-open], [data-nk-open-ref]").forEach(function (element) {
      render(element);
    });
    document.dispatchEvent(new CustomEvent("nk-open-tick"));
  }

  window.NKOpen = {state: state, closures: closures, render: render, refresh: refresh, local: local,
                   holidays: holidays, hoursOf: parse};

  var timer = null;
  function start() {
    refresh(document);
    if (timer === null) timer = setInterval(function () { refresh(document); }, 60000);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
