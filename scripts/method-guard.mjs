// Preloaded into `next start` by scripts/start.mjs (node --import). A request whose method the
// fetch standard forbids (TRACE, TRACK) cannot become a Request object, so Next would answer it
// 500 before proxy.ts runs. Renamed to a private method token (the HTTP parser accepts no such
// method from a client), it reaches the proxy, which refuses it with 405 and the route's Allow
// (lib/http/doors.ts reads the same prefix). CONNECT never becomes a request: Node closes it.
// Next also re-encodes a malformed query before the proxy sees it, so the guard hands the proxy
// the URL as the client sent it, in a header it sets itself (a client's own is replaced).
import http from 'node:http';

export const RENAMED_METHOD_PREFIX = 'FORBIDDEN-';
export const RAW_URL_HEADER = 'x-villi-raw-url';
const UNCONSTRUCTIBLE = new Set(['TRACE', 'TRACK']);

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitGuarded(event, ...args) {
  const req = args[0];
  if (event === 'request' && req instanceof http.IncomingMessage) {
    if (UNCONSTRUCTIBLE.has(req.method)) req.method = `${RENAMED_METHOD_PREFIX}${req.method}`;
    req.headers[RAW_URL_HEADER] = req.url ?? '/';
  }
  return emit.call(this, event, ...args);
};
