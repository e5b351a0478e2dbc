// Admin console simulator: the page script (ES modules, no build step; served joined in one
// script, `simulator/bundle.py`, as the real console serves bundles). Wires the shell
// (main menu, OU picker) and the page's own code: the Hosts, Routing or Default routing list,
// the Authenticate email (DKIM) page, or a settings page of sections per OU (Spam, phishing
// and malware).
import { CFG } from "./config.js";
import { defaultRoutingPage } from "./default-routing.js";
import { dkimPage } from "./dkim.js";
import { hostsPage } from "./hosts.js";
import { setupOuTree } from "./ou-tree.js";
import { routingPage } from "./routing.js";
import { settingsPage } from "./settings-page.js";
import { setupShell } from "./shell.js";
import { setupBanner } from "./variants.js";

const PAGES = {
  hosts: hostsPage,
  routing: routingPage,
  defaultrouting: defaultRoutingPage,
  authenticateemail: dkimPage,
  spam: settingsPage,
};

setupShell();
setupBanner();
const page = PAGES[CFG.page];
if (page) page();
else setupOuTree(() => {});
