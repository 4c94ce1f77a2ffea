// A verification names the version the user read: follow the autosaves of the text beside it.
document.addEventListener("answer:saved", function (event) {
  "use strict";
  var verify = document.getElementById(event.target.dataset.verifyForm);
  if (verify) {
    verify.querySelector("input[name=version]").value = event.target.querySelector("input[name$='-version']").value;
  }
});
