import { describe, expect, it } from 'vitest';
import { checkLimit, countAttempt } from '@/app/_server/auth/rate-limit';
import { AppError } from '@/lib/http/app-error';

const LIMIT = { max: 3, windowMs: 60_000 };

function refusal(key: string, nowMs: number): AppError | null {
  try {
    checkLimit(key, LIMIT, nowMs);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('attempt limits', () => {
  it('refuses the attempt after the limit with 429 and the seconds left, then starts over', () => {
    const key = `unit-${Math.random()}`;
    for (let i = 0; i < 3; i++) {
      expect(refusal(key, 1_000 + i)).toBeNull();
      countAttempt(key, LIMIT, 1_000 + i);
    }
    const refused = refusal(key, 31_000);
    expect(refused?.status).toBe(429);
    expect(refused?.retryAfterS).toBe(30);
    expect(refused?.toResponse().headers.get('Retry-After')).toBe('30');
    // another key is not affected; the same key is free once its window is over
    expect(refusal(`${key}-other`, 31_000)).toBeNull();
    expect(refusal(key, 61_000)).toBeNull();
  });
});
