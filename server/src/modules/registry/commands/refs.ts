// Checks that a referenced record exists in the same congress; a 400 naming the field otherwise.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { invalidField } from '../../../platform/errors';
import {
  deputies,
  electoralDistricts,
  liaisonPlaces,
  terms,
  workingCommittees,
  jurisdictions,
} from '../registry.table';
import type { Pii } from '../../../platform/pii';

const tables = { electoralDistricts, liaisonPlaces, terms, workingCommittees, deputies } as const;

export async function ensureRef(
  db: Db,
  kind: keyof typeof tables,
  congressId: string,
  id: string | null | undefined,
  field: string,
) {
  if (!id) return null;
  const t = tables[kind];
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.congressId, congressId), eq(t.id, id)));
  if (!row)
    throw invalidField(
      field,
      '不存在或不属于本级人大',
      'does not exist in this congress',
      'unknown_reference',
    );
  return row.id;
}

export async function ensureJurisdiction(
  db: Db,
  congressId: string,
  id: string | null | undefined,
  field: string,
  level?: string,
) {
  if (!id) return null;
  const [row] = await db
    .select({ id: jurisdictions.id, level: jurisdictions.level })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.congressId, congressId), eq(jurisdictions.id, id)));
  if (!row || (level && row.level !== level)) {
    throw invalidField(
      field,
      level === 'street' ? '不是本区的街道' : '行政区划不存在',
      level ? `is not a ${level} of this congress` : 'does not exist in this congress',
      'unknown_reference',
    );
  }
  return row;
}

/** Encrypted columns and blind indexes for the personal fields given (undefined = unchanged, '' = cleared). */
export function sealPersonal(
  pii: Pii,
  input: { phone?: string | null; idNumber?: string | null; address?: string | null },
) {
  const out: Partial<
    Record<'phoneEnc' | 'phoneIndex' | 'idNumberEnc' | 'idNumberIndex' | 'addressEnc', string | null>
  > = {};
  if (input.phone !== undefined) {
    out.phoneEnc = input.phone ? pii.encrypt(input.phone) : null;
    out.phoneIndex = input.phone ? pii.index('phone', input.phone) : null;
  }
  if (input.idNumber !== undefined) {
    const v = input.idNumber ? input.idNumber.toUpperCase() : null;
    out.idNumberEnc = v ? pii.encrypt(v) : null;
    out.idNumberIndex = v ? pii.index('idNumber', v) : null;
  }
  if (input.address !== undefined) out.addressEnc = input.address ? pii.encrypt(input.address) : null;
  return out;
}

/** Audit rows never carry personal data in clear: only that it changed. */
export function auditSafe<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (/Enc$|Index$/.test(k)) continue;
    if (k === 'phone' || k === 'idNumber' || k === 'address') out[k] = v ? '(set)' : v;
    else out[k] = v;
  }
  return out;
}
