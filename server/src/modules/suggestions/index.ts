// Deputies' suggestions (代表建议) and motions (议案): the statutory handling lifecycle (代表法 Art. 51–52) with leader-led supervision.
import { refreshProposerNames } from './jobs/refresh-proposer-names';
import { refreshUnitNames } from './jobs/refresh-unit-names';
import type { Module } from '../../platform/module';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Work } from '../../platform/context';
import { suggestionRoutes } from './suggestions.routes';
import { suggestionSettingsRoutes } from './suggestion-settings.routes';
import { suggestionReportRoutes } from './suggestion-reports.routes';
import { motionRoutes } from './motions.routes';
import { remindDeadlinesJob, REMIND_JOB } from './jobs/remind-deadlines';
import { createSuggestion } from './commands/create-suggestion';
import { suggestions } from './suggestions.table';
import { readSuggestionSettings } from './suggestions.repository';
import { seedSuggestionsDemo } from './suggestions.demo';
import { canReadSuggestionAttachment } from './queries/can-read-attachment';
import { getSuggestionsWorkbench } from './queries/get-workbench';

export { countDeputySuggestions } from './queries/count-deputy-suggestions';

/**
 * An opinion raised as a suggestion (opinions module): a submitted suggestion by that deputy, linked to the
 * opinion. Runs in the caller's transaction; the category must be one of the congress's suggestion categories
 * (an unknown one falls back to the first).
 */
export async function raiseSuggestionFromOpinion(
  w: Work,
  input: {
    congressId: string;
    deputyId: string;
    title: string;
    content: string;
    category: string;
    opinionId: string;
  },
): Promise<{ id: string; number: string }> {
  const settings = await readSuggestionSettings(w.db, input.congressId);
  const category = settings.suggestionCategories.some((c) => c.code === input.category)
    ? input.category
    : settings.suggestionCategories[0].code;
  const row = await createSuggestion(w.app, w, {
    congressId: input.congressId,
    proposerDeputyId: input.deputyId,
    title: input.title.slice(0, 200),
    content: input.content,
    category,
    opinionId: input.opinionId,
  });
  return { id: row.id, number: row.number ?? '' };
}

/** What became of a suggestion (the opinion that raised it follows its outcome). */
export async function getSuggestionOutcome(
  db: Db,
  congressId: string,
  suggestionId: string,
): Promise<{ status: string; replyCategory: string | null; rating: string | null } | null> {
  const [row] = await db
    .select({
      status: suggestions.status,
      replyCategory: suggestions.replyCategory,
      rating: suggestions.rating,
    })
    .from(suggestions)
    .where(and(eq(suggestions.id, suggestionId), eq(suggestions.congressId, congressId)));
  return row ?? null;
}

export const suggestionsModule: Module = {
  name: 'suggestions',
  routes: async (app) => {
    await suggestionSettingsRoutes(app);
    await suggestionRoutes(app);
    await suggestionReportRoutes(app);
    await motionRoutes(app);
  },
  jobs: [remindDeadlinesJob],
  subscriptions: [refreshProposerNames, refreshUnitNames],
  schedules: [{ job: REMIND_JOB, everyMs: 24 * 3_600_000 }],
  seedDemo: seedSuggestionsDemo,
  fileReaders: { 'suggestion.attachment': canReadSuggestionAttachment },
  workbench: getSuggestionsWorkbench,
};
