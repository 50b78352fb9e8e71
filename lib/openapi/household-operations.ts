import { z } from 'zod';
import {
  householdMemberSchema,
  householdMembersSchema,
  memberRoleSchema,
  userIdParamSchema,
} from '../validation/households';
import type { Operation } from './document';

const HOUSEHOLD_ID = {
  description: 'household id: a positive whole number in plain decimal',
  schema: z.string().regex(/^[1-9][0-9]*$/),
};
const USER_ID = { description: 'the member’s user id', schema: userIdParamSchema };
const OWNERS_ONLY = 'forbidden: only an owner of the household manages its members';

/** Who is in a household, and ownership handover (README: Households and roles). */
export const HOUSEHOLD_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/households/{id}/members',
    summary:
      "The household's members: account, role and own profile by name (no health data); any member of the household but a clinician may read it",
    tag: 'accounts',
    pathParams: { id: HOUSEHOLD_ID },
    success: { status: 200, description: '{ members }', schema: householdMembersSchema },
    errors: [400, 404],
  },
  {
    method: 'patch',
    path: '/api/households/{id}/members/{userId}',
    summary: 'Make a member an owner, or an owner a member (owners only)',
    tag: 'accounts',
    pathParams: { id: HOUSEHOLD_ID, userId: USER_ID },
    body: memberRoleSchema,
    success: { status: 200, description: 'The member', schema: householdMemberSchema },
    errors: [400, 403, 404, 409, 422],
    errorText: {
      403: OWNERS_ONLY,
      409: 'last_owner: the household would have no owner left; nothing changed',
      422: "clinician_role: a clinician's role is not changed here",
    },
  },
  {
    method: 'delete',
    path: '/api/households/{id}/members/{userId}',
    summary:
      'Remove a member or clinician (owners only): their sessions and API tokens end at once; their profile stays in the household',
    tag: 'accounts',
    pathParams: { id: HOUSEHOLD_ID, userId: USER_ID },
    success: { status: 204, description: 'Removed' },
    errors: [400, 403, 404, 409],
    errorText: {
      403: OWNERS_ONLY,
      409: 'last_owner: the last owner cannot be removed; nothing changed',
    },
  },
];
