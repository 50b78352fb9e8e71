/**
 * A cooking budget and main-protein limit roomy enough never to decide a test's week, for tests
 * about something else (storage, shopping, versions, nutrients). With the defaults (two cooking
 * sessions on a weekday, leftovers off) the AIP and Whole30 elimination phases cannot be planned
 * on today's catalog: it has too few no-cook breakfasts and lunches for them. The planner's own
 * tests cover the budget and the limit.
 */
export const ROOMY_LIMITS = {
  cooking: {
    weekday: { sessions: 4, activeMinutes: 480 },
    weekend: { sessions: 4, activeMinutes: 480 },
  },
  maxProteinMeals: 14,
} as const;
