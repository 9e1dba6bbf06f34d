/*
 * Part 5 of 6 (export): the precision and recall the review gives, and its export as the coder CSV
 * that `threadcoder eval --gold` reads (made in the page as a Blob: no network).
 */

/* The columns of the CSV gold format (GoldStandard): attributes, text and note are optional there. */
var CSV_COLUMNS = ['source', 'start', 'end', 'concept', 'negated', 'hypothetical', 'uncertain', 'reported', 'question', 'text', 'note'];

var reviewStatus = document.getElementById('review-status');

function figure(list, id, name, value) {
  var group = list.appendChild(element('div'));
  group.appendChild(element('dt', null, name));
  var definition = group.appendChild(element('dd', null, value));
  definition.id = id;
  return definition;
}

function showFigures() {
  var list = document.getElementById('review-figures');
  var figures = reviewFigures();
  clear(list);
  figure(list, 'review-sentences', 'Sentences reviewed', grouped(figures.sentences));
  figure(list, 'review-marks', 'Mentions marked', grouped(figures.right) + ' right, ' + grouped(figures.wrong) + ' wrong');
  figure(list, 'review-added', 'Concepts added', grouped(figures.added));
  var predicted = figures.truePositives + figures.falsePositives;
  var gold = figures.truePositives + figures.falseNegatives;
  var precision = figure(list, 'review-precision', 'Precision: the tool\u2019s tags you kept', ratio(figures.truePositives, predicted));
  precision.setAttribute('data-value', predicted === 0 ? '' : String(figures.truePositives / predicted));
  precision.title = grouped(figures.truePositives) + ' of ' + grouped(predicted) + ' (sentence, concept) pairs';
  var recall = figure(list, 'review-recall', 'Recall: your tags the tool found', ratio(figures.truePositives, gold));
  recall.setAttribute('data-value', gold === 0 ? '' : String(figures.truePositives / gold));
  recall.title = grouped(figures.truePositives) + ' of ' + grouped(gold) + ' (sentence, concept) pairs';
  var storageNote = document.getElementById('review-storage');
  storageNote.textContent = (review.storageWorks()
    ? 'Decisions are kept in this browser (local storage) for this run only, under its manifest hash '
      + data.manifest_sha256.slice(0, 12) + '\u2026; a rerun with another codebook or other inputs starts afresh, '
      + 'so download the CSV to keep them.'
    : 'This browser does not keep data for pages opened from disk: the decisions last only while the page is open. '
      + 'Download the CSV before closing it.')
    + (review.ignored() > 0 ? ' ' + plural(review.ignored(), 'saved decision') + ' named sentences this run does not have and '
      + (review.ignored() === 1 ? 'was' : 'were') + ' left out.' : '')
    + (review.problem() ? ' ' + review.problem() : '');
}

function csvField(value) {
  var text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/* The attribute columns for a concept the reviewer kept: the tool's, over its mentions not marked wrong. */
function attributeValues(sentence, concept, added) {
  return ['negated', 'hypothetical', 'uncertain', 'reported', 'question'].map(function (attribute) {
    if (data.attributes.indexOf(attribute) < 0) {
      return '';
    }
    if (added) {
      return 'false';
    }
    return sentence.mentions.some(function (mention) {
      return mention.concept === concept && review.verdictOf(mention) !== 'wrong' && mention.attributes.indexOf(attribute) >= 0;
    }) ? 'true' : 'false';
  });
}

function reviewNote(sentence) {
  var parts = [];
  var wrong = sentence.mentions.filter(function (mention) {
    return review.verdictOf(mention) === 'wrong';
  }).map(function (mention) {
    return mention.concept.id + ' \u201c' + sentence.text.slice(mention.from, mention.to) + '\u201d';
  });
  if (wrong.length > 0) {
    parts.push('marked wrong: ' + wrong.join(', '));
  }
  if (review.addedTo(sentence).length > 0) {
    parts.push('added: ' + review.addedTo(sentence).join(', '));
  }
  return parts.join('; ');
}

/* Every reviewed sentence in run order: one row per concept the reviewer accepts, or one row with no concept. */
function exportCsv() {
  var lines = [CSV_COLUMNS.join(',')];
  review.reviewedSentences().forEach(function (sentence) {
    var predicted = predictedConcepts(sentence);
    var accepted = reviewedConcepts(sentence);
    var note = reviewNote(sentence);
    var rows = accepted.length === 0 ? [null] : accepted;
    rows.forEach(function (concept) {
      var values = [sentence.thread.source, sentence.start, sentence.end, concept ? concept.id : '']
        .concat(concept ? attributeValues(sentence, concept, predicted.indexOf(concept) < 0) : ['', '', '', '', ''])
        .concat([sentence.text, note]);
      lines.push(values.map(csvField).join(','));
    });
  });
  return lines.join('\r\n') + '\r\n';
}

function download() {
  var figures = reviewFigures();
  if (figures.sentences === 0) {
    reviewStatus.textContent = 'Nothing reviewed yet: mark a mention, add a concept or mark a sentence reviewed first.';
    return;
  }
  var name = 'review-' + data.manifest_sha256.slice(0, 12) + '.csv';
  var address = URL.createObjectURL(new Blob([exportCsv()], { type: 'text/csv;charset=utf-8' }));
  var anchor = element('a');
  anchor.href = address;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  document.body.removeChild(anchor);
  window.setTimeout(function () {
    URL.revokeObjectURL(address);
  }, 60000);
  reviewStatus.textContent = 'Downloaded ' + name + ': ' + plural(figures.sentences, 'reviewed sentence') + '. Measure with: '
    + 'threadcoder eval --gold ' + name + ' INPUT... (the run\u2019s input files or folders).';
}

function wireReview() {
  document.getElementById('review-export').addEventListener('click', download);
  document.getElementById('review-list').addEventListener('click', function () {
    showDetail(function () {
      var list = review.reviewedSentences();
      detail.section.setAttribute('data-concept', '');
      detail.section.setAttribute('data-thread', '');
      detail.title.textContent = 'Reviewed sentences';
      detail.summary.textContent = plural(list.length, 'sentence') + ' reviewed, in run order.';
      var group = null;
      pagedList(detail.body, detail.pager, list, 100, function (sentence, container) {
        if (group === null || group.getAttribute('data-thread') !== sentence.thread.id) {
          group = container.appendChild(element('div', 'sentence-group'));
          group.setAttribute('data-thread', sentence.thread.id);
          group.appendChild(element('h3', null, threadName(sentence.thread)));
          group.appendChild(element('ol', 'sentence-list'));
        }
        group.lastChild.appendChild(sentenceElement(sentence, 'li', true));
      }, 'sentence');
    }, true);
  });
  var clearButton = document.getElementById('review-clear');
  var armed = false;
  clearButton.addEventListener('click', function () {
    var count = review.reviewedSentences().length;
    if (!armed && count > 0) {
      armed = true;
      clearButton.textContent = 'Press again to clear the decisions on ' + plural(count, 'sentence');
      return;
    }
    armed = false;
    clearButton.textContent = 'Clear all decisions';
    var reviewed = review.reviewedSentences();
    review.clearAll();
    reviewed.forEach(refreshSentence);
    showFigures();
    reviewStatus.textContent = count > 0 ? 'Cleared the decisions on ' + plural(count, 'sentence') + '.' : 'There were no decisions.';
  });
  clearButton.addEventListener('blur', function () {
    armed = false;
    clearButton.textContent = 'Clear all decisions';
  });
}
