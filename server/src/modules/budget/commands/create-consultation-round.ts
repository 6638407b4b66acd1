// A consultation round on the draft in one area (预算草案预先见代表, 预算法 Art. 45: the congress organises deputies
// to hear voters' opinions on the draft): the streets it covers, when and where, the readable summary given, and
// the deputies and voter representatives invited. A deputy is named from the registry.
import type { CreateConsultationRound } from '@minyi/domain/budget';
import type { Ctx } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { getDeputy, getStreet } from '../../registry';
import { budgetConsultationInvitees, budgetConsultationRounds } from '../budget.table';
import { budgetPolicy } from '../budget.policy';
import { loadBudgetStep } from '../budget.repository';

export function createConsultationRound(ctx: Ctx, budgetId: string, input: CreateConsultationRound) {
  return step(ctx, {
    policy: budgetPolicy,
    action: 'createConsultationRound',
    load: (w, actor) => loadBudgetStep(w, actor, budgetId),
    async write({ w, row: budget, actor }) {
      for (const [i, id] of input.streetIds.entries())
        if (!(await getStreet(w.db, budget.congressId, id)))
          throw invalidField(`streetIds.${i}`, '未知的街道', 'unknown street');
      const roundId = newId();
      const seen = new Set<string>();
      const invitees = [];
      for (const [i, inv] of input.invitees.entries()) {
        let name = inv.name;
        let organization = inv.organization;
        if (inv.kind === 'deputy') {
          if (!inv.deputyId) throw invalidField(`invitees.${i}.deputyId`, '请选择代表', 'choose the deputy');
          const d = await getDeputy(w.db, budget.congressId, inv.deputyId);
          if (!d) throw invalidField(`invitees.${i}.deputyId`, '未知的代表', 'unknown deputy');
          if (seen.has(d.id))
            throw invalidField(
              `invitees.${i}.deputyId`,
              '该代表已在邀请名单中',
              'that deputy is invited twice',
            );
          seen.add(d.id);
          name = d.name;
          organization ||= d.organization;
        } else {
          if (inv.deputyId)
            throw invalidField(
              `invitees.${i}.deputyId`,
              '选民代表不关联代表身份',
              'a voter representative is not a deputy',
            );
          if (!name) throw invalidField(`invitees.${i}.name`, '请填写姓名', 'the name is missing');
        }
        invitees.push({
          id: newId(),
          congressId: budget.congressId,
          roundId,
          kind: inv.kind,
          deputyId: inv.kind === 'deputy' ? inv.deputyId! : null,
          name,
          organization,
        });
      }
      const round = {
        id: roundId,
        congressId: budget.congressId,
        budgetId: budget.id,
        area: input.area,
        streetIds: input.streetIds,
        heldOn: input.heldOn,
        place: input.place,
        material: input.material,
        createdBy: actor.accountId,
      };
      await w.db.insert(budgetConsultationRounds).values(round);
      await w.db.insert(budgetConsultationInvitees).values(invitees);
      return {
        result: { id: roundId },
        audit: {
          action: 'budget.createConsultationRound',
          entityType: 'budgetConsultationRound',
          entityId: roundId,
          after: { ...round, invitees: invitees.map((i) => ({ kind: i.kind, name: i.name })) },
        },
      };
    },
  });
}
