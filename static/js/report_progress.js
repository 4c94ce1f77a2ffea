// Progress of PDF builds: polls each unfinished build's status (JSON) and shows its state, phase and
// pages laid out, then the download link. Texts come from the server in the page's language (the
// JSON labels and the data-msg-* attributes), so this file holds none.
(function () {
  "use strict";
  var INTERVAL_MS = 1000;
  var BADGES = { queued: "text-bg-secondary", running: "text-bg-info", done: "text-bg-success", failed: "text-bg-danger" };

  function show(element, visible) {
    element.classList.toggle("d-none", !visible);
  }

  function render(root, state) {
    var badge = root.querySelector(".report-status");
    badge.textContent = state.status_label;
    badge.className = "badge report-status " + (BADGES[state.status] || "text-bg-secondary");
    root.querySelector(".report-phase").textContent = state.finished ? "" : state.phase_label;
    root.querySelector(".report-pages").textContent = state.pages_done
      ? root.dataset.msgPages.replace("%(pages)s", state.pages_done) : "";
    var link = root.querySelector(".report-download");
    if (state.download_url) { link.href = state.download_url; }
    show(link, Boolean(state.download_url));
    show(root.querySelector(".report-error"), state.status === "failed");
    root.dataset.finished = state.finished ? "1" : "0";
  }

  function poll(root) {
    fetch(root.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (state) {
        render(root, state);
        if (!state.finished) { window.setTimeout(function () { poll(root); }, INTERVAL_MS); }
      })
      .catch(function () {
        root.querySelector(".report-phase").textContent = root.dataset.msgOffline;
        window.setTimeout(function () { poll(root); }, INTERVAL_MS * 3);
      });
  }

  document.querySelectorAll(".report-progress[data-status-url]").forEach(function (root) {
    if (root.dataset.finished !== "1") { poll(root); }
  });
})();
