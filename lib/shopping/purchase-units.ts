import { z } from 'zod';

/** One way a shop sells a food: a head, a can; `step` is the smallest share sold. */
export type PurchaseUnit = {
  unit: string;
  grams: number;
  step: number;
  /** Buy this way only for at least this many units (a dozen eggs, else count them). */
  min: number;
  note: string | null;
  item: string | null;
};

const textSchema = z.string().min(1);

/** The JSON shape of seeds/purchase-units.json. */
export const purchaseUnitsSchema = z
  .object({
    $comment: z.string().optional(),
    units: z.record(
      textSchema,
      z
        .array(
          z
            .object({
              unit: textSchema,
              grams: z.number().positive(),
              step: z.number().positive().max(1),
              min: z.number().positive().optional(),
              note: textSchema.optional(),
              item: textSchema.optional(),
              source: textSchema,
            })
            .strict(),
        )
        .min(1),
    ),
  })
  .strict();

/** Parses seeds/purchase-units.json; a bad row throws with its path. */
export function parsePurchaseUnits(json: unknown): ReadonlyMap<string, PurchaseUnit[]> {
  const parsed = purchaseUnitsSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`seeds/purchase-units.json: ${issues}`);
  }
  return new Map(
    Object.entries(parsed.data.units).map(([name, rows]) => [
      name,
      rows.map((r) => ({
        unit: r.unit,
        grams: r.grams,
        step: r.step,
        min: r.min ?? 0,
        note: r.note ?? null,
        item: r.item ?? null,
      })),
    ]),
  );
}
