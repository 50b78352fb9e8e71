/** Entry of the test worker: the real worker host serving the fixture tasks. */
import { serveTasks } from '../../../app/_server/pool/host';
import { FIXTURE_TASKS } from './fixture-tasks';

serveTasks(FIXTURE_TASKS);
