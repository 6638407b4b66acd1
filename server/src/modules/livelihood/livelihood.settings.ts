// The module's per-congress settings (defaults from domain/src/livelihood/rules.ts).
import { livelihoodSettingsSchema, type LivelihoodSettings } from '@minyi/domain/livelihood';
import type { Db } from '../../db/client';
import { readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'livelihood';

export const readLivelihoodSettings = (db: Db, congressId: string): Promise<LivelihoodSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, livelihoodSettingsSchema);
