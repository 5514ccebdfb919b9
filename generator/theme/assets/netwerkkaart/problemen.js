// Only while `mkdocs serve` runs (see generator/engines/servestatus.py): when the data has problems, a banner
// on every page lists them. The text comes from a JSON file and is only ever set as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var statusUrl = new URL("problemen.json", script.src);
  var siteUrl = new URL("../../", script.src);

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function banner(status) {
    var box = el("div", "", "nk-serve-banner");
    box.id = "nk-serve-banner";
    box.setAttribute("role", "alert");
    box.appendChild(el("p", status.titel, "nk-serve-banner__title"));
    var list = el("ul");
    status.problemen.forEach(function (p) {
      var li = el("li");
      li.appendChild(el("code", p.plaats));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("strong", p.code));
      li.appendChild(document.createTextNode(" " + p.melding));
      li.appendChild(el("br"));
      li.appendChild(document.createTextNode("Tip: " + p.tip));
      if (p.uitleg) {
        var url = new URL(p.uitleg, siteUrl);
        if (url.origin === location.origin) {
          var a = el("a", "Uitleg bij " + p.code);
          a.href = url.href;
          li.appendChild(document.createTextNode(" "));
          li.appendChild(a);
        }
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function show() {
    fetch(statusUrl.href, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : { problemen: [] }; })
      .then(function (status) {
        var old = document.getElementById("nk-serve-banner");
        if (old) old.remove();
        if (status && status.problemen && status.problemen.length) {
          document.body.insertBefore(banner(status), document.body.firstChild);
        }
      })
      .catch(function () { /* the server is rebuilding; livereload reloads the page */ });
  }

  show();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(show);
})();
