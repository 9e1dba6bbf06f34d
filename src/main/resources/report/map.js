/*
 * Part 3 of 6 (map): threads, or groups of threads by author or month, as rows; concepts as columns. A
 * table that scrolls inside its frame under a sticky header (never scaled down), sorted by any column,
 * drawn from the data on each change: group rows first for large runs, thread rows a page at a time.
 */

var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/* How rows group: a key, a label, and a name to sort by (months: by date, those without a year after, unknown last). */
var GROUPINGS = {
  author: {
    noun: 'author',
    heading: 'Author',
    of: function (thread) {
      if (thread.handle) {
        return { key: 'handle:' + thread.handle.toLowerCase(), label: (thread.author ? thread.author + ' ' : '') + '@' + thread.handle };
      }
      if (thread.author) {
        return { key: 'name:' + thread.author, label: thread.author };
      }
      return { key: 'unknown', label: 'unknown author', last: true };
    }
  },
  month: {
    noun: 'month',
    heading: 'Month',
    of: function (thread) {
      if (thread.date) {
        var month = Number(thread.date.slice(5, 7));
        return { key: thread.date.slice(0, 7), label: MONTHS[month - 1] + ' ' + thread.date.slice(0, 4), order: '0' + thread.date.slice(0, 7) };
      }
      var named = thread.dateText ? /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(thread.dateText) : null;
      if (named) {
        var index = MONTHS.map(function (name) {
          return name.toLowerCase();
        }).indexOf(named[1].toLowerCase());
        return { key: 'no-year-' + (index + 1), label: MONTHS[index] + ', year not given', order: '1' + (index < 9 ? '0' : '') + (index + 1) };
      }
      return { key: 'unknown', label: 'date unknown', order: '2', last: true };
    }
  }
};

var map = {
  table: document.getElementById('map-table'),
  frame: document.getElementById('map-frame'),
  pager: document.getElementById('map-pager'),
  status: document.getElementById('map-status'),
  key: document.getElementById('map-key'),
  note: document.getElementById('measure-note'),
  view: data.open_view,
  measure: 'tagged',
  sort: 'order',
  descending: false,
  expanded: {},
  limit: 200,
  groupLimit: 100,
  rows: {},
  focusKey: null
};

function groupRows(list, grouping) {
  var byKey = {};
  var groups = [];
  list.forEach(function (thread) {
    var found = grouping.of(thread);
    var group = byKey[found.key];
    if (!group) {
      group = {
        kind: 'group', key: found.key, label: found.label, order: found.order || found.label.toLowerCase(), last: Boolean(found.last),
        threads: [], tagged: concepts.map(function () {
          return 0;
        }), mentioned: concepts.map(function () {
          return 0;
        }), anyTagged: 0, mentionTotal: 0, sentenceCount: 0
      };
      byKey[found.key] = group;
      groups.push(group);
    }
    group.threads.push(thread);
    group.anyTagged += thread.anyTagged;
    group.mentionTotal += thread.mentionTotal;
    group.sentenceCount += thread.sentenceCount;
    for (var index = 0; index < concepts.length; index += 1) {
      group.tagged[index] += thread.tagged[index];
      group.mentioned[index] += thread.mentioned[index];
    }
  });
  return groups;
}

function threadRow(thread) {
  thread.kind = 'thread';
  thread.key = 'thread:' + thread.id;
  return thread;
}

/* The value a row sorts by; null (an unknown tweet count) sorts last either way. */
function sortValue(row, key) {
  var measure = MEASURES[map.measure];
  if (key.indexOf('concept:') === 0) {
    return measure.of(row, conceptIndexById[key.slice(8)]);
  }
  switch (key) {
    case 'total':
      return measure.totalOf(row);
    case 'sentences':
      return row.sentenceCount;
    case 'tweets':
      return row.kind === 'thread' ? row.tweetCount : row.threads.length;
    case 'threads':
      return row.kind === 'group' ? row.threads.length : 1;
    default:
      return row.kind === 'group' ? row.order : row.index;
  }
}

function sortRows(rows) {
  var key = map.sort;
  var direction = map.descending ? -1 : 1;
  return rows.map(function (row, position) {
    return { row: row, value: sortValue(row, key), position: position };
  }).sort(function (first, second) {
    if (first.row.last !== second.row.last) {
      return first.row.last ? 1 : -1;
    }
    if ((first.value === null) !== (second.value === null)) {
      return first.value === null ? 1 : -1;
    }
    if (first.value !== second.value) {
      return (first.value < second.value ? -1 : 1) * direction;
    }
    return first.position - second.position;
  }).map(function (entry) {
    return entry.row;
  });
}

function headerButton(cell, key, content, title) {
  var control = cell.appendChild(button('sort', null, title));
  control.setAttribute('data-sort', key);
  if (typeof content === 'string') {
    control.textContent = content;
  } else {
    content.forEach(function (part) {
      control.appendChild(part);
    });
  }
  if (map.sort === key) {
    cell.setAttribute('aria-sort', map.descending ? 'descending' : 'ascending');
    control.appendChild(element('span', 'sort-mark', map.descending ? ' \u25bc' : ' \u25b2'));
  }
  return control;
}

function appendHeader(table, measure, shownThreads) {
  var head = table.appendChild(element('thead'));
  var span = head.appendChild(element('tr', 'measure-row'));
  span.appendChild(element('td', 'corner')).colSpan = 3;
  var named = span.appendChild(element('th', 'measure-heading', measure.heading + ' with each concept'));
  named.colSpan = concepts.length;
  named.scope = 'colgroup';
  span.appendChild(element('td', 'corner'));
  var row = head.appendChild(element('tr', 'column-row'));
  var grouping = GROUPINGS[map.view];
  var nameCell = row.appendChild(element('th', 'name-col'));
  nameCell.scope = 'col';
  headerButton(nameCell, 'order', grouping ? grouping.heading : 'Thread', 'Sort by name');
  var second = row.appendChild(element('th', 'number-col'));
  second.scope = 'col';
  if (grouping) {
    headerButton(second, 'threads', 'Threads', 'Sort by number of threads');
  } else {
    headerButton(second, 'tweets', 'Tweets', 'Sort by tweets announced (unknown last)');
  }
  var third = row.appendChild(element('th', 'number-col'));
  third.scope = 'col';
  headerButton(third, 'sentences', 'Sentences', 'Sort by sentences');
  concepts.forEach(function (concept) {
    var cell = row.appendChild(element('th', 'concept-col concept-' + concept.style + (concept.depth > 0 ? ' child-col' : '')));
    cell.scope = 'col';
    cell.setAttribute('data-concept', concept.id);
    headerButton(cell, 'concept:' + concept.id, [element('span', 'column-abbr', concept.abbreviation),
      element('span', 'column-label', (concept.depth > 0 ? '\u203a ' : '') + concept.label)],
      concept.label + ': ' + measure.name + '. Sort by it.');
  });
  var total = row.appendChild(element('th', 'number-col total-col'));
  total.scope = 'col';
  headerButton(total, 'total', measure.total, 'Sort by ' + measure.totalTitle);
  var totals = head.appendChild(element('tr', 'totals-row'));
  var sums = groupRows(shownThreads, { of: function () {
    return { key: 'all', label: 'all' };
  } })[0];
  var label = totals.appendChild(element('th', 'name-col', (filtering() ? 'Shown: ' : 'All ') + plural(shownThreads.length, 'thread')));
  label.scope = 'row';
  totals.appendChild(element('td', 'number', grouping ? grouped(shownThreads.length) : ''));
  totals.appendChild(element('td', 'number', grouped(sums ? sums.sentenceCount : 0)));
  concepts.forEach(function (concept) {
    var value = sums ? measure.of(sums, concept.index) : 0;
    var cell = totals.appendChild(element('td', 'number total-cell', grouped(value)));
    cell.setAttribute('data-concept', concept.id);
    cell.setAttribute('data-count', String(value));
  });
  var allTotal = sums ? measure.totalOf(sums) : 0;
  totals.appendChild(element('td', 'number total-cell', grouped(allTotal))).setAttribute('data-count', String(allTotal));
}

function appendRow(body, row, measure, max, inGroup) {
  var tr = body.appendChild(element('tr', row.kind === 'group' ? 'group-row' : 'thread-row'));
  map.rows[row.key] = row;
  tr.setAttribute('data-row', row.key);
  var head = tr.appendChild(element('th', 'name-col'));
  head.scope = 'row';
  if (row.kind === 'group') {
    tr.setAttribute('data-group', row.key);
    var expanded = Boolean(map.expanded[row.key]);
    var toggle = head.appendChild(button('expand', (expanded ? '\u25be ' : '\u25b8 ') + row.label,
      (expanded ? 'Hide' : 'List') + ' the ' + plural(row.threads.length, 'thread') + ' of ' + row.label));
    toggle.setAttribute('aria-expanded', expanded ? 'true' : 'false');
    toggle.setAttribute('data-group', row.key);
    tr.appendChild(element('td', 'number', grouped(row.threads.length)));
  } else {
    tr.setAttribute('data-thread', row.id);
    if (inGroup) {
      tr.classList.add('in-group');
    }
    var open = head.appendChild(button('open-thread', threadName(row), 'Read ' + threadName(row)));
    open.setAttribute('data-thread', String(row.index));
    if (!row.complete) {
      head.appendChild(element('span', 'preview-mark', 'preview'));
    }
    // under a group's "Threads" heading a thread row says what its number is
    var tweets = tr.appendChild(element('td', 'number tweets', tweetsText(row) + (inGroup ? ' tweets' : '')));
    if (row.tweetCount === null) {
      tweets.classList.add('unknown');
      tweets.title = 'The page does not say how many tweets the thread has';
    }
  }
  tr.appendChild(element('td', 'number', grouped(row.sentenceCount)));
  concepts.forEach(function (concept) {
    appendCell(tr, row, concept, measure.of(row, concept.index), max, measure);
  });
  appendCell(tr, row, null, measure.totalOf(row), 0, measure);
}

function appendCell(tr, row, concept, count, max, measure) {
  var cell = tr.appendChild(element('td', 'cell' + (concept ? '' : ' total-cell') + (count === 0 ? ' zero' : ''), grouped(count)));
  cell.setAttribute('data-concept', concept ? concept.id : '');
  cell.setAttribute('data-count', String(count));
  cell.tabIndex = -1;
  var where = row.kind === 'group' ? row.label : threadName(row);
  cell.setAttribute('aria-label', (concept ? concept.label : measure.total) + ' in ' + where + ': ' + plural(count, measure.name.replace(/s$/, ''))
    + (count > 0 ? '. Enter lists the sentences.' : ''));
  var colour = concept ? shade(count, max) : null;
  if (colour) {
    cell.style.backgroundColor = colour.colour;
    if (colour.dark) {
      cell.classList.add('on-dark');
    }
  }
}

function renderMap() {
  var measure = MEASURES[map.measure];
  var grouping = GROUPINGS[map.view];
  var shownThreads = visibleThreads();
  var rows = grouping ? groupRows(shownThreads, grouping) : shownThreads.map(threadRow);
  rows = sortRows(rows);
  var max = 0;
  rows.forEach(function (row) {
    concepts.forEach(function (concept) {
      max = Math.max(max, measure.of(row, concept.index));
    });
  });
  var table = map.table;
  clear(table);
  map.rows = {};
  table.setAttribute('data-view', map.view);
  table.setAttribute('data-measure', map.measure);
  table.appendChild(element('caption', null, measure.heading + ' with each concept, by ' + (grouping ? grouping.noun : 'thread')
    + ' (' + plural(shownThreads.length, 'thread') + (grouping ? ' in ' + plural(rows.length, grouping.noun + ' row') : '') + ')'));
  appendHeader(table, measure, shownThreads);
  var body = table.appendChild(element('tbody'));
  var limit = grouping ? rows.length : Math.min(rows.length, map.limit);
  for (var index = 0; index < limit; index += 1) {
    var row = rows[index];
    appendRow(body, row, measure, max, false);
    if (row.kind === 'group' && map.expanded[row.key]) {
      appendGroupThreads(body, row, measure, max);
    }
  }
  renderPager(rows.length, limit, grouping);
  renderKey(measure, max);
  map.note.textContent = measure.note + (data.roll_up ? ROLL_UP_NOTE : '');
  map.status.textContent = (filtering() ? 'The filters keep ' + grouped(shownThreads.length) + ' of ' + plural(threads.length, 'thread')
    : 'All ' + plural(threads.length, 'thread') + '.') + (grouping ? ' ' + plural(rows.length, grouping.noun) + '.' : '');
  restoreFocus();
}

function appendGroupThreads(body, group, measure, max) {
  var rows = sortRows(group.threads.map(threadRow));
  var limit = map.expanded[group.key] === 'all' ? rows.length : Math.min(rows.length, map.groupLimit);
  for (var index = 0; index < limit; index += 1) {
    appendRow(body, rows[index], measure, max, true);
  }
  if (limit < rows.length) {
    var more = body.appendChild(element('tr', 'more-row'));
    var cell = more.appendChild(element('td', null, 'Showing ' + grouped(limit) + ' of ' + plural(rows.length, 'thread') + ' of ' + group.label + '. '));
    cell.colSpan = concepts.length + 4;
    var all = cell.appendChild(button('group-all', 'Show all ' + grouped(rows.length)));
    all.setAttribute('data-group', group.key);
  }
}

function renderPager(total, shown, grouping) {
  clear(map.pager);
  if (grouping || shown >= total) {
    return;
  }
  map.pager.appendChild(element('span', 'pager-status', 'Showing ' + grouped(shown) + ' of ' + plural(total, 'thread row') + '.'));
  var more = map.pager.appendChild(button('pager-more', 'Show ' + grouped(Math.min(map.limit, total - shown)) + ' more'));
  more.addEventListener('click', function () {
    map.limit += 200;
    renderMap();
  });
  var all = map.pager.appendChild(button('pager-all', 'Show all ' + grouped(total)));
  all.addEventListener('click', function () {
    map.limit = Infinity;
    renderMap();
  });
}

function renderKey(measure, max) {
  clear(map.key);
  map.key.appendChild(element('span', 'key-label', 'Shade: darker = more ' + measure.name + ' (numbers are always written):'));
  var samples = [1, Math.max(1, Math.round(max / 2)), max].filter(function (value, position, all) {
    return value > 0 && all.indexOf(value) === position;
  });
  samples.forEach(function (sample) {
    var swatch = map.key.appendChild(element('span', 'key-swatch', grouped(sample)));
    var colour = shade(sample, max);
    swatch.style.backgroundColor = colour.colour;
    if (colour.dark) {
      swatch.classList.add('on-dark');
    }
  });
  map.key.appendChild(element('span', 'key-swatch zero', '0'));
  map.key.appendChild(element('span', 'key-label', 'none'));
}

/* ---- choosing: cells list their sentences, names open threads or groups, headings sort ---- */

function rowOf(node) {
  var tr = node.closest('tr');
  return tr ? map.rows[tr.getAttribute('data-row')] : null;
}

function chooseCell(cell) {
  var row = rowOf(cell);
  var count = Number(cell.getAttribute('data-count'));
  if (!row || count === 0) {
    return;
  }
  Array.prototype.forEach.call(map.table.querySelectorAll('td.selected'), function (old) {
    old.classList.remove('selected');
    old.removeAttribute('aria-current');
  });
  cell.classList.add('selected');
  cell.setAttribute('aria-current', 'true');
  var conceptId = cell.getAttribute('data-concept');
  var conceptIndex = conceptId ? conceptIndexById[conceptId] : -1;
  var where = row.kind === 'group' ? row.label + ' (' + plural(row.threads.length, 'thread') + ')' : threadName(row);
  var title = (conceptIndex < 0 ? 'Any concept' : labelled(concepts[conceptIndex])) + ' in ' + where;
  var rowThreads = row.kind === 'group' ? row.threads.slice() : [row];
  var measureName = MEASURES[map.measure].name;
  showDetail(function () {
    showSentences(rowThreads, conceptIndex, title, measureName);
  }, true);
}

function sortBy(key) {
  if (map.sort === key) {
    map.descending = !map.descending;
  } else {
    map.sort = key;
    map.descending = key !== 'order';
  }
  syncSortControls();
  renderMap();
}

function syncSortControls() {
  document.getElementById('sort-by').value = map.sort;
  document.getElementById('sort-direction').value = map.descending ? 'descending' : 'ascending';
}

map.table.addEventListener('click', function (event) {
  var target = event.target;
  var sort = target.closest('button.sort');
  if (sort) {
    map.focusKey = { sort: sort.getAttribute('data-sort') };
    sortBy(sort.getAttribute('data-sort'));
    return;
  }
  var expand = target.closest('button.expand');
  if (expand) {
    var key = expand.getAttribute('data-group');
    map.expanded[key] = !map.expanded[key];
    map.focusKey = { group: key };
    renderMap();
    return;
  }
  var all = target.closest('button.group-all');
  if (all) {
    map.expanded[all.getAttribute('data-group')] = 'all';
    renderMap();
    return;
  }
  var cell = target.closest('td.cell');
  if (cell) {
    rememberCell(cell);
    chooseCell(cell);
  }
});

/* Arrow keys move between the cells (one tab stop for the whole table); Enter or Space lists a cell's sentences. */
map.table.addEventListener('keydown', function (event) {
  var cell = event.target.closest ? event.target.closest('td.cell') : null;
  if (!cell) {
    return;
  }
  if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
    event.preventDefault();
    chooseCell(cell);
    return;
  }
  var tr = cell.parentNode;
  var column = Array.prototype.indexOf.call(tr.children, cell);
  var next = null;
  if (event.key === 'ArrowRight') {
    next = cell.nextElementSibling;
  } else if (event.key === 'ArrowLeft') {
    next = cell.previousElementSibling;
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    var other = event.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
    while (other && !other.querySelector('td.cell')) {
      other = event.key === 'ArrowDown' ? other.nextElementSibling : other.previousElementSibling;
    }
    next = other ? other.children[column] : null;
  } else if (event.key === 'Home') {
    next = tr.querySelector('td.cell');
  } else if (event.key === 'End') {
    var cells = tr.querySelectorAll('td.cell');
    next = cells[cells.length - 1];
  } else {
    return;
  }
  event.preventDefault();
  if (next && next.matches('td.cell')) {
    rememberCell(next);
    next.focus();
  }
});

function rememberCell(cell) {
  Array.prototype.forEach.call(map.table.querySelectorAll('td.cell[tabindex="0"]'), function (old) {
    old.tabIndex = -1;
  });
  cell.tabIndex = 0;
  map.focusKey = { row: cell.parentNode.getAttribute('data-row'), concept: cell.getAttribute('data-concept') };
}

/* After a redraw: the remembered cell (or the first) holds the tab stop; a heading or group button keeps focus. */
function restoreFocus() {
  var key = map.focusKey;
  var hadFocus = map.frame.contains(document.activeElement) || document.activeElement === document.body;
  var stop = null;
  if (key && key.row) {
    stop = map.table.querySelector('tr[data-row="' + cssString(key.row) + '"] td.cell[data-concept="' + cssString(key.concept) + '"]');
  }
  stop = stop || map.table.querySelector('tbody td.cell');
  if (stop) {
    stop.tabIndex = 0;
  }
  if (!hadFocus || !key) {
    return;
  }
  var target = key.sort ? map.table.querySelector('button.sort[data-sort="' + cssString(key.sort) + '"]')
    : key.group ? map.table.querySelector('button.expand[data-group="' + cssString(key.group) + '"]') : null;
  if (target) {
    target.focus();
  }
}

function cssString(value) {
  return String(value).replace(/["\\]/g, '\\$&');
}
