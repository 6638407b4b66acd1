// The module's per-congress settings (defaults from domain/src/livelihood/rules.ts), declared so that
// GET/PUT /api/v1/settings/livelihood read and write them (a binding vote's rules are held to the statute).
import { livelihoodSettingsSchema, type LivelihoodSettings } from '@minyi/domain/livelihood';
import type { Db } from '../../db/client';
import { defineSettings, readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'livelihood';

defineSettings(SETTINGS_KEY, livelihoodSettingsSchema);

export const readLivelihoodSettings = (db: Db, congressId: string): Promise<LivelihoodSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, livelihoodSettingsSchema);
