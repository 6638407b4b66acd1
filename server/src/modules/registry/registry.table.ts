// Drizzle definitions of the registry (0100_registry.sql and 0101 are the truth; the drift test compares them).
import {
  boolean,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The district's streets and communities (and the levels above), the registry's entity. Created by migration
 * 0001_platform.sql (applied, so it stays there); defined here, with the registry it belongs to.
 */
export const jurisdictions = pgTable('jurisdictions', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  parentId: uuid('parent_id'),
  level: text('level').$type<'province' | 'city' | 'district' | 'street' | 'community'>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  code: text('code').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const terms = pgTable('terms', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  number: integer('number').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
});

export const sittings = pgTable('sittings', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  termId: uuid('term_id').notNull(),
  number: integer('number').notNull(),
  startDate: day('start_date').notNull(),
  endDate: day('end_date').notNull(),
  status: text('status').$type<'planned' | 'inSession' | 'closed'>().notNull().default('planned'),
});

export const electoralDistricts = pgTable('electoral_districts', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  streetId: uuid('street_id').notNull(),
  name: text('name').notNull(),
  seats: integer('seats').notNull(),
  voterCount: integer('voter_count'),
});

export const workingCommittees = pgTable('working_committees', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').$type<'workingCommittee' | 'streetWorkingCommittee'>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  streetId: uuid('street_id'),
  description: text('description').notNull().default(''),
});

export const liaisonPlaces = pgTable('liaison_places', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  kind: text('kind').$type<'home' | 'station' | 'point'>().notNull(),
  name: text('name').notNull(),
  sector: text('sector'),
  streetId: uuid('street_id').notNull(),
  communityId: uuid('community_id'),
  address: text('address').notNull().default(''),
  openingHours: text('opening_hours').notNull().default(''),
  phone: text('phone').notNull().default(''),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const deputies = pgTable('deputies', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  name: text('name').notNull(),
  gender: text('gender').$type<'male' | 'female'>().notNull(),
  birthDate: day('birth_date'),
  ethnicity: text('ethnicity').notNull().default('汉族'),
  party: text('party').notNull().default(''),
  occupation: text('occupation').notNull().default(''),
  organization: text('organization').notNull().default(''),
  phoneEnc: text('phone_enc'),
  phoneIndex: text('phone_index'),
  idNumberEnc: text('id_number_enc'),
  idNumberIndex: text('id_number_index'),
  addressEnc: text('address_enc'),
  bio: text('bio').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const mandates = pgTable('mandates', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  deputyId: uuid('deputy_id').notNull(),
  level: text('level').$type<'national' | 'province' | 'city' | 'district' | 'township'>().notNull(),
  termId: uuid('term_id'),
  delegation: text('delegation').notNull().default(''),
  deputyGroup: text('deputy_group').notNull().default(''),
  electoralDistrictId: uuid('electoral_district_id'),
  streetId: uuid('street_id'),
  liaisonPlaceId: uuid('liaison_place_id'),
  status: text('status').$type<'active' | 'suspended' | 'terminated'>().notNull().default('active'),
  statusReason: text('status_reason').notNull().default(''),
  statusDate: day('status_date'),
  startedOn: day('started_on'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const liaisonPlaceDeputies = pgTable(
  'liaison_place_deputies',
  {
    congressId: uuid('congress_id').notNull(),
    liaisonPlaceId: uuid('liaison_place_id').notNull(),
    deputyId: uuid('deputy_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.liaisonPlaceId, t.deputyId] })],
);

export const committeeMembers = pgTable('committee_members', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  // The chairpersons' meeting is computed from the standing committee's offices (0101), never stored.
  body: text('body').$type<'standingCommittee' | 'workingCommittee'>().notNull(),
  workingCommitteeId: uuid('working_committee_id'),
  deputyId: uuid('deputy_id').notNull(),
  termId: uuid('term_id'),
  position: text('position')
    .$type<'chair' | 'viceChair' | 'secretaryGeneral' | 'director' | 'member'>()
    .notNull()
    .default('member'),
  startedOn: day('started_on'),
  endedOn: day('ended_on'),
});

export const handlingUnits = pgTable('handling_units', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  kind: text('kind')
    .$type<
      'governmentDepartment' | 'streetOffice' | 'court' | 'procuratorate' | 'supervisionCommission' | 'other'
    >()
    .notNull(),
  categories: text('categories').array().notNull().default([]),
  streetId: uuid('street_id'),
  contactName: text('contact_name').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
