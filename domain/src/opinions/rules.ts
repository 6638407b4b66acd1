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
});
export type OpinionSettings = z.infer<typeof opinionSettingsSchema>;

/** A partial update of the settings (no defaults filled in, unknown keys refused). */
export const opinionSettingsPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(opinionSettingsSchema.shape).map(([k, v]) => [k, v.unwrap().optional()]),
  ) as { [K in keyof OpinionSettings]: z.ZodOptional<z.ZodNumber> },
);
