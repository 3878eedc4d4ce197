// Material's "back to top" button floats over the article when the reader scrolls up; it must never
// hide a calculator's main result. While it overlaps one, it steps aside (faded, not clickable) and
// comes back as soon as the result has scrolled past.
document$.subscribe(() => {
  const button = document.querySelector(".md-top");
  if (!button) return;
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  let queued = false;
  const check = () => {
    queued = false;
    const area = button.getBoundingClientRect();
    const covered = [...document.querySelectorAll(".calc__main:not([hidden])")].some((result) =>
      overlaps(area, result.getBoundingClientRect()),
    );
    button.classList.toggle("glossary-top--aside", covered);
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(check);
    queued = true;
  };
  window.addEventListener("scroll", queue, { passive: true });
  window.addEventListener("resize", queue, { passive: true });
  new MutationObserver(queue).observe(button, { attributes: true });
});
