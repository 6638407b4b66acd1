// Reveals one of a deputy's personal data fields in clear, as a deliberate act: allowed by the registry policy
// per field (REVEAL_ACTION), written to the audit trail (who revealed which field of whom) in the same step;
// a refused reveal writes nothing.
import { and, eq } from 'drizzle-orm';
import { step } from '../../../platform/step';
import type { Ctx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { deputies } from '../registry.table';
import { REVEAL_ACTION, personalDataPolicy, type PersonalDataField } from '../registry.policy';

const SEALED = {
  phone: deputies.phoneEnc,
  idNumber: deputies.idNumberEnc,
  address: deputies.addressEnc,
} as const;

export function revealDeputyPersonalData(ctx: Ctx, congressId: string, id: string, field: PersonalDataField) {
  return step(ctx, {
    policy: personalDataPolicy,
    action: REVEAL_ACTION[field],
    load: async (w) => {
      const [row] = await w.db
        .select({ id: deputies.id, sealed: SEALED[field] })
        .from(deputies)
        .where(and(eq(deputies.congressId, congressId), eq(deputies.id, id)));
      if (!row) throw notFound({ zh: '代表', en: 'deputy' });
      return { row, resource: { congressId } };
    },
    write: async ({ row }) => ({
      result: { field, value: row.sealed === null ? null : ctx.app.pii.decrypt(row.sealed) },
      audit: {
        action: 'deputy.revealPersonalData',
        entityType: 'deputy',
        entityId: row.id,
        after: { field },
      },
    }),
  });
}
