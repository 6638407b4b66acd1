// The module's per-congress settings (defaults from domain/src/budget/rules.ts), declared so that
// GET/PUT /api/v1/settings/budget read and write them: every warning threshold, the transfer and publication days.
import { budgetSettingsSchema, type BudgetSettings } from '@minyi/domain/budget';
import type { Db } from '../../db/client';
import { defineSettings, readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'budget';

defineSettings(SETTINGS_KEY, budgetSettingsSchema);

export const readBudgetSettings = (db: Db, congressId: string): Promise<BudgetSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, budgetSettingsSchema);
