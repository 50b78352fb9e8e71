import { z } from 'zod';
import { accountExportSchema, deleteAccountSchema } from '../validation/account-privacy';
import {
  accountSchema,
  changePasswordSchema,
  inviteCreatedSchema,
  inviteCreateSchema,
  oidcCallbackQuerySchema,
  oidcStartedSchema,
  oidcStartSchema,
  okSchema,
  signedUpSchema,
  signInSchema,
  signUpSchema,
  tokenCreatedSchema,
  tokenCreateSchema,
  tokenViewSchema,
} from '../validation/accounts';
import type { Operation } from './document';

const id = (what: string) => ({
  description: `${what} id: a positive whole number in plain decimal`,
  schema: z.string().regex(/^[1-9][0-9]*$/),
});

/** Accounts, sessions, API tokens and invites (README: Accounts). */
export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/auth/sign-up',
    summary:
      "Make an account and sign in: the first one owns a new household (adopting earlier profiles); later ones need an invite token (a household invite, or a member's clinician link: the account joins as a clinician and takes the grant) unless VILLI_OPEN_SIGNUP=true; an existing account without a household (a removed member) joins the invite's household with its own password",
    tag: 'accounts',
    public: true,
    body: signUpSchema,
    success: {
      status: 201,
      description: '{ userId, householdId }; Set-Cookie',
      schema: signedUpSchema,
    },
    errors: [400, 403, 409],
    errorText: { 403: 'invite_required or invite_invalid (unknown, used, revoked, expired)' },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with email and password (HttpOnly, SameSite=Lax session cookie)',
    tag: 'accounts',
    public: true,
    body: signInSchema,
    success: {
      status: 200,
      description: '{ userId }; Set-Cookie',
      schema: z.object({ userId: z.string() }),
    },
    errors: [400, 401, 429],
    errorText: {
      429: 'More than 10 failed sign-ins for this email in 15 minutes; Retry-After says when to try again',
    },
  },
  {
    method: 'post',
    path: '/api/auth/sign-in/oidc',
    summary:
      'Begin an OpenID Connect sign-in (when VILLI_OIDC_* are set): the provider URL to send the browser to; with an invite token, a new account joins that household',
    tag: 'accounts',
    public: true,
    body: oidcStartSchema,
    success: {
      status: 200,
      description: "{ url }; Set-Cookie (the library's state, and the invite for the callback)",
      schema: oidcStartedSchema,
    },
    errors: [400, 403, 404, 503],
    errorText: {
      403: 'invite_invalid (unknown, used, revoked, expired), or a write from another site',
      404: 'oidc_off: single sign-on is not set up on this server',
      503: 'oidc_unavailable: the provider cannot be reached',
    },
  },
  {
    method: 'get',
    path: '/api/auth/callback/oidc',
    summary:
      "Where the OpenID Connect provider sends the browser back (register this URL with the provider): checks the state against the browser's cookie, signs in, and places a new account in a household (first account, invite, or open sign-up) or makes none",
    tag: 'accounts',
    public: true,
    query: oidcCallbackQuerySchema,
    success: {
      status: 302,
      description: 'To the app once signed in (Set-Cookie: the session), else to the sign-in page',
      redirect:
        'A path on this site: / when signed in, /sign-in?error=<code> otherwise (invite_required, invite_invalid, state_mismatch, oidc_off, …)',
    },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    summary: "End this browser's session",
    tag: 'accounts',
    public: true,
    success: { status: 204, description: 'Signed out; the cookie is cleared' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/account',
    summary: 'Who is asking: the account, its household and role',
    tag: 'accounts',
    success: { status: 200, description: 'The account', schema: accountSchema },
    errors: [],
  },
  {
    method: 'delete',
    path: '/api/account',
    summary:
      "Delete the account (password asked again): its sessions, tokens and membership; the household's last member takes the household and its profiles, plans and journals with them, otherwise the household stays whole",
    tag: 'accounts',
    body: deleteAccountSchema,
    success: { status: 204, description: 'Deleted; the session cookie is cleared' },
    errors: [400, 403, 409],
    errorText: {
      403: 'forbidden: the password is not right; nothing was deleted',
      409: 'last_owner: the last owner of a household others still belong to; make another owner first, nothing was deleted',
    },
  },
  {
    method: 'get',
    path: '/api/account/export',
    summary:
      "All the account's data as a JSON download (Content-Disposition: attachment): the account, household and role, the household's profiles with journals, reintroductions and plans, and API tokens (never a password hash, session or token hash)",
    tag: 'accounts',
    success: { status: 200, description: 'The export', schema: accountExportSchema },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/account/password',
    summary: 'Change the password (signed in with a session, not a token)',
    tag: 'accounts',
    body: changePasswordSchema,
    success: { status: 200, description: 'Changed', schema: okSchema },
    errors: [400, 401, 403],
  },
  {
    method: 'delete',
    path: '/api/account/sessions',
    summary: 'Sign out everywhere: end every session of the account',
    tag: 'accounts',
    success: { status: 204, description: 'Every session ended' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/account/tokens',
    summary: "The account's API tokens (never the tokens themselves)",
    tag: 'accounts',
    success: {
      status: 200,
      description: '{ items }',
      schema: z.object({ items: z.array(tokenViewSchema) }),
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/api/account/tokens',
    summary: 'Make an API token for Authorization: Bearer; shown in this answer only',
    tag: 'accounts',
    body: tokenCreateSchema,
    success: { status: 201, description: 'The token', schema: tokenCreatedSchema },
    errors: [400, 429],
    errorText: { 429: 'More than 20 tokens made in an hour; Retry-After says when to try again' },
  },
  {
    method: 'delete',
    path: '/api/account/tokens/{id}',
    summary: 'Revoke an API token',
    tag: 'accounts',
    pathParams: { id: id('token') },
    success: { status: 204, description: 'Revoked' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/households/{id}/invites',
    summary: 'Invite a member or clinician (owners only); the token is shown in this answer only',
    tag: 'accounts',
    pathParams: { id: id('household') },
    body: inviteCreateSchema,
    success: {
      status: 201,
      description: '{ id, token, url, expiresAt }',
      schema: inviteCreatedSchema,
    },
    errors: [400, 403, 404],
  },
  {
    method: 'delete',
    path: '/api/households/{id}/invites/{inviteId}',
    summary: 'Revoke an invite (owners only)',
    tag: 'accounts',
    pathParams: { id: id('household'), inviteId: id('invite') },
    success: { status: 204, description: 'Revoked' },
    errors: [400, 403, 404],
  },
];
