/*
 * threadcoder review report, part 1 of 6 (core): the data block read into threads, sentences and
 * mentions; the filters every view shares; small DOM helpers. ReportPage runs the six parts, in
 * order, as one strict function body. Everything is written with textContent, createElement and
 * appendChild; no string is ever parsed as HTML, so thread text stays text.
 * Maven filters these files: no dollar sign followed by a brace (no template literals).
 */
var data = JSON.parse(document.getElementById('report-data').textContent);

function columnsOf(names) {
  var index = {};
  names.forEach(function (name, position) {
    index[name] = position;
  });
  return index;
}

var THREAD = columnsOf(data.thread_columns);
var SENTENCE = columnsOf(data.sentence_columns);
var MENTION = columnsOf(data.mention_columns);
var large = data.open_view !== 'thread';

var concepts = data.concepts;
var conceptIndexById = {};
concepts.forEach(function (concept, index) {
  concept.index = index;
  conceptIndexById[concept.id] = index;
});
/* Ancestors, for rolled-up runs: there a sentence counts under a concept when tagged with it or with a descendant. */
concepts.forEach(function (concept) {
  concept.ancestors = [];
  var seen = {};
  var parent = concept.parent;
  while (parent !== null && !seen[parent] && Object.prototype.hasOwnProperty.call(conceptIndexById, parent)) {
    seen[parent] = true;
    concept.ancestors.push(conceptIndexById[parent]);
    parent = concepts[conceptIndexById[parent]].parent;
  }
});

var threads = data.threads.map(function (row, index) {
  return {
    index: index,
    id: row[THREAD.id],
    source: row[THREAD.source],
    author: row[THREAD.author],
    handle: row[THREAD.handle],
    dateText: row[THREAD.date_text],
    date: row[THREAD.date],
    tweetCount: row[THREAD.tweet_count],
    tweetsShown: row[THREAD.tweets_shown],
    complete: row[THREAD.complete],
    sentenceCount: row[THREAD.sentences],
    url: webAddress(row[THREAD.url]),
    tagged: data.tagged[index],
    mentioned: data.mentioned[index],
    sentences: [],
    anyTagged: 0,
    mentionTotal: 0,
    searchText: null
  };
});

var sentences = data.sentences.map(function (row, index) {
  var sentence = {
    index: index,
    id: row[SENTENCE.id],
    thread: threads[row[SENTENCE.thread]],
    tweetIndex: row[SENTENCE.tweet_index],
    tweetEnd: row[SENTENCE.tweet_end],
    start: row[SENTENCE.start],
    end: row[SENTENCE.end],
    text: row[SENTENCE.text],
    concepts: row[SENTENCE.concepts],
    tweetUrl: webAddress(row[SENTENCE.tweet_url]),
    mentions: [],
    counted: {},
    lowerText: null
  };
  sentence.concepts.forEach(function (conceptIndex) {
    sentence.counted[conceptIndex] = true;
    if (data.roll_up) {
      concepts[conceptIndex].ancestors.forEach(function (ancestor) {
        sentence.counted[ancestor] = true;
      });
    }
  });
  sentence.thread.sentences.push(sentence);
  if (sentence.concepts.length > 0) {
    sentence.thread.anyTagged += 1;
  }
  return sentence;
});
var sentenceById = {};
sentences.forEach(function (sentence) {
  sentenceById[sentence.id] = sentence;
});

var mentions = data.mentions.map(function (row, index) {
  var mention = {
    index: index,
    id: row[MENTION.id],
    sentence: sentences[row[MENTION.sentence]],
    concept: concepts[row[MENTION.concept]],
    from: row[MENTION.from],
    to: row[MENTION.to],
    attributes: row[MENTION.attributes].map(function (attribute) {
      return data.attributes[attribute];
    }),
    term: row[MENTION.term],
    trigger: row[MENTION.trigger],
    fuzzy: row[MENTION.fuzzy]
  };
  mention.sentence.mentions.push(mention);
  mention.sentence.thread.mentionTotal += 1;
  return mention;
});

/* What a number counts. The measure of threads.csv is the default; mentions are the second view. */
var MEASURES = {
  tagged: {
    name: 'sentences tagged',
    heading: 'Sentences tagged',
    total: 'Any concept',
    totalTitle: 'sentences tagged with any concept',
    note: 'Counting sentences tagged: each number is how many of the row\u2019s sentences carry the concept, the counts of '
      + 'threads.csv and concept-map.json (a sentence counts once however often it names the concept). '
      + '\u201cAny concept\u201d: sentences tagged with at least one concept.',
    of: function (row, conceptIndex) {
      return row.tagged[conceptIndex];
    },
    totalOf: function (row) {
      return row.anyTagged;
    }
  },
  mentioned: {
    name: 'mentions',
    heading: 'Mentions',
    total: 'All mentions',
    totalTitle: 'mentions of any concept',
    note: 'Counting mentions: each number is how many times the row\u2019s sentences mention the concept (concept-map.json, '
      + 'by_thread); one sentence may hold several. \u201cAll mentions\u201d: the rows of mentions.csv.',
    of: function (row, conceptIndex) {
      return row.mentioned[conceptIndex];
    },
    totalOf: function (row) {
      return row.mentionTotal;
    }
  }
};
var ROLL_UP_NOTE = ' This run rolls up: a sub-concept\u2019s sentences and mentions also count under its parents.';

/* ---- the filters every view shares ---- */

var filter = { words: '', concept: -1, completeOnly: false };
var filterListeners = [];

function filtering() {
  return filter.words !== '' || filter.concept >= 0 || filter.completeOnly;
}

function lowerTextOf(sentence) {
  if (sentence.lowerText === null) {
    sentence.lowerText = sentence.text.replace(/\s+/g, ' ').toLowerCase();
  }
  return sentence.lowerText;
}

function searchTextOf(thread) {
  if (thread.searchText === null) {
    var parts = [threadName(thread), thread.author || '', thread.handle ? '@' + thread.handle : '', thread.source];
    thread.sentences.forEach(function (sentence) {
      parts.push(lowerTextOf(sentence));
    });
    thread.searchText = parts.join('\n').replace(/[ \t]+/g, ' ').toLowerCase();
  }
  return thread.searchText;
}

function threadMatches(thread) {
  return (!filter.completeOnly || thread.complete)
    && (filter.concept < 0 || thread.tagged[filter.concept] > 0)
    && (filter.words === '' || searchTextOf(thread).indexOf(filter.words) >= 0);
}

function visibleThreads() {
  return filtering() ? threads.filter(threadMatches) : threads.slice();
}

/*
 * A sentence the filter does not point at: faded in the reading views, never hidden. Words that matched the
 * thread's name, handle or source fade nothing.
 */
function sentenceFaded(sentence) {
  return (filter.concept >= 0 && !sentence.counted[filter.concept])
    || (filter.words !== '' && lowerTextOf(sentence).indexOf(filter.words) < 0 && !threadLabelMatches(sentence.thread));
}

function threadLabelMatches(thread) {
  var label = [threadName(thread), thread.author || '', thread.handle ? '@' + thread.handle : '', thread.source]
    .join('\n').toLowerCase();
  return label.indexOf(filter.words) >= 0;
}

function setFilter(change) {
  Object.keys(change).forEach(function (key) {
    filter[key] = change[key];
  });
  filterListeners.forEach(function (listener) {
    listener();
  });
}

/* ---- helpers ---- */

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function button(className, text, label) {
  var node = element('button', className, text);
  node.type = 'button';
  if (label) {
    node.setAttribute('aria-label', label);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

function grouped(count) {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(count, noun) {
  return grouped(count) + ' ' + noun + (count === 1 ? '' : 's');
}

function ratio(part, whole) {
  return whole === 0 ? 'undefined (no cases)' : (part / whole).toFixed(3);
}

function threadName(thread) {
  return 'T' + (thread.index + 1) + ' ' + (thread.author || 'unknown author') + (thread.dateText ? ', ' + thread.dateText : '');
}

function tweetsText(thread) {
  return thread.tweetCount === null ? 'unknown' : grouped(thread.tweetCount);
}

function previewText(thread) {
  return 'preview \u2014 ' + thread.tweetsShown + ' of '
    + (thread.tweetCount === null ? 'an unknown number of' : thread.tweetCount) + ' tweets shown';
}

function labelled(concept) {
  return concept.label + ' (' + concept.abbreviation + ')';
}

/* Only http(s) addresses with a host become links (the report's reader checked them too). */
function webAddress(value) {
  return typeof value === 'string' && /^https?:\/\/[^\s\/?#]/i.test(value) ? value : null;
}

function link(parent, address, text, className) {
  var anchor = element('a', className, text);
  anchor.href = address;
  anchor.rel = 'noopener noreferrer external';
  anchor.target = '_blank';
  parent.appendChild(anchor);
  return anchor;
}

function conceptChip(concept, text) {
  return element('span', 'concept-chip concept-' + concept.style, text === undefined ? labelled(concept) : text);
}

/* Light to dark blue by count: the smallest count is still clearly visible; numbers are always written too. */
function shade(count, max) {
  if (count <= 0 || max <= 0) {
    return null;
  }
  var fraction = 0.18 + 0.82 * Math.min(1, count / max);
  var light = [0xde, 0xeb, 0xf7];
  var dark = [0x08, 0x30, 0x6b];
  var channels = light.map(function (value, channel) {
    return Math.round(value + (dark[channel] - value) * fraction);
  });
  return { colour: 'rgb(' + channels.join(', ') + ')', dark: fraction > 0.5 };
}

/* Renders items a page at a time into container, with "show more" buttons in pager. */
function pagedList(container, pager, items, pageSize, render, noun) {
  var shown = 0;
  function more(count) {
    var end = Math.min(items.length, shown + count);
    for (var index = shown; index < end; index += 1) {
      render(items[index], container, index);
    }
    shown = end;
    clear(pager);
    if (shown < items.length) {
      pager.appendChild(element('span', 'pager-status', 'Showing ' + grouped(shown) + ' of ' + plural(items.length, noun) + '.'));
      var next = button('pager-more', 'Show ' + grouped(Math.min(pageSize, items.length - shown)) + ' more');
      next.addEventListener('click', function () {
        more(pageSize);
      });
      var all = button('pager-all', 'Show all ' + grouped(items.length));
      all.addEventListener('click', function () {
        more(items.length);
      });
      pager.appendChild(next);
      pager.appendChild(all);
    }
  }
  clear(container);
  more(pageSize);
}
