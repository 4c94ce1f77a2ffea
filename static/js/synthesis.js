// A form that names a text's version (a translation's verification, a key message's move or deletion)
// follows the autosaves of the text, so it acts on the version the user sees.
document.addEventListener("answer:saved", function (event) {
  "use strict";
  var form = event.target;
  var version = form.querySelector("input[name$='-version']").value;
  var verify = document.getElementById(form.dataset.verifyForm);
  if (verify) {
    verify.querySelector("input[name=version]").value = version;
  }
  document.querySelectorAll("input[data-version-of='" + form.dataset.prefix + "']").forEach(function (input) {
    input.value = version;
  });
});
