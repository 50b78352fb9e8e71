/**
 * A bare app instance for process-level tests: serves the app's own API route handlers over
 * HTTP without a Next build, so a test can run several instances on one database or kill one
 * with SIGKILL mid-write. Run with `node --conditions=react-server --import tsx`; the port is
 * printed as `listening <port>` once it accepts requests.
 */
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => unknown;
type Route = { pattern: RegExp; names: string[]; module: Record<string, unknown> };

const apiRoot = join(process.cwd(), 'app', 'api');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === 'route.ts' ? [p] : [];
  });
}

async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles(apiRoot)) {
    const segments = relative(apiRoot, file).split(sep).slice(0, -1);
    const names: string[] = [];
    const source = segments
      .map((s) => {
        const param = /^\[(.+)\]$/.exec(s);
        if (!param) return s.replace(/[.]/g, '\\.');
        names.push(param[1] ?? '');
        return '([^/]+)';
      })
      .join('/');
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    routes.push({ pattern: new RegExp(`^/api${source ? `/${source}` : ''}/?$`), names, module });
  }
  // Static segments before parameters: "/api/plans" must not be read as "/api/plans/[id]".
  return routes.sort((a, b) => a.names.length - b.names.length);
}

const routes = await loadRoutes();

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    const handler = match ? route.module[req.method ?? 'GET'] : undefined;
    if (!match || typeof handler !== 'function') continue;
    const params = Object.fromEntries(
      route.names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]),
    );
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(url, { method: req.method, headers, body });
    const response = (await (handler as Handler)(request, {
      params: Promise.resolve(params),
    })) as Response;
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: 'not_found', message: 'no such route' } }));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening ${address.port}`);
});
