// scripts/build.mjs bundles this in place of whatwg-url: node-fetch 2 (grammY's HTTP client on
// Node) reads `require("url").URL || whatwgUrl.URL`, and Node 20's own URL is always there.
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
export default { URL, URLSearchParams };
