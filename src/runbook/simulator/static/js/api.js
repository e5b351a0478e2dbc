// The console's data endpoints: api(method, path, body, {revision, query}) and the sign-in
// redirect on 401; also keeps track of the late-dialogs fault the answers announce.
import { CFG } from "./config.js";
import { t } from "./i18n.js";

// Fault injection: Add/Edit dialogs load their contents from the server first. Known from
// the page config, then from each data answer (header X-Sim-Late-Dialogs).
let lateDialogs = !!CFG.late_dialogs;
export const dialogsLoadLate = () => lateDialogs;

function dataUrl(path, query) {
  const q = new URLSearchParams({ hl: CFG.locale, ...(query || {}) });
  return `${CFG.prefix}/ac/_data/${path}?${q}`;
}

// To the sign-in flow (no session), or to "Verify it's you" (`path`, the server's answer to
// a save it asks to re-authenticate first); then back to this page.
function goSignIn(path) {
  const q = new URLSearchParams({ continue: location.pathname + location.search });
  if (CFG.hl) q.set("hl", CFG.hl);
  location.assign(`${path || "/signin/identifier"}?${q}`);
}

// One data request. `revision`: the entry revision a write is based on (the server refuses
// the write with 409 when the entry changed since); `query`: extra query parameters.
export async function api(method, path, body, { revision, query } = {}) {
  const init = { method, credentials: "same-origin", headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  if (revision !== undefined && revision !== null) init.headers["If-Match"] = `"${revision}"`;
  let resp;
  try {
    resp = await fetch(dataUrl(path, query), init);
  } catch (e) {
    return { ok: false, status: 0, data: { error: t("err_save_failed") } };
  }
  if (resp.status === 401) {
    const answer = await resp.json().catch(() => ({}));
    goSignIn(answer.reauth);
    return new Promise(() => {}); // the page is going away
  }
  const late = resp.headers.get("X-Sim-Late-Dialogs");
  if (late !== null) lateDialogs = late === "1";
  let data = {};
  try {
    data = await resp.json();
  } catch (e) {
    data = {};
  }
  if (!resp.ok && !data.error) data.error = t("err_save_failed");
  return { ok: resp.ok, status: resp.status, data };
}
