// Records a proxy entrustment the election committee consented to (选举法 Art. 42): both voters registered in
// the election, the voter away entrusting only once, and the proxy accepting at most 3 — the fourth is refused
// with the article. The proxy's registration is locked so two approvals at once cannot make a fourth.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ELECTION_RULES, mayAcceptEntrustment } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict, invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionProxies, electionVoters } from '../elections.table';
import { electionPolicy } from '../elections.policy';
import { loadElectionStep } from '../elections.repository';

export function approveProxy(ctx: Ctx, electionId: string, input: { voterId: string; proxyVoterId: string }) {
  return step(ctx, {
    policy: electionPolicy,
    action: 'approveProxy',
    load: (w, actor) => loadElectionStep(w, actor, electionId),
    async write({ w, row: election }) {
      if (input.voterId === input.proxyVoterId)
        throw invalidField('proxyVoterId', '选民不能委托自己', 'a voter cannot entrust themselves');
      const voters = await w.db
        .select({ id: electionVoters.id, name: electionVoters.name })
        .from(electionVoters)
        .where(
          and(
            eq(electionVoters.electionId, election.id),
            inArray(electionVoters.id, [input.voterId, input.proxyVoterId]),
          ),
        )
        .for('update');
      const voter = voters.find((v) => v.id === input.voterId);
      const proxy = voters.find((v) => v.id === input.proxyVoterId);
      if (!voter)
        throw invalidField('voterId', '不是本次选举登记的选民', 'not a voter of this election', 'not_found');
      if (!proxy)
        throw invalidField(
          'proxyVoterId',
          '不是本次选举登记的选民',
          'not a voter of this election',
          'not_found',
        );
      const [given] = await w.db
        .select({ id: electionProxies.id })
        .from(electionProxies)
        .where(eq(electionProxies.voterId, voter.id));
      if (given)
        throw conflict('already_entrusted', {
          zh: `${voter.name}已委托他人投票`,
          en: `${voter.name} has already entrusted someone`,
        });
      const [{ n }] = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(electionProxies)
        .where(eq(electionProxies.proxyVoterId, proxy.id));
      if (!mayAcceptEntrustment(n))
        throw conflict(
          'proxy_limit',
          {
            zh: `${proxy.name}已接受${n}人委托；每一选民接受的委托不得超过${ELECTION_RULES.maxEntrustmentsAccepted}人（选举法第四十二条）`,
            en: `${proxy.name} already holds ${n} entrustments; a voter may accept at most ${ELECTION_RULES.maxEntrustmentsAccepted} (Election Law Art. 42)`,
          },
          { accepted: n, max: ELECTION_RULES.maxEntrustmentsAccepted },
        );
      const row = {
        id: newId(),
        congressId: election.congressId,
        electionId: election.id,
        voterId: voter.id,
        proxyVoterId: proxy.id,
      };
      await w.db.insert(electionProxies).values(row);
      return {
        result: { id: row.id, accepted: n + 1 },
        audit: {
          action: 'election.approveProxy',
          entityType: 'election',
          entityId: election.id,
          congressId: election.congressId,
          after: row,
        },
      };
    },
  });
}
