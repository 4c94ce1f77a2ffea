// Table rows keep an explicit "Save row": leaving the page with a row changed and not saved asks
// first. A row's form posts to an address ending with the row's id, so after a save or a refusal
// the page opens at that row; a refused form gets the focus on its first error.
//
// Rows are shown as text. "Edit row" is a link the server answers with that row as a form; here it
// turns the table's one empty form (the "Add a row" form) into the row's form instead, filled from the
// row's values, without reloading: a page of many rows sends one form per table, not one per row.
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

  var RENAMED = ["name", "id", "for", "aria-describedby"];

  function fill(element, name, value) {
    if (value === undefined) { return; }
    var values = Array.isArray(value) ? value.map(String) : null;
    if (element.type === "checkbox") {
      element.checked = values ? values.indexOf(element.value) >= 0 : Boolean(value);
    } else if (element.tagName === "SELECT") {
      Array.prototype.forEach.call(element.options, function (option) {
        option.selected = values ? values.indexOf(option.value) >= 0 : option.value === String(value);
      });
    } else {
      element.value = values ? (values[0] || "") : (value === null ? "" : String(value));
    }
  }

  function editForm(link, template) {
    var form = template.cloneNode(true);
    var from = template.dataset.prefix + "-", to = link.dataset.prefix + "-";
    var values = JSON.parse(link.dataset.values || "{}");
    form.action = link.dataset.action;
    form.classList.remove("mt-2");
    form.querySelectorAll(".invalid-feedback").forEach(function (node) { node.remove(); });
    form.querySelectorAll("*").forEach(function (element) {
      element.classList.remove("is-invalid");
      element.removeAttribute("aria-invalid");
      RENAMED.forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value) { element.setAttribute(attribute, value.split(from).join(to)); }
      });
      if (element.name && element.name.indexOf(to) === 0) {
        fill(element, element.name.slice(to.length), values[element.name.slice(to.length)]);
      }
    });
    var save = form.querySelector("button[type=submit]");
    save.textContent = template.dataset.saveLabel;
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn btn-sm btn-link";
    cancel.textContent = template.dataset.cancelLabel;
    save.after(cancel);
    return { form: form, cancel: cancel };
  }

  document.querySelectorAll("a.row-edit").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var section = link.closest("section");
      var template = section && section.querySelector("details form.row-form[data-prefix]");
      if (!template) { return; }  // the server shows the row as a form
      event.preventDefault();
      var card = link.closest(".card-body");
      var shown = card.querySelector(":scope > dl");
      var made = editForm(link, template);
      card.insertBefore(made.form, card.firstChild);
      if (shown) { shown.hidden = true; }
      link.hidden = true;
      track(made.form);
      made.cancel.addEventListener("click", function () {
        dirty.delete(made.form);
        made.form.remove();
        if (shown) { shown.hidden = false; }
        link.hidden = false;
        link.focus();
      });
      var first = made.form.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
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
