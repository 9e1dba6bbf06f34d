/*
 * Part 6 of 6 (main): wires the controls, draws the first screen and says when it is ready
 * (data-ready on the root element and a performance mark, which the browser test reads).
 */

/* The controls above the map: rows, count, order and the shared filters. */
function wireMapControls() {
  Array.prototype.forEach.call(document.querySelectorAll('input[name="view"]'), function (radio) {
    radio.checked = radio.value === map.view;
    radio.addEventListener('change', function () {
      map.view = radio.value;
      map.limit = 200;
      if (map.sort === 'threads' && map.view === 'thread') {
        map.sort = 'tweets';
      } else if (map.sort === 'tweets' && map.view !== 'thread') {
        map.sort = 'threads';
      }
      syncSortControls();
      renderMap();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="measure"]'), function (radio) {
    radio.checked = radio.value === map.measure;
    radio.addEventListener('change', function () {
      map.measure = radio.value;
      renderMap();
    });
  });
  document.getElementById('sort-by').addEventListener('change', function (event) {
    map.sort = event.target.value;
    renderMap();
  });
  document.getElementById('sort-direction').addEventListener('change', function (event) {
    map.descending = event.target.value === 'descending';
    renderMap();
  });
  var words = document.getElementById('map-filter');
  var pending = null;
  words.addEventListener('input', function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      setFilter({ words: words.value.trim().replace(/\s+/g, ' ').toLowerCase() });
    }, 150);
  });
  var concept = document.getElementById('filter-concept');
  concept.addEventListener('change', function () {
    setFilter({ concept: concept.value === '' ? -1 : conceptIndexById[concept.value] });
  });
  var complete = document.getElementById('complete-only');
  complete.addEventListener('change', function () {
    setFilter({ completeOnly: complete.checked });
  });
  var form = document.getElementById('map-controls');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  form.addEventListener('reset', function () {
    window.setTimeout(function () {
      map.view = data.open_view;
      map.measure = 'tagged';
      map.sort = 'order';
      map.descending = false;
      wireRadios();
      syncSortControls();
      setFilter({ words: '', concept: -1, completeOnly: false });
    }, 0);
  });
  syncSortControls();
}

function wireRadios() {
  Array.prototype.forEach.call(document.querySelectorAll('input[name="view"]'), function (radio) {
    radio.checked = radio.value === map.view;
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="measure"]'), function (radio) {
    radio.checked = radio.value === map.measure;
  });
}

function wireReadingOptions() {
  ['negated', 'reported'].forEach(function (attribute) {
    var box = document.getElementById('hide-' + attribute);
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + attribute, box.checked);
    });
    document.body.classList.toggle('hide-' + attribute, box.checked);
  });
}

function wireConceptButtons() {
  Array.prototype.forEach.call(document.querySelectorAll('button.show-concept'), function (control) {
    control.addEventListener('click', function () {
      var conceptIndex = conceptIndexById[control.getAttribute('data-concept')];
      showDetail(function () {
        var shown = visibleThreads();
        showSentences(shown, conceptIndex, labelled(concepts[conceptIndex]) + (filtering()
          ? ' in the ' + plural(shown.length, 'thread') + ' the filters keep' : ' in all threads'), null);
      }, true);
    });
  });
}

filterListeners.push(renderMap, renderThreadList, redrawDetail);
review.load();
wireMapControls();
wireReadingOptions();
wireConceptButtons();
wireReview();
renderMap();
renderThreadList();
showFigures();
window.addEventListener('beforeprint', function () {
  Array.prototype.forEach.call(document.querySelectorAll('details'), function (details) {
    details.open = true;
  });
});
document.documentElement.setAttribute('data-ready', 'true');
if (window.performance && window.performance.mark) {
  window.performance.mark('report-ready');
}
