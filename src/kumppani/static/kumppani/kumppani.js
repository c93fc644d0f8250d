// Small helps on every page; each page works without them.

// The phone menu is a <details> element. Escape closes the open menu and returns the focus to its
// button, and a click outside the menu closes it.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const menu = document.querySelector("details.phone-menu[open]");
  if (!menu) return;
  menu.open = false;
  menu.querySelector("summary").focus();
});
document.addEventListener("click", (event) => {
  const menu = document.querySelector("details.phone-menu[open]");
  if (menu && !menu.contains(event.target)) menu.open = false;
});

// A form that came back with errors: the focus goes to the error summary at its top, so a screen
// reader reads it first and Tab leads to the links to each field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary, [data-focus-on-load]");
  if (summary) summary.focus();
});

// A form marked data-submit-once is sent once: a second click while the first send is on its way does
// nothing. (The server refuses a repeated send too; this only spares the wait.)
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !("submitOnce" in form.dataset)) return;
  if (form.dataset.sending) {
    event.preventDefault();
    return;
  }
  form.dataset.sending = "1";
  setTimeout(() => delete form.dataset.sending, 8000);
});

// A long form in parts (data-keep-place): the hidden field return_to follows the part the person is
// in, so that a save — also by Enter in a field — comes back to that part. Without this script the
// part's own save button tells the server where to return.
function keepPlace(target) {
  if (!(target instanceof Element)) return;
  const form = target.closest("form[data-keep-place]");
  const part = target.closest("[data-section]");
  if (!form || !part) return;
  const field = form.querySelector("input[name=return_to]");
  if (field) field.value = part.dataset.section;
}
document.addEventListener("focusin", (event) => keepPlace(event.target));
document.addEventListener("pointerdown", (event) => keepPlace(event.target));
