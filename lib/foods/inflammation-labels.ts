import {
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  INFLAMMATION_CLASSES,
  type InflammationClass,
} from './codes';

/**
 * The words users see for an inflammation class: one place, neutral on purpose (DOMAIN §6.3 UI
 * note: no "good/bad", "safe/unsafe", "toxic" — that language can drive food fear). The API keeps
 * its values (`inflammatory`, `gut-healing`, `neutral`); only the display changes.
 */
export const INFLAMMATION_CLASS_LABELS: Record<InflammationClass, string> = {
  'gut-healing': 'supports gut health',
  inflammatory: 'linked to inflammation',
  neutral: 'neutral',
};

/** A class with its evidence: "supports gut health (moderate evidence)"; "neutral" stays bare. */
export function inflammationLabel(cls: InflammationClass, evidence?: EvidenceLevel): string {
  const words = INFLAMMATION_CLASS_LABELS[cls];
  return cls === 'neutral' || !evidence ? words : `${words} (${evidence} evidence)`;
}

/** Filter options: the API value with its words. */
export const INFLAMMATION_FILTER_OPTIONS = INFLAMMATION_CLASSES.map((value) => ({
  value,
  label: INFLAMMATION_CLASS_LABELS[value],
}));

/** For a food a protocol leaves out: a protocol choice, not a sign of harm. */
export const PHASE_EXCLUSION_LABEL = 'not in this phase';

/**
 * The food page's line for the protocols whose elimination phase leaves a food out, e.g.
 * "Often eliminated in AIP and Whole30: not in this phase (elimination), a protocol choice
 * rather than a verdict on the food."
 */
export function eliminatedInNote(protocols: string[]): string | null {
  if (protocols.length === 0) return null;
  const names =
    protocols.length === 1
      ? protocols[0]
      : `${protocols.slice(0, -1).join(', ')} and ${protocols[protocols.length - 1]}`;
  return `Often eliminated in ${names}: ${PHASE_EXCLUSION_LABEL} (elimination), a protocol choice rather than a verdict on the food.`;
}

/** Narrows a stored string to a class; unknown strings are shown as they are. */
export function isInflammationClass(value: string): value is InflammationClass {
  return (INFLAMMATION_CLASSES as readonly string[]).includes(value);
}

/** The display words for a stored class and evidence (strings from the database). */
export function inflammationText(cls: string, evidence?: string): string {
  if (!isInflammationClass(cls)) return cls;
  const level = (EVIDENCE_LEVELS as readonly string[]).includes(evidence ?? '')
    ? (evidence as EvidenceLevel)
    : undefined;
  return inflammationLabel(cls, level);
}
