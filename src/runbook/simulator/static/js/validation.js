// Client-side checks of the dialogs' values (the same rules as the server's): integers, hosts,
// ports and envelope-filter values; each returns null or the string key of its error.
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

// A whole non-negative integer, or null.
export function parseInteger(text) {
  const s = String(text).trim();
  return /^\d+$/.test(s) ? Number(s) : null;
}

export function hostError(host) {
  const s = host.trim();
  if (!s) return "err_host_required";
  if (s.includes(":")) return /^[0-9A-Fa-f:.]+$/.test(s) ? null : "err_host_invalid";
  const labels = s.replace(/\.$/, "").split(".");
  return s.length <= 253 && labels.every((l) => HOST_LABEL.test(l)) ? null : "err_host_invalid";
}

export function portError(text) {
  const port = parseInteger(text);
  if (port === 465) return "err_port_465";
  if (port === null || !(port === 25 || port === 587 || (port >= 1024 && port <= 65535))) {
    return "err_port_invalid";
  }
  return null;
}

export function filterValueError(match, value) {
  const s = value.trim();
  if (!s) return "err_value_required";
  if (match === "pattern") {
    try {
      new RegExp(s);
    } catch (e) {
      return "err_regexp_invalid";
    }
    return null;
  }
  return EMAIL.test(s) ? null : "err_email_invalid";
}
