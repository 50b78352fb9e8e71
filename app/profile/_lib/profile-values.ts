import type { NutrientOverrides } from '@/lib/nutrition/nutrient-model';
import {
  DEFAULT_COOKING,
  DEFAULT_LEFTOVERS,
  DEFAULT_MAX_PROTEIN_MEALS,
} from '@/lib/profiles/schema';

/** Plain data shared by the profile form (client) and the pages that render it (server). */
export type ProtocolOption = {
  id: string;
  name: string;
  kind: 'protocol' | 'diet';
  summary: string;
  phases: { id: string; name: string; summary: string }[];
};

/** One chip of the dislikes picker: a single food, or a whole kind ("salmon (all kinds)"). */
export type DislikeChoice = { ndb: string; name: string } | { concept: string; name: string };

/** The API's two fields for the picker's chips: `dislikes` (NDB numbers) and `dislikedConcepts`. */
export function dislikesPayload(list: readonly DislikeChoice[]): {
  dislikes: string[];
  dislikedConcepts: string[];
} {
  return {
    dislikes: list.flatMap((d) => ('ndb' in d ? [d.ndb] : [])),
    dislikedConcepts: list.flatMap((d) => ('concept' in d ? [d.concept] : [])),
  };
}

export type ProfileValues = {
  id?: number;
  name: string;
  householdSize: number;
  protocol: string;
  phase: string;
  /** YYYY-MM-DD; null: the day the profile is saved. */
  phaseStartedOn: string | null;
  allergens: string[];
  avoid: string[];
  diet: string;
  dislikes: DislikeChoice[];
  energyKcal: number | null;
  body: {
    sex: 'female' | 'male';
    ageYears: number;
    heightCm: number;
    weightKg: number;
    activity: string;
    pregnant?: boolean;
    lactating?: boolean;
  } | null;
  proteinG: number | null;
  fiberG: number | null;
  slots: string[];
  maxMinutes: { weekday: number; weekend: number };
  /** Cooking sessions and hands-on minutes a day, on weekdays and at weekends. */
  cooking: CookingValues;
  /** Meals a week one main protein may be served at. */
  maxProteinMeals: number;
  leftovers: boolean;
  carbsPerMealG: { target: number; tolerance: number } | null;
  /** Local HH:MM times for calendar exports. */
  mealTimes: { breakfast: string; lunch: string; dinner: string; snack: string };
  /** A clinician or dietitian is involved (needed under 18 and below the energy floor). */
  clinicianSupervised: boolean;
  /** Clinician overrides only; empty means every default applies. */
  nutrientTargets: NutrientOverrides;
};

export type CookingValues = {
  weekday: { sessions: number; activeMinutes: number };
  weekend: { sessions: number; activeMinutes: number };
};

export const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];

export const DEFAULT_PROFILE: ProfileValues = {
  name: '',
  householdSize: 1,
  protocol: 'aip',
  phase: 'elimination',
  phaseStartedOn: null,
  allergens: [],
  avoid: [],
  diet: 'omnivore',
  dislikes: [],
  energyKcal: null,
  body: null,
  proteinG: null,
  fiberG: null,
  slots: [...SLOTS],
  maxMinutes: { weekday: 45, weekend: 90 },
  cooking: { weekday: { ...DEFAULT_COOKING.weekday }, weekend: { ...DEFAULT_COOKING.weekend } },
  maxProteinMeals: DEFAULT_MAX_PROTEIN_MEALS,
  leftovers: DEFAULT_LEFTOVERS,
  carbsPerMealG: null,
  mealTimes: { breakfast: '08:00', lunch: '12:30', dinner: '19:00', snack: '16:00' },
  clinicianSupervised: false,
  nutrientTargets: {},
};
