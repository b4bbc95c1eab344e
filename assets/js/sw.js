// The offline reader's service worker (issue 17). One file at the site's
// root, registered once per language with that language's folder as its
// scope, so each language is saved and removed on its own. offline.js fills
// the cache named after the scope; this worker only answers from it when the
// network fails, so a family online always reads the current guide.
"use strict";
var CACHE = "esosite-offline:" + self.registration.scope;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(fetch(req).catch(function () {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(req, { ignoreSearch: true });
    }).then(function (res) {
      return res || Response.error();
    });
  }));
});
