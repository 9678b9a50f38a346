/*
 * The back office's small progressive script (every page works without it):
 * - workbench keyboard shortcuts: j or n next file, k previous, c claim it, o open it (Enter on
 *   the focused number opens it too), t take the next file; never while typing in a field or
 *   with a modifier key;
 * - the workbench's counts refresh every ~30 s from the inbox API, changing numbers only: the
 *   list, the clerk's place and focus stay as they are.
 */
(function () {
  'use strict';

  var workbench = document.querySelector('[data-workbench]');
  if (!workbench) return;

  var rows = Array.prototype.slice.call(workbench.querySelectorAll('tr[data-row]'));
  var current = -1;

  function linkOf(row) {
    return row.querySelector('a.case-link');
  }

  function select(index) {
    if (rows.length === 0) return;
    var next = Math.max(0, Math.min(rows.length - 1, index));
    if (current >= 0 && rows[current]) rows[current].classList.remove('is-current');
    current = next;
    rows[current].classList.add('is-current');
    var link = linkOf(rows[current]);
    if (link) link.focus();
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  // The row a claim or release came back to (#r-<id>) is where the clerk was. Selected after the
  // browser's own scroll to the fragment, which would otherwise take the focus back to the page.
  function backToPlace() {
    if (!location.hash || !/^#r-[0-9a-f-]{36}$/.test(location.hash)) return;
    var at = rows.indexOf(document.getElementById(location.hash.slice(1)));
    if (at >= 0) select(at);
  }
  if (document.readyState === 'complete') window.setTimeout(backToPlace, 0);
  else window.addEventListener('load', function () { window.setTimeout(backToPlace, 0); });

  workbench.addEventListener('focusin', function (event) {
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].contains(event.target)) {
        if (i !== current) {
          if (current >= 0 && rows[current]) rows[current].classList.remove('is-current');
          current = i;
          rows[i].classList.add('is-current');
        }
        return;
      }
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var key = event.key;
    if (key === 'j' || key === 'n') {
      select(current + 1);
    } else if (key === 'k') {
      select(current < 0 ? 0 : current - 1);
    } else if (key === 'c' && current >= 0) {
      var claim = rows[current].querySelector('[data-claim]');
      if (!claim) return;
      claim.click();
    } else if (key === 't') {
      var take = workbench.querySelector('[data-take-next]');
      if (!take) return;
      take.click();
    } else if (key === 'o' && current >= 0) {
      var link = linkOf(rows[current]);
      if (!link) return;
      link.click();
    } else {
      return;
    }
    event.preventDefault();
  });

  // Counts: numbers only, never the list itself.
  var url = workbench.getAttribute('data-counts-url');
  var seconds = Number(workbench.getAttribute('data-refresh-seconds')) || 30;
  var totalEl = workbench.querySelector('[data-count="total"]');
  var initialTotal = totalEl ? Number(totalEl.textContent) : NaN;
  var changed = workbench.querySelector('[data-counts-changed]');
  var status = workbench.querySelector('[data-counts-status]');

  function setCount(key, value) {
    var el = workbench.querySelector('[data-count="' + key + '"]');
    if (el && el.textContent !== String(value)) el.textContent = String(value);
  }

  function refresh() {
    if (!url || !window.fetch) return;
    window
      .fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (!body || !Array.isArray(body.counts)) return;
        var byState = {};
        var byService = {};
        var total = 0;
        body.counts.forEach(function (c) {
          byState[c.state] = (byState[c.state] || 0) + c.count;
          byService[c.serviceCode] = (byService[c.serviceCode] || 0) + c.count;
          total += c.count;
        });
        Object.keys(byState).forEach(function (k) { setCount('state:' + k, byState[k]); });
        Object.keys(byService).forEach(function (k) { setCount('service:' + k, byService[k]); });
        setCount('total', total);
        if (changed && total !== initialTotal && changed.hidden) {
          changed.hidden = false;
          if (status) status.textContent = changed.textContent.trim();
        }
        workbench.setAttribute('data-counts-refreshed', String(Date.now()));
      })
      .catch(function () {
        // A failed refresh leaves the numbers as they were; the next one tries again.
      });
  }

  window.setInterval(refresh, seconds * 1000);
  // Lets a test (or another script) ask for a refresh now.
  document.addEventListener('onewindow:refresh-counts', refresh);
})();
