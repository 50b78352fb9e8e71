import { z } from 'zod';
import { contentTypeFor, type ExportExt } from '../export/files';
import { planExportSchema } from '../export/plan-export-schema';
import { foodConceptListSchema, foodDetailSchema, foodPageSchema } from '../foods/view-schema';
import { journalEntrySchema, journalListSchema } from '../journal/entry-schema';
import {
  journalCreateSchema,
  journalDateSchema,
  journalPatchSchema,
  journalQuerySchema,
} from '../journal/schema';
import { nutritionReportSchema } from '../nutrition/report-schema';
import { alternativesResponseSchema, planListSchema } from '../planner/alternatives-schema';
import { planViewSchema } from '../planner/plan-view-schema';
import { SWAP_ERROR_CODES } from '../planner/types';
import { profileCreateSchema, profilePatchSchema } from '../profiles/schema';
import { profileListSchema, profileViewSchema } from '../profiles/view-schema';
import { protocolSchema } from '../protocols/schema';
import { recipeDetailSchema, recipePageSchema } from '../recipes/view-schema';
import {
  challengeIdSchema,
  outcomeBodySchema,
  patchBodySchema,
  startBodySchema,
} from '../reintroduction/view';
import { reintroductionViewSchema } from '../reintroduction/view-schema';
import { clinicianReportSchema } from '../report/view-schema';
import {
  pantryChoiceSchema,
  shoppingListItemSchema,
  shoppingListViewSchema,
} from '../shopping/view-schema';
import { ndbSchema } from '../validation/common';
import { foodConceptQuerySchema, foodSearchSchema } from '../validation/foods';
import {
  alternativesQuerySchema,
  createPlanSchema,
  lockSchema,
  mealIdSchema,
  nutritionQuerySchema,
  planListQuerySchema,
  regenerateSchema,
  swapSchema,
} from '../validation/plans';
import { recipeSearchSchema, recipeSlugSchema } from '../validation/recipes';
import { reportQuerySchema } from '../validation/report';
import { checkItemSchema, exportQuerySchema, shoppingQuerySchema } from '../validation/shopping';
import { ACCOUNT_OPERATIONS } from './account-operations';
import { CLINICIAN_OPERATIONS } from './clinician-operations';
import { HOUSEHOLD_OPERATIONS } from './household-operations';

/** The one error body every route returns. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    details: z.unknown().optional(),
  }),
});

type PathParam = { description: string; schema: z.ZodType };

/** One operation of the API: the single list the document, its tests and the fuzzing read. */
export type Operation = {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
  pathParams?: Record<string, PathParam>;
  success: {
    status: number;
    description: string;
    /** The JSON body (application/json); for a download with a json format, that file. */
    schema?: z.ZodType;
    /** Text downloads the route can answer with instead, by export format. */
    files?: readonly ExportExt[];
    /** What the response's ETag header carries. */
    etag?: string;
    /** A redirect for a browser (no body): where its Location header points. */
    redirect?: string;
  };
  /** A write to a plan that honours If-Match (412 when it names a version the plan no longer has). */
  conditional?: boolean;
  /** Runs on the planner's worker threads: 503 busy (with Retry-After) when their queue is full. */
  pooled?: boolean;
  errors: number[];
  /** Answers without a session or token (health, this document, sign-up and sign-in). */
  public?: boolean;
  /** What an error means for this route, where the generic text says too little. */
  errorText?: Partial<Record<number, string>>;
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: the message and fieldErrors name each field and problem',
  401: 'unauthorized: no valid session cookie or API token (Authorization: Bearer <token>)',
  429: 'Too many attempts; the Retry-After header says when to try again',
  404: 'Unknown id',
  409: 'Conflict with the current state',
  412: 'If-Match names a version the plan no longer has: nothing changed; details { currentVersion }',
  403: 'A write whose body is not JSON (Content-Type application/json) or that comes from another site (Origin, Sec-Fetch-Site): nothing changed',
  413: 'The body is larger than 1 MB: refused before it is read, nothing changed',
  422: 'Valid but impossible (e.g. no plan can meet the rules: details hold a diagnosis)',
  503: 'busy: the planner queue is full; the Retry-After header (and details.retryAfterS) say when to try again',
};

const PLAN_ETAG = 'The plan version, "<version>" (strong): send it back in If-Match';
const PLAN_INFEASIBLE =
  'infeasible: no week can follow every rule of the profile; the message says what is short and what would help. details { slots: [{ slot, available, needed, blockers: [{ rule, recipesExcluded }] }], suggestions, fixes: [{ id, text, patch }] }. Each fix (at most 3) was tried with this same request and makes a plan: send its patch to PATCH /api/profiles/{id}, then this request again. A fix only changes time limits, the cooking budget, the main-protein limit, leftovers, slots, avoided groups or dislikes (never an allergy, the protocol, its phase or the diet); fixes is empty when none of the changes tried works.';
/** Swap refusals: every code but the two unknowns (those answer 404). */
const SWAP_REFUSED = `A hard rule refuses the recipe at this meal; the message says which and why. code is one of ${SWAP_ERROR_CODES.filter((c) => !c.startsWith('unknown-')).join(', ')} (not-ready: a make-ahead recipe whose prep would have to start before the plan's week; not-compliant: details { violations })`;
const PLAN_BUSY =
  'plan_busy: the plan kept changing while this change was being saved (other writers won every try); nothing of this change was saved, try again';

const canonicalId = (what: string): PathParam => ({
  description: `${what} id: a positive whole number in plain decimal (no sign, leading zero, space or exponent)`,
  schema: z.string().regex(/^[1-9][0-9]*$/),
});
const PLAN_ID = canonicalId('plan');
const PROFILE_ID = canonicalId('profile');
const NDB: PathParam = { description: '5-digit USDA NDB number, e.g. 01001', schema: ndbSchema };
const MEAL_ID: PathParam = {
  description: 'the day and slot, e.g. 2026-11-30-dinner',
  schema: mealIdSchema,
};
const DATE: PathParam = { description: 'the day, YYYY-MM-DD', schema: journalDateSchema };
const SLUG: PathParam = { description: 'recipe slug (kebab-case)', schema: recipeSlugSchema };
const CHALLENGE_ID: PathParam = {
  description: 'the scheduled challenge id ("lactose", "lactose-2")',
  schema: challengeIdSchema,
};

/** The download formats, from the query schemas the routes parse (json is the JSON body). */
const SHOPPING_FILES = shoppingQuerySchema.shape.format
  .unwrap()
  .options.filter((f) => f !== 'json');
const PLAN_FILES = exportQuerySchema.shape.format.options.filter((f) => f !== 'json');

const healthSchema = z.strictObject({
  status: z.literal('ok'),
  engine: z.enum(['sqlite', 'postgres']),
  pool: z.strictObject({
    workers: z.number().int().min(0),
    busy: z.number().int().min(0),
    queued: z.number().int().min(0),
    max: z.number().int().min(0),
  }),
  foods: z.number().int().positive(),
  recipes: z.number().int().positive(),
  protocols: z.number().int().positive(),
});

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Database migrated and seeded?',
    tag: 'meta',
    success: { status: 200, description: 'Ready', schema: healthSchema },
    errors: [],
    public: true,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    tag: 'meta',
    success: {
      status: 200,
      description: 'The OpenAPI 3.1 document of every route',
      schema: z.looseObject({
        openapi: z.literal('3.1.0'),
        info: z.looseObject({ title: z.string(), version: z.string() }),
        paths: z.record(z.string(), z.record(z.string(), z.unknown())),
      }),
    },
    errors: [],
    public: true,
  },
  {
    method: 'get',
    path: '/api/foods',
    summary: 'Search and filter foods',
    tag: 'foods',
    query: foodSearchSchema,
    success: { status: 200, description: '{ items, nextCursor, total }', schema: foodPageSchema },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/foods/{ndb}',
    summary: 'One food with nutrients, measures and tags',
    tag: 'foods',
    pathParams: { ndb: NDB },
    success: { status: 200, description: 'The food', schema: foodDetailSchema },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/food-concepts',
    summary:
      'Kinds of food a profile can leave out whole (dislikedConcepts), e.g. "salmon (all kinds)"',
    tag: 'foods',
    query: foodConceptQuerySchema,
    success: {
      status: 200,
      description: '{ items: [{ id, name, label, synonyms, description, foodCount }] }',
      schema: foodConceptListSchema,
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/protocols',
    summary: 'Protocols and diets with phases and rules',
    tag: 'protocols',
    success: {
      status: 200,
      description: '{ items }',
      schema: z.strictObject({ items: z.array(protocolSchema) }),
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/recipes',
    summary: 'Search and filter recipes',
    tag: 'recipes',
    query: recipeSearchSchema,
    success: { status: 200, description: '{ items, nextCursor, total }', schema: recipePageSchema },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/recipes/{slug}',
    summary: 'One recipe with derived nutrition, tags and compliance',
    tag: 'recipes',
    pathParams: { slug: SLUG },
    success: { status: 200, description: 'The recipe', schema: recipeDetailSchema },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/profiles',
    summary: 'Create a profile',
    tag: 'profiles',
    body: profileCreateSchema,
    success: {
      status: 201,
      description:
        'The profile with computed targets (energy, protein, fibre, energyNote) and nutrientTargets resolved for its life stage (each value with source "default" or "set" and its basis)',
      schema: profileViewSchema,
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/profiles',
    summary: 'List profiles',
    tag: 'profiles',
    success: { status: 200, description: '{ items }', schema: profileListSchema },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/profiles/{id}',
    summary: 'One profile',
    tag: 'profiles',
    pathParams: { id: PROFILE_ID },
    success: {
      status: 200,
      description:
        'The profile with targets and resolved nutrientTargets (defaults and set values)',
      schema: profileViewSchema,
    },
    errors: [400, 404],
  },
  {
    method: 'patch',
    path: '/api/profiles/{id}',
    summary: 'Change a profile',
    tag: 'profiles',
    pathParams: { id: PROFILE_ID },
    body: profilePatchSchema,
    success: {
      status: 200,
      description:
        'The profile. A new householdSize rescales its plans of this week and later (same meals and portions per person; servings and shopping for the new household; each rescaled plan moves to its next version); past weeks keep theirs',
      schema: profileViewSchema,
    },
    errors: [400, 404, 409],
    errorText: {
      409: 'plan_busy: a plan being rescaled kept changing while the change was being saved; nothing changed, try again',
    },
  },
  {
    method: 'delete',
    path: '/api/profiles/{id}',
    summary: 'Delete a profile and its plans',
    tag: 'profiles',
    pathParams: { id: PROFILE_ID },
    success: { status: 204, description: 'Deleted' },
    errors: [400, 404],
  },
  {
    method: 'put',
    path: '/api/profiles/{id}/pantry/{ndb}',
    summary: 'Mark a food as in the pantry',
    tag: 'shopping',
    pathParams: { id: PROFILE_ID, ndb: NDB },
    success: {
      status: 200,
      description: '{ profileId, ndb, inPantry }',
      schema: pantryChoiceSchema,
    },
    errors: [400, 404],
  },
  {
    method: 'delete',
    path: '/api/profiles/{id}/pantry/{ndb}',
    summary: 'Mark a food as not in the pantry',
    tag: 'shopping',
    pathParams: { id: PROFILE_ID, ndb: NDB },
    success: {
      status: 200,
      description: '{ profileId, ndb, inPantry }',
      schema: pantryChoiceSchema,
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/profiles/{id}/journal',
    summary: "A profile's symptom journal, newest day first",
    tag: 'journal',
    pathParams: { id: PROFILE_ID },
    query: journalQuerySchema,
    success: {
      status: 200,
      description:
        '{ items: [{ date, symptoms, note, meals, createdAt, updatedAt }] }, from and to inclusive',
      schema: journalListSchema,
    },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/profiles/{id}/journal',
    summary: "Record a day's symptoms",
    tag: 'journal',
    pathParams: { id: PROFILE_ID },
    body: journalCreateSchema,
    success: { status: 201, description: 'The entry', schema: journalEntrySchema },
    errors: [400, 404, 409, 422],
    errorText: {
      409: 'journal_entry_exists: the day already has an entry (details { date }); change it with PATCH',
      422: "future_date: the date is after today (the server's local date); nothing was saved",
    },
  },
  {
    method: 'patch',
    path: '/api/profiles/{id}/journal/{date}',
    summary: "Change a day's entry",
    tag: 'journal',
    pathParams: { id: PROFILE_ID, date: DATE },
    body: journalPatchSchema,
    success: {
      status: 200,
      description:
        'The entry: the symptoms sent replace theirs, the others stay; note (null clears it) and meals replace theirs',
      schema: journalEntrySchema,
    },
    errors: [400, 404],
  },
  {
    method: 'delete',
    path: '/api/profiles/{id}/journal/{date}',
    summary: "Delete a day's entry",
    tag: 'journal',
    pathParams: { id: PROFILE_ID, date: DATE },
    success: { status: 204, description: 'Deleted' },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/profiles/{id}/reintroduction',
    summary:
      "A profile's reintroduction schedule, or before it starts the proposed one (status planned, startedOn null)",
    tag: 'reintroduction',
    pathParams: { id: PROFILE_ID },
    success: {
      status: 200,
      description:
        '{ protocol, phase, phaseStartedOn, startedOn, pausedOn, available, clinicianLed, schedule: [{ id, challenge, label, stage, food: { ndb, name }, subgroup, doses: [{ grams, words }], slot, days: [dates], washoutDays: [dates], washoutLength, status, outcome, maxDoseG, decidedOn, retestOf, scope, note }], current: (schedule item + { baseline: { from, to }, proposal: { outcome, reasons, crossings, logged } }) | null, results: [decided items], readiness: { weeksDone, usualWeeks, usualDone, symptoms: { firstWeek, lastWeek, daysLogged }, summary }, talkToClinician, outcomeRule }. Dates of challenges still to come are derived from the start, the recorded first days, the pause and the skips; a clinician-led protocol (six-food) has no dates.',
      schema: reintroductionViewSchema,
    },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/profiles/{id}/reintroduction/start',
    summary:
      "Start reintroduction; the profile moves to the protocol's first reintroduction phase from startOn",
    tag: 'reintroduction',
    pathParams: { id: PROFILE_ID },
    body: startBodySchema,
    success: {
      status: 201,
      description:
        'The reintroduction, as GET returns it; the body is optional (startOn defaults to today)',
      schema: reintroductionViewSchema,
    },
    errors: [400, 404, 409, 422],
    errorText: {
      409: 'reintroduction_started: this profile has one already (PATCH it, or DELETE it first)',
      422: "no_reintroduction: the profile's protocol has no reintroduction challenges; nothing was saved",
    },
  },
  {
    method: 'patch',
    path: '/api/profiles/{id}/reintroduction',
    summary:
      'Skip, reorder (the challenges not begun, every one of them once), pause or resume from today',
    tag: 'reintroduction',
    pathParams: { id: PROFILE_ID },
    body: patchBodySchema,
    success: {
      status: 200,
      description: 'The reintroduction, as GET returns it',
      schema: reintroductionViewSchema,
    },
    errors: [400, 404, 409],
    errorText: {
      400: 'order or skip names a challenge the schedule lacks, or order is not every challenge not yet begun; nothing was saved',
      409: 'a challenge that has begun or is decided cannot be skipped; nothing was saved',
    },
  },
  {
    method: 'delete',
    path: '/api/profiles/{id}/reintroduction',
    summary: 'Stop reintroduction: the schedule goes, the personal food list and the phase stay',
    tag: 'reintroduction',
    pathParams: { id: PROFILE_ID },
    success: { status: 204, description: 'Stopped' },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/profiles/{id}/reintroduction/challenges/{challengeId}/outcome',
    summary:
      'Confirm a challenge outcome: tolerated adds its foods to personal.allowed (maxDoseG: largest dose eaten, default the last), reacted to personal.excluded, unclear schedules a retest after a washout',
    tag: 'reintroduction',
    pathParams: { id: PROFILE_ID, challengeId: CHALLENGE_ID },
    body: outcomeBodySchema,
    success: {
      status: 200,
      description:
        'The reintroduction, as GET returns it; schedule and personal list were written in one transaction',
      schema: reintroductionViewSchema,
    },
    errors: [400, 404, 409],
    errorText: {
      404: 'Unknown profile or challenge, or reintroduction not started',
      409: 'challenge_not_run: not the current challenge, or its first day is after today; nothing was saved',
    },
  },
  {
    method: 'get',
    path: '/api/profiles/{id}/report',
    summary:
      'The clinician report: protocol and phase dates, adherence, each challenge with doses, dates, symptom summary and outcome, the personal food list and weekly nutrition shortfalls',
    tag: 'journal',
    pathParams: { id: PROFILE_ID },
    query: reportQuerySchema,
    success: {
      status: 200,
      description:
        'format=json (default): { generatedOn, profile, protocol: { phase: { startedOn, weeksDone, usualWeeks, usualEnd } }, reintroduction, adherence ({ recorded: false, text: "not recorded" } until meals kept are recorded), journal: { days, from, to, rows }, trends: { weeks, symptoms, periods }, challenges: [{ id, label, food, doses, status, dates, window, baseline, moved, outcome, maxDoseG, decidedOn }], personal: { allowed, excluded } (each with sourceText), shortfalls: [{ planId, weekStart, nutrients }] }. format=md: the report as a Markdown file (Content-Disposition attachment villi-report-<date>.md). format=csv: the journal, one row per day: date, the nine symptoms, note (attachment villi-journal-<date>.csv).',
      schema: clinicianReportSchema,
      files: ['md', 'csv'],
    },
    errors: [400, 404],
    errorText: { 400: 'Bad id, or a format other than json, md, csv (fieldErrors.format)' },
  },
  {
    method: 'post',
    path: '/api/plans',
    summary: 'Generate a week plan',
    tag: 'plans',
    body: createPlanSchema,
    success: { status: 201, description: 'The plan', schema: planViewSchema, etag: PLAN_ETAG },
    pooled: true,
    errors: [400, 404, 409, 422],
    errorText: {
      404: 'profileId or one of memberIds names no profile',
      409: `plan_exists: the profile (the first member) already has a plan for this week and replace is not true; details { existingPlanId, weekStart }. Or ${PLAN_BUSY}`,
      422: `${PLAN_INFEASIBLE}; or no_shared_slots: the members plan no meal slot in common`,
    },
  },
  {
    method: 'get',
    path: '/api/plans',
    summary: 'List plans',
    tag: 'plans',
    query: planListQuerySchema,
    success: { status: 200, description: '{ items }', schema: planListSchema },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/plans/{id}',
    summary: 'One plan',
    tag: 'plans',
    pathParams: { id: PLAN_ID },
    success: { status: 200, description: 'The plan', schema: planViewSchema, etag: PLAN_ETAG },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/plans/{id}/meals/{mealId}/alternatives',
    summary:
      'Ranked swap alternatives (10 unless limit says up to 50); q, maxMinutes and maxKcal only narrow the compliant ones',
    tag: 'plans',
    pathParams: { id: PLAN_ID, mealId: MEAL_ID },
    query: alternativesQuerySchema,
    success: {
      status: 200,
      description:
        '{ planId, mealId, items: [{ recipeSlug, recipeName, scoreDelta, energyDeltaKcal, proteinDeltaG, itemsToBuyDelta, energyKcal, proteinG (per person at the portion it would get), totalMinutes, portion, inWeek (already served at another meal of the week: false since a recipe is cooked once a week at most) }], total (matching the filters, before limit), available (before the filters), blockedBy: [{ limit (filters, no-recipes, time, not-ready, repeats, leftover, cooking-sessions, hands-on, protein, fructose, sodium or retinol), recipes, message }] (only when items is empty: the limits that keep other recipes out) }',
      schema: alternativesResponseSchema,
    },
    pooled: true,
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/api/plans/{id}/meals/{mealId}/swap',
    summary: 'Swap one meal',
    tag: 'plans',
    pathParams: { id: PLAN_ID, mealId: MEAL_ID },
    body: swapSchema,
    success: { status: 200, description: 'The plan', schema: planViewSchema, etag: PLAN_ETAG },
    conditional: true,
    errors: [400, 404, 409, 422],
    errorText: { 409: PLAN_BUSY, 422: SWAP_REFUSED },
  },
  {
    method: 'patch',
    path: '/api/plans/{id}/meals/{mealId}',
    summary: 'Lock or unlock a meal',
    tag: 'plans',
    pathParams: { id: PLAN_ID, mealId: MEAL_ID },
    body: lockSchema,
    success: { status: 200, description: 'The plan', schema: planViewSchema, etag: PLAN_ETAG },
    conditional: true,
    errors: [400, 404, 409],
    errorText: { 409: PLAN_BUSY },
  },
  {
    method: 'post',
    path: '/api/plans/{id}/regenerate',
    summary: 'Replace every unlocked meal of the week or a day',
    tag: 'plans',
    pathParams: { id: PLAN_ID },
    body: regenerateSchema,
    success: { status: 200, description: 'The plan', schema: planViewSchema, etag: PLAN_ETAG },
    conditional: true,
    pooled: true,
    errors: [400, 404, 409, 422],
    errorText: { 409: PLAN_BUSY, 422: PLAN_INFEASIBLE },
  },
  {
    method: 'get',
    path: '/api/plans/{id}/shopping-list',
    summary: 'The shopping list (json, csv, md, txt)',
    tag: 'shopping',
    pathParams: { id: PLAN_ID },
    query: shoppingQuerySchema,
    success: {
      status: 200,
      description:
        'The list as JSON, or a file download (format csv, md or txt). A reintroduction challenge food is bought on one line (its dose × the household, over the week) whose `challenge: { challengeIds, grams }` says which part is for the challenge; null on every other line',
      schema: shoppingListViewSchema,
      files: SHOPPING_FILES,
      etag: 'As JSON: the plan version the list shows, "<version>": send it back in If-Match',
    },
    pooled: true,
    errors: [400, 404],
  },
  {
    method: 'patch',
    path: '/api/plans/{id}/shopping-list/items/{ndb}',
    summary: 'Check or uncheck a line (a write to the plan: it moves the plan to its next version)',
    tag: 'shopping',
    pathParams: { id: PLAN_ID, ndb: NDB },
    body: checkItemSchema,
    success: {
      status: 200,
      description: 'The line',
      schema: shoppingListItemSchema,
      etag: 'The plan version the check made, "<version>"',
    },
    conditional: true,
    pooled: true,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/plans/{id}/export',
    summary: 'The week as iCalendar, Markdown or JSON',
    tag: 'plans',
    pathParams: { id: PLAN_ID },
    query: exportQuerySchema,
    success: {
      status: 200,
      description: 'A file download: iCalendar, Markdown, or JSON with each meal and its recipe',
      schema: planExportSchema,
      files: PLAN_FILES,
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/plans/{id}/nutrition',
    summary:
      "The weekly nutrition report of one member (default the first): their portion's nutrients per day and on weekly average, against their own targets, caps and findings",
    tag: 'plans',
    pathParams: { id: PLAN_ID },
    query: nutritionQuerySchema,
    success: {
      status: 200,
      description:
        '{ perDay, weekAverage, targets, caps, findings, notTracked, lifeStage }; amounts with knownShare < 1 are lower bounds',
      schema: nutritionReportSchema,
    },
    errors: [400, 404],
  },
];

/** The request header of a conditional plan write. */
const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    'The plan version the change was made against, as its ETag ("3"); absent or * applies the change to the latest version. A version the plan no longer has is a 412 and nothing changes.',
  schema: { type: 'string' },
};

/** Requests are described as clients send them (defaults optional), responses as sent. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): unknown {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function queryParameters(schema: z.ZodType) {
  const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** The media type of a download without its charset parameter ("text/csv"). */
export function mediaTypeOf(ext: ExportExt): string {
  return contentTypeFor(ext).split(';')[0] as string;
}

/** The success response's bodies by media type: JSON (or a JSON file), then text downloads. */
function successContent(op: Operation): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (op.success.schema) {
    content['application/json'] = { schema: jsonSchema(op.success.schema, 'output') };
  }
  for (const ext of op.success.files ?? []) {
    content[mediaTypeOf(ext)] = { schema: { type: 'string' } };
  }
  return content;
}

/** Every status an operation may answer besides its success, with the one error body. */
export function errorStatuses(op: Operation): number[] {
  const hasInput = op.pathParams !== undefined || op.query !== undefined || op.body !== undefined;
  const write = op.method !== 'get';
  const statuses = new Set([
    ...op.errors,
    ...(op.public ? [] : [401]),
    // malformed percent-encoding, odd query keys
    ...(hasInput ? [400] : []),
    ...(write ? [403] : []),
    ...(op.body ? [413] : []),
    ...(op.conditional ? [412] : []),
    ...(op.pooled ? [503] : []),
  ]);
  return [...statuses].sort((a, b) => a - b);
}

const ALL_OPERATIONS: readonly Operation[] = [
  ...OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...CLINICIAN_OPERATIONS,
  ...HOUSEHOLD_OPERATIONS,
];

/** Every operation of the API, in document order. */
export function apiOperations(): readonly Operation[] {
  return ALL_OPERATIONS;
}

/** OpenAPI 3.1, generated from the zod schemas the route handlers parse with. */
export function buildOpenApiDocument(serverUrl = '/'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ALL_OPERATIONS) {
    const parameters = [
      ...Object.entries(op.pathParams ?? {}).map(([name, param]) => ({
        name,
        in: 'path',
        required: true,
        description: param.description,
        schema: jsonSchema(param.schema),
      })),
      ...(op.query ? queryParameters(op.query) : []),
      ...(op.conditional ? [IF_MATCH] : []),
    ];
    const responses: Record<string, unknown> = {
      [op.success.status]: {
        description: op.success.description,
        ...(op.success.etag
          ? { headers: { ETag: { description: op.success.etag, schema: { type: 'string' } } } }
          : {}),
        ...(op.success.redirect
          ? {
              headers: {
                Location: { description: op.success.redirect, schema: { type: 'string' } },
              },
            }
          : {}),
        ...(op.success.status === 204 || op.success.redirect
          ? {}
          : { content: successContent(op) }),
      },
    };
    for (const status of errorStatuses(op)) {
      responses[status] = {
        description: op.errorText?.[status] ?? ERROR_TEXT[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const pathItem = paths[op.path] ?? {};
    paths[op.path] = pathItem;
    pathItem[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(op.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  for (const item of Object.values(paths)) {
    const allow = Object.keys(item)
      .map((m) => m.toUpperCase())
      .join(', ');
    item.description = `Other methods answer 405 (components.responses.MethodNotAllowed) with Allow: ${allow}`;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Villi API',
      version: '1.0.0',
      description:
        'Elimination-diet meal planning: foods, recipes, protocols, profiles, the symptom journal, plans and shopping lists. Every error uses one body: { error: { code, message, fieldErrors?, details? } }. Plan responses carry the plan version in an ETag header; a plan write may send it back in If-Match and is refused with 412 when the plan has changed since. A method a path does not have is a 405 with an Allow header; a body over 1 MB is a 413.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      responses: {
        MethodNotAllowed: {
          description:
            'The path has no such method (TRACE and unknown methods too); the Allow header lists those it has',
          headers: { Allow: { schema: { type: 'string' }, description: 'e.g. GET, PATCH' } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
