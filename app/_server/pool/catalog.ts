import { randomUUID } from 'node:crypto';

/**
 * The last few catalogs a worker holds, oldest dropped first. The pool keeps a mirror of each
 * worker's cache (keys only) with the same capacity: both see the same additions in the same
 * order, so the pool knows without asking whether a worker still has a catalog.
 */
export class CatalogCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 4) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  add(key: string, value: T): void {
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

const keys = new WeakMap<object, string>();
// Unique per module instance: after a dev reload the counter restarts, and a cached pool's
// workers must not mistake a new catalog for an old one of the same number.
const prefix = randomUUID().slice(0, 8);
let next = 0;

/**
 * A key per catalog array, by identity: the repository hands out one cached array per seeded
 * catalog, and catalogs are never mutated once loaded.
 */
export function catalogKey(recipes: object): string {
  let key = keys.get(recipes);
  if (key === undefined) {
    next += 1;
    key = `${prefix}-${next}`;
    keys.set(recipes, key);
  }
  return key;
}
