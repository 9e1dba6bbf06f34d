/*
 * Part 4 of 6 (review): the reviewer's decisions on mentions (right, wrong) and sentences (reviewed, a
 * concept added), kept in localStorage under the run's manifest hash; the buttons that make them; the
 * concepts they give each reviewed sentence and the (sentence, concept) figures over them.
 */

var REVIEW_SCHEMA = 'threadcoder.review/1';
var STORAGE_KEY = 'threadcoder-review:' + data.manifest_sha256;

var review = (function () {
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(STORAGE_KEY + ':probe', '1');
    storage.removeItem(STORAGE_KEY + ':probe');
  } catch (unavailable) {
    storage = null;
  }
  var decisions = {};
  var ignored = 0;
  var problem = null;

  function load() {
    var text = storage ? storage.getItem(STORAGE_KEY) : null;
    if (!text) {
      return;
    }
    try {
      var saved = JSON.parse(text);
      Object.keys(saved.sentences || {}).forEach(function (id) {
        var sentence = sentenceById[id];
        var entry = saved.sentences[id];
        if (!sentence) {
          ignored += 1;
          return;
        }
        var clean = { reviewed: Boolean(entry.reviewed), verdicts: {}, added: [] };
        sentence.mentions.forEach(function (mention) {
          var verdict = entry.verdicts ? entry.verdicts[mention.id] : null;
          if (verdict === 'right' || verdict === 'wrong') {
            clean.verdicts[mention.id] = verdict;
          }
        });
        (entry.added || []).forEach(function (conceptId) {
          if (Object.prototype.hasOwnProperty.call(conceptIndexById, conceptId) && clean.added.indexOf(conceptId) < 0) {
            clean.added.push(conceptId);
          }
        });
        decisions[id] = clean;
      });
    } catch (malformed) {
      problem = 'The saved decisions for this run could not be read (' + malformed.message + '); they were left as they are.';
      storage = null;
    }
  }

  function save() {
    if (!storage) {
      return;
    }
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ schema: REVIEW_SCHEMA, manifest_sha256: data.manifest_sha256, sentences: decisions }));
    } catch (full) {
      problem = 'The browser refused to keep the decisions (' + full.message + '): download the CSV before closing the page.';
    }
  }

  function entryOf(sentence, create) {
    var entry = decisions[sentence.id];
    if (!entry && create) {
      entry = { reviewed: false, verdicts: {}, added: [] };
      decisions[sentence.id] = entry;
    }
    return entry || null;
  }

  /* Drops an entry that holds no decision any more. */
  function tidy(sentence) {
    var entry = decisions[sentence.id];
    if (entry && !entry.reviewed && Object.keys(entry.verdicts).length === 0 && entry.added.length === 0) {
      delete decisions[sentence.id];
    }
  }

  function changed(sentence) {
    tidy(sentence);
    save();
    refreshSentence(sentence);
    showFigures();
  }

  return {
    problem: function () {
      return problem;
    },
    ignored: function () {
      return ignored;
    },
    storageWorks: function () {
      return storage !== null;
    },
    load: load,
    isReviewed: function (sentence) {
      return Boolean(decisions[sentence.id]);
    },
    verdictOf: function (mention) {
      var entry = decisions[mention.sentence.id];
      return entry && entry.verdicts[mention.id] ? entry.verdicts[mention.id] : null;
    },
    addedTo: function (sentence) {
      var entry = decisions[sentence.id];
      return entry ? entry.added.slice() : [];
    },
    /* Pressing the verdict a mention already has takes it back. */
    setVerdict: function (mention, verdict) {
      var entry = entryOf(mention.sentence, true);
      if (entry.verdicts[mention.id] === verdict) {
        delete entry.verdicts[mention.id];
      } else {
        entry.verdicts[mention.id] = verdict;
      }
      changed(mention.sentence);
    },
    /* Marks a sentence reviewed; on a reviewed sentence, withdraws it with all its decisions. */
    toggleReviewed: function (sentence) {
      if (decisions[sentence.id]) {
        delete decisions[sentence.id];
      } else {
        entryOf(sentence, true).reviewed = true;
      }
      changed(sentence);
    },
    addConcept: function (sentence, conceptId) {
      var entry = entryOf(sentence, true);
      if (entry.added.indexOf(conceptId) < 0) {
        entry.added.push(conceptId);
      }
      changed(sentence);
    },
    removeConcept: function (sentence, conceptId) {
      var entry = entryOf(sentence, false);
      if (entry) {
        entry.added = entry.added.filter(function (id) {
          return id !== conceptId;
        });
      }
      changed(sentence);
    },
    clearAll: function () {
      decisions = {};
      if (storage) {
        storage.removeItem(STORAGE_KEY);
      }
    },
    reviewedSentences: function () {
      return sentences.filter(function (sentence) {
        return Boolean(decisions[sentence.id]);
      });
    },
    appendSentenceControls: appendSentenceControls
  };
}());

/* The tool's concepts in a sentence: those of its mentions (the sentence's concepts column). */
function predictedConcepts(sentence) {
  return sentence.concepts.map(function (index) {
    return concepts[index];
  });
}

/* The reviewer's concepts: the tool's, less those whose every mention there is marked wrong, plus those added. */
function reviewedConcepts(sentence) {
  var kept = predictedConcepts(sentence).filter(function (concept) {
    return sentence.mentions.some(function (mention) {
      return mention.concept === concept && review.verdictOf(mention) !== 'wrong';
    });
  });
  review.addedTo(sentence).forEach(function (conceptId) {
    var concept = concepts[conceptIndexById[conceptId]];
    if (kept.indexOf(concept) < 0) {
      kept.push(concept);
    }
  });
  return kept.sort(function (first, second) {
    return first.index - second.index;
  });
}

/* Pairs (sentence, concept) over the reviewed sentences, as eval counts them. */
function reviewFigures() {
  var figures = { sentences: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, right: 0, wrong: 0, added: 0 };
  review.reviewedSentences().forEach(function (sentence) {
    figures.sentences += 1;
    var predicted = predictedConcepts(sentence);
    var gold = reviewedConcepts(sentence);
    predicted.forEach(function (concept) {
      if (gold.indexOf(concept) >= 0) {
        figures.truePositives += 1;
      } else {
        figures.falsePositives += 1;
      }
    });
    gold.forEach(function (concept) {
      if (predicted.indexOf(concept) < 0) {
        figures.falseNegatives += 1;
      }
    });
    sentence.mentions.forEach(function (mention) {
      var verdict = review.verdictOf(mention);
      figures.right += verdict === 'right' ? 1 : 0;
      figures.wrong += verdict === 'wrong' ? 1 : 0;
    });
    figures.added += review.addedTo(sentence).length;
  });
  return figures;
}

function appendSentenceControls(node, sentence) {
  var controls = element('span', 'review-controls');
  review.addedTo(sentence).forEach(function (conceptId) {
    var concept = concepts[conceptIndexById[conceptId]];
    var chip = controls.appendChild(element('span', 'added-concept concept-' + concept.style));
    chip.setAttribute('data-concept', concept.id);
    chip.appendChild(document.createTextNode('+ ' + labelled(concept) + ' (added by you) '));
    var remove = chip.appendChild(button('remove-concept', '\u00d7', 'Remove ' + concept.label + ', added by you'));
    remove.setAttribute('data-action', 'remove-concept');
    remove.setAttribute('data-concept', concept.id);
  });
  var reviewed = review.isReviewed(sentence);
  var check = controls.appendChild(button('sentence-check', (reviewed ? '\u2611' : '\u2610') + ' reviewed',
    reviewed ? 'Reviewed. Press to withdraw this sentence and its marks from the review'
      : 'Mark this sentence reviewed: its tags are right as shown'));
  check.setAttribute('aria-pressed', reviewed ? 'true' : 'false');
  check.setAttribute('data-action', 'reviewed');
  var add = controls.appendChild(button('add-concept', '+ concept', 'Add a concept the tool missed in this sentence'));
  add.setAttribute('data-action', 'add');
  if (reviewed) {
    node.classList.add('reviewed');
  }
  node.appendChild(controls);
}

/*
 * "+ concept" turns into a list of the concepts the sentence lacks and an Add button (a list alone would add
 * whatever a keyboard user arrows past); Escape, Cancel or leaving both closes it.
 */
function openConceptChooser(control, sentence) {
  var present = reviewedConcepts(sentence).concat(predictedConcepts(sentence));
  var adder = element('span', 'concept-adder');
  var chooser = adder.appendChild(element('select', 'concept-chooser'));
  chooser.setAttribute('aria-label', 'Concept the tool missed in this sentence');
  chooser.appendChild(element('option', null, 'Add which concept?')).value = '';
  concepts.forEach(function (concept) {
    if (present.indexOf(concept) < 0) {
      chooser.appendChild(element('option', null, '\u00a0\u00a0'.repeat(concept.depth) + labelled(concept))).value = concept.id;
    }
  });
  var add = adder.appendChild(button('concept-add', 'Add', 'Add the chosen concept to this sentence'));
  var cancel = adder.appendChild(button('concept-cancel', 'Cancel', 'Add no concept'));
  control.parentNode.replaceChild(adder, control);
  chooser.focus();
  var done = false;
  function close(conceptId) {
    if (done) {
      return;
    }
    done = true;
    if (conceptId) {
      review.addConcept(sentence, conceptId);
    } else {
      refreshSentence(sentence);
    }
  }
  add.addEventListener('click', function () {
    if (chooser.value) {
      close(chooser.value);
    } else {
      chooser.focus();
    }
  });
  cancel.addEventListener('click', function () {
    close(null);
  });
  adder.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(null);
    } else if (event.key === 'Enter' && event.target === chooser && chooser.value) {
      event.preventDefault();
      close(chooser.value);
    }
  });
  adder.addEventListener('focusout', function (event) {
    if (!event.relatedTarget || !adder.contains(event.relatedTarget)) {
      window.setTimeout(function () {
        if (!adder.contains(document.activeElement)) {
          close(null);
        }
      }, 0);
    }
  });
}

document.addEventListener('click', function (event) {
  var control = event.target.closest ? event.target.closest('.sentence button[data-action]') : null;
  if (!control) {
    return;
  }
  var sentence = sentences[Number(control.closest('.sentence').getAttribute('data-sentence'))];
  var action = control.getAttribute('data-action');
  if (action === 'verdict') {
    review.setVerdict(mentions[Number(control.getAttribute('data-mention'))], control.getAttribute('data-verdict'));
  } else if (action === 'reviewed') {
    review.toggleReviewed(sentence);
  } else if (action === 'add') {
    openConceptChooser(control, sentence);
  } else if (action === 'remove-concept') {
    review.removeConcept(sentence, control.getAttribute('data-concept'));
  }
});
