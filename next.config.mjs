/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  // The app's own files only; `npm run typecheck` covers tests, bench and scripts too.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  experimental: {
    // The proxy (proxy.ts) makes Next buffer a copy of each request body up to this size. Twice
    // the API's 1 MB limit: a body cut off here is still over the limit when the route handler
    // counts it, so it is refused with 413 rather than read as a truncated body.
    proxyClientMaxBodySize: 2 * 1024 * 1024,
  },
};
export default nextConfig;
