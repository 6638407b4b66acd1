// Shared vocabulary: roles, bilingual text, ids and list paging. Pure.
import { z } from 'zod';

/** Roles from the brief; the three administrators are separated (三员分立). */
export const ROLES = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
  'systemAdmin',
  'securityAdmin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** No account may hold two of these (三员分立, MLPS 2.0 level 3 practice; LEGAL-RULES.md §8). */
export const ADMIN_ROLES = ['systemAdmin', 'securityAdmin', 'auditor'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (r: string): r is AdminRole => (ADMIN_ROLES as readonly string[]).includes(r);

/** Roles that may see personal data (phone, ID number, address) in clear. */
export const PII_CLEAR_ROLES: readonly Role[] = ['congressStaff', 'liaisonStaff'];

/** A text in both locales; zh-CN is the default. */
export const localizedTextSchema = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const idSchema = z.uuid();

/** Cursor pagination: `?cursor=…&limit=…`; answers `{ items, nextCursor }`. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The abilities a resource carries for the current user, so the UI never re-implements a rule. */
export const abilitiesSchema = z.record(z.string(), z.boolean());
export type Abilities = z.infer<typeof abilitiesSchema>;

/**
 * One line of a user's work home (我的工作台): what waits for them in one module, of one kind, with how many of
 * those are due soon or overdue, and where the list of them is. `kind` is the module's own word, translated in
 * the web app's `<module>` namespace under `workbench.<kind>`.
 */
export const workbenchItemSchema = z.object({
  module: z.string(),
  kind: z.string(),
  count: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  link: z.string(),
});
export type WorkbenchItem = z.infer<typeof workbenchItemSchema>;

/** Mainland mobile number: 11 digits starting with 1[3-9]. */
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, 'phone');

export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
export const maskIdNumber = (id: string): string =>
  id.length > 8 ? `${id.slice(0, 4)}**********${id.slice(-4)}` : '****';
export const maskAddress = (addr: string): string => (addr.length > 6 ? `${addr.slice(0, 6)}****` : '****');
