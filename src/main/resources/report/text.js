/*
 * Part 2 of 6 (text): sentences with their mentions highlighted and their review buttons, threads as
 * text, and the detail panel that lists the sentences of a map cell, a thread or a concept on demand.
 */

/*
 * Appends a sentence's text with its mentions marked. Offsets are UTF-16 (the data block converts the code
 * points of mentions.csv). Overlapping mentions are kept whole: the text is cut at every mention edge and each
 * piece wrapped in one mark per mention covering it, the longest outermost; the abbreviation, badges and
 * review buttons of a mention follow its last piece.
 */
function appendHighlighted(parent, sentence) {
  var text = sentence.text;
  var placed = sentence.mentions.slice().sort(function (first, second) {
    return first.from - second.from || second.to - first.to || first.index - second.index;
  });
  var edges = [0, text.length];
  placed.forEach(function (mention) {
    edges.push(mention.from, mention.to);
  });
  edges = edges.filter(function (edge, position) {
    return edges.indexOf(edge) === position;
  }).sort(function (first, second) {
    return first - second;
  });
  for (var index = 0; index + 1 < edges.length; index += 1) {
    appendEmptyMentions(parent, placed, edges[index]);
    appendPiece(parent, placed, edges[index], edges[index + 1], text.slice(edges[index], edges[index + 1]));
  }
  appendEmptyMentions(parent, placed, text.length);
}

function appendPiece(parent, placed, from, to, piece) {
  var current = parent;
  var marks = [];
  var covering = [];
  placed.forEach(function (mention) {
    if (mention.from <= from && mention.to >= to && mention.from < mention.to) {
      current = current.appendChild(mentionMark(mention));
      marks.push(current);
      covering.push(mention);
    }
  });
  current.appendChild(document.createTextNode(piece));
  for (var index = marks.length - 1; index >= 0; index -= 1) {
    if (covering[index].to === to) {
      appendMentionEnd(marks[index], covering[index]);
    }
  }
}

/* A mention with no text (from == to) still shows, as its label alone. */
function appendEmptyMentions(parent, placed, at) {
  placed.forEach(function (mention) {
    if (mention.from === at && mention.to === at) {
      appendMentionEnd(parent.appendChild(mentionMark(mention)), mention);
    }
  });
}

function mentionMark(mention) {
  var mark = element('mark', 'mention concept-' + mention.concept.style);
  mark.setAttribute('data-mention-id', mention.id);
  mark.setAttribute('data-concept', mention.concept.id);
  var title = mention.concept.label;
  mention.attributes.forEach(function (attribute) {
    mark.setAttribute('data-' + attribute, 'true');
    title += ', ' + attribute;
  });
  if (mention.trigger) {
    title += ' (context: \u201c' + mention.trigger + '\u201d)';
  }
  title += ' \u2014 term: ' + mention.term;
  if (mention.fuzzy) {
    mark.setAttribute('data-fuzzy', 'true');
    title += ' (approximate match)';
  }
  var verdict = review.verdictOf(mention);
  if (verdict) {
    mark.classList.add('verdict-' + verdict);
    title += ' \u2014 you marked it ' + verdict;
  }
  mark.title = title;
  return mark;
}

function appendMentionEnd(mark, mention) {
  mark.appendChild(element('span', 'concept-tag', mention.concept.abbreviation));
  mention.attributes.forEach(function (attribute) {
    mark.appendChild(element('span', 'context-badge badge-' + attribute, attribute));
  });
  var verdict = review.verdictOf(mention);
  var words = '\u201c' + mention.sentence.text.slice(mention.from, mention.to) + '\u201d';
  var controls = element('span', 'verdict');
  [['right', '\u2713'], ['wrong', '\u2717']].forEach(function (choice) {
    var control = button('mark-' + choice[0], choice[1], mention.concept.label + ' on ' + words + ': ' + choice[0]);
    control.setAttribute('aria-pressed', verdict === choice[0] ? 'true' : 'false');
    control.setAttribute('data-action', 'verdict');
    control.setAttribute('data-verdict', choice[0]);
    control.setAttribute('data-mention', String(mention.index));
    controls.appendChild(control);
  });
  if (verdict) {
    controls.appendChild(element('span', 'verdict-text', verdict));
  }
  mark.appendChild(controls);
}

/* "tweet 3/7" or "tweets 3–4/7" ("tweet 3" when the count is unknown), linked when the tweet's address is known. */
function appendTweetReference(parent, sentence) {
  var number = sentence.tweetEnd > sentence.tweetIndex
    ? 'tweets ' + sentence.tweetIndex + '\u2013' + sentence.tweetEnd : 'tweet ' + sentence.tweetIndex;
  var text = sentence.thread.tweetCount === null ? number : number + '/' + sentence.thread.tweetCount;
  if (sentence.tweetUrl) {
    link(parent, sentence.tweetUrl, text, 'tweet-ref');
  } else {
    parent.appendChild(element('span', 'tweet-ref', text));
  }
  parent.appendChild(document.createTextNode(' '));
}

/* One sentence: its text with highlights, the concepts the reviewer added, and the sentence's review buttons. */
function sentenceElement(sentence, tag, withReference) {
  var node = element(tag, 'sentence');
  node.setAttribute('data-sentence-id', sentence.id);
  node.setAttribute('data-sentence', String(sentence.index));
  node.setAttribute('data-thread', sentence.thread.id);
  node.setAttribute('data-concepts', sentence.concepts.map(function (index) {
    return concepts[index].id;
  }).join(' '));
  if (withReference) {
    node.setAttribute('data-reference', 'true');
    appendTweetReference(node, sentence);
  }
  var text = element('span', 'sentence-text');
  appendHighlighted(text, sentence);
  node.appendChild(text);
  review.appendSentenceControls(node, sentence);
  if (sentenceFaded(sentence)) {
    node.classList.add('faded');
  }
  return node;
}

/* Redraws every shown copy of a sentence (after a review decision), keeping the keyboard focus in place. */
function refreshSentence(sentence) {
  var focused = document.activeElement;
  var focusKey = focused && focused.closest && focused.closest('.sentence') ? controlKey(focused) : null;
  var focusedSentence = focused && focused.closest ? focused.closest('.sentence') : null;
  Array.prototype.forEach.call(document.querySelectorAll('.sentence[data-sentence="' + sentence.index + '"]'), function (old) {
    var fresh = sentenceElement(sentence, old.tagName.toLowerCase(), old.hasAttribute('data-reference'));
    old.parentNode.replaceChild(fresh, old);
    if (old === focusedSentence && focusKey) {
      var again = fresh.querySelector(focusKey) || fresh.querySelector('.sentence-check');
      if (again) {
        again.focus();
      }
    }
  });
}

function controlKey(control) {
  var action = control.getAttribute('data-action');
  if (action === 'verdict') {
    return '[data-action="verdict"][data-mention="' + control.getAttribute('data-mention') + '"][data-verdict="'
      + control.getAttribute('data-verdict') + '"]';
  }
  if (action === 'remove-concept') {
    return '[data-action="remove-concept"][data-concept="' + control.getAttribute('data-concept') + '"]';
  }
  return action ? '[data-action="' + action + '"]' : null;
}

/* Chips for a thread's concepts, most sentences first (codebook order breaks ties). */
function appendThreadConcepts(parent, thread) {
  var present = concepts.filter(function (concept) {
    return thread.tagged[concept.index] > 0;
  }).sort(function (first, second) {
    return thread.tagged[second.index] - thread.tagged[first.index] || first.index - second.index;
  });
  parent.appendChild(document.createTextNode(present.length === 0 ? 'No concept tagged.' : 'Sentences tagged: '));
  present.forEach(function (concept) {
    parent.appendChild(conceptChip(concept, labelled(concept) + ' \u00d7 ' + thread.tagged[concept.index]));
    parent.appendChild(document.createTextNode(' '));
  });
}

/* A thread as text, sentence by sentence, grouped by tweet. */
function threadArticle(thread) {
  var article = element('article', 'thread');
  article.id = 'thread-' + (thread.index + 1);
  article.setAttribute('data-thread', thread.id);
  if (!thread.complete) {
    article.classList.add('preview');
  }
  var heading = article.appendChild(element('h3', null, threadName(thread)));
  if (thread.handle) {
    heading.appendChild(element('span', 'handle', ' @' + thread.handle));
  }
  var meta = article.appendChild(element('p', 'thread-meta'));
  meta.appendChild(document.createTextNode((thread.tweetCount === null ? 'unknown number of tweets'
    : plural(thread.tweetCount, 'tweet')) + ', ' + plural(thread.sentenceCount, 'sentence') + ' \u00b7 from ' + thread.source));
  if (thread.url) {
    meta.appendChild(document.createTextNode(' \u00b7 '));
    link(meta, thread.url, 'open thread', 'thread-link');
  }
  if (!thread.complete) {
    article.appendChild(element('p', 'preview-badge', previewText(thread)));
  }
  appendThreadConcepts(article.appendChild(element('p', 'thread-concepts')), thread);
  var text = article.appendChild(element('div', 'thread-text'));
  var tweet = null;
  thread.sentences.forEach(function (sentence) {
    if (tweet === null || Number(tweet.getAttribute('data-tweet')) !== sentence.tweetIndex) {
      tweet = text.appendChild(element('p', 'tweet'));
      tweet.setAttribute('data-tweet', String(sentence.tweetIndex));
      appendTweetReference(tweet, sentence);
    } else {
      tweet.appendChild(document.createTextNode(' '));
    }
    tweet.appendChild(sentenceElement(sentence, 'span', false));
  });
  if (thread.sentences.length === 0) {
    text.appendChild(element('p', 'empty-note', 'No sentences.'));
  }
  return article;
}

/* ---- the detail panel ---- */

var detail = {
  section: document.getElementById('detail'),
  title: document.getElementById('detail-title'),
  summary: document.getElementById('detail-summary'),
  body: document.getElementById('detail-body'),
  pager: document.getElementById('detail-pager'),
  current: null
};

/* Shows a view in the panel and remembers it, so filter changes and review decisions can redraw it. */
function showDetail(view, moveThere) {
  detail.current = view;
  view();
  if (moveThere) {
    detail.section.scrollIntoView({ block: 'start' });
    detail.section.focus({ preventScroll: true });
  }
}

function redrawDetail() {
  if (detail.current) {
    detail.current();
  }
}

/*
 * The sentences of some threads that count under a concept (conceptIndex < 0: under any concept), grouped by
 * thread, 100 at a time. Their number is what the map cell shows in the sentences-tagged count.
 */
function showSentences(rowThreads, conceptIndex, title, measureName) {
  var picked = [];
  var mentionCount = 0;
  rowThreads.forEach(function (thread) {
    thread.sentences.forEach(function (sentence) {
      if (conceptIndex < 0 ? sentence.concepts.length > 0 : sentence.counted[conceptIndex]) {
        picked.push(sentence);
        mentionCount += countMentions(sentence, conceptIndex);
      }
    });
  });
  detail.section.setAttribute('data-concept', conceptIndex < 0 ? '' : concepts[conceptIndex].id);
  detail.section.setAttribute('data-thread', rowThreads.length === 1 ? rowThreads[0].id : '');
  detail.title.textContent = title;
  detail.summary.textContent = plural(picked.length, 'sentence') + ' tagged' + (conceptIndex < 0 ? ' with a concept' : '')
    + ' (the map\u2019s sentences-tagged count), holding ' + plural(mentionCount, 'mention') + ' (the mentions count)'
    + (rowThreads.length === 1 ? '' : ', in ' + plural(rowThreads.filter(function (thread) {
      return picked.some(function (sentence) {
        return sentence.thread === thread;
      });
    }).length, 'thread')) + '.' + (measureName ? ' The map counts ' + measureName + '.' : '');
  var group = null;
  pagedList(detail.body, detail.pager, picked, 100, function (sentence, container) {
    if (group === null || group.getAttribute('data-thread') !== sentence.thread.id) {
      group = container.appendChild(element('div', 'sentence-group'));
      group.setAttribute('data-thread', sentence.thread.id);
      var heading = group.appendChild(element('h3', null, threadName(sentence.thread)));
      if (!sentence.thread.complete) {
        heading.appendChild(element('span', 'preview-badge', previewText(sentence.thread)));
      }
      var open = heading.appendChild(button('open-thread', 'whole thread', 'Show the whole thread ' + threadName(sentence.thread)));
      open.setAttribute('data-thread', String(sentence.thread.index));
      group.appendChild(element('ol', 'sentence-list'));
    }
    group.lastChild.appendChild(sentenceElement(sentence, 'li', true));
  }, 'sentence');
  if (picked.length === 0) {
    detail.body.appendChild(element('p', 'empty-note', 'No sentence here.'));
  }
}

function countMentions(sentence, conceptIndex) {
  return sentence.mentions.filter(function (mention) {
    return conceptIndex < 0 || mention.concept.index === conceptIndex
      || (data.roll_up && mention.concept.ancestors.indexOf(conceptIndex) >= 0);
  }).length;
}

function showThread(thread) {
  detail.section.setAttribute('data-concept', '');
  detail.section.setAttribute('data-thread', thread.id);
  detail.title.textContent = threadName(thread);
  detail.summary.textContent = 'The whole thread: ' + plural(thread.sentenceCount, 'sentence') + ', '
    + grouped(thread.anyTagged) + ' tagged with a concept, ' + plural(thread.mentionTotal, 'mention') + '.';
  clear(detail.body);
  clear(detail.pager);
  var article = threadArticle(thread);
  article.removeAttribute('id');
  detail.body.appendChild(article);
}

/* Clicks inside a sentence list: "whole thread" buttons (review buttons are handled by the review part). */
document.addEventListener('click', function (event) {
  var open = event.target.closest ? event.target.closest('button.open-thread') : null;
  if (open) {
    var thread = threads[Number(open.getAttribute('data-thread'))];
    showDetail(function () {
      showThread(thread);
    }, true);
  }
});

/* ---- the threads section: every thread the filters keep, 20 at a time; for large runs only when asked ---- */

var threadList = {
  list: document.getElementById('thread-list'),
  pager: document.getElementById('thread-pager'),
  opened: !large
};

function renderThreadList() {
  if (!threadList.opened) {
    clear(threadList.list);
    clear(threadList.pager);
    var count = visibleThreads().length;
    threadList.list.appendChild(element('p', 'empty-note', 'A large run: the texts are drawn when asked for, '
      + 'so the page opens fast. Choose a thread in the map, or read them here 20 at a time.'));
    var open = threadList.pager.appendChild(button('pager-more', 'Show the ' + plural(count, 'thread') + ', 20 at a time'));
    open.addEventListener('click', function () {
      threadList.opened = true;
      renderThreadList();
    });
    return;
  }
  var shown = visibleThreads();
  pagedList(threadList.list, threadList.pager, shown, 20, function (thread, container) {
    container.appendChild(threadArticle(thread));
  }, 'thread');
  if (shown.length === 0) {
    threadList.list.appendChild(element('p', 'empty-note', 'No thread matches the filters.'));
  }
}
