// HTTP routes of the suggestion settings of a congress and the categories they define.
import { z } from 'zod';
import { ctxOf, typed, type App } from '../../platform/http';
import { changeSuggestionSettings } from './commands/change-suggestion-settings';
import { findSuggestionCategories } from './queries/find-suggestion-categories';
import { getSuggestionSettings } from './queries/get-suggestion-settings';
import { tags } from './suggestions.routes';

export async function suggestionSettingsRoutes(app: App) {
  const r = typed(app);

  r.get(
    '/suggestion-categories',
    {
      schema: {
        operationId: 'findSuggestionCategories',
        tags,
        summary: 'Suggestion topic categories and reply result categories',
      },
    },
    async (req) => findSuggestionCategories(ctxOf(req)),
  );

  r.get(
    '/suggestion-settings',
    {
      schema: {
        operationId: 'getSuggestionSettings',
        summary: 'The suggestion settings of my congress',
        tags,
      },
    },
    async (req) => getSuggestionSettings(ctxOf(req)),
  );
  r.put(
    '/suggestion-settings',
    {
      schema: {
        operationId: 'changeSuggestionSettings',
        summary: 'Change the suggestion settings of my congress; fields not sent keep their value',
        tags,
        body: z.record(z.string(), z.unknown()),
      },
    },
    async (req) => changeSuggestionSettings(ctxOf(req), req.body),
  );
}
