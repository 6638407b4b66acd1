// Records a complaint (申诉) against a district's published voter list (选举法 Art. 29): filed within 5 days
// of the list's publication — before it or later is refused with the dates — and to be decided within 3.
import { and, eq } from 'drizzle-orm';
import { shanghaiDate } from '@minyi/domain/calendar';
import { complaintDeadline, complaintDecisionDue, complaintFilingProblem } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionComplaints, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { districtOfElection, loadElectionStep, notAfterToday } from '../elections.repository';

export interface FileComplaint {
  districtId: string;
  voterId?: string;
  complainant: string;
  subject: string;
  filedOn: string;
}

export function fileComplaint(ctx: Ctx, electionId: string, input: FileComplaint) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'fileComplaint',
    load: (w, actor) => loadElectionStep(w, actor, electionId),
    async write({ w, row: election }) {
      notAfterToday('filedOn', input.filedOn, shanghaiDate(new Date()));
      const district = await districtOfElection(w.db, election.id, input.districtId);
      if (input.voterId) {
        const [voter] = await w.db
          .select({ id: electionVoters.id })
          .from(electionVoters)
          .where(and(eq(electionVoters.id, input.voterId), eq(electionVoters.districtId, district.id)));
        if (!voter)
          throw invalidField('voterId', '不是该选区登记的选民', 'not a voter of that district', 'not_found');
      }
      const published = district.voterListPublishedOn;
      const problem = complaintFilingProblem(published, input.filedOn);
      if (problem === 'notPublished')
        throw conflict('list_not_published', {
          zh: '该选区的选民名单尚未公布',
          en: "The district's voter list is not published yet",
        });
      if (problem === 'beforePublication')
        throw invalidField(
          'filedOn',
          `申诉日期早于名单公布日（${published}）`,
          `the complaint is dated before the list was published (${published})`,
        );
      if (problem === 'late') {
        const last = complaintDeadline(published!);
        throw conflict(
          'complaint_late',
          {
            zh: `申诉应在选民名单公布之日起五日内提出（选举法第二十九条），本选区截至${last}`,
            en: `Complaints are filed within 5 days of the list's publication (Election Law Art. 29); this district's closed on ${last}`,
          },
          { publishedOn: published, complaintsDue: last },
        );
      }
      const row = {
        id: newId(),
        congressId: election.congressId,
        electionId: election.id,
        districtId: district.id,
        voterId: input.voterId ?? null,
        complainant: input.complainant,
        subject: input.subject,
        filedOn: input.filedOn,
      };
      await w.db.insert(electionComplaints).values(row);
      return {
        result: { id: row.id, decisionDue: complaintDecisionDue(input.filedOn) },
        audit: {
          action: 'election.fileComplaint',
          entityType: 'electionComplaint',
          entityId: row.id,
          congressId: election.congressId,
          after: row,
        },
      };
    },
  });
}
