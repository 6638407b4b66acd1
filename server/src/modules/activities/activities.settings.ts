// The module's per-congress settings (defaults from domain/src/activities/rules.ts), declared so that
// GET/PUT /api/v1/settings/activities read and write them: the kinds of activity, the check-in window, whether
// a check-in needs the place's QR token, and the duty-points rules.
import { activitiesSettingsSchema, type ActivitiesSettings } from '@minyi/domain/activities';
import type { Db } from '../../db/client';
import { defineSettings, readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'activities';

defineSettings(SETTINGS_KEY, activitiesSettingsSchema);

export const readActivitiesSettings = (db: Db, congressId: string): Promise<ActivitiesSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, activitiesSettingsSchema);
