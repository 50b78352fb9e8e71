import { z } from 'zod';

/** Numeric ids in paths: "12" → 12; anything else is a 400 naming the field. */
export const idParamSchema = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .positive(`${field} must be positive`)
    .max(Number.MAX_SAFE_INTEGER, `${field} is too large`);
