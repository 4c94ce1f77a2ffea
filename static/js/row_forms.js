// Table rows keep an explicit "Save row": leaving the page with a row changed and not saved asks
// first. A row's form posts to an address ending with the row's id, so after a save or a refusal
// the page opens at that row; a refused form gets the focus on its first error.
(function () {
  "use strict";
  var dirty = new Set();

  document.querySelectorAll("form.row-form").forEach(function (form) {
    function changed() { dirty.add(form); }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { dirty.delete(form); });
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty.size) { event.preventDefault(); event.returnValue = ""; }
  });

  // After the page has loaded: opening at the address's row moves the focus to that row (or the
  // page), which would take it from the field focused before.
  window.addEventListener("load", function () {
    setTimeout(function () {
      var firstError = document.querySelector("form.row-form .is-invalid, form.autosave-form .is-invalid");
      if (!firstError) { return; }
      var closed = firstError.closest("details");
      if (closed) { closed.open = true; }
      var field = firstError.matches("input, select, textarea") ? firstError : firstError.querySelector("input, select, textarea");
      (field || firstError).focus();
      (field || firstError).scrollIntoView({ block: "center" });
    }, 0);
  });
})();
