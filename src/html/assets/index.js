// The index: sort by any column (click its header; again to reverse) and filter
// by text (accents optional: "quang ngai" finds "Quảng Ngãi") and by type.
// Opened with `#selftest`, it checks sorting and filtering and writes JSON into
// a `pre#selftest` element.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var table = document.getElementById('documents');
  var body = table.tBodies[0];
  var filter = document.getElementById('filter');
  var kind = document.getElementById('kind');
  var shown = document.getElementById('shown');

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  function cellValue(row, col, type) {
    var cell = row.cells[col];
    var v = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return type === 'number' ? Number(v) : v;
  }

  function sortBy(button) {
    var col = Number(button.dataset.col), type = button.dataset.type;
    var th = button.parentElement;
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir);
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, col, type), y = cellValue(b, col, type);
      var c = type === 'number' ? x - y : x.localeCompare(y, 'vi');
      return dir === 'ascending' ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function applyFilter() {
    var words = fold(filter.value).split(/\s+/).filter(Boolean);
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var text = fold(r.textContent);
      var ok = (!kind.value || r.dataset.kind === kind.value) && words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' / ' + body.rows.length + ' văn bản';
  }

  table.querySelectorAll('th button').forEach(function (b) { b.addEventListener('click', function () { sortBy(b); }); });
  filter.addEventListener('input', applyFilter);
  kind.addEventListener('change', applyFilter);
  filter.form.addEventListener('submit', function (e) { e.preventDefault(); });
  applyFilter();

  function visibleRows() {
    return Array.prototype.filter.call(body.rows, function (r) { return !r.hidden; });
  }

  function selftest() {
    var out = { page: 'index.html', errors: errors, checks: [], resources: [] };
    function check(name, ok) { out.checks.push({ name: name, ok: !!ok }); }
    var citations = table.querySelector('button[data-col="5"]');
    sortBy(citations); sortBy(citations);
    var counts = Array.prototype.map.call(body.rows, function (r) { return Number(r.cells[5].textContent); });
    check('sorted by citations, descending', counts.every(function (c, i) { return i === 0 || counts[i - 1] >= c; }));
    var first = body.rows[0].cells[0].textContent;
    filter.value = fold(first); applyFilter();
    check('filter by the first symbol keeps it', visibleRows().some(function (r) { return r.cells[0].textContent === first; }));
    filter.value = 'zzzz-khong-co'; applyFilter();
    check('filter with no match hides every row', visibleRows().length === 0);
    filter.value = ''; kind.value = kind.options.length > 1 ? kind.options[1].value : ''; applyFilter();
    check('type filter', visibleRows().every(function (r) { return !kind.value || r.dataset.kind === kind.value; }));
    kind.value = ''; applyFilter();
    check('all rows back', visibleRows().length === body.rows.length);
    performance.getEntriesByType('resource').forEach(function (r) { out.resources.push(r.name); });
    var pre = document.createElement('pre');
    pre.id = 'selftest';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }

  if (location.hash === '#selftest') selftest();
})();
