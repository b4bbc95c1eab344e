/* The walkthrough's one small script. Every step is a real page, every
   answer a plain link, and the route so far is in the address (the route
   pages' path, what-happens-next/r/<code>/, or ?r=<code> on a step page), so
   all of this is an extra, never a need:
   - moving to a step puts focus on its heading and says what was saved;
   - on a step page reached through answers: "your answers so far", each with
     a Change link, and links onward that keep the route;
   - an address whose answers do not fit shows a plain message instead;
   - "Print my route" prints a one-page summary.
   The rules for a route are those of internal/walkthrough/route.go. No
   cookies, no storage, no requests, no inline styles. */
(function () {
  'use strict';
  var d = document;
  var wt = d.querySelector('.wt');
  if (!wt) return;
  var root = new URL(wt.getAttribute('data-wt-root'), location.href).pathname;
  var here = wt.getAttribute('data-wt-id'), start = wt.getAttribute('data-wt-start');
  var onRoute = wt.hasAttribute('data-wt-route'), routePages = onRoute || wt.hasAttribute('data-wt-routes');
  var nodes = {}, codes = {}, state = [];

  var map = d.getElementById('wt-map');
  if (map && map.content) {
    each(map.content.querySelectorAll('[data-id]'), function (p) {
      var id = p.getAttribute('data-id'), n = { kind: p.getAttribute('data-kind'), next: p.getAttribute('data-next'), url: p.getAttribute('data-url'),
        title: p.querySelector('b').textContent, desc: p.querySelector('i').textContent, answers: {}, order: [] };
      each(p.querySelectorAll('s'), function (s) {
        var a = { id: s.getAttribute('data-a'), q: id, n: n, label: s.textContent, to: s.getAttribute('data-to'), c: s.getAttribute('data-c') };
        n.answers[a.id] = a;
        n.order.push(a.id);
        if (a.c) codes[a.c] = a;
      });
      nodes[id] = n;
    });
  }

  function each(list, f) { Array.prototype.forEach.call(list, f); }
  function el(tag, text, cls) {
    var e = d.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // The first question or outcome from id, through steps.
  function end(id) {
    for (var i = 0; nodes[id] && nodes[id].kind === 'step' && i < 100; i++) id = nodes[id].next;
    return id;
  }
  // A route address as answers, or null when an answer is unknown, a
  // question comes twice or an answer does not lead to the next question.
  function decode(s) {
    var out = [], seen = {};
    if (typeof s !== 'string' || s.length % 2 || s.length > 52) return null;
    for (var i = 0; i < s.length; i += 2) {
      var a = codes[s.slice(i, i + 2)];
      if (!a || seen[a.q] || (out.length && end(out[out.length - 1].to) !== a.q)) return null;
      seen[a.q] = true;
      out.push(a);
    }
    return out;
  }
  function code(cs) { return cs.map(function (a) { return a.c; }).join(''); }
  // The answers given before question q (all of them if q was not answered).
  function before(q) {
    for (var i = 0; i < state.length; i++) if (state[i].q === q) return state.slice(0, i);
    return state;
  }
  // Does the route lead to this page: a question it answered (to change it),
  // or a page between its last answer and the next question?
  function fits(cs) {
    if (!cs.length || before(here).length < cs.length) return true;
    for (var id = cs[cs.length - 1].to, i = 0; nodes[id] && i < 100; id = nodes[id].next, i++) {
      if (id === here) return true;
      if (nodes[id].kind !== 'step') break;
    }
    return false;
  }
  // Where a route goes: its own page when this language has route pages,
  // it starts at the first question and is no detour back to a question it
  // answered (the pages the build makes), else the page it reaches with the route in the query string.
  function url(cs) {
    if (!cs.length) return nodes[start].url;
    var last = cs[cs.length - 1], to = end(last.to), detour = cs.some(function (a) { return a.q === to; });
    return routePages && cs[0].q === start && !detour ? root + 'r/' + code(cs) + '/' : nodes[last.to].url + '?r=' + code(cs);
  }
  function inside(href) {
    try {
      var u = new URL(href, location.href);
      return u.origin === location.origin && u.pathname.indexOf(root) === 0;
    } catch (e) { return false; }
  }

  function load() {
    var r = new URLSearchParams(location.search).get('r'), cs = r === null ? [] : decode(r);
    state = cs || [];
    if (!cs || !fits(cs)) {
      state = [];
      var bad = d.getElementById('wt-bad');
      if (bad) bad.hidden = false;
    }
  }

  // Links within the walkthrough keep the route; answers add theirs.
  function links() {
    if (!state.length) return;
    each(wt.querySelectorAll('a[href]'), function (a) {
      if (!inside(a.href) || a.classList.contains('wt-restart')) return;
      var c = codes[a.getAttribute('data-c')];
      if (c) a.href = url(before(here).concat(c));
      else if (!a.classList.contains('wt-answer')) a.href = a.href.split(/[?#]/)[0] + '?r=' + code(state);
    });
  }

  function soFar() {
    var sec = d.getElementById('wt-so-far');
    if (!sec) return;
    var dl = sec.querySelector('dl'), given = before(here);
    dl.textContent = '';
    given.forEach(function (x, i) {
      var row = el('div', '', 'wt-summary__row'), dd = el('dd', '', 'wt-summary__change'), a = el('a', sec.getAttribute('data-change'), 'wt-change');
      // Change goes to the route page that asks the question, or to the
      // question's own page with the answers before it.
      a.href = routePages && given[0].q === start ? url(given.slice(0, i)) : x.n.url + (i ? '?r=' + code(given.slice(0, i)) : '');
      a.appendChild(el('span', ' ' + sec.getAttribute('data-change-hint') + ' ' + x.n.title, 'visually-hidden'));
      dd.appendChild(a);
      row.appendChild(el('dt', x.n.title));
      row.appendChild(el('dd', x.label));
      row.appendChild(dd);
      dl.appendChild(row);
    });
    sec.hidden = !given.length;
  }

  // The route: answers given, the steps taken from the start, and the steps ahead.
  function route() {
    var sec = d.getElementById('wt-route');
    if (!sec || !nodes[here]) return;
    var given = {}, dl = sec.querySelector('.wt-route__answers'), taken = sec.querySelector('.wt-route__steps'),
      ahead = sec.querySelector('.wt-route__ahead'), list = before(here), path = [], id = list.length ? list[0].q : here, guard = 0;
    dl.textContent = taken.textContent = ahead.textContent = '';
    list.forEach(function (x) {
      given[x.q] = x;
      dl.appendChild(el('dt', x.n.title));
      dl.appendChild(el('dd', x.label));
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
    var msg = '', prog = wt.querySelector('.wt-progress'), last = state[state.length - 1];
    if (last && (onRoute || last.to === here)) msg = wt.getAttribute('data-wt-live') + ' ' + last.label + '. ';
    if (prog) msg += prog.textContent;
    live.textContent = '';
    setTimeout(function () { live.textContent = msg; }, 100);
  }
  function fromWalkthrough() {
    var nav = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    return (nav && nav.type === 'back_forward') || (d.referrer !== '' && inside(d.referrer));
  }

  function show(moved) {
    if (onRoute) state = decode(wt.getAttribute('data-wt-route')) || [];
    else load();
    if (!onRoute) {
      links();
      soFar();
    }
    arrive(moved);
  }

  wt.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a, button');
    if (!a) return;
    if (a.classList.contains('wt-back') && d.referrer && inside(d.referrer) && history.length > 1) {
      e.preventDefault();
      history.back();
    } else if (a.classList.contains('wt-print')) {
      // A route page is its own printout; a step page prints the route section.
      if (!onRoute) {
        route();
        d.documentElement.classList.add('wt-printing');
      }
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

  each(d.querySelectorAll('.wt-print-item'), function (li) { li.hidden = !nodes[here] && !onRoute; });
  show(fromWalkthrough());
})();
