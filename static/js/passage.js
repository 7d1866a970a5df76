// Article page: what a fact-checker selects in the article's text fills the "log a passage"
// form, so a claim the finder missed is one selection and one click away.
(function () {
  "use strict";
  function fill() {
    var text = document.querySelector(".article-text");
    var box = document.getElementById("passage");
    var selection = window.getSelection();
    if (!text || !box || !selection || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    var chosen = selection.toString().trim();
    if (chosen) box.value = chosen;
  }
  document.addEventListener("mouseup", fill);
  document.addEventListener("keyup", fill);
})();
