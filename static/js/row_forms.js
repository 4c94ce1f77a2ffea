// Table rows keep an explicit "Save row": leaving the page with a row changed and not saved asks
// first. A row's form posts to an address ending with the row's id, so after a save or a refusal
// the page opens at that row; a refused form gets the focus on its first error.
//
// Rows are shown as text, with no form each. "Edit row" is a link to the page with that row as a form
// (?edit=<row id>); here the script asks for that page and puts the row's form in place, so the page is
// not reloaded and the form holds the row as it is stored now.
(function () {
  "use strict";
  var dirty = new Set();

  function track(form) {
    function changed() { dirty.add(form); }
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { dirty.delete(form); });
  }

  document.querySelectorAll("form.row-form").forEach(track);

  window.addEventListener("beforeunload", function (event) {
    if (dirty.size) { event.preventDefault(); event.returnValue = ""; }
  });

  function editInPlace(link) {
    var card = link.closest(".card[id^='row-']");
    fetch(link.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var form = page.querySelector("#" + CSS.escape(card.id) + " form.row-form");
      if (!form) { throw new Error("no form"); }
      form = document.importNode(form, true);
      var shown = card.querySelector(".card-body > dl");
      card.querySelector(".card-body").insertBefore(form, shown);
      var deleting = page.getElementById("delete-" + card.id.slice(4));  // the form "Delete row" submits
      if (deleting) { form.after(document.importNode(deleting, true)); }
      if (shown) { shown.hidden = true; }
      link.hidden = true;
      track(form);
      form.querySelector(".row-cancel").addEventListener("click", function (event) {
        event.preventDefault();
        dirty.delete(form);
        var deleteForm = document.getElementById("delete-" + card.id.slice(4));
        if (deleteForm) { deleteForm.remove(); }
        form.remove();
        if (shown) { shown.hidden = false; }
        link.hidden = false;
        link.focus();
      });
      var first = form.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    }).catch(function () {
      window.location.href = link.href; // the server shows the page with the row as a form
    });
  }

  document.querySelectorAll("a.row-edit").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      editInPlace(link);
    });
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
