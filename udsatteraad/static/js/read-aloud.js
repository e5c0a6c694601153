/*
 * "Læs op": reads a publication aloud with the browser's own speech synthesis.
 *
 * No third party and nothing sent: window.speechSynthesis speaks on the reader's own device,
 * with a Danish voice where the browser has one (lang da-DK otherwise). The controls are
 * ordinary buttons (Tab, Enter, Space); they stay hidden where the browser has no speech
 * synthesis. Long texts go paragraph by paragraph, because some browsers stop a long
 * utterance after a few seconds.
 */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }

  function danishVoice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^da([-_]|$)/i.test(voices[i].lang)) {
        return voices[i];
      }
    }
    return null;
  }

  function chunks(element) {
    var parts = [];
    var blocks = element.querySelectorAll("h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th");
    Array.prototype.forEach.call(blocks, function (block) {
      if (block.closest("[data-read-aloud]") || block.closest("[hidden]")) {
        return;
      }
      // A list item or cell that holds paragraphs is read through them.
      if (block.querySelector("p, li, dd, td")) {
        return;
      }
      var text = block.textContent.replace(/\s+/g, " ").trim();
      if (text) {
        parts.push(text);
      }
    });
    return parts;
  }

  function setUp(control) {
    var target = document.querySelector(control.getAttribute("data-read-aloud-target"));
    if (!target) {
      return;
    }
    var play = control.querySelector("[data-read-aloud-play]");
    var pause = control.querySelector("[data-read-aloud-pause]");
    var stop = control.querySelector("[data-read-aloud-stop]");
    var status = control.querySelector("[data-read-aloud-status]");
    var queue = [];
    var state = "stopped";

    function show(newState, message) {
      state = newState;
      control.setAttribute("data-state", state);
      pause.disabled = state === "stopped";
      stop.disabled = state === "stopped";
      pause.textContent = state === "paused" ? "Fortsæt" : "Pause";
      play.textContent = state === "stopped" ? "Læs op" : "Læs op forfra";
      status.textContent = message;
    }

    function next() {
      if (state === "stopped") {
        return;
      }
      var text = queue.shift();
      if (text === undefined) {
        show("stopped", "Oplæsningen er færdig.");
        return;
      }
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = "da-DK";
      var voice = danishVoice();
      if (voice) {
        utterance.voice = voice;
      }
      utterance.onend = next;
      utterance.onerror = function (event) {
        if (event.error !== "interrupted" && event.error !== "canceled") {
          show("stopped", "Siden kunne ikke læses op i denne browser.");
        }
      };
      synth.speak(utterance);
    }

    play.addEventListener("click", function () {
      state = "stopped";
      synth.cancel();
      queue = chunks(target);
      show("playing", "Siden læses op.");
      next();
    });
    pause.addEventListener("click", function () {
      if (state === "playing") {
        synth.pause();
        show("paused", "Oplæsningen holder pause.");
      } else if (state === "paused") {
        synth.resume();
        show("playing", "Oplæsningen fortsætter.");
      }
    });
    stop.addEventListener("click", function () {
      state = "stopped";
      queue = [];
      synth.cancel();
      show("stopped", "Oplæsningen er stoppet.");
      play.focus();
    });
    window.addEventListener("pagehide", function () {
      synth.cancel();
    });
    control.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-read-aloud]"), setUp);
})();
