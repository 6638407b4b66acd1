// Records the day a district's voter list was published (选举法 Art. 28: 选举日的二十日以前公布); the complaint
// window of 5 days counts from it (Art. 29). Published once; a list with no voter listed is refused.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { complaintDeadline } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { step } from '../../../platform/step';
import { electionDistricts, electionVoters } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep, notAfterToday } from '../elections.repository';

export function publishVoterList(ctx: Ctx, electionId: string, districtId: string, publishedOn: string) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'publishVoterList',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      notAfterToday('publishedOn', publishedOn, shanghaiDate(new Date()));
      if (district.voterListPublishedOn)
        throw conflict('list_published', {
          zh: `该选区的选民名单已于${district.voterListPublishedOn}公布`,
          en: `The district's voter list was already published on ${district.voterListPublishedOn}`,
        });
      const [{ n }] = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(electionVoters)
        .where(and(eq(electionVoters.districtId, district.id), isNull(electionVoters.exclusion)));
      if (n === 0)
        throw conflict('no_voters', {
          zh: '该选区没有登记的选民，不能公布名单',
          en: 'The district has no registered voter; there is no list to publish',
        });
      await w.db
        .update(electionDistricts)
        .set({ voterListPublishedOn: publishedOn })
        .where(eq(electionDistricts.id, district.id));
      const result = {
        id: district.id,
        publishedOn,
        voters: n,
        complaintsDue: complaintDeadline(publishedOn),
      };
      return {
        result,
        audit: {
          action: 'election.publishVoterList',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: result,
        },
      };
    },
  });
}
