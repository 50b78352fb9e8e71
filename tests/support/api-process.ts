import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export type ApiProcess = {
  url: string;
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** Starts tests/support/api-server.ts in its own process with the given database settings. */
export function startApiProcess(env: Record<string, string | undefined>): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', join('tests', 'support', 'api-server.ts')],
    {
      cwd: process.cwd(),
      env: { ...process.env, PLAN_WORKERS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`api server did not start: ${stderr}`)),
      60_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        child,
        exited,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null) child.kill(signal);
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api server exited with ${code}: ${stderr}`));
    });
  });
}
