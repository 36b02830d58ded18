// "Was this page helpful?": send the answer without leaving the page.
// Without this script the form posts normally and a thank-you page is shown.
(function () {
  "use strict";
  var form = document.querySelector("form[data-page-feedback]");
  var message = document.querySelector("[data-page-feedback-message]");
  if (!form || !message || !window.fetch || !window.FormData) {
    return;
  }
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || form.dataset.sendPlainly) {
      return; // an old browser, or a retry after a network error: post as usual
    }
    event.preventDefault();
    var data = new FormData(form, submitter);
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (button) { button.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        message.textContent = result.body.message;
        if (result.ok) {
          form.hidden = true;
        } else {
          buttons.forEach(function (button) { button.disabled = false; });
        }
      })
      .catch(function () {
        // The network failed: send it the ordinary way instead.
        buttons.forEach(function (button) { button.disabled = false; });
        form.dataset.sendPlainly = "true";
        form.requestSubmit(submitter);
      });
  });
})();
