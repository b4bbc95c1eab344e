// "Save this guide for offline reading" (issue 17). Opt in: nothing is
// stored and no service worker is registered until the family asks. Saving
// registers sw.js for this language's folder and copies every page the build
// lists in offline.json, with the styles, scripts and pictures they load,
// into one cache. The saved copy's version is compared with the live index,
// so a family knows when to save again. Remove unregisters and deletes it.
(function () {
  "use strict";
  var box = document.querySelector("[data-offline]");
  if (!box || !("serviceWorker" in navigator) || !window.caches || !window.fetch) return;
  var scope = new URL(box.getAttribute("data-scope"), location.href).href;
  var index = new URL(box.getAttribute("data-index"), location.href).href;
  var worker = box.getAttribute("data-sw");
  var cacheName = "esosite-offline:" + scope; // the same name as in sw.js
  var status = box.querySelector("[data-offline-status]");
  var save = box.querySelector("[data-offline-save]");
  var remove = box.querySelector("[data-offline-remove]");

  function say(key) {
    status.textContent = box.getAttribute("data-" + key) || "";
    box.setAttribute("data-state", key);
  }

  function fresh(url) {
    return fetch(url, { cache: "no-store" }).then(function (res) {
      if (!res.ok) throw new Error(url + ": " + res.status);
      return res;
    });
  }

  // Same-origin files a page loads: stylesheets, icon, scripts, images.
  function loads(html, base, into) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    doc.querySelectorAll("link[rel~=stylesheet][href], link[rel~=icon][href], script[src], img[src]").forEach(function (el) {
      var u = new URL(el.getAttribute("href") || el.getAttribute("src"), base);
      if (u.origin === location.origin) into[u.href] = true;
    });
  }

  function fill() {
    return fresh(index).then(function (res) {
      return res.clone().json().then(function (data) {
        return caches.open(cacheName).then(function (cache) {
          var files = {};
          return Promise.all(data.pages.map(function (p) {
            var u = new URL(p, location.href).href;
            return fresh(u).then(function (page) {
              return page.clone().text().then(function (html) {
                loads(html, u, files);
                return cache.put(u, page);
              });
            });
          })).then(function () {
            return Promise.all(Object.keys(files).map(function (f) {
              return fresh(f).then(function (r) { return cache.put(f, r); });
            }));
          }).then(function () {
            // The index last: its presence means the copy is whole.
            return cache.put(index, res);
          });
        });
      });
    });
  }

  // caches.open would create an empty cache, so ask first.
  function check() {
    return caches.has(cacheName).then(function (has) {
      return has && caches.open(cacheName).then(function (cache) {
        return cache.match(index);
      });
    }).then(function (mine) {
      remove.hidden = !mine;
      if (!mine) return;
      return Promise.all([mine.json(), fresh(index).then(function (r) { return r.json(); }, function () { return null; })]).then(function (v) {
        say(v[1] && v[1].version !== v[0].version ? "stale" : "saved");
      });
    });
  }

  save.addEventListener("click", function () {
    save.disabled = true;
    say("saving");
    navigator.serviceWorker.register(worker, { scope: scope }).then(fill).then(function () {
      say("saved");
      remove.hidden = false;
    }, function () {
      say("failed");
    }).then(function () {
      save.disabled = false;
    });
  });

  remove.addEventListener("click", function () {
    navigator.serviceWorker.getRegistration(scope).then(function (reg) {
      return reg && reg.unregister();
    }).then(function () {
      return caches.delete(cacheName);
    }).then(function () {
      remove.hidden = true;
      say("removed");
      save.focus();
    });
  });

  box.hidden = false;
  check();
})();
