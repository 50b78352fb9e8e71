import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * User-facing text is US English, as the code is ("fiber"). Codes such as `sulphite` are
 * contracts and stay; cited titles (a protocol's `sources`) are quoted as published.
 */
const BRITISH =
  /\b(fibre|flavour|colour|programme|personalis\w*|paediatric|anaemi\w*|coeliac|labelled|yoghurt|sulphites?\b(?!['"`]))/i;

function stringsOf(value: unknown, skipKeys: Set<string>, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, skipKeys, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!skipKeys.has(k)) stringsOf(v, skipKeys, out);
  }
  return out;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));

describe('user-facing text is in US spelling', () => {
  it.each(jsonFiles('seeds/protocols'))('%s', (file) => {
    const texts = stringsOf(JSON.parse(readFileSync(file, 'utf8')), new Set(['sources']));
    expect(texts.filter((t) => BRITISH.test(t))).toEqual([]);
  });

  it.each(jsonFiles('seeds/tagging'))('%s rationales', (file) => {
    const texts: string[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'rationale' && typeof x === 'string') texts.push(x);
          else collect(x);
        }
      }
    };
    collect(JSON.parse(readFileSync(file, 'utf8')));
    expect(texts.filter((t) => BRITISH.test(t))).toEqual([]);
  });
});
