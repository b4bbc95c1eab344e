/* The walkthrough's one small script. Every step is a real page and every
   answer a plain link, so all of this is an extra, never a need:
   - moving to a step puts focus on its heading and says what was saved;
   - "your answers so far", each with a Change link;
   - the answers travel in the address (#r=question.answer,...) and in
     sessionStorage, so reload, share, Back and Forward keep them, and it all
     still works when storage is blocked;
   - "Start again" forgets them; "Print my route" prints a one-page summary.
   No cookies, no requests, no inline styles. */
(function () {
  'use strict';
  var d = document, KEY = 'esosite-walkthrough';
  var wt = d.querySelector('.wt');
  if (!wt) return;
  var root = new URL(wt.getAttribute('data-wt-root'), location.href).pathname;
  var here = wt.getAttribute('data-wt-id');
  var nodes = {}, state = [];

  var map = d.getElementById('wt-map');
  if (map && map.content) {
    each(map.content.querySelectorAll('[data-id]'), function (p) {
      var n = { kind: p.getAttribute('data-kind'), next: p.getAttribute('data-next'), url: p.getAttribute('data-url'),
        title: p.querySelector('b').textContent, desc: p.querySelector('i').textContent, answers: {}, order: [] };
      each(p.querySelectorAll('s'), function (s) {
        n.answers[s.getAttribute('data-a')] = { label: s.textContent, to: s.getAttribute('data-to') };
        n.order.push(s.getAttribute('data-a'));
      });
      nodes[p.getAttribute('data-id')] = n;
    });
  }

  function each(list, f) { Array.prototype.forEach.call(list, f); }
  function el(tag, text, cls) {
    var e = d.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function answer(entry) {
    var p = entry.split('.'), n = nodes[p[0]];
    return n && n.answers[p[1]] && { q: p[0], n: n, a: n.answers[p[1]] };
  }
  function parse(s) {
    return (s || '').split(',').filter(function (e) { return /^[a-z0-9-]+\.[a-z0-9-]+$/.test(e); });
  }
  function save() {
    try { sessionStorage.setItem(KEY, state.join(',')); } catch (e) { /* storage blocked: the address keeps the answers */ }
  }
  function load() {
    var m = /[#&]r=([^&]*)/.exec(location.hash);
    if (m) {
      state = parse(decodeURIComponent(m[1]));
      save();
    } else {
      try { state = parse(sessionStorage.getItem(KEY)); } catch (e) { state = []; }
    }
  }
  // The answers given before question q (all of them if q was not answered).
  function before(q) {
    for (var i = 0; i < state.length; i++) if (state[i].split('.')[0] === q) return state.slice(0, i);
    return state;
  }
  function hash(s) { return s.length ? '#r=' + s.join(',') : ''; }
  function inside(url) {
    try {
      var u = new URL(url, location.href);
      return u.origin === location.origin && u.pathname.indexOf(root) === 0;
    } catch (e) { return false; }
  }

  // Links within the walkthrough carry the answers; answer links add theirs.
  function links() {
    each(wt.querySelectorAll('a[href]'), function (a) {
      if (!inside(a.href) || a.classList.contains('wt-restart')) return;
      var base = a.href.split('#')[0], qa = a.getAttribute('data-a');
      a.href = base + hash(qa ? before(here).concat(here + '.' + qa) : state);
    });
  }

  function soFar() {
    var sec = d.getElementById('wt-so-far');
    if (!sec) return;
    var dl = sec.querySelector('dl'), n = 0;
    dl.textContent = '';
    before(here).forEach(function (e) {
      var x = answer(e);
      if (!x) return;
      var dd = el('dd', x.a.label + ' '), a = el('a', sec.getAttribute('data-change'), 'wt-change');
      a.href = x.n.url + hash(state);
      a.appendChild(el('span', ' ' + sec.getAttribute('data-change-hint') + ' ' + x.n.title, 'visually-hidden'));
      dd.appendChild(a);
      dl.appendChild(el('dt', x.n.title));
      dl.appendChild(dd);
      n++;
    });
    sec.hidden = !n;
  }

  // The route: answers given, the steps taken from the start, and the steps ahead.
  function route() {
    var sec = d.getElementById('wt-route');
    if (!sec || !nodes[here]) return;
    var given = {}, dl = sec.querySelector('.wt-route__answers'), taken = sec.querySelector('.wt-route__steps'),
      ahead = sec.querySelector('.wt-route__ahead'), start = wt.getAttribute('data-wt-start'), path = [], id = start, guard = 0;
    dl.textContent = taken.textContent = ahead.textContent = '';
    before(here).forEach(function (e) {
      var x = answer(e);
      if (!x) return;
      given[x.q] = x.a;
      dl.appendChild(el('dt', x.n.title));
      dl.appendChild(el('dd', x.a.label));
    });
    while (id && nodes[id] && guard++ < 100) {
      path.push(id);
      if (id === here) break;
      id = nodes[id].kind === 'question' ? given[id] && given[id].to : nodes[id].next;
    }
    if (path[path.length - 1] !== here) path = [here];
    path.forEach(function (p) { taken.appendChild(step(p)); });
    var n = nodes[here];
    if (n.kind === 'question') {
      n.order.forEach(function (a) {
        var li = step(n.answers[a].to);
        li.insertBefore(el('span', n.answers[a].label + ': '), li.firstChild);
        ahead.appendChild(li);
      });
    }
    for (id = n.next, guard = 0; id && nodes[id] && guard++ < 50; id = nodes[id].kind === 'step' ? nodes[id].next : '') {
      ahead.appendChild(step(id));
    }
    if (!ahead.firstChild) ahead.appendChild(el('li', '–'));
  }
  function step(id) {
    var li = el('li'), a = el('a', nodes[id].title);
    a.href = nodes[id].url;
    li.appendChild(a);
    li.appendChild(el('span', ' – ' + nodes[id].desc));
    return li;
  }

  // Arriving from another walkthrough page (or by Back/Forward): focus the
  // heading, and say which answer was saved and where this step sits.
  function arrive(moved) {
    var h = d.getElementById('wt-title'), live = d.getElementById('wt-live');
    if (!moved || !h) return;
    h.focus();
    if (!live) return;
    var last = answer(state[state.length - 1] || ''), msg = '', prog = wt.querySelector('.wt-progress');
    if (last && last.a.to === here) msg = wt.getAttribute('data-wt-live') + ' ' + last.a.label + '. ';
    if (prog) msg += prog.textContent;
    live.textContent = '';
    setTimeout(function () { live.textContent = msg; }, 100);
  }
  function fromWalkthrough() {
    var nav = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    return (nav && nav.type === 'back_forward') || (d.referrer !== '' && inside(d.referrer));
  }

  function show(moved) {
    load();
    links();
    soFar();
    arrive(moved);
  }

  wt.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a, button');
    if (!a) return;
    if (a.classList.contains('wt-restart')) {
      state = [];
      save();
    } else if (a.classList.contains('wt-answer')) {
      state = before(here).concat(here + '.' + a.getAttribute('data-a'));
      save();
    } else if (a.classList.contains('wt-back') && d.referrer && inside(d.referrer) && history.length > 1) {
      e.preventDefault();
      history.back();
    } else if (a.classList.contains('wt-print')) {
      route();
      d.documentElement.classList.add('wt-printing');
      window.print();
    }
  });
  window.addEventListener('beforeprint', function () {
    route();
    var sec = d.getElementById('wt-route');
    if (sec && nodes[here]) sec.hidden = false;
  });
  window.addEventListener('afterprint', function () {
    d.documentElement.classList.remove('wt-printing');
    var sec = d.getElementById('wt-route');
    if (sec) sec.hidden = true;
  });
  // A page restored from the back-forward cache runs no script again.
  window.addEventListener('pageshow', function (e) { if (e.persisted) show(true); });

  each(d.querySelectorAll('.wt-print-item'), function (li) { li.hidden = !nodes[here]; });
  show(fromWalkthrough());
})();
