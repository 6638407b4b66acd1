// The opinion loop's numbers, each with where it comes from. Practice varies, so each is a per-congress
// setting (server: readSettings(db, congressId, 'opinions', opinionSettingsSchema)); these are the defaults.
import { z } from 'zod';

export const OPINION_RULES = {
  /** Forwarding and feedback deadline, working days. LEGAL-RULES.md §7 "typical routing": 15 working days is
   * local practice [unverified → configurable]. */
  replyWorkingDays: 15,
  /** Notice of a reception posted this many calendar days ahead. §7 "a notice posted 3 days before" (local practice). */
  receptionNoticeDays: 3,
  /** A unit that is not competent returns the item within this many working days. §7 "timing examples":
   * "must return the item within 7 working days" (上海规定 Art. 14). */
  handBackWorkingDays: 7,
  /** Flag an item "due soon" this many working days before its deadline (product choice). */
  dueSoonWorkingDays: 3,
  /** Dissatisfied ratings reopen an item this many times (issue 3: "reopens the item once"). */
  maxReopens: 1,
  /** Abuse limits for the public form (product choice; §8 minimisation does not forbid them). Every attempt
   * counts in its window (the clock hour; the day from 00:00 UTC), refused ones included. */
  maxSubmissionsPerIpPerHour: 20,
  maxSubmissionsPerPhonePerDay: 5,
  /** Content length (issue 3 bad-input list: over 5,000 characters is refused). */
  maxContentChars: 5000,
  /** Photos: up to 10 MB each (issue 3), at most 6 per opinion (product choice). */
  maxPhotoBytes: 10 * 1_048_576,
  maxPhotos: 6,
  /** Pixels of a photo, read from its header before any decoding (issue 22 item 8: a 31 kB PNG declaring
   * 16000×16000 pixels took seconds of CPU). 40 megapixels holds any ordinary phone photo (product choice). */
  maxPhotoPixels: 40_000_000,
  /** Photo uploads per client address per minute (issue 22 item 8; a reception hall's shared connection sends
   * a few citizens' photos, 6 each at most). Product choice. */
  maxPhotoUploadsPerIpPerMinute: 30,
  /** Tracking look-ups (and ratings) per client address per minute (issue 22 item 3a). Product choice. */
  maxTrackingLookupsPerIpPerMinute: 30,
  /** Wrong phone suffixes on one tracking code before its look-ups lock (issue 22 item 3a: the suffix has only
   * 10,000 values). From then on every further wrong suffix locks it again, and the citizen's rating by code
   * stays locked for good: staff close the item after asking the citizen (product choice; §8 does not bear on it). */
  maxTrackingFailures: 10,
  /** How long a locked tracking code refuses every look-up, minutes (product choice). */
  trackingLockMinutes: 15,
} as const;

export const opinionSettingsSchema = z.object({
  replyWorkingDays: z.number().int().min(1).max(120).default(OPINION_RULES.replyWorkingDays),
  receptionNoticeDays: z.number().int().min(0).max(60).default(OPINION_RULES.receptionNoticeDays),
  handBackWorkingDays: z.number().int().min(1).max(60).default(OPINION_RULES.handBackWorkingDays),
  dueSoonWorkingDays: z.number().int().min(0).max(30).default(OPINION_RULES.dueSoonWorkingDays),
  maxReopens: z.number().int().min(0).max(5).default(OPINION_RULES.maxReopens),
  maxSubmissionsPerIpPerHour: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(OPINION_RULES.maxSubmissionsPerIpPerHour),
  maxSubmissionsPerPhonePerDay: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(OPINION_RULES.maxSubmissionsPerPhonePerDay),
  maxTrackingFailures: z.number().int().min(3).max(100).default(OPINION_RULES.maxTrackingFailures),
  trackingLockMinutes: z.number().int().min(1).max(1440).default(OPINION_RULES.trackingLockMinutes),
});
export type OpinionSettings = z.infer<typeof opinionSettingsSchema>;

/** A partial update of the settings (no defaults filled in, unknown keys refused). */
export const opinionSettingsPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(opinionSettingsSchema.shape).map(([k, v]) => [k, v.unwrap().optional()]),
  ) as { [K in keyof OpinionSettings]: z.ZodOptional<z.ZodNumber> },
);
