// Material's search dialog has role="dialog" but no name; give it the search field's label.
document$.subscribe(() => {
  const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  const input = document.querySelector(".md-search__input[aria-label]");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
});
