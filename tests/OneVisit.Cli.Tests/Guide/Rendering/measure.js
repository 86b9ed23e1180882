// Injected into a copy of a guide page, shown in a frame of the width under test (see RenderHarness.cs).
// After layout it measures what a reader would notice and posts the findings to the harness page.
(function () {
  'use strict';
  var mode = location.hash.slice(1) || 'screen';

  // The print pass shows the page as it prints: the @media print rules are switched on for the screen.
  function usePrintRules() {
    for (var s = 0; s < document.styleSheets.length; s++) {
      var rules = document.styleSheets[s].cssRules;
      for (var r = 0; r < rules.length; r++) {
        if (rules[r].media && /print/.test(rules[r].media.mediaText)) {
          rules[r].media.appendMedium('screen');
        }
      }
    }
  }

  function describe(element) {
    var text = (element.textContent || '').trim().replace(/\s+/g, ' ');
    return element.tagName.toLowerCase() + ' "' + text.slice(0, 40) + '"';
  }

  // The deepest elements that stick out past the right edge of the page.
  function overflowing(limit) {
    var found = [];
    document.querySelectorAll('body *').forEach(function (element) {
      var box = element.getBoundingClientRect();
      if (box.right > limit + 0.5 && !Array.prototype.some.call(element.children, function (child) {
        return child.getBoundingClientRect().right > limit + 0.5;
      })) {
        found.push(describe(element) + ' reaches ' + Math.round(box.right) + 'px');
      }
    });
    return found.slice(0, 5);
  }

  function tables() {
    var problems = [];
    document.querySelectorAll('table').forEach(function (table, index) {
      var parent = table.parentElement;
      var style = getComputedStyle(parent);
      var room = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      var width = Math.max(table.getBoundingClientRect().width, table.scrollWidth);
      if (width > room + 0.5) {
        var heading = table.closest('section') && table.closest('section').querySelector('h2');
        problems.push('table ' + (index + 1) + (heading ? ' in "' + heading.textContent + '"' : '') + ' is ' + Math.round(width) + 'px wide in ' + Math.round(room) + 'px');
      }
    });
    return problems;
  }

  // A missing CJK font draws every character as the same empty box: distinct characters must draw differently.
  function cjkGlyphsDiffer() {
    var font = getComputedStyle(document.querySelector('h1')).font;
    var drawings = ['办', '事', '指', '南'].map(function (character) {
      var canvas = document.createElement('canvas');
      canvas.width = canvas.height = 64;
      var context = canvas.getContext('2d');
      context.font = font.replace(/\d+(\.\d+)?px/, '40px');
      context.fillText(character, 8, 48);
      return Array.prototype.join.call(context.getImageData(0, 0, 64, 64).data, '');
    });
    return drawings.every(function (drawing, i) { return drawings.indexOf(drawing) === i; });
  }

  // The smallest text drawn in an inline SVG chart, in CSS pixels as shown: a chart scaled down to a phone's
  // width shrinks its labels with it. 0 when the page has no SVG text.
  function smallestChartText() {
    var smallest = 0;
    document.querySelectorAll('svg text').forEach(function (text) {
      var matrix = text.getScreenCTM();
      var size = parseFloat(getComputedStyle(text).fontSize) * (matrix ? Math.abs(matrix.a) : 1);
      if (text.textContent.trim() && (smallest === 0 || size < smallest)) {
        smallest = size;
      }
    });
    return Math.round(smallest * 10) / 10;
  }

  function measure() {
    if (mode === 'print') {
      usePrintRules();
    }
    var root = document.documentElement;
    var report = {
      mode: mode,
      width: root.clientWidth,
      scrollWidth: root.scrollWidth,
      overflow: root.scrollWidth > root.clientWidth + 0.5 ? overflowing(root.clientWidth) : [],
      tables: tables(),
      cjkGlyphsDiffer: cjkGlyphsDiffer(),
      lang: root.lang,
      headings: Array.prototype.map.call(document.querySelectorAll('h2'), function (h) { return h.textContent; }),
      height: root.scrollHeight,
      smallestChartText: smallestChartText()
    };
    parent.postMessage({ guide: window.name, report: report }, '*');
  }

  // Not requestAnimationFrame: Chromium does not animate frames scrolled out of view, and most frames are.
  window.addEventListener('load', function () { setTimeout(measure, 0); });
})();
