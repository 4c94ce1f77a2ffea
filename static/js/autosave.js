// Autosave for narrative answers: saves a few seconds after typing stops and when the field
// loses focus. The server refuses a save based on an old version (409): we then show the
// other person's text beside ours so nothing is overwritten silently.
(function () {
  "use strict";
  var DELAY_MS = 2500;

  function messages(form) {
    var root = form.closest(".autosave-root");
    return root ? root.dataset : {};
  }

  function setup(form) {
    var timer = null;
    var dirty = false;
    var saving = false;
    var state = form.querySelector(".save-state");
    var version = form.querySelector("input[name$='-version']");
    var conflict = form.querySelector(".conflict");
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
        credentials: "same-origin"
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
        } else if (result.status === 409) {
          form.dataset.theirVersion = data.version;
          form.querySelector(".conflict-message").textContent = data.message;
          form.querySelector(".conflict-ar").textContent = data.text_ar;
          form.querySelector(".conflict-en").textContent = data.text_en;
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

    form.addEventListener("input", function () {
      dirty = true;
      show(text.msgUnsaved || "");
      clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) { save(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      dirty = true;
      save();
    });
    form.querySelector(".conflict-keep").addEventListener("click", function () {
      // The user merged the texts: save on top of the version they have now seen.
      version.value = form.dataset.theirVersion;
      dirty = true;
      save();
    });
    form.querySelector(".conflict-take").addEventListener("click", function () {
      form.querySelector("textarea[name$='-text_ar']").value = form.querySelector(".conflict-ar").textContent;
      form.querySelector("textarea[name$='-text_en']").value = form.querySelector(".conflict-en").textContent;
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

  document.querySelectorAll("form.answer-form").forEach(setup);
})();
