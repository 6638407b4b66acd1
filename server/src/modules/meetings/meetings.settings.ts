// The module's per-congress settings (defaults from domain/src/meetings/rules.ts), declared so that
// GET/PUT /api/v1/settings/meetings read and write them: document lead times, which kinds are voted secretly.
import { meetingsSettingsSchema, type MeetingsSettings } from '@minyi/domain/meetings';
import type { Db } from '../../db/client';
import { defineSettings, readSettings } from '../../platform/settings';

export const SETTINGS_KEY = 'meetings';

defineSettings(SETTINGS_KEY, meetingsSettingsSchema);

export const readMeetingsSettings = (db: Db, congressId: string): Promise<MeetingsSettings> =>
  readSettings(db, congressId, SETTINGS_KEY, meetingsSettingsSchema);
