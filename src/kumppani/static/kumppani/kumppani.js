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

// Rows of a formset ([data-formset]): "Add a row" copies the empty row from its <template>, numbers
// it and counts it in TOTAL_FORMS. Without this script the button stays hidden and the spare empty
// rows the server adds do the same.
function setUpFormset(box) {
  const prefix = box.dataset.formset;
  const button = box.querySelector("[data-formset-add]");
  const template = box.querySelector("template[data-formset-empty]");
  const rows = box.querySelector("[data-formset-rows]");
  const total = box.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const max = box.querySelector(`input[name="${prefix}-MAX_NUM_FORMS"]`);
  if (!button || !template || !rows || !total) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    if (max && index >= Number(max.value)) return;
    const html = template.innerHTML.replaceAll("__prefix__", String(index)).replaceAll("__number__", String(index + 1));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const first = rows.lastElementChild && rows.lastElementChild.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  });
}

// A budget (form[data-budget]): each side's total and the difference follow what is typed. The
// amounts are read as people write them ("1 234,50"); a box that is not a number leaves the total
// as "–" until the server says what is wrong.
function readEuros(text) {
  const clean = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (clean === "") return 0;
  return /^\d+(\.\d{0,2})?$/.test(clean) ? Number(clean) : NaN;
}
function writeEuros(amount) {
  const lang = document.documentElement.lang || "fi";
  const locale = lang === "en" ? "en-GB" : `${lang}-FI`;
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  return `${text.replace("\u2212", "-")} €`;
}
function updateBudget(form) {
  const sums = {};
  let broken = false;
  form.querySelectorAll("[data-budget-kind]").forEach((side) => {
    let sum = 0;
    side.querySelectorAll("input[name$='-amount']").forEach((input) => {
      if (input.closest("template")) return;
      sum += readEuros(input.value);
    });
    sums[side.dataset.budgetKind] = sum;
    if (Number.isNaN(sum)) broken = true;
    const out = side.querySelector("[data-budget-total]");
    if (out) out.textContent = Number.isNaN(sum) ? "–" : writeEuros(sum);
  });
  const difference = form.querySelector("[data-budget-difference]");
  if (difference) difference.textContent = broken ? "–" : writeEuros((sums.income || 0) - (sums.expense || 0));
}
document.addEventListener("input", (event) => {
  const form = event.target instanceof Element && event.target.closest("form[data-budget]");
  if (form) updateBudget(form);
});

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-formset]").forEach(setUpFormset);
});
