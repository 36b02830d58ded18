// Photo step: show a small preview of each chosen photo before it is sent. Without this
// script the form works the same, only without previews.
(function () {
  "use strict";
  document.querySelectorAll("input[data-photo-preview]").forEach(function (input) {
    var box = document.getElementById(input.getAttribute("data-photo-preview"));
    if (!box || !window.FileReader) {
      return;
    }
    input.addEventListener("change", function () {
      box.textContent = "";
      var file = input.files && input.files[0];
      if (!file) {
        box.hidden = true;
        return;
      }
      var img = document.createElement("img");
      img.alt = "Preview of the photo you chose";
      img.width = 160;
      // HEIC photos cannot be shown by most browsers: say so instead of a broken image.
      img.onerror = function () {
        box.textContent = "Chosen: " + file.name + " (no preview for this kind of file)";
      };
      // A data: address, which the site's Content-Security-Policy allows for images.
      var reader = new FileReader();
      reader.onload = function () {
        img.src = reader.result;
      };
      reader.readAsDataURL(file);
      box.appendChild(img);
      box.hidden = false;
    });
  });
})();
