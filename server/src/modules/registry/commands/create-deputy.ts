// Registers a deputy (the person; mandates are added separately). Personal data is sealed at rest.
import { and, eq } from 'drizzle-orm';
import type { CreateDeputy } from '@minyi/domain/registry';
import { transact, type Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { deputies } from '../registry.table';
import { auditSafe, sealPersonal } from './refs';
import type { Db } from '../../../db/client';
import type { Pii } from '../../../platform/pii';

export async function ensureIdNumberFree(
  db: Db,
  pii: Pii,
  congressId: string,
  idNumber: string | undefined | null,
  exceptId?: string,
) {
  if (!idNumber) return;
  const [other] = await db
    .select({ id: deputies.id })
    .from(deputies)
    .where(
      and(
        eq(deputies.congressId, congressId),
        eq(deputies.idNumberIndex, pii.index('idNumber', idNumber.toUpperCase())),
      ),
    );
  if (other && other.id !== exceptId) {
    throw conflict(
      'deputy_exists',
      { zh: '已有相同身份证号码的代表', en: 'A deputy with this ID number already exists' },
      { deputyId: other.id },
    );
  }
}

export function deputyValues(pii: Pii, input: CreateDeputy) {
  return {
    name: input.name,
    gender: input.gender,
    birthDate: input.birthDate ?? null,
    ethnicity: input.ethnicity || '汉族',
    party: input.party ?? '',
    occupation: input.occupation ?? '',
    organization: input.organization ?? '',
    bio: input.bio ?? '',
    ...sealPersonal(pii, {
      phone: input.phone ?? null,
      idNumber: input.idNumber ?? null,
      address: input.address ?? null,
    }),
  };
}

export async function createDeputy(ctx: Ctx, congressId: string, input: CreateDeputy): Promise<string> {
  const { pii } = ctx.app;
  return transact(ctx, async (w) => {
    await ensureIdNumberFree(w.db, pii, congressId, input.idNumber);
    const id = newId();
    await w.db.insert(deputies).values({ id, congressId, ...deputyValues(pii, input) });
    await w.audit({
      action: 'deputy.create',
      entityType: 'deputy',
      entityId: id,
      after: auditSafe({ ...input }),
    });
    return id;
  });
}
