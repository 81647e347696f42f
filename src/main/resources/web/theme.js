// Light/dark theme. Loaded synchronously in <head> so a saved choice applies before the first paint; without a
// saved choice the CSS follows prefers-color-scheme. The toggle is a real <button> with aria-pressed.
(function () {
  'use strict';
  var KEY = 'agenda-theme';
  var root = document.documentElement;
  try {
    var saved = window.localStorage.getItem(KEY);
    if (saved === 'dark' || saved === 'light') {
      root.setAttribute('data-theme', saved);
    }
  } catch (e) {
    // Storage can be disabled (private mode, policy): the system preference still applies.
  }

  function isDark() {
    var chosen = root.getAttribute('data-theme');
    if (chosen) {
      return chosen === 'dark';
    }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) {
      return;
    }
    button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      button.setAttribute('aria-pressed', String(next === 'dark'));
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // Not remembered across visits; the page still switches.
      }
    });
  });
})();
