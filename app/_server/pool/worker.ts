/** Entry of the planner worker thread, bundled to dist/plan-worker.mjs by scripts/build-worker.mjs. */
import { serveTasks } from './host';
import { PLAN_TASKS } from './tasks';

serveTasks(PLAN_TASKS);
