// The module's per-congress settings (defaults from domain/src/elections/rules.ts), declared so that
// GET/PUT /api/v1/settings/elections read and write them: the province's seat count, the rounding of the
// candidate ratio, the tolerance of population per deputy, when a milestone shows as due.
import { electionsSettingsSchema, type ElectionsSettings } from '@minyi/domain/elections';
import type { Db } from '../../db/client';
import { defineSettings, readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'elections';

defineSettings(SETTINGS_KEY, electionsSettingsSchema);

export const readElectionsSettings = (db: Db, congressId: string): Promise<ElectionsSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, electionsSettingsSchema);
