// "N characters left" under every input with data-count="N" (the claim for search engines).
(function () {
  function attach(input) {
    var limit = parseInt(input.getAttribute("data-count"), 10);
    var note = document.createElement("span");
    note.className = "byline char-count";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    function update() {
      var left = limit - input.value.length;
      note.textContent = " " + left + (left === 1 ? " character left" : " characters left");
    }
    input.addEventListener("input", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-count]").forEach(attach);
  });
})();
