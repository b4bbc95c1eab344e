// Read aloud (issue 17): reads the page's main text with the browser's own
// speech synthesis; no audio files, nothing from another site. The buttons
// stay hidden unless the device has a voice for the page's language, so no
// one meets a button that does nothing.
(function () {
  "use strict";
  var box = document.querySelector("[data-read-aloud]");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) return;
  var play = box.querySelector("[data-read-aloud-play]");
  var stop = box.querySelector("[data-read-aloud-stop]");
  var lang = (document.documentElement.lang || "en").toLowerCase();
  var blocks = "h1, h2, h3, h4, p, li, dt, dd";
  // Not read: navigation, these buttons, the list of sources, hidden text.
  var skip = "nav, [data-read-aloud], .sources, .print-only, .visually-hidden, [hidden], [aria-hidden=true]";
  var voice = null;

  function findVoice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var l = String(voices[i].lang || "").toLowerCase().replace("_", "-");
      if (l === lang || l.indexOf(lang + "-") === 0) return voices[i];
    }
    return null;
  }

  function showing(reading) {
    play.hidden = reading;
    stop.hidden = !reading;
  }

  function update() {
    voice = findVoice();
    box.hidden = !voice;
  }

  // The text of each block of main, once: a list item holding a paragraph
  // is read as the paragraph.
  function texts() {
    var main = document.querySelector("main");
    var out = [];
    if (!main) return out;
    main.querySelectorAll(blocks).forEach(function (el) {
      if (el.closest(skip) || el.querySelector(blocks)) return;
      var t = el.textContent.replace(/\s+/g, " ").trim();
      if (t) out.push(t);
    });
    return out;
  }

  function halt() {
    synth.cancel();
    showing(false);
  }

  play.addEventListener("click", function () {
    if (!voice) return;
    synth.cancel();
    var parts = texts();
    // One utterance a block: engines cut long utterances short.
    parts.forEach(function (t, i) {
      var u = new SpeechSynthesisUtterance(t);
      u.lang = voice.lang;
      u.voice = voice;
      if (i === parts.length - 1) u.onend = function () { showing(false); };
      synth.speak(u);
    });
    showing(true);
    stop.focus();
  });
  stop.addEventListener("click", function () {
    halt();
    play.focus();
  });
  window.addEventListener("pagehide", halt);
  if (synth.addEventListener) synth.addEventListener("voiceschanged", update);
  else synth.onvoiceschanged = update;
  update();
})();
