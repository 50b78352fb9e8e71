import { z } from 'zod';
import {
  accessLogSchema,
  clinicianAcceptedSchema,
  clinicianAcceptSchema,
  clinicianInviteCreatedSchema,
  clinicianInviteCreateSchema,
  clinicianInviteListSchema,
} from '../validation/clinician';
import type { Operation } from './document';

const id = (what: string) => ({
  description: `${what} id: a positive whole number in plain decimal`,
  schema: z.string().regex(/^[1-9][0-9]*$/),
});

/** Clinician access: a member's links, their acceptance and the access log (README: Clinicians). */
export const CLINICIAN_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/profiles/{id}/clinician-invites',
    summary:
      'Make a link that gives a clinician read-only access to this profile (the member themselves or an owner); the link can be accepted for 7 days, the access lasts `days` (default 90); the token is in this answer only',
    tag: 'clinicians',
    pathParams: { id: id('profile') },
    body: clinicianInviteCreateSchema,
    success: {
      status: 201,
      description: '{ id, url, expiresAt (the link), accessExpiresAt }',
      schema: clinicianInviteCreatedSchema,
    },
    errors: [400, 403, 404],
    errorText: {
      403: 'forbidden: a clinician, or a member for another member’s profile; nothing was made',
    },
  },
  {
    method: 'get',
    path: '/api/profiles/{id}/clinician-invites',
    summary:
      "The profile's clinician links with their status (pending, active, expired, revoked) and who accepted each",
    tag: 'clinicians',
    pathParams: { id: id('profile') },
    success: { status: 200, description: '{ items }', schema: clinicianInviteListSchema },
    errors: [400, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/profiles/{id}/clinician-invites/{inviteId}',
    summary:
      'Revoke a clinician link and the access given through it, at once (the clinician’s next read is 404)',
    tag: 'clinicians',
    pathParams: { id: id('profile'), inviteId: id('clinician invite') },
    success: { status: 204, description: 'Revoked' },
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/api/profiles/{id}/access-log',
    summary:
      "Every read of the profile's data by a clinician, newest first (at most 200): the member themselves or an owner; a clinician gets 404",
    tag: 'clinicians',
    pathParams: { id: id('profile') },
    success: {
      status: 200,
      description: '{ entries: [{ at, clinician: { name, email }, what, planId? }] }',
      schema: accessLogSchema,
    },
    errors: [400, 403, 404],
  },
  {
    method: 'post',
    path: '/api/clinician-invites/accept',
    summary:
      "A signed-in clinician of the profile's household accepts a member's link (a new clinician signs up with it instead: POST /api/auth/sign-up { invite })",
    tag: 'clinicians',
    body: clinicianAcceptSchema,
    success: {
      status: 200,
      description: '{ profileId, accessExpiresAt }',
      schema: clinicianAcceptedSchema,
    },
    errors: [400, 403, 409],
    errorText: {
      403: 'invite_invalid: the link is unknown, already used, expired, revoked or for another email address',
      409: 'other_household (an account belongs to one household only) or not_clinician (an owner or member of the household)',
    },
  },
];
