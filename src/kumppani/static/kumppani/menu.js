// The phone menu is a <details> element and works without this script. With it, Escape closes the
// open menu and returns the focus to its button, and a click outside the menu closes it.
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
