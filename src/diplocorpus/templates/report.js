(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\u0110/g, "D").toLowerCase();
  }

  var speaker = document.getElementById("speaker-filter");
  var event = document.getElementById("event-filter");
  var shown = document.getElementById("statements-shown");
  var statements = document.querySelectorAll("li.statement");

  function filterStatements() {
    var who = speaker.value;
    var what = event.value;
    var count = 0;
    for (var i = 0; i < statements.length; i++) {
      var item = statements[i];
      var events = " " + (item.getAttribute("data-events") || "") + " ";
      var keep = (who === "" || item.getAttribute("data-speaker") === who) &&
        (what === "" || events.indexOf(" " + what + " ") >= 0);
      item.style.display = keep ? "" : "none";
      if (keep) { count += 1; }
    }
    var text = count + " of " + statements.length + " statements shown";
    if (who !== "") { text += ", of " + data.speakers[Number(who)].name; }
    if (what !== "") { text += ", of pages reporting " + data.events[Number(what)].name; }
    shown.textContent = text;
  }
  if (speaker && event) {
    speaker.addEventListener("change", filterStatements);
    event.addEventListener("change", filterStatements);
  }

  var rows = document.querySelectorAll("tr.speaker");
  for (var r = 0; r < rows.length; r++) {
    rows[r].addEventListener("click", function () {
      speaker.value = this.getAttribute("data-speaker");
      filterStatements();
    });
  }

  var ticks = document.querySelectorAll("g.tick");
  for (var t = 0; t < ticks.length; t++) {
    ticks[t].addEventListener("click", function () {
      var item = document.getElementById("event-" + this.getAttribute("data-event"));
      if (item) {
        item.querySelector("details").open = true;
        item.scrollIntoView({block: "center"});
      }
    });
  }

  var box = document.getElementById("search-box");
  if (box) {
    var paragraphs = document.querySelectorAll("li.paragraph");
    var folded = [];
    for (var p = 0; p < paragraphs.length; p++) {
      folded.push(" " + fold(paragraphs[p].textContent).replace(/[^\p{L}\p{N}]+/gu, " "));
    }
    var found = document.getElementById("search-found");
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(function (w) { return w !== ""; });
      var count = 0;
      for (var q = 0; q < paragraphs.length; q++) {
        // Each word starts a word of the paragraph ("ngoai" finds "ngoại giao").
        var keep = words.every(function (w) { return folded[q].indexOf(" " + w) >= 0; });
        paragraphs[q].style.display = keep ? "" : "none";
        if (keep) { count += 1; }
      }
      found.textContent = count + " of " + paragraphs.length + " paragraphs";
    });
  }
})();
