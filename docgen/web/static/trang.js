/* docgen's page, its one script of its own: the file boxes (templates/tep.html) say in
   Vietnamese which files are chosen, ask for a file before sending, and light up while files
   are dragged over them. The browser's own words for these would be in the browser's language. */
(function () {
  "use strict";
  var NONE = "Hãy chọn tệp (hoặc kéo thả tệp vào ô) trước khi bấm nút.";

  function boxOf(target) {
    return target && target.closest ? target.closest(".chon-tep") : null;
  }

  document.addEventListener("change", function (event) {
    var box = boxOf(event.target);
    if (!box || !event.target.files) return;
    var shown = box.querySelector(".ten-tep");
    if (!shown.dataset.empty) shown.dataset.empty = shown.textContent;
    var names = Array.prototype.map.call(event.target.files, function (f) { return f.name; });
    event.target.setCustomValidity("");
    shown.textContent = names.length ? "Đã chọn: " + names.join("; ") : shown.dataset.empty;
  });

  document.addEventListener("invalid", function (event) {
    if (boxOf(event.target) && !event.target.files.length) event.target.setCustomValidity(NONE);
  }, true);

  ["dragenter", "dragover"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var box = boxOf(event.target);
      if (box) box.classList.add("keo");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var box = boxOf(event.target);
      if (box) box.classList.remove("keo");
    });
  });
})();
