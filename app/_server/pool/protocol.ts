import { z } from 'zod';

/**
 * Messages between the pool and its workers. `catalog` carries the recipe list of a task whose
 * first argument is planner input: the full list the first time a worker sees its key, the key
 * alone afterwards (cloning hundreds of recipes costs about as much as a quarter of a plan).
 */
export type TaskRequest = {
  id: number;
  task: string;
  args: unknown[];
  catalog?: { key: string; recipes?: unknown[] };
};

export const taskReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ name: z.string(), message: z.string(), stack: z.string().optional() }),
  }),
]);
export type TaskReply = z.infer<typeof taskReplySchema>;

/** Sent once by a worker after its tasks loaded, so a worker that cannot start is told apart. */
export const READY = 'ready';

export const taskRequestSchema = z.object({
  id: z.number(),
  task: z.string(),
  args: z.array(z.unknown()),
  catalog: z.object({ key: z.string(), recipes: z.array(z.unknown()).optional() }).optional(),
});

/** The tasks a pool runs: plain functions of cloneable arguments and results. */
export type TaskMap = Record<string, (...args: never[]) => unknown>;
