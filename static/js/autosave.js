// Autosave, the one save model of the editable pages: a form saves itself a few seconds after
// typing stops, at once when a choice (tick box, list) changes, and when it loses focus. The server
// refuses a save based on an old version (409) and sends back what is stored: we show it beside
// ours so nothing is overwritten silently.
// Two kinds of form share it: "answer-form", a bilingual text (answers, the synthesis), and
// "autosave-form", a form of fields (objective details, translations); they differ only in how the
// stored state of a conflict is shown and taken.
(function () {
  "use strict";
  var DELAY_MS = 2500;

  function messages(form) {
    var root = form.closest(".autosave-root");
    return root ? root.dataset : {};
  }

  var texts = {
    name: "texts",
    keepalive: false, // a text may pass the 64 kB a request kept alive past the page may carry
    showConflict: function (form, data) {
      form.querySelector(".conflict-ar").textContent = data.text_ar;
      form.querySelector(".conflict-en").textContent = data.text_en;
      form.storedValues = data.stored || {}; // fields saved with the text (a key message's objectives)
    },
    takeTheirs: function (form) {
      form.querySelector("textarea[name$='-text_ar']").value = form.querySelector(".conflict-ar").textContent;
      form.querySelector("textarea[name$='-text_en']").value = form.querySelector(".conflict-en").textContent;
      fields.takeTheirs(form);
    }
  };

  var fields = {
    name: "fields",
    keepalive: true, // a choice made just before leaving the page is still saved
    showConflict: function (form, data) { form.storedValues = data.stored || {}; },
    takeTheirs: function (form) {
      var stored = form.storedValues || {};
      Object.keys(stored).forEach(function (name) {
        var value = stored[name];
        form.querySelectorAll("[name='" + name + "']").forEach(function (input) {
          if (input.type === "checkbox" || input.type === "radio") {
            input.checked = Array.isArray(value) ? value.indexOf(input.value) !== -1 : value === true || value === input.value;
          } else if (input.multiple) {
            Array.prototype.forEach.call(input.options, function (option) { option.selected = value.indexOf(option.value) !== -1; });
          } else {
            input.value = value;
          }
        });
      });
    }
  };

  function conflictBox(form, name) {
    // The page holds one template of the box per kind of form (includes/autosave_script.html).
    var box = form.querySelector(".conflict");
    if (!box) {
      box = document.getElementById("conflict-" + name).content.firstElementChild.cloneNode(true);
      box.hidden = true;
      form.appendChild(box);
    }
    return box;
  }

  function setup(form, kind) {
    var timer = null;
    var dirty = false;
    var saving = false;
    var state = form.querySelector(".save-state");
    var version = form.querySelector("input[name$='-version'], input[name='version']");
    var conflict = conflictBox(form, kind.name);
    var text = messages(form);

    function show(message, kind) {
      state.textContent = message;
      state.className = "save-state " + (kind === "error" ? "text-danger" : kind === "ok" ? "text-success" : "text-secondary");
    }

    function save() {
      clearTimeout(timer);
      if (!dirty || saving) { return; }
      saving = true;
      dirty = false;
      show(text.msgSaving || "…");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
        keepalive: kind.keepalive
      }).then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      }).then(function (result) {
        saving = false;
        var data = result.data;
        if (result.status === 200) {
          version.value = data.version;
          conflict.hidden = true;
          show((text.msgSaved || "Saved") + " · " + data.updated_at, "ok");
          form.dispatchEvent(new CustomEvent("answer:saved", { bubbles: true }));
          if (dirty) { save(); } // changed again while this save was on its way
        } else if (result.status === 409) {
          form.dataset.theirVersion = data.version;
          form.querySelector(".conflict-message").textContent = data.message;
          kind.showConflict(form, data);
          conflict.hidden = false;
          show(data.message, "error");
        } else {
          dirty = true;
          var errors = data.errors ? Object.values(data.errors).flat().join(" ") : data.message;
          show(errors || text.msgError, "error");
        }
      }).catch(function () {
        saving = false;
        dirty = true;
        show(text.msgError || "Not saved", "error");
      });
    }

    function typing(target) {
      return target.tagName === "TEXTAREA" || /^(text|number|url|email|search)$/.test(target.type);
    }
    form.addEventListener("input", function (event) {
      if (!typing(event.target)) { return; } // a choice saves on "change", below
      dirty = true;
      show(text.msgUnsaved || "");
      clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    });
    form.addEventListener("change", function (event) {
      dirty = true;
      if (!typing(event.target)) { save(); }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) { save(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      dirty = true;
      save();
    });
    form.querySelector(".conflict-keep").addEventListener("click", function () {
      // The user has seen what is stored: save theirs on top of that version.
      version.value = form.dataset.theirVersion;
      dirty = true;
      save();
    });
    form.querySelector(".conflict-take").addEventListener("click", function () {
      kind.takeTheirs(form);
      version.value = form.dataset.theirVersion;
      conflict.hidden = true;
      dirty = false;
      show(text.msgSaved || "Saved", "ok");
    });
    window.addEventListener("beforeunload", function (event) {
      // Changes not yet sent: send them and ask the user to wait. A save already on its way
      // completes on its own, so it does not hold the user back.
      if (dirty) { save(); event.preventDefault(); }
    });
  }

  document.querySelectorAll("form.answer-form").forEach(function (form) { setup(form, texts); });
  document.querySelectorAll("form.autosave-form").forEach(function (form) { setup(form, fields); });
})();
