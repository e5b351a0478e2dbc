// The console shell: the main menu drawer (hamburger button) and its nested branches.
export function setupShell() {
  const button = document.getElementById("menu-button");
  const nav = document.getElementById("main-nav");
  const setOpen = (open) => {
    nav.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => setOpen(nav.hidden));
  for (const branch of nav.querySelectorAll("button[aria-controls]")) {
    branch.addEventListener("click", () => {
      const open = branch.getAttribute("aria-expanded") !== "true";
      branch.setAttribute("aria-expanded", String(open));
      document.getElementById(branch.getAttribute("aria-controls")).hidden = !open;
    });
  }
  nav.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("mousedown", (e) => {
    if (!nav.hidden && !nav.contains(e.target) && !button.contains(e.target)) setOpen(false);
  });
}
