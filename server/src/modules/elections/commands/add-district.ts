// An electoral district of an election, electing 1 to 3 deputies (选举法 Art. 25; the schema refuses others),
// by residence or by work unit, with its population for the population per deputy.
import { and, eq } from 'drizzle-orm';
import type { CreateDistrict } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionDistricts } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { loadElectionStep } from '../elections.repository';

export function addDistrict(ctx: Ctx, electionId: string, input: CreateDistrict) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'addDistrict',
    load: (w, actor) => loadElectionStep(w, actor, electionId),
    async write({ w, row: election }) {
      const [taken] = await w.db
        .select({ id: electionDistricts.id })
        .from(electionDistricts)
        .where(and(eq(electionDistricts.electionId, election.id), eq(electionDistricts.name, input.name)));
      if (taken)
        throw conflict(
          'district_name_taken',
          {
            zh: `本次选举已有选区“${input.name}”`,
            en: `The election already has a district "${input.name}"`,
          },
          { districtId: taken.id },
        );
      const row = {
        id: newId(),
        congressId: election.congressId,
        electionId: election.id,
        name: input.name,
        seats: input.seats,
        kind: input.kind,
        population: input.population ?? null,
      };
      await w.db.insert(electionDistricts).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'election.addDistrict',
          entityType: 'electionDistrict',
          entityId: row.id,
          congressId: row.congressId,
          after: row,
        },
      };
    },
  });
}
