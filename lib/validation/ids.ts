import { z } from 'zod';

/** Canonical decimal: no sign, no leading zero, no spaces, no exponent, no hex. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * Numeric ids in paths and queries: "12" → 12. Only the canonical decimal form is an id
 * ("0x2ad", " 685 ", "1e2", "01", "+5" are 400 naming the field).
 */
export const idParamSchema = (field: string) =>
  z
    .string({ error: `${field} must be a whole number` })
    .regex(CANONICAL_ID, `${field} must be a positive whole number in plain digits, e.g. 12`)
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER, `${field} is too large`));

/** Numeric ids inside JSON bodies: a JSON integer, never a string or a list. */
export const idBodySchema = (field: string) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int(`${field} must be a whole number`)
    .positive(`${field} must be positive`)
    .max(Number.MAX_SAFE_INTEGER, `${field} is too large`);
