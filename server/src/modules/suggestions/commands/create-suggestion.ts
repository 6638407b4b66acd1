// A deputy drafts or submits a suggestion; with co-signers it waits for each to confirm before it is numbered.
import { and, eq, inArray } from 'drizzle-orm';
import { endOfShanghaiDay, shanghaiDate } from '@minyi/domain/calendar';
import { assignDueDate, type CreateSuggestionInput } from '@minyi/domain/suggestions';
import { requireRole } from '../../../platform/access';
import { transact, type AppServices, type Ctx, type Work } from '../../../platform/context';
import { invalidField } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { files } from '../../../platform/platform.table';
import { deputies } from '../../registry';
import {
  accountIdsForDeputies,
  nextNumber,
  readSuggestionSettings,
  searchTextOf,
  storeSuggestionItems,
} from '../suggestions.repository';
import {
  suggestionAttachments,
  suggestionCosigners,
  suggestions,
  type SuggestionRow,
} from '../suggestions.table';

export interface NewSuggestion extends CreateSuggestionInput {
  congressId: string;
  proposerDeputyId: string;
  opinionId?: string | null;
  motionId?: string | null;
  /** Co-signers already agreed elsewhere (a motion's signers): no confirmation round. */
  cosignersConfirmed?: boolean;
  /** The account submitting: attachments must be files it uploaded itself (not any file id of the congress). */
  uploaderAccountId?: string;
}

/** Numbers a suggestion that has just become `submitted` and sets its assignment due date. */
export async function numberSubmitted(
  app: AppServices,
  w: Work,
  row: SuggestionRow,
): Promise<Partial<SuggestionRow>> {
  const n = await nextNumber(w.db, row.congressId, 'suggestion');
  const settings = await readSuggestionSettings(w.db, row.congressId);
  const now = new Date();
  const due = assignDueDate(
    shanghaiDate(now),
    settings,
    await w.app.calendar.exceptions(row.congressId, w.db),
  );
  return {
    number: row.number ?? n.number,
    seq: row.seq ?? n.seq,
    termId: row.termId ?? n.termId,
    sittingId: row.sittingId ?? n.sittingId,
    submittedAt: now,
    assignDueAt: endOfShanghaiDay(due),
  };
}

/** The co-signers asked for, without repeats: deputies of the congress, never the proposer (400 otherwise). */
export async function checkCosigners(
  w: Work,
  congressId: string,
  proposerDeputyId: string,
  ids: readonly string[] | undefined,
): Promise<string[]> {
  const cosignerIds = [...new Set(ids ?? [])];
  if (cosignerIds.includes(proposerDeputyId)) {
    throw invalidField('cosignerIds', '领衔代表不能同时联名', 'the proposer cannot also co-sign');
  }
  if (cosignerIds.length) {
    const found = await w.db
      .select({ id: deputies.id })
      .from(deputies)
      .where(and(eq(deputies.congressId, congressId), inArray(deputies.id, cosignerIds)));
    if (found.length !== cosignerIds.length)
      throw invalidField('cosignerIds', '联名代表不存在', 'unknown co-signing deputy');
  }
  return cosignerIds;
}

/** The attachments, without repeats: files of the congress, uploaded by the submitting account when named. */
export async function checkAttachments(
  w: Work,
  congressId: string,
  ids: readonly string[] | undefined,
  uploaderAccountId: string | undefined,
): Promise<string[]> {
  const attachmentIds = [...new Set(ids ?? [])];
  if (attachmentIds.length) {
    const found = await w.db
      .select({ id: files.id })
      .from(files)
      .where(
        and(
          eq(files.congressId, congressId),
          inArray(files.id, attachmentIds),
          uploaderAccountId ? eq(files.uploadedBy, uploaderAccountId) : undefined,
        ),
      );
    if (found.length !== attachmentIds.length)
      throw invalidField('attachmentIds', '附件不存在', 'unknown attachment');
  }
  return attachmentIds;
}

/** Asks each co-signer to confirm (a notice with the link to the suggestion). */
export async function askCosigners(
  app: AppServices,
  w: Work,
  row: Pick<SuggestionRow, 'id' | 'congressId' | 'title'>,
  cosignerIds: string[],
): Promise<void> {
  const accountIds = await accountIdsForDeputies(w.db, row.congressId, cosignerIds);
  if (!accountIds.length) return;
  await app.notifier.notify(w.db, {
    congressId: row.congressId,
    accountIds,
    kind: 'suggestion.cosign',
    title: { zh: '联名确认', en: 'Co-signing requested' },
    body: { zh: `请确认是否联名：${row.title}`, en: `Please confirm co-signing: ${row.title}` },
    link: `/suggestions/${row.id}`,
  });
}

export async function createSuggestion(
  app: AppServices,
  w: Work,
  input: NewSuggestion,
): Promise<SuggestionRow> {
  const settings = await readSuggestionSettings(w.db, input.congressId);
  // A draft may leave its category (and content) for later; once given, or on submission, it must be known.
  if (
    (!input.draft || input.category) &&
    !settings.suggestionCategories.some((c) => c.code === input.category)
  ) {
    throw invalidField('category', '未知的建议类别', 'unknown suggestion category');
  }
  const cosignerIds = await checkCosigners(w, input.congressId, input.proposerDeputyId, input.cosignerIds);
  const attachmentIds = await checkAttachments(
    w,
    input.congressId,
    input.attachmentIds,
    input.uploaderAccountId,
  );

  const pending = cosignerIds.length > 0 && !input.cosignersConfirmed;
  const status = input.draft ? 'draft' : pending ? 'awaitingCosigners' : 'submitted';
  const id = newId();
  const [inserted] = await w.db
    .insert(suggestions)
    .values({
      id,
      congressId: input.congressId,
      proposerDeputyId: input.proposerDeputyId,
      title: input.title,
      content: input.content ?? '',
      category: input.category ?? '',
      searchText: searchTextOf(input.title, input.content ?? ''),
      status,
      opinionId: input.opinionId ?? null,
      motionId: input.motionId ?? null,
      // Stored once the row is complete (numbered), below.
      listItem: '',
    })
    .returning();
  if (cosignerIds.length) {
    await w.db.insert(suggestionCosigners).values(
      cosignerIds.map((deputyId) => ({
        congressId: input.congressId,
        suggestionId: id,
        deputyId,
        status: input.cosignersConfirmed ? ('confirmed' as const) : ('pending' as const),
        decidedAt: input.cosignersConfirmed ? new Date() : null,
      })),
    );
  }
  if (attachmentIds.length) {
    await w.db
      .insert(suggestionAttachments)
      .values(attachmentIds.map((fileId) => ({ congressId: input.congressId, suggestionId: id, fileId })));
  }
  let row = inserted;
  if (status === 'submitted') {
    const [numbered] = await w.db
      .update(suggestions)
      .set(await numberSubmitted(app, w, row))
      .where(eq(suggestions.id, id))
      .returning();
    row = numbered;
  }
  if (status === 'awaitingCosigners') await askCosigners(app, w, row, cosignerIds);
  await w.audit({
    action:
      status === 'draft'
        ? 'suggestion.create'
        : status === 'submitted'
          ? 'suggestion.submit'
          : 'suggestion.requestCosigners',
    entityType: 'suggestion',
    entityId: id,
    congressId: input.congressId,
    after: {
      status,
      number: row.number,
      title: row.title,
      cosignerIds,
      opinionId: row.opinionId,
      motionId: row.motionId,
    },
  });
  await storeSuggestionItems(w.db, [id]);
  return row;
}

/** The use case of POST /suggestions: the signed-in deputy drafts or submits a suggestion of their own. */
export function proposeSuggestion(ctx: Ctx, body: CreateSuggestionInput): Promise<SuggestionRow> {
  const actor = requireRole(ctx.actor, ['deputy']);
  if (!actor.deputyId)
    throw invalidField(
      'deputyId',
      '账号未关联代表',
      'the account is not linked to a deputy',
      'invalid',
      'headers',
    );
  return transact(ctx, (w) =>
    createSuggestion(ctx.app, w, {
      ...body,
      congressId: actor.congressId,
      proposerDeputyId: actor.deputyId!,
      uploaderAccountId: actor.accountId,
    }),
  );
}
