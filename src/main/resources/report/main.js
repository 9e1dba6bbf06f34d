/*
 * Part 5 of 5 (main): wires the controls, draws the first screen and says when it is ready
 * (data-ready on the root element and a performance mark, which the browser test reads).
 */

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
