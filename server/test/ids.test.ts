// Keys: UUIDv7 as RFC 9562 lays it out, time-ordered, strictly increasing within a process.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idTime, newId } from '../src/platform/ids';

describe('newId', () => {
  it('is a UUID of version 7 and the RFC variant, as zod and PostgreSQL read UUIDs', () => {
    for (let i = 0; i < 1000; i++) {
      const id = newId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
  });

  it('carries the time it was made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(idTime(id).getTime()).toBeGreaterThanOrEqual(before);
    expect(idTime(id).getTime()).toBeLessThanOrEqual(after + 1);
  });

  it('increases strictly, also many to a millisecond, so cursor paging by id is paging by creation', () => {
    const ids = Array.from({ length: 50_000 }, newId);
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('differs in its random part between ids of the same millisecond', () => {
    const tails = new Set(Array.from({ length: 2000 }, () => newId().slice(24)));
    expect(tails.size).toBe(2000);
  });
});
