// The page's configuration, as the server wrote it into the page (script#sim-config):
// locale, hl, account prefix, page name, the locale's strings, whether dialogs load late.
export const CFG = JSON.parse(document.getElementById("sim-config").textContent);
