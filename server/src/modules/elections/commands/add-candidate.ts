// A nominee of a district (选举法 Art. 30), refused once the nominees are published or the list confirmed. A
// nomination names who nominated: a party or people's organisation, which nominates no more than the district's
// seats; or 10 or more voters jointly, each found in the district's register by the blind index of the ID number
// given (listed, not excluded) and none joining more nominations than the seats. `{ name }` alone enters a
// candidate without its nomination (a past election entered afterwards).
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import {
  idNumberProblem,
  mayNominateAnother,
  nominationProblem,
  type AddCandidate,
} from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionCandidates, electionNominators, electionVoters } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep } from '../elections.repository';

/** The form of the nomination (400 naming the field), after the caller's role is checked. */
function checkForm(input: AddCandidate): string[] {
  const ids = input.nominatorIdNumbers ?? [];
  if (!input.nominatedBy) {
    if (input.nominator || ids.length)
      throw invalidField('nominatedBy', '请注明推荐方式', 'say who nominated (nominatedBy)', 'required');
    return [];
  }
  if (input.nominatedBy !== 'voters' && ids.length)
    throw invalidField(
      'nominatorIdNumbers',
      '政党、人民团体推荐不需要选民名单',
      'a party or organisation nomination lists no voters',
    );
  const normalized = ids.map((id) => id.trim().toUpperCase());
  const bad = normalized.findIndex((id) => idNumberProblem(id) !== null);
  if (bad >= 0)
    throw invalidField(
      'nominatorIdNumbers',
      `第${bad + 1}个推荐人的身份证号码有误`,
      `the ID number of nominator ${bad + 1} is not valid`,
    );
  const distinct = [...new Set(normalized)];
  const problem = nominationProblem(input.nominatedBy, input.nominator, distinct.length);
  if (problem === 'tooFewNominators')
    throw invalidField(
      'nominatorIdNumbers',
      `选民联名推荐须有十人以上（选举法第三十条），现有${distinct.length}人`,
      `a joint nomination needs 10 or more voters (Election Law Art. 30); there are ${distinct.length}`,
      'too_few',
    );
  if (problem === 'nominatorMissing')
    throw invalidField(
      'nominator',
      '请填写推荐的政党或人民团体',
      'name the nominating party or organisation',
      'required',
    );
  if (problem === 'nominatorNamed')
    throw invalidField(
      'nominator',
      '选民联名推荐不填写推荐单位',
      'a joint nomination by voters names no organisation',
    );
  return distinct;
}

export function addCandidate(ctx: Ctx, electionId: string, districtId: string, input: AddCandidate) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'addCandidate',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      const idNumbers = checkForm(input);
      if (district.candidatesConfirmedOn)
        throw conflict('list_confirmed', {
          zh: '该选区的正式候选人名单已确定，不能再增加候选人',
          en: "The district's official candidate list is confirmed; no candidate can be added",
        });
      if (district.nomineesPublishedOn)
        throw conflict('nominees_published', {
          zh: `该选区的代表候选人名单已于${district.nomineesPublishedOn}公布，推荐已截止`,
          en: `The district's nominees were published on ${district.nomineesPublishedOn}; nominations are closed`,
        });
      const limit = {
        zh: `每一推荐者推荐的代表候选人不得超过本选区应选名额${district.seats}名（选举法第三十条）`,
        en: `No nominator may nominate more than the district's ${district.seats} seat(s) (Election Law Art. 30)`,
      };
      let nominators: { id: string; name: string; index: string }[] = [];
      if (input.nominatedBy === 'party' || input.nominatedBy === 'organisation') {
        const [{ n }] = await w.db
          .select({ n: count() })
          .from(electionCandidates)
          .where(
            and(
              eq(electionCandidates.districtId, district.id),
              eq(electionCandidates.nominatedBy, input.nominatedBy),
              eq(electionCandidates.nominator, input.nominator!),
            ),
          );
        if (!mayNominateAnother(n, district.seats))
          throw conflict('nominator_limit', limit, { nominated: n, seats: district.seats });
      } else if (input.nominatedBy === 'voters') {
        const indexes = idNumbers.map((id) => ctx.app.pii.index('idNumber', id));
        nominators = await w.db
          .select({ id: electionVoters.id, name: electionVoters.name, index: electionVoters.idNumberIndex })
          .from(electionVoters)
          .where(
            and(
              eq(electionVoters.districtId, district.id),
              inArray(electionVoters.idNumberIndex, indexes),
              isNull(electionVoters.exclusion),
            ),
          );
        if (nominators.length < indexes.length) {
          const found = new Set(nominators.map((v) => v.index));
          const missing = indexes.flatMap((ix, i) => (found.has(ix) ? [] : [i + 1]));
          throw invalidField(
            'nominatorIdNumbers',
            `第${missing.join('、')}个推荐人不是本选区登记的选民`,
            `nominator(s) ${missing.join(', ')} are not voters listed in this district`,
            'not_registered',
          );
        }
        const joined = await w.db
          .select({ voterId: electionNominators.voterId, n: count() })
          .from(electionNominators)
          .where(
            inArray(
              electionNominators.voterId,
              nominators.map((v) => v.id),
            ),
          )
          .groupBy(electionNominators.voterId);
        const over = joined.filter((j) => !mayNominateAnother(j.n, district.seats));
        if (over.length) {
          const names = nominators.filter((v) => over.some((o) => o.voterId === v.id)).map((v) => v.name);
          throw conflict(
            'nominator_limit',
            {
              zh: `${names.join('、')}已联名推荐${district.seats}名候选人；${limit.zh}`,
              en: `${names.join(', ')} already joined ${district.seats} nomination(s); ${limit.en}`,
            },
            { voters: names, seats: district.seats },
          );
        }
      }
      const [{ n }] = await w.db
        .select({ n: count() })
        .from(electionCandidates)
        .where(eq(electionCandidates.districtId, district.id));
      const row = {
        id: newId(),
        congressId: district.congressId,
        electionId: district.electionId,
        districtId: district.id,
        name: input.name,
        position: n + 1,
        nominatedBy: input.nominatedBy ?? null,
        nominator: input.nominatedBy === 'voters' ? null : (input.nominator ?? null),
        profile: input.profile || null,
      };
      await w.db.insert(electionCandidates).values(row);
      if (nominators.length)
        await w.db.insert(electionNominators).values(
          nominators.map((v) => ({
            candidateId: row.id,
            voterId: v.id,
            congressId: district.congressId,
            districtId: district.id,
          })),
        );
      return {
        result: { id: row.id },
        audit: {
          action: 'election.addCandidate',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: {
            candidateId: row.id,
            name: row.name,
            nominatedBy: row.nominatedBy,
            nominator: row.nominator,
            nominators: nominators.length || undefined,
          },
        },
      };
    },
  });
}
