// The registry's vocabulary: jurisdictions, terms and sittings, deputies and mandates, committees,
// handling units and liaison places. Pure zod schemas shared by server and web.
import { z } from 'zod';
import { localizedTextSchema, type LocalizedText } from '../common';
import { REGISTRY_RULES } from './rules';

export * from './rules';

export const JURISDICTION_LEVELS = ['province', 'city', 'district', 'street', 'community'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export const jurisdictionLevelSchema = z.enum(JURISDICTION_LEVELS);

/** Levels of congress (and of a deputy's mandate). */
export const CONGRESS_LEVELS = ['national', 'province', 'city', 'district', 'township'] as const;
export type CongressLevel = (typeof CONGRESS_LEVELS)[number];
export const congressLevelSchema = z.enum(CONGRESS_LEVELS);

export const SITTING_STATUSES = ['planned', 'inSession', 'closed'] as const;
export type SittingStatus = (typeof SITTING_STATUSES)[number];

/** A sitting opens once and closes once: planned → inSession → closed. */
export const SITTING_TRANSITIONS: Record<'open' | 'close', { from: SittingStatus; to: SittingStatus }> = {
  open: { from: 'planned', to: 'inSession' },
  close: { from: 'inSession', to: 'closed' },
};

export const MANDATE_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];
export const mandateStatusSchema = z.enum(MANDATE_STATUSES);

/**
 * Mandate workflow. Suspension (暂时停止执行代表职务, Art. 61) and termination (代表资格终止, Art. 62; announced
 * by the standing committee, Art. 63) follow the Deputies Law (代表法, 2025 text); a suspended mandate may be
 * reinstated once the cause ends; termination is final.
 */
export const MANDATE_TRANSITIONS = {
  suspend: { from: ['active'], to: 'suspended', needsReason: true },
  terminate: { from: ['active', 'suspended'], to: 'terminated', needsReason: true },
  reinstate: { from: ['suspended'], to: 'active', needsReason: false },
} as const satisfies Record<
  string,
  { from: readonly MandateStatus[]; to: MandateStatus; needsReason: boolean }
>;
export type MandateAction = keyof typeof MANDATE_TRANSITIONS;

/** The next status, or null when the step is not allowed from `status`. */
export function nextMandateStatus(status: MandateStatus, action: MandateAction): MandateStatus | null {
  const t = MANDATE_TRANSITIONS[action];
  return (t.from as readonly MandateStatus[]).includes(status) ? t.to : null;
}

export const GENDERS = ['male', 'female'] as const;
export const genderSchema = z.enum(GENDERS);

export const COMMITTEE_BODIES = ['standingCommittee', 'chairpersonsMeeting', 'workingCommittee'] as const;
export type CommitteeBody = (typeof COMMITTEE_BODIES)[number];
export const COMMITTEE_POSITIONS = ['chair', 'viceChair', 'secretaryGeneral', 'director', 'member'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

export const WORKING_COMMITTEE_KINDS = ['workingCommittee', 'streetWorkingCommittee'] as const;

export const LIAISON_PLACE_KINDS = ['home', 'station', 'point'] as const;
export type LiaisonPlaceKind = (typeof LIAISON_PLACE_KINDS)[number];
export const liaisonPlaceKindSchema = z.enum(LIAISON_PLACE_KINDS);

export const HANDLING_UNIT_KINDS = [
  'governmentDepartment',
  'streetOffice',
  'court',
  'procuratorate',
  'supervisionCommission',
  'other',
] as const;
export type HandlingUnitKind = (typeof HANDLING_UNIT_KINDS)[number];
export const handlingUnitKindSchema = z.enum(HANDLING_UNIT_KINDS);

/** Categories of matters a handling unit covers; opinions and suggestions are routed by them. */
export const MATTER_CATEGORIES = [
  'transport',
  'housing',
  'education',
  'health',
  'environment',
  'urbanManagement',
  'publicSecurity',
  'socialSecurity',
  'market',
  'water',
  'planning',
  'civilAffairs',
  'economy',
  'culture',
  'agriculture',
  'science',
  'emergency',
  'finance',
  'justice',
  'other',
] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];
export const matterCategorySchema = z.enum(MATTER_CATEGORIES);

export const MATTER_CATEGORY_LABELS: Record<MatterCategory, LocalizedText> = {
  transport: { zh: '交通出行', en: 'Transport' },
  housing: { zh: '住房建设', en: 'Housing & construction' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '医疗卫生', en: 'Health' },
  environment: { zh: '生态环境', en: 'Environment' },
  urbanManagement: { zh: '城市管理', en: 'Urban management' },
  publicSecurity: { zh: '公共安全', en: 'Public security' },
  socialSecurity: { zh: '人社保障', en: 'Employment & social security' },
  market: { zh: '市场监管', en: 'Market regulation' },
  water: { zh: '水务', en: 'Water' },
  planning: { zh: '规划和自然资源', en: 'Planning & land' },
  civilAffairs: { zh: '民政', en: 'Civil affairs' },
  economy: { zh: '经济发展', en: 'Economy' },
  culture: { zh: '文化体育旅游', en: 'Culture, sport & tourism' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  science: { zh: '科技创新', en: 'Science & innovation' },
  emergency: { zh: '应急管理', en: 'Emergency management' },
  finance: { zh: '财政', en: 'Public finance' },
  justice: { zh: '司法', en: 'Justice' },
  other: { zh: '其他', en: 'Other' },
};

export const PARTIES = [
  '中共党员',
  '群众',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '台盟',
  '无党派人士',
] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional();
const isoDate = z.iso.date();

/** Mainland ID number: 17 digits and a digit or X. */
export const idNumberSchema = z.string().regex(/^\d{17}[\dXx]$/, 'idNumber');
const phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'phone');

export const createDeputySchema = z.strictObject({
  name: text(50).min(1),
  gender: genderSchema,
  birthDate: isoDate.optional(),
  ethnicity: optionalText(20),
  party: optionalText(30),
  occupation: optionalText(100),
  organization: optionalText(200),
  phone: phone.optional(),
  idNumber: idNumberSchema.optional(),
  address: optionalText(200),
  bio: optionalText(2000),
});
export type CreateDeputy = z.infer<typeof createDeputySchema>;
export const updateDeputySchema = createDeputySchema.partial();
/** Which of a deputy's personal data fields to reveal in clear (one at a time, audited). */
export const revealPersonalDataSchema = z.strictObject({ field: z.enum(['phone', 'idNumber', 'address']) });

export const createMandateSchema = z.strictObject({
  congressId: z.uuid().optional(),
  level: congressLevelSchema,
  termId: z.uuid().optional(),
  delegation: optionalText(100),
  deputyGroup: optionalText(100),
  electoralDistrictId: z.uuid().optional(),
  streetId: z.uuid().optional(),
  liaisonPlaceId: z.uuid().optional(),
  startedOn: isoDate.optional(),
});

export const mandateStatusChangeSchema = z.strictObject({ reason: text(500).min(1), date: isoDate });

export const createHandlingUnitSchema = z.strictObject({
  name: text(100).min(1),
  nameEn: optionalText(200),
  kind: handlingUnitKindSchema,
  categories: z.array(matterCategorySchema).max(20).default([]),
  streetId: z.uuid().nullable().optional(),
  contactName: optionalText(50),
  contactPhone: optionalText(30),
  active: z.boolean().optional(),
});
export const updateHandlingUnitSchema = createHandlingUnitSchema.partial();

export const createLiaisonPlaceSchema = z.strictObject({
  kind: liaisonPlaceKindSchema,
  name: text(100).min(1),
  // Empty is not a sector: the table allows a sector only on an industry point (kind point), and '' is one.
  sector: text(50).min(1).nullable().optional(),
  streetId: z.uuid(),
  communityId: z.uuid().nullable().optional(),
  address: optionalText(200),
  openingHours: optionalText(200),
  phone: optionalText(30),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  active: z.boolean().optional(),
});
export const updateLiaisonPlaceSchema = createLiaisonPlaceSchema.partial();

export const createJurisdictionSchema = z.strictObject({
  parentId: z.uuid(),
  level: jurisdictionLevelSchema,
  name: text(100).min(1),
  nameEn: optionalText(200),
  code: optionalText(30),
});
export const updateJurisdictionSchema = z.strictObject({
  name: text(100).min(1).optional(),
  nameEn: optionalText(200),
  code: optionalText(30),
});

export const createTermSchema = z.strictObject({
  number: z.number().int().min(1).max(99),
  startDate: isoDate,
  endDate: isoDate,
  isCurrent: z.boolean().optional(),
});
export const updateTermSchema = createTermSchema.partial();

export const createSittingSchema = z.strictObject({
  termId: z.uuid(),
  number: z.number().int().min(1).max(99),
  startDate: isoDate,
  endDate: isoDate,
});

export const createElectoralDistrictSchema = z.strictObject({
  streetId: z.uuid(),
  name: text(100).min(1),
  seats: z
    .number()
    .int()
    .min(REGISTRY_RULES.electoralDistrictMinSeats)
    .max(REGISTRY_RULES.electoralDistrictMaxSeats),
  voterCount: z.number().int().min(0).nullable().optional(),
});
export const updateElectoralDistrictSchema = createElectoralDistrictSchema.partial();

export const createWorkingCommitteeSchema = z.strictObject({
  kind: z.enum(WORKING_COMMITTEE_KINDS),
  name: text(100).min(1),
  nameEn: optionalText(200),
  streetId: z.uuid().nullable().optional(),
  description: optionalText(2000),
});
export const updateWorkingCommitteeSchema = z.strictObject({
  name: text(100).min(1).optional(),
  nameEn: optionalText(200),
  description: optionalText(2000),
});

export const createCommitteeMemberSchema = z.strictObject({
  body: z.enum(COMMITTEE_BODIES),
  workingCommitteeId: z.uuid().optional(),
  deputyId: z.uuid(),
  termId: z.uuid().optional(),
  position: z.enum(COMMITTEE_POSITIONS).default('member'),
  startedOn: isoDate.optional(),
});

/** A row of an Excel import that was refused, with the column named. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: localizedTextSchema,
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const HANDLING_UNIT_KIND_LABELS: Record<HandlingUnitKind, LocalizedText> = {
  governmentDepartment: { zh: '政府部门', en: 'Government department' },
  streetOffice: { zh: '街道办事处', en: 'Street office' },
  court: { zh: '法院', en: 'Court' },
  procuratorate: { zh: '检察院', en: 'Procuratorate' },
  supervisionCommission: { zh: '监察委员会', en: 'Supervision commission' },
  other: { zh: '其他', en: 'Other' },
};

export const LIAISON_PLACE_KIND_LABELS: Record<LiaisonPlaceKind, LocalizedText> = {
  home: { zh: '代表之家', en: "Deputies' home" },
  station: { zh: '代表联络站', en: 'Liaison station' },
  point: { zh: '代表联系点', en: 'Liaison point' },
};

export const MANDATE_STATUS_LABELS: Record<MandateStatus, LocalizedText> = {
  active: { zh: '正常履职', en: 'Active' },
  suspended: { zh: '暂停执行职务', en: 'Suspended' },
  terminated: { zh: '代表资格终止', en: 'Terminated' },
};

export const CONGRESS_LEVEL_LABELS: Record<CongressLevel, LocalizedText> = {
  national: { zh: '全国', en: 'National' },
  province: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  district: { zh: '区级', en: 'District' },
  township: { zh: '乡镇级', en: 'Township' },
};

/** Maximum rows in one Excel import. */
export const IMPORT_MAX_ROWS = 5000;
