/**
 * What a clinician's request reads, in the words the member sees in their access log. A path
 * the table does not know is logged as itself, so nothing read goes unrecorded.
 */
const LABELS: readonly [RegExp, string][] = [
  [/^\/api\/profiles$/, 'profile list'],
  [/^\/api\/profiles\/\d+$/, 'profile'],
  [/^\/api\/profiles\/\d+\/journal$/, 'journal'],
  [/^\/api\/profiles\/\d+\/report$/, 'clinician report'],
  [/^\/api\/profiles\/\d+\/reintroduction$/, 'reintroduction'],
  [/^\/api\/plans$/, 'plan list'],
  [/^\/api\/plans\/\d+$/, 'plan'],
  [/^\/api\/plans\/\d+\/nutrition$/, 'nutrition report'],
  [/^\/api\/plans\/\d+\/shopping-list$/, 'shopping list'],
  [/^\/api\/plans\/\d+\/export$/, 'plan export'],
  [/^\/api\/plans\/\d+\/meals\/[^/]+\/alternatives$/, 'meal alternatives'],
  [/^\/api\/account\/export$/, 'data export'],
];

export function readLabel(pathname: string): string {
  return LABELS.find(([pattern]) => pattern.test(pathname))?.[1] ?? pathname;
}
