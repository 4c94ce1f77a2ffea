// "Add a comment" is a link the server answers with the page and that place's comment form; here it opens
// the page's one copy of the form (a <template>, reviews/workspace/_comment_form.html) in place instead,
// for that place: a page of forty commentable places sends one comment form, not forty.
(function () {
  "use strict";
  var template = document.getElementById("comment-form");
  if (!template) { return; }

  document.querySelectorAll("a.comment-add").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var place = link.closest(".comments");  // id "comments-<anchor>", data-part its part
      var anchor = place.id.slice("comments-".length);
      var form = template.content.firstElementChild.cloneNode(true);
      form.querySelector("input[name=anchor]").value = anchor;
      form.querySelector("input[name=part]").value = place.dataset.part;
      form.querySelector("input[name=next]").value = window.location.pathname + "#comments-" + anchor;
      form.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.id = "visibility-" + radio.value + "-" + anchor;
        radio.nextElementSibling.htmlFor = radio.id;
      });
      link.replaceWith(form);
      form.querySelector("textarea").focus();
    });
  });
})();
