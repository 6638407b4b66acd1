// Every action code and entity type the server writes to the audit trail has words in zh-CN and en
// (@minyi/domain/audit), so the auditor never reads a raw code: the codes are collected from the source
// (`action:` and `entityType:` literals, and the `<entity>.${…}` templates expanded from the domain's lists
// of workflow events), and again from the rows a real run of a few use cases writes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@minyi/domain/audit';
import { OPINION_ACTIONS } from '@minyi/domain/opinions';
import { SUGGESTION_EVENTS, decideMotionSchema } from '@minyi/domain/suggestions';
import { MANDATE_TRANSITIONS, SITTING_TRANSITIONS } from '@minyi/domain/registry';

const SRC = path.resolve(import.meta.dirname, '../src');

/** The verbs of each `<entity>.${…}` template: the domain's list of the events the template is filled from. */
const TEMPLATES: Record<string, readonly string[]> = {
  opinion: OPINION_ACTIONS,
  suggestion: SUGGESTION_EVENTS,
  mandate: Object.keys(MANDATE_TRANSITIONS),
  sitting: Object.keys(SITTING_TRANSITIONS),
  motion: decideMotionSchema.shape.decision.options,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The expression after `key:` up to the end of the property (one line, or two when it breaks). */
function expressions(src: string, key: string): string[] {
  return [...src.matchAll(new RegExp(`\\b${key}:\\s*([^\\n]*(?:\\n[^\\n]*)?)`, 'g'))].map(
    (m) => m[1].split(/,\s*(?:\n|$)|\}\s*[,;)]/)[0],
  );
}

function collect() {
  const actions = new Map<string, string>();
  const templates = new Map<string, string>();
  const entities = new Map<string, string>();
  for (const file of sources(SRC)) {
    const src = readFileSync(file, 'utf8');
    const where = path.relative(SRC, file);
    for (const e of expressions(src, 'action')) {
      for (const m of e.matchAll(/'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'/g)) actions.set(m[1], where);
      for (const m of e.matchAll(/`([a-z][A-Za-z]*)\.\$\{/g)) templates.set(m[1], where);
    }
    for (const e of expressions(src, 'entityType'))
      for (const m of e.matchAll(/'([a-z][A-Za-z]*)'/g)) entities.set(m[1], where);
  }
  return { actions, templates, entities };
}

describe('the audit trail in words', () => {
  const found = collect();

  it('finds the codes the server writes (the scan itself works)', () => {
    expect(found.actions.size).toBeGreaterThan(80);
    expect(found.actions.get('auth.login')).toBeDefined();
    expect(found.actions.get('projectVote.castBallot')).toBeDefined();
    expect([...found.templates.keys()]).toContain('suggestion');
    expect(found.entities.size).toBeGreaterThan(20);
  });

  it('has zh and en words for every action code written in server/src', () => {
    const missing = [...found.actions]
      .filter(([code]) => !AUDIT_ACTIONS[code])
      .map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });

  it('knows the verbs of every templated code, and has words for each', () => {
    const unknown = [...found.templates].filter(([p]) => !TEMPLATES[p]).map(([p, f]) => `${p}.\${…} (${f})`);
    expect(unknown, 'add the template to TEMPLATES with the domain list it is filled from').toEqual([]);
    const missing = Object.entries(TEMPLATES).flatMap(([p, verbs]) =>
      verbs.map((v) => `${p}.${v}`).filter((code) => !AUDIT_ACTIONS[code]),
    );
    expect(missing).toEqual([]);
  });

  it('has words for every entity type written in server/src', () => {
    const missing = [...found.entities]
      .filter(([e]) => !AUDIT_ENTITY_TYPES[e])
      .map(([e, f]) => `${e} (${f})`);
    expect(missing).toEqual([]);
  });

  it('has every entry in both languages, none empty', () => {
    for (const [code, words] of [...Object.entries(AUDIT_ACTIONS), ...Object.entries(AUDIT_ENTITY_TYPES)]) {
      expect(words.zh.trim(), code).not.toBe('');
      expect(words.en.trim(), code).not.toBe('');
    }
  });
});
