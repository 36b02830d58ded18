/*
 * Optional extras for the questionnaire. Everything works without this file:
 * - move focus to the error summary where a browser ignores `autofocus` on it, and
 *   from its links to the field, with the whole question in view;
 * - hide the follow-up question while its answer is not needed;
 * - stop a second click on "Send my answers" (the server ignores duplicates anyway);
 * - offer a "Print this page" button on the result page.
 */
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
  if (summary) {
    // Following a link in the summary: focus the field, but show its whole question
    // (the legend of a radio group sits above the first radio).
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.hash.slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      var question = field.closest(".screening-question") || field;
      question.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  document.querySelectorAll("[data-controlled-by]").forEach(function (block) {
    var name = block.getAttribute("data-controlled-by");
    var shownFor = (block.getAttribute("data-shown-for") || "").split(" ");
    var radios = document.querySelectorAll('input[name="' + name + '"]');
    function update() {
      var checked = document.querySelector('input[name="' + name + '"]:checked');
      // Unanswered: keep it visible, as without JavaScript.
      block.hidden = Boolean(checked) && shownFor.indexOf(checked.value) === -1;
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  });

  document.querySelectorAll("[data-prevent-double-submit]").forEach(function (button) {
    button.form.addEventListener("submit", function (event) {
      if (button.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        return;
      }
      button.setAttribute("aria-disabled", "true");
    });
    // Back to this page from the history: the button must work again.
    window.addEventListener("pageshow", function () {
      button.removeAttribute("aria-disabled");
    });
  });

  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
