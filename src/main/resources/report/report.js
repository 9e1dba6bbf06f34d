/*
 * threadcoder review report: filters and the heatmap's cell selection. Inlined into report.html.
 * Reads the page's own elements and data- attributes; writes only with textContent, classList,
 * hidden and DOM methods (cloneNode, appendChild), never innerHTML, so thread text stays text.
 * Maven filters this file: it must not contain a dollar sign followed by a brace (no template literals).
 */
(function () {
  'use strict';

  var conceptView = document.getElementById('concepts');
  var threadView = document.getElementById('threads');
  var heatmap = document.getElementById('heatmap-svg');
  var form = document.getElementById('filters');
  var conceptFilter = document.getElementById('filter-concept');
  var threadFilter = document.getElementById('filter-thread');
  var hideNegated = document.getElementById('hide-negated');
  var hideReported = document.getElementById('hide-reported');
  var search = document.getElementById('filter-search');
  var status = document.getElementById('filter-status');
  var selection = document.getElementById('selection');
  var selectionTitle = document.getElementById('selection-title');
  var selectionBody = document.getElementById('selection-body');
  var plainTexts = new WeakMap();

  function each(root, selector, action) {
    if (root) {
      Array.prototype.forEach.call(root.querySelectorAll(selector), action);
    }
  }

  /* A sentence's own words, lower-cased, without the abbreviations, badges and tweet numbers around them. */
  function plainText(element) {
    if (!plainTexts.has(element)) {
      var parts = [];
      var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentNode.closest('.concept-tag, .context-badge, .tweet-ref')
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      while (walker.nextNode()) {
        parts.push(walker.currentNode.nodeValue);
      }
      plainTexts.set(element, parts.join('').replace(/\s+/g, ' ').toLowerCase());
    }
    return plainTexts.get(element);
  }

  function matches(element, words) {
    return !words || plainText(element).indexOf(words) >= 0;
  }

  function suppressed(mark) {
    return (hideNegated.checked && mark.hasAttribute('data-negated'))
      || (hideReported.checked && mark.hasAttribute('data-reported'));
  }

  /* The concepts that still have a shown (not suppressed) highlight in an element. */
  function shownConcepts(element) {
    var found = new Set();
    each(element, 'mark.mention', function (mark) {
      if (!mark.classList.contains('suppressed')) {
        found.add(mark.getAttribute('data-concept'));
      }
    });
    return found;
  }

  function apply() {
    var concept = conceptFilter.value;
    var thread = threadFilter.value;
    var words = search.value.trim().replace(/\s+/g, ' ').toLowerCase();
    var shown = 0;
    var total = 0;
    each(document, 'mark.mention', function (mark) {
      mark.classList.toggle('suppressed', suppressed(mark));
    });
    each(conceptView, '.concept-section', function (section) {
      var sectionShown = false;
      var conceptMatches = !concept || section.getAttribute('data-concept') === concept;
      each(section, '.concept-thread', function (group) {
        var groupShown = false;
        var threadMatches = !thread || group.getAttribute('data-thread') === thread;
        each(group, 'li.sentence', function (item) {
          var visible = conceptMatches && threadMatches && shownConcepts(item).size > 0 && matches(item, words);
          item.hidden = !visible;
          total += 1;
          if (visible) {
            shown += 1;
            groupShown = true;
          }
        });
        group.hidden = !groupShown;
        sectionShown = sectionShown || groupShown;
      });
      section.hidden = !sectionShown;
    });
    each(threadView, 'article.thread', function (article) {
      article.hidden = Boolean(thread) && article.getAttribute('data-thread') !== thread;
      each(article, '.sentence', function (sentence) {
        var off = (Boolean(concept) && !shownConcepts(sentence).has(concept)) || !matches(sentence, words);
        sentence.classList.toggle('dim', off);
      });
    });
    each(heatmap, '.heatmap-row', function (row) {
      row.classList.toggle('dimmed', Boolean(concept) && row.getAttribute('data-concept') !== concept);
    });
    each(heatmap, '.cell', function (cell) {
      cell.classList.toggle('dimmed', Boolean(thread) && cell.getAttribute('data-thread') !== thread);
    });
    var filtered = concept || thread || words || hideNegated.checked || hideReported.checked;
    status.textContent = filtered
      ? 'Filtered: the concept view shows ' + shown + ' of ' + total + ' sentence entries; '
        + 'non-matching sentences in the thread view are faded.'
      : 'No filter: the concept view shows all ' + total + ' sentence entries.';
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  /* Shows the sentences of one heatmap cell: a copy of that concept's group for that thread. */
  function select(cell) {
    var conceptId = cell.getAttribute('data-concept');
    var threadId = cell.getAttribute('data-thread');
    var source = null;
    each(heatmap, '.cell', function (other) {
      other.classList.toggle('selected', other === cell);
      other.setAttribute('aria-pressed', other === cell ? 'true' : 'false');
    });
    each(conceptView, '.concept-thread', function (group) {
      if (!source && group.getAttribute('data-concept') === conceptId && group.getAttribute('data-thread') === threadId) {
        source = group;
      }
    });
    selection.setAttribute('data-concept', conceptId);
    selection.setAttribute('data-thread', threadId);
    clear(selectionBody);
    if (!source) {
      selectionTitle.textContent = 'Sentences of a cell';
      var none = document.createElement('p');
      none.className = 'empty-note';
      none.textContent = 'No sentences found for this cell.';
      selectionBody.appendChild(none);
      return;
    }
    selectionTitle.textContent = source.getAttribute('data-concept-label') + ' in ' + source.getAttribute('data-thread-name');
    var copy = source.cloneNode(true);
    copy.hidden = false;
    each(copy, '[hidden]', function (element) {
      element.hidden = false;
    });
    each(copy, '[id]', function (element) {
      element.removeAttribute('id');
    });
    selectionBody.appendChild(copy);
    var section = source.closest('.concept-section');
    if (section && section.id) {
      var link = document.createElement('a');
      link.href = '#' + section.id;
      link.textContent = 'Go to this concept in the concept view';
      var paragraph = document.createElement('p');
      paragraph.appendChild(link);
      selectionBody.appendChild(paragraph);
    }
  }

  function cellOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest('.cell') : null;
  }

  if (heatmap) {
    each(heatmap, '.cell', function (cell) {
      cell.setAttribute('aria-pressed', 'false');
    });
    heatmap.addEventListener('click', function (event) {
      var cell = cellOf(event);
      if (cell) {
        select(cell);
      }
    });
    heatmap.addEventListener('keydown', function (event) {
      var cell = cellOf(event);
      if (cell && (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar')) {
        event.preventDefault();
        select(cell);
      }
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener('reset', function () {
    window.setTimeout(apply, 0);
  });
  [conceptFilter, threadFilter, hideNegated, hideReported].forEach(function (control) {
    control.addEventListener('change', apply);
  });
  search.addEventListener('input', apply);
  window.addEventListener('beforeprint', function () {
    each(document, 'details', function (details) {
      details.open = true;
    });
  });
  apply();
}());
