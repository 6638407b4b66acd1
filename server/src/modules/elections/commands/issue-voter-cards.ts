// Issues voter cards (选民证) to every listed voter of a district who has none: one number per voter, the
// district's number in the election and a running number ("03-00127"), in voter group and name order.
// Excluded voters get none; numbers already issued are kept.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { voterCardNumber } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { step } from '../../../platform/step';
import { electionDistricts, electionVoters } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep, notAfterToday } from '../elections.repository';

export function issueVoterCards(ctx: Ctx, electionId: string, districtId: string, issuedOn: string) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'issueVoterCards',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      notAfterToday('issuedOn', issuedOn, shanghaiDate(new Date()));
      const order = await w.db
        .select({ id: electionDistricts.id })
        .from(electionDistricts)
        .where(eq(electionDistricts.electionId, district.electionId))
        .orderBy(asc(electionDistricts.createdAt), asc(electionDistricts.id));
      const no = order.findIndex((d) => d.id === district.id) + 1;
      const pending = await w.db
        .select({ id: electionVoters.id })
        .from(electionVoters)
        .where(
          and(
            eq(electionVoters.districtId, district.id),
            isNull(electionVoters.exclusion),
            isNull(electionVoters.voterCardNo),
          ),
        )
        .orderBy(asc(electionVoters.groupName), asc(electionVoters.name), asc(electionVoters.id));
      // Numbers continue after the highest issued in the district (a card withdrawn on transfer is not reused).
      const prefix = `${voterCardNumber(no, 0).split('-')[0]}-`;
      const [{ top }] = await w.db
        .select({
          top: sql<number>`coalesce(max(substr(${electionVoters.voterCardNo}, ${prefix.length + 1})::int), 0)::int`,
        })
        .from(electionVoters)
        .where(
          and(
            eq(electionVoters.electionId, district.electionId),
            sql`starts_with(${electionVoters.voterCardNo}, ${prefix})`,
          ),
        );
      for (let i = 0; i < pending.length; i += 2000) {
        const cards = pending
          .slice(i, i + 2000)
          .map((p, j) => ({ id: p.id, no: voterCardNumber(no, top + i + j + 1) }));
        await w.db.execute(sql`
          UPDATE election_voters v SET voter_card_no = c.no, voter_card_issued_on = ${issuedOn}::date
          FROM jsonb_to_recordset(${JSON.stringify(cards)}::jsonb) AS c(id uuid, no text)
          WHERE v.id = c.id`);
      }
      const result = { districtId: district.id, issued: pending.length, issuedOn };
      return {
        result,
        audit: {
          action: 'election.issueVoterCards',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: {
            ...result,
            first: pending.length ? voterCardNumber(no, top + 1) : null,
            last: pending.length ? voterCardNumber(no, top + pending.length) : null,
          },
        },
      };
    },
  });
}
