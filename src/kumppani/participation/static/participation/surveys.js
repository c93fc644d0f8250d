// Progressive enhancement: a conditional question is hidden until the choice it depends on is chosen.
// Without JavaScript every question is shown, and the server ignores answers to conditions not met.
(function () {
  "use strict";
  var form = document.querySelector("form");
  if (!form) { return; }
  var conditional = form.querySelectorAll("[data-show-if]");
  function update() {
    conditional.forEach(function (fieldset) {
      var input = form.querySelector('input[data-choice="' + fieldset.dataset.showIf + '"]');
      var owner = input && input.closest("fieldset");
      var shown = input && input.checked && owner && !owner.hidden;
      fieldset.hidden = !shown;
    });
  }
  form.addEventListener("change", update);
  update();
})();
