import { z } from 'zod';
import { GROUP_CODES } from '../foods/codes';

const groupCode = z.enum(GROUP_CODES);

/** A protocol exception: foods tagged `code` (with certainty `contains`) are excused from `excuses`. */
export const allowRuleSchema = z.object({
  code: groupCode,
  excuses: z.array(groupCode).min(1),
  note: z.string().min(1),
});

export const phaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  summary: z.string().min(1),
  /** Usual length in weeks; null max = open-ended (maintenance, personalisation). */
  durationWeeks: z.object({ min: z.number().nonnegative(), max: z.number().positive().nullable() }),
  exclude: z.array(groupCode),
  allow: z.array(allowRuleSchema).default([]),
  /** What returns in this phase compared with the previous one, in plain words. */
  reintroduces: z.array(z.string()).default([]),
});

export const protocolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['protocol', 'diet']),
    name: z.string().min(1),
    summary: z.string().min(1),
    /** Plain-language sections for the /protocols page. */
    whatIsOut: z.array(z.string()).min(1),
    whatIsIn: z.array(z.string()).min(1),
    howLong: z.string().min(1),
    talkToClinician: z.array(z.string()).min(1),
    evidence: z.string().min(1),
    ruleSetVersion: z.string().min(1),
    sources: z.array(z.string()).default([]),
    phases: z.array(phaseSchema).min(1),
  })
  .superRefine((p, ctx) => {
    if (p.phases[0]?.id !== 'elimination' && p.kind === 'protocol') {
      ctx.addIssue({
        code: 'custom',
        path: ['phases', 0, 'id'],
        message: 'first phase must be "elimination"',
      });
    }
    const ids = new Set<string>();
    p.phases.forEach((ph, i) => {
      if (ids.has(ph.id))
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'id'],
          message: `duplicate phase ${ph.id}`,
        });
      ids.add(ph.id);
    });
  });

export type AllowRule = z.infer<typeof allowRuleSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Protocol = z.infer<typeof protocolSchema>;
