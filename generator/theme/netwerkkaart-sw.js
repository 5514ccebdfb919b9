// Netwerkkaart's service worker: serves the regions saved "voor onderweg" when there is no connection.
// It lies at the site's root, so its scope is the whole site (also under a sub-path, such as a project
// site on GitHub Pages). It never stores anything itself: offline.js saves exactly the files listed in
// the build's offline/<regio>.json (the site's own public files); this worker only reads those caches.
// Requests to other servers (the background map's tiles) are not touched: never cached.
// Saved text files are stored packed with gzip (a region of 1,000 partners takes a fifth of the space):
// while offline.js saves a region, it asks each file with "x-nk-bewaar: 1", and this worker fetches it
// from the server and hands it back packed, marked "x-nk-gz: <packed bytes>"; it unpacks it again when it
// serves it, with the headers the file came with.
"use strict";

var SCOPE = new URL(self.registration.scope);
var PREFIX = "netwerkkaart-offline|" + SCOPE.pathname + "|";  // cache names: PREFIX + region + "|" + version
var OFFLINE_PAGE = new URL("offline.html", SCOPE).href;
var MANIFESTS = new URL("offline/", SCOPE).pathname;
var PACKED = "x-nk-gz";  // the mark of a saved file packed with gzip (its value: the packed bytes)

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function ourCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
  });
}

// A file to be saved (asked by offline.js with "x-nk-bewaar: 1"): fetched from the server, never from a
// cache; text (pages, data, scripts, styles) packed with gzip; what is packed already (Pagefind's index
// and engine, images, fonts) as it came.
var TEXT = /^(text\/|application\/(json|javascript|ecmascript|xml|manifest\+json)|image\/svg\+xml)/i;
var DROPPED = /^(content-length|content-encoding|transfer-encoding|x-nk-gz)$/i;
function toSave(request) {
  return fetch(request.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    var type = response.headers.get("Content-Type") || "";
    if (!response.ok || !response.body || !TEXT.test(type) || typeof CompressionStream !== "function") return response;
    return new Response(response.body.pipeThrough(new CompressionStream("gzip"))).arrayBuffer().then(function (bytes) {
      var headers = new Headers();
      response.headers.forEach(function (value, key) { if (!DROPPED.test(key)) headers.set(key, value); });
      headers.set(PACKED, String(bytes.byteLength));
      return new Response(bytes, { status: response.status, statusText: response.statusText, headers: headers });
    });
  });
}

// A saved file as the page expects it: unpacked if it was packed, with the headers it came with.
function unpack(response) {
  if (!response || !response.headers.has(PACKED)) return response;
  var headers = new Headers(response.headers);
  headers.delete(PACKED);
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")),
                      { status: response.status, statusText: response.statusText, headers: headers });
}

// The saved copy of a request: its address without query and fragment (the only form that is saved;
// kaart.html?d=<map> is the one map document for every map).
function saved(request) {
  var url = new URL(request.url);
  url.search = "";
  url.hash = "";
  var keys = [url.href];
  if (/\/index\.html$/.test(url.pathname)) keys.push(url.href.replace(/index\.html$/, ""));
  return ourCaches().then(function (names) {
    var i = 0;
    function next() {
      if (i >= names.length * keys.length) return null;
      var name = names[Math.floor(i / keys.length)], key = keys[i % keys.length];
      i += 1;
      return caches.open(name).then(function (cache) { return cache.match(key); }).then(function (r) { return r ? unpack(r) : next(); });
    }
    return next();
  });
}

function fallback(request) {
  return saved(request).then(function (response) {
    if (response) return response;
    if (request.mode === "navigate") {
      return ourCaches().then(function (names) {
        if (!names.length) return Response.error();
        return caches.open(names[0]).then(function (cache) { return cache.match(OFFLINE_PAGE); })
          .then(function (page) { return unpack(page) || Response.error(); });
      });
    }
    return Response.error();
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE.href) !== 0) return;  // other servers: untouched
  var path = new URL(request.url).pathname;
  if (path.indexOf(MANIFESTS) === 0) return;  // the manifests: always from the server (is there a newer build?)
  if (request.headers.has("x-nk-bewaar")) { event.respondWith(toSave(request)); return; }
  event.respondWith(ourCaches().then(function (names) {
    if (!names.length) return fetch(request);  // nothing saved: as if there were no worker
    // Online: the server's copy (the newest); without an answer from it: the saved copy.
    return fetch(request).catch(function () { return fallback(request); });
  }));
});
