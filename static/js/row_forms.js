// Table rows keep an explicit "Save row": leaving the page with a row changed and not saved asks
// first. A row's form posts to an address ending with the row's id, so after a save or a refusal
// the page opens at that row; a refused form gets the focus on its first error.
//
// Rows are shown as text, with no form each. "Edit row" is a link to the page with that row as a form
// (?edit=<row id>), "Add a row" one to the page with the table's new row as a form (?add=<table>); here the
// script asks for that page and puts the form in place, so the page is not reloaded and an edited row's form
// holds the row as it is stored now.
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

  // Puts the form the page at link.href shows in `box` (a row's card, or a table's "add a row" box) in
  // place of what the box shows; "Cancel" takes it away again.
  function formInPlace(link, box, shown) {
    fetch(link.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var form = page.querySelector("#" + CSS.escape(box.id) + " form.row-form");
      if (!form) { throw new Error("no form"); }
      form = document.importNode(form, true);
      var heading = form.hasAttribute("aria-labelledby") && page.getElementById(form.getAttribute("aria-labelledby"));
      var added = [form];
      if (heading) { added.unshift(document.importNode(heading, true)); }
      var deleting = page.getElementById("delete-" + box.id.slice(4));  // the form "Delete row" submits
      if (deleting && box.id.indexOf("row-") === 0) { added.push(document.importNode(deleting, true)); }
      var parent = shown ? shown.parentNode : link.parentNode;
      added.forEach(function (node) { parent.insertBefore(node, shown || link); });
      var boxClass = box.className;  // a new row's box: a link alone, then a card holding the form
      if (!shown) { box.className = "card card-body bg-light"; }
      if (shown) { shown.hidden = true; }
      link.hidden = true;
      track(form);
      form.querySelector(".row-cancel").addEventListener("click", function (event) {
        event.preventDefault();
        dirty.delete(form);
        added.forEach(function (node) { node.remove(); });
        box.className = boxClass;
        if (shown) { shown.hidden = false; }
        link.hidden = false;
        link.focus();
      });
      var first = form.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    }).catch(function () {
      window.location.href = link.href; // the server shows the page with the form
    });
  }

  document.querySelectorAll("a.row-edit").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var card = link.closest(".card[id^='row-']");
      formInPlace(link, card, card.querySelector(".card-body > dl"));
    });
  });

  document.querySelectorAll("a.row-add").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      formInPlace(link, link.closest("[id^='new-']"), null);
    });
  });

  // After the page has loaded: opening at the address's row moves the focus to that row (or the
  // page), which would take it from the field focused before.
  window.addEventListener("load", function () {
    setTimeout(function () {
      var firstError = document.querySelector("form.row-form .is-invalid, form.autosave-form .is-invalid");
      if (!firstError) { return; }
      var field = firstError.matches("input, select, textarea") ? firstError : firstError.querySelector("input, select, textarea");
      (field || firstError).focus();
      (field || firstError).scrollIntoView({ block: "center" });
    }, 0);
  });
})();
