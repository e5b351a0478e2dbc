// The console strings of the page's locale: t(key, {name: value}) fills in {name} placeholders;
// a key without a string shows as itself.
import { CFG } from "./config.js";

const S = CFG.strings;

export function t(key, values) {
  let s = S[key] !== undefined ? S[key] : key;
  if (values) for (const [k, v] of Object.entries(values)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
