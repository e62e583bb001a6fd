// A document page: the panel and the text point at each other. A panel entry
// `p-X` (a link to `#X`) scrolls to the mark `X` in the text; a mark (click, or
// Enter when focused) scrolls to its panel entry (`data-panel`). Opened with
// `#selftest`, the page checks itself and writes the result as JSON into
// a `pre#selftest` element, which a headless browser can dump (scripts/html-browser-test).
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });

  function pieces(id) {
    return Array.prototype.slice.call(document.querySelectorAll('[data-mark="' + CSS.escape(id) + '"]'));
  }

  function flash(el) {
    var all = el.dataset && el.dataset.mark ? pieces(el.dataset.mark) : [el];
    all.forEach(function (p) { p.classList.remove('flash'); void p.offsetWidth; p.classList.add('flash'); });
  }

  function show(el) {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    flash(el);
    if (!el.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  }

  // The first piece of the mark `node` is in, which carries the id and data-panel.
  function markOf(node) {
    var m = node.closest ? node.closest('mark[data-mark]') : null;
    return m ? document.getElementById(m.dataset.mark) : null;
  }

  function toPanel(mark) {
    var entry = mark && document.getElementById(mark.dataset.panel || '');
    if (entry) show(entry);
    return entry;
  }

  document.addEventListener('click', function (e) {
    var link = e.target.closest('a.jump');
    if (link) {
      var target = document.getElementById(link.getAttribute('href').slice(1));
      if (target) { e.preventDefault(); show(target); }
      return;
    }
    var mark = markOf(e.target);
    if (mark && toPanel(mark)) e.preventDefault();
  });

  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('mark[data-panel]')) {
      e.preventDefault();
      toPanel(e.target);
    }
  });

  function inView(el) {
    var r = el.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= 0 || r.top >= window.innerHeight) return false;
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.scrollHeight > p.clientHeight && getComputedStyle(p).overflowY !== 'visible') {
        var box = p.getBoundingClientRect();
        if (r.bottom <= box.top || r.top >= box.bottom) return false;
      }
    }
    return true;
  }

  function selftest() {
    var out = { page: location.pathname.split('/').pop(), file: document.getElementById('text').dataset.file, errors: errors, marks: [], jumps: [], back: [], resources: [] };
    document.querySelectorAll('mark[id][data-mark]').forEach(function (first) {
      out.marks.push({
        id: first.id,
        kind: first.dataset.kind || null,
        symbol: first.dataset.symbol || null,
        name: first.dataset.name || null,
        start: Number(first.dataset.start),
        end: Number(first.dataset.end),
        text: pieces(first.id).map(function (p) { return p.textContent; }).join('')
      });
    });
    document.querySelectorAll('#panel a.jump').forEach(function (a) {
      var id = a.getAttribute('href').slice(1);
      var target = document.getElementById(id);
      window.scrollTo(0, document.body.scrollHeight);
      a.click();
      out.jumps.push({ from: a.id, to: id, found: !!target, visible: !!target && inView(target),
        flashed: !!target && target.classList.contains('flash'), focused: document.activeElement === target });
    });
    document.querySelectorAll('mark[id][data-panel]').forEach(function (mark) {
      if (!document.getElementById(mark.dataset.panel)) return; // fields without a panel link
      window.scrollTo(0, 0);
      mark.click();
      var entry = document.getElementById(mark.dataset.panel);
      out.back.push({ from: mark.id, to: entry.id, visible: inView(entry), focused: document.activeElement === entry });
    });
    performance.getEntriesByType('resource').forEach(function (r) { out.resources.push(r.name); });
    window.scrollTo(0, 0);
    var pre = document.createElement('pre');
    pre.id = 'selftest';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }

  if (location.hash === '#selftest') selftest();
})();
