/**
 * The week's plant count as the plan page and the Markdown export show it. The evidence that
 * plant variety matters is observational, and the note says so.
 */
export const PLANT_VARIETY_NOTE =
  'Eating many different plants is associated with a more varied gut microbiome (observational studies).';

/** "24 different plants this week", "1 different plant this week". */
export function plantsText(plants: number): string {
  return `${plants} different ${plants === 1 ? 'plant' : 'plants'} this week`;
}
