/*
 * LIX while the secretary types: under "Kort fortalt" and the page's main text, the editor
 * shows the readability score in words ("let", "middel", "svær"). Only a hint: it never stops
 * the page from being saved or sent on.
 *
 * The computation is the one in council_pages/readability.py, rule for rule:
 *   words     runs of letters; long words have more than 6 letters
 *   sentences end at . ! ? or : before white space or the end, and at a line break
 *   LIX       words / sentences + 100 * long words / words, rounded half up
 * tests/browser/test_easy_read.py checks that the two agree.
 */
(function () {
  "use strict";

  var WORD = /\p{L}+/gu;
  var SENTENCE_END = /[.!?:]+(?=\s|$)|\n+/u;
  var HAS_WORD = /\p{L}/u;
  var LONG_WORD = 6;
  var SUMMARY_TARGET = 35;
  // Fields with a meter: "Kort fortalt" with a target, the main texts without one.
  var FIELDS = {
    summary: SUMMARY_TARGET,
    response: null,
    situation: null,
    activities: null,
  };

  function lix(text) {
    text = text || "";
    var words = text.match(WORD) || [];
    if (!words.length) {
      return null;
    }
    var sentences = text.split(SENTENCE_END).filter(function (part) {
      return HAS_WORD.test(part);
    }).length;
    var longWords = words.filter(function (word) {
      return Array.from(word).length > LONG_WORD;
    }).length;
    var score = words.length / sentences + (100 * longWords) / words.length;
    return {
      score: Math.floor(score + 0.5),
      words: words.length,
      sentences: sentences,
      long_words: longWords,
    };
  }

  function level(score) {
    if (score <= 35) {
      return "let";
    }
    return score <= 44 ? "middel" : "svær";
  }

  function message(result, target) {
    if (!result) {
      return "";
    }
    var text = "LIX " + result.score + ": " + level(result.score) + " at læse.";
    if (target !== null) {
      text += result.score <= target
        ? " Godt: målet er LIX " + target + " eller lavere."
        : " Målet er LIX " + target + " eller lavere. Prøv kortere sætninger og kortere ord.";
    }
    return text;
  }

  function editorText(wrapper) {
    var editor = wrapper.querySelector("[contenteditable=true]");
    if (editor) {
      var blocks = editor.querySelectorAll("[data-block=true]");
      if (blocks.length) {
        return Array.prototype.map.call(blocks, function (block) {
          return block.textContent;
        }).join("\n");
      }
      return editor.innerText;
    }
    var input = wrapper.querySelector("textarea, input[type=text]");
    return input ? input.value : "";
  }

  function attach(wrapper, name, target) {
    if (wrapper.querySelector(".lix-meter")) {
      return;
    }
    var meter = document.createElement("p");
    meter.className = "lix-meter";
    meter.setAttribute("data-lix-field", name);
    meter.setAttribute("aria-live", "polite");
    var field = wrapper.querySelector(".w-field__input") || wrapper;
    field.appendChild(meter);
    var timer = null;
    function update() {
      var result = lix(editorText(wrapper));
      var text = message(result, target);
      if (meter.textContent !== text) {
        // Only on a change: the meter sits inside the observed wrapper.
        meter.textContent = text;
      }
      meter.classList.toggle("lix-meter--warning", !!result && target !== null && result.score > target);
    }
    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 150);
    }
    wrapper.addEventListener("input", soon);
    new MutationObserver(soon).observe(wrapper, {
      characterData: true,
      childList: true,
      subtree: true,
    });
    update();
  }

  function scan() {
    Object.keys(FIELDS).forEach(function (name) {
      var wrappers = document.querySelectorAll('[data-contentpath="' + name + '"]');
      Array.prototype.forEach.call(wrappers, function (wrapper) {
        attach(wrapper, name, FIELDS[name]);
      });
    });
  }

  window.udsatteraadLix = { lix: lix, level: level };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
  // Draftail mounts its editors after the page has loaded.
  window.addEventListener("load", scan);
})();
