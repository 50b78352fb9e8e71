import { NUTRIENT_OVERRIDE_KEYS } from '@/lib/nutrition/nutrient-model';
import { OVERRIDE_LABELS } from './nutrient-labels';

/**
 * The profile form's fields in the order they appear: the API's field path, the words a person
 * uses for it, and the id of the control that takes focus when it is wrong (a group's first
 * input when the id is a group). The one table the form's error messages come from; the
 * messages themselves are the zod schema's (lib/profiles/schema.ts).
 */
export const PROFILE_FIELDS: readonly { path: string; label: string; control: string }[] = [
  { path: 'name', label: 'Profile name', control: 'p-name' },
  { path: 'householdSize', label: 'People you cook for', control: 'p-household' },
  { path: 'protocol', label: 'Protocol', control: 'p-protocol' },
  { path: 'phase', label: 'Phase', control: 'p-phase' },
  { path: 'phaseStartedOn', label: 'Phase started on', control: 'p-phase-started' },
  { path: 'allergens', label: 'Allergies', control: 'p-allergens' },
  { path: 'diet', label: 'Diet', control: 'p-diet' },
  { path: 'avoid', label: 'Also leave out', control: 'p-avoid' },
  { path: 'dislikes', label: 'Foods you do not want', control: 'p-dislikes' },
  {
    path: 'dislikedConcepts',
    label: 'Kinds of food you do not want',
    control: 'p-disliked-concepts',
  },
  { path: 'slots', label: 'Meals to plan', control: 'p-slots' },
  { path: 'maxMinutes.weekday', label: 'Minutes on weekdays', control: 'p-weekday' },
  { path: 'maxMinutes.weekend', label: 'Minutes on weekends', control: 'p-weekend' },
  {
    path: 'cooking.weekday.sessions',
    label: 'Times you cook on a weekday',
    control: 'p-cook-weekday-sessions',
  },
  {
    path: 'cooking.weekday.activeMinutes',
    label: 'Hands-on minutes on a weekday',
    control: 'p-cook-weekday-minutes',
  },
  {
    path: 'cooking.weekend.sessions',
    label: 'Times you cook on a weekend day',
    control: 'p-cook-weekend-sessions',
  },
  {
    path: 'cooking.weekend.activeMinutes',
    label: 'Hands-on minutes on a weekend day',
    control: 'p-cook-weekend-minutes',
  },
  { path: 'leftovers', label: 'Leftovers', control: 'p-leftovers' },
  {
    path: 'maxProteinMeals',
    label: 'Meals a week of one main protein',
    control: 'p-protein-meals',
  },
  { path: 'mealTimes.breakfast', label: 'Breakfast time', control: 'p-time-breakfast' },
  { path: 'mealTimes.lunch', label: 'Lunch time', control: 'p-time-lunch' },
  { path: 'mealTimes.snack', label: 'Snack time', control: 'p-time-snack' },
  { path: 'mealTimes.dinner', label: 'Dinner time', control: 'p-time-dinner' },
  { path: 'energyKcal', label: 'Energy', control: 'p-energy' },
  { path: 'body.sex', label: 'Sex', control: 'p-sex' },
  { path: 'body.ageYears', label: 'Age', control: 'p-age' },
  { path: 'body.heightCm', label: 'Height', control: 'p-height' },
  { path: 'body.weightKg', label: 'Weight', control: 'p-weight' },
  { path: 'body.activity', label: 'Activity', control: 'p-activity' },
  { path: 'body.pregnant', label: 'Pregnant', control: 'p-pregnant' },
  { path: 'body.lactating', label: 'Breastfeeding', control: 'p-lactating' },
  { path: 'proteinG', label: 'Protein', control: 'p-protein' },
  { path: 'fiberG', label: 'Fiber', control: 'p-fiber' },
  { path: 'carbsPerMealG.target', label: 'Carbs per meal', control: 'p-carbs' },
  { path: 'carbsPerMealG.tolerance', label: 'Carb tolerance', control: 'p-carbs-tol' },
  { path: 'clinicianSupervised', label: 'Planned with my clinician', control: 'p-clinician' },
  ...NUTRIENT_OVERRIDE_KEYS.map((key) => ({
    path: `nutrientTargets.${key}`,
    label: OVERRIDE_LABELS[key].label,
    control: `p-nt-${key}`,
  })),
];

/** The form field an API error path belongs to ("allergens.2" → allergens), if any. */
export function fieldOf(path: string) {
  return PROFILE_FIELDS.find((f) => path === f.path || path.startsWith(`${f.path}.`));
}

const byLongestPath = [...PROFILE_FIELDS].sort((a, b) => b.path.length - a.path.length);

/**
 * An API message in a person's words: the field path it starts with becomes the form's name for
 * the field ("body.ageYears must be between 14 and 120 years" → "Age must be between 14 and 120
 * years"), an API hint such as "(clinicianSupervised: true)" is dropped (the sentence already
 * names the checkbox), and the first letter is a capital.
 */
export function personMessage(message: string): string {
  let text = message.replace(/\s*\([\w.]+: (?:true|false)\)/g, '').trim();
  const field = byLongestPath.find((f) => text.startsWith(`${f.path} `));
  if (field) text = `${field.label}${text.slice(field.path.length)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The API's field errors with every message in a person's words; paths stay the keys. */
export function personFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors ?? {}).map(([path, msgs]) => [path, msgs.map(personMessage)]),
  );
}

/** The form fields with errors, in form order, each once. */
export function invalidFields(fieldErrors: Record<string, string[]>) {
  const paths = Object.keys(fieldErrors);
  return PROFILE_FIELDS.filter((f) => paths.some((p) => fieldOf(p) === f));
}

/**
 * The line above the form after a failed save: the fields to look at, by name, and any message
 * no field of the form shows; without field errors, the API's message.
 */
export function errorSummary(
  fieldErrors: Record<string, string[]> | undefined,
  apiMessage: string,
): string {
  const errors = fieldErrors ?? {};
  const fields = invalidFields(errors);
  const elsewhere = Object.entries(errors)
    .filter(([path]) => fieldOf(path) === undefined)
    .flatMap(([, msgs]) => msgs.map(personMessage));
  if (fields.length === 0 && elsewhere.length === 0) return personMessage(apiMessage);
  const names = fields.map((f) => f.label).join(', ');
  const check =
    fields.length === 0
      ? ''
      : fields.length === 1
        ? ` Check this field: ${names}.`
        : ` Check these ${fields.length} fields: ${names}.`;
  return [`Nothing was saved.${check}`, ...elsewhere].join(' ');
}
