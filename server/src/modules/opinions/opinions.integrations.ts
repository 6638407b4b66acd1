// Links to the suggestions (helper E) and livelihood (helper F) modules, through their index.ts exports.
// Loaded lazily so this module works (and says so) while those exports are not there yet.
import type { Db } from '../../db/client';
import type { Work } from '../../platform/context';
import { AppError } from '../../platform/errors';

type RaiseSuggestion = (
  w: Work,
  input: { congressId: string; deputyId: string; title: string; content: string; category: string; opinionId: string },
) => Promise<{ id: string; number: string }>;
type SuggestionOutcome = (
  db: Db,
  congressId: string,
  suggestionId: string,
) => Promise<{ status: string; replyCategory: string | null; rating: string | null } | null>;
type SubmitProjectIdea = (
  w: Work,
  input: { congressId: string; title: string; content: string; streetId: string; opinionId: string },
) => Promise<{ id: string }>;

async function load<T>(path: string, name: string): Promise<T | null> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as T) : null;
  } catch {
    return null;
  }
}

const SUGGESTIONS = '../suggestions/index';
const LIVELIHOOD = '../livelihood/index';

export async function raiseSuggestionFromOpinion(w: Work, input: Parameters<RaiseSuggestion>[1]) {
  const fn = await load<RaiseSuggestion>(SUGGESTIONS, 'raiseSuggestionFromOpinion');
  if (!fn) {
    throw new AppError(503, 'suggestions_unavailable', {
      zh: '代表建议模块尚未启用',
      en: 'The suggestions module is not available yet',
    });
  }
  return fn(w, input);
}

export async function getSuggestionOutcome(db: Db, congressId: string, suggestionId: string) {
  const fn = await load<SuggestionOutcome>(SUGGESTIONS, 'getSuggestionOutcome');
  return fn ? fn(db, congressId, suggestionId) : null;
}

/** Passes a "livelihood project idea" opinion to the livelihood module; null when that module is absent. */
export async function submitProjectIdeaFromOpinion(w: Work, input: Parameters<SubmitProjectIdea>[1]) {
  const fn = await load<SubmitProjectIdea>(LIVELIHOOD, 'submitProjectIdeaFromOpinion');
  return fn ? fn(w, input) : null;
}
