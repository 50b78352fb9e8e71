/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  // The app's own files only; `npm run typecheck` covers tests, bench and scripts too.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};
export default nextConfig;
