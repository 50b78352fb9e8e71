import { parentPort } from 'node:worker_threads';
import { CatalogCache } from './catalog';
import {
  READY,
  type TaskMap,
  type TaskReply,
  type TaskRequest,
  taskRequestSchema,
} from './protocol';

function errorOf(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** The request's arguments, with the cached catalog put back as the first argument's `recipes`. */
function argsOf(request: TaskRequest, catalogs: CatalogCache<unknown[]>): unknown[] {
  const args = [...request.args];
  if (!request.catalog) return args;
  const { key, recipes } = request.catalog;
  if (recipes) catalogs.add(key, recipes);
  const cached = catalogs.get(key);
  if (!cached) throw new Error(`catalog ${key} is not cached in this worker`);
  const first = args[0];
  if (typeof first !== 'object' || first === null)
    throw new Error('a catalog task takes an object');
  args[0] = { ...first, recipes: cached };
  return args;
}

function run(tasks: TaskMap, request: TaskRequest, catalogs: CatalogCache<unknown[]>): TaskReply {
  try {
    const task = tasks[request.task];
    if (!task) throw new Error(`unknown task ${request.task}`);
    // The arguments were cloned from a call typed against this very task.
    const call = task as (...args: unknown[]) => unknown;
    return { id: request.id, ok: true, value: call(...argsOf(request, catalogs)) };
  } catch (error) {
    return { id: request.id, ok: false, error: errorOf(error) };
  }
}

/**
 * The worker side: runs each request's task and posts the result or the error; a task that throws
 * rejects only its own call, the worker carries on.
 */
export function serveTasks(tasks: TaskMap): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const catalogs = new CatalogCache<unknown[]>();
  port.on('message', (message: unknown) => {
    const request = taskRequestSchema.parse(message);
    const reply = run(tasks, request, catalogs);
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result that cannot be cloned (a function, a class with private state) is a task bug.
      port.postMessage({ id: request.id, ok: false, error: errorOf(error) } satisfies TaskReply);
    }
  });
  port.postMessage(READY);
}
