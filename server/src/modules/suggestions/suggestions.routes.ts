// HTTP routes of suggestions: parse → one command or query → present. The settings, the reports and the
// published replies, and motions have routes files of their own.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  addOpinionSchema,
  assignSuggestionSchema,
  confirmCosignSchema,
  createSuggestionSchema,
  decideHandBackSchema,
  applyExtensionSchema,
  decideExtensionSchema,
  editDraftSchema,
  followUpQuerySchema,
  handBackRequestSchema,
  logContactSchema,
  mergeSuggestionsSchema,
  rateSuggestionSchema,
  replySuggestionSchema,
  reportSolvedSchema,
  reviewRehandlingSchema,
  reviewSuggestionSchema,
  selectKeySchema,
  suggestionListQuerySchema,
  superviseSchema,
} from '@minyi/domain/suggestions';
import { ctxOf, sendJsonPage, typed } from '../../platform/http';
import { proposeSuggestion } from './commands/create-suggestion';
import { submitSuggestion } from './commands/submit-suggestion';
import { confirmCosign } from './commands/confirm-cosign';
import { editDraft } from './commands/edit-draft';
import { withdrawSuggestion } from './commands/withdraw-suggestion';
import { reviewSuggestion } from './commands/review-suggestion';
import { mergeSuggestions } from './commands/merge-suggestions';
import { assignSuggestion } from './commands/assign-suggestion';
import { requestHandBack } from './commands/request-hand-back';
import { decideHandBack } from './commands/decide-hand-back';
import { applyExtension } from './commands/apply-extension';
import { decideExtension } from './commands/decide-extension';
import { reviewRehandling } from './commands/review-rehandling';
import { logContact } from './commands/log-contact';
import { addUnitOpinion } from './commands/add-unit-opinion';
import { replySuggestion } from './commands/reply-suggestion';
import { rateSuggestion } from './commands/rate-suggestion';
import { reportSolved } from './commands/report-solved';
import { selectKeySuggestion } from './commands/select-key-suggestion';
import { logSupervision } from './commands/log-supervision';
import { publishReply } from './commands/publish-reply';
import { getSuggestion } from './queries/get-suggestion';
import { findSuggestions } from './queries/find-suggestions';
import { findSimilarSuggestions } from './queries/find-similar-suggestions';
import { renderReplyLetter } from './queries/render-reply-letter';
import { getDashboard } from './queries/get-dashboard';
import { findHandBackRequests } from './queries/find-hand-back-disputes';
import { findExtensionApplications } from './queries/find-extension-applications';
import { findLeaders } from './queries/find-leaders';
import { getFollowUpReport } from './queries/get-follow-up-report';

export const idParams = z.object({ id: z.uuid() });
export const tags = ['suggestions'];
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const stepAnswer = (row: { id: string; number: string | null; status: string }) => ({
  id: row.id,
  number: row.number,
  status: row.status,
});
export const download = (reply: FastifyReply, type: string, name: string, data: Buffer) =>
  reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);

/** What the API description names each workflow step and says it does. */
const stepDocs = {
  submit: {
    operationId: 'submitSuggestion',
    summary: 'Submit a draft suggestion, with last edits (400 naming the fields it still lacks)',
  },
  cosign: {
    operationId: 'confirmCosign',
    summary: 'Accept or decline cosigning a suggestion (a deputy asked to cosign)',
  },
  withdraw: { operationId: 'withdrawSuggestion', summary: 'Withdraw a suggestion (its author)' },
  review: {
    operationId: 'reviewSuggestion',
    summary: 'Review a submitted suggestion: accept it, return it to the author, or refer it elsewhere',
  },
  assign: {
    operationId: 'assignSuggestion',
    summary: 'Assign a suggestion to its lead and assisting units with the deadline (交办)',
  },
  'hand-back': {
    operationId: 'requestHandBack',
    summary: 'Ask to hand a suggestion back, with the reason (a handling unit)',
  },
  'hand-back/decision': {
    operationId: 'decideHandBack',
    summary: "Decide a unit's request to hand a suggestion back: reassign, keep, or mark it disputed",
  },
  extension: {
    operationId: 'applyForExtension',
    summary: 'Apply for a deadline extension, with the reason (the lead unit; 上海规定 Art. 19)',
  },
  'extension/decision': {
    operationId: 'decideExtension',
    summary: "Approve or refuse the unit's extension application (congress staff); the deputy is told",
  },
  'rehandling-review': {
    operationId: 'reviewRehandling',
    summary: "The deputies' affairs committee's review of a dissatisfied rating before re-handling",
  },
  contacts: { operationId: 'logContact', summary: 'Log a contact with the deputy before replying' },
  'unit-opinions': {
    operationId: 'addUnitOpinion',
    summary: "An assisting unit's opinion to the lead unit",
  },
  reply: {
    operationId: 'replySuggestion',
    summary: 'Reply to a suggestion with the result category (the lead unit)',
  },
  rating: {
    operationId: 'rateSuggestion',
    summary: 'Rate the reply: satisfied, basically satisfied or dissatisfied (the deputy)',
  },
  solved: { operationId: 'reportSolved', summary: 'Report a B or C item solved at year-end follow-up' },
  key: {
    operationId: 'selectKeySuggestion',
    summary: 'Select a key suggestion and who leads its supervision',
  },
  supervisions: { operationId: 'logSupervision', summary: 'Log a supervision of a key suggestion' },
  publish: { operationId: 'publishReply', summary: "Publish a suggestion's reply (答复公开)" },
} as const;

export async function suggestionRoutes(app: FastifyInstance) {
  const r = typed(app);

  r.post(
    '/suggestions',
    {
      schema: {
        operationId: 'createSuggestion',
        tags,
        summary:
          'A deputy submits a suggestion, or saves a draft (with `draft: true`, a title alone will do)',
        body: createSuggestionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => reply.code(201).send(stepAnswer(await proposeSuggestion(ctxOf(req), req.body))),
  );

  r.get(
    '/suggestions',
    {
      schema: {
        operationId: 'findSuggestions',
        summary: 'Suggestions I may see, filtered, newest first',
        tags,
        querystring: suggestionListQuerySchema,
      },
    },
    async (req, reply) => sendJsonPage(reply, await findSuggestions(ctxOf(req), req.query)),
  );
  r.get(
    '/suggestions/dashboard',
    {
      schema: {
        operationId: 'getSuggestionDashboard',
        summary: 'Counts and deadlines of suggestions for my role',
        tags,
      },
    },
    async (req) => getDashboard(ctxOf(req)),
  );
  r.get(
    '/suggestions/:id',
    {
      schema: {
        operationId: 'getSuggestion',
        summary: 'One suggestion with its handling history and abilities',
        tags,
        params: idParams,
      },
    },
    async (req) => getSuggestion(ctxOf(req), req.params.id),
  );
  r.patch(
    '/suggestions/:id',
    {
      schema: {
        operationId: 'editSuggestionDraft',
        summary: 'Edit a draft suggestion (its proposer): text, category, co-signers invited, attachments',
        tags,
        params: idParams,
        body: editDraftSchema,
      },
    },
    async (req) => stepAnswer((await editDraft(ctxOf(req), req.params.id, req.body)).row),
  );
  r.get(
    '/suggestions/:id/similar',
    {
      schema: {
        operationId: 'findSimilarSuggestions',
        summary: 'Suggestions similar to this one (for merging)',
        tags,
        params: idParams,
      },
    },
    async (req) => findSimilarSuggestions(ctxOf(req), req.params.id),
  );
  r.get(
    '/suggestions/:id/replies/:replyId/letter.docx',
    {
      schema: {
        operationId: 'renderReplyLetter',
        summary: 'The reply letter of a handling unit (.docx)',
        tags,
        params: z.object({ id: z.uuid(), replyId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { fileName, data } = await renderReplyLetter(ctxOf(req), req.params.id, req.params.replyId);
      return download(reply, DOCX, fileName, data);
    },
  );

  const step = <S extends z.ZodType>(
    path: keyof typeof stepDocs,
    body: S,
    run: (
      ctx: ReturnType<typeof ctxOf>,
      id: string,
      body: z.infer<S>,
    ) => Promise<{ row: { id: string; number: string | null; status: string } }>,
  ) =>
    r.post(
      `/suggestions/:id/${path}`,
      { schema: { ...stepDocs[path], tags, params: idParams, body } },
      async (req) => stepAnswer((await run(ctxOf(req), req.params.id, req.body as z.infer<S>)).row),
    );

  const editBody = z.strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    content: z.string().trim().min(1).max(20_000).optional(),
    category: z.string().max(40).optional(),
  });
  step('submit', editBody, (ctx, id, b) => submitSuggestion(ctx, id, b));
  step('cosign', confirmCosignSchema, (ctx, id, b) => confirmCosign(ctx, id, b.accept));
  step('withdraw', z.strictObject({}).optional(), (ctx, id) => withdrawSuggestion(ctx, id));
  step('review', reviewSuggestionSchema, (ctx, id, b) => reviewSuggestion(ctx, id, b));
  step('assign', assignSuggestionSchema, (ctx, id, b) => assignSuggestion(ctx, id, b));
  step('hand-back', handBackRequestSchema, (ctx, id, b) => requestHandBack(ctx, id, b.reason));
  step('hand-back/decision', decideHandBackSchema, (ctx, id, b) => decideHandBack(ctx, id, b));
  step('extension', applyExtensionSchema, (ctx, id, b) => applyExtension(ctx, id, b.reason));
  step('extension/decision', decideExtensionSchema, (ctx, id, b) => decideExtension(ctx, id, b));
  step('rehandling-review', reviewRehandlingSchema, (ctx, id, b) => reviewRehandling(ctx, id, b));
  step('contacts', logContactSchema, (ctx, id, b) => logContact(ctx, id, b));
  step('unit-opinions', addOpinionSchema, (ctx, id, b) => addUnitOpinion(ctx, id, b.content));
  step('reply', replySuggestionSchema, (ctx, id, b) => replySuggestion(ctx, id, b));
  step('rating', rateSuggestionSchema, (ctx, id, b) => rateSuggestion(ctx, id, b));
  step('solved', reportSolvedSchema, (ctx, id, b) => reportSolved(ctx, id, b.note));
  step('key', selectKeySchema, (ctx, id, b) => selectKeySuggestion(ctx, id, b));
  step('supervisions', superviseSchema, (ctx, id, b) => logSupervision(ctx, id, b));
  step('publish', z.strictObject({}).optional(), (ctx, id) => publishReply(ctx, id));

  r.post(
    '/suggestion-cases',
    {
      schema: {
        operationId: 'mergeSuggestions',
        tags,
        summary: 'Merge suggestions into one handling case (并案)',
        body: mergeSuggestionsSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await mergeSuggestions(ctxOf(req), req.body)),
  );
  r.get(
    '/suggestion-hand-backs',
    {
      schema: {
        operationId: 'findHandBackRequests',
        summary: 'Hand-back requests waiting for a decision',
        tags,
        querystring: z.object({ status: z.enum(['pending', 'disputed']).default('pending') }),
      },
    },
    async (req) => findHandBackRequests(ctxOf(req), req.query.status),
  );

  r.get(
    '/suggestion-extensions',
    {
      schema: {
        operationId: 'findExtensionApplications',
        tags,
        summary: 'Extension applications awaiting a decision (上海规定 Art. 19)',
      },
    },
    async (req) => findExtensionApplications(ctxOf(req)),
  );

  r.get(
    '/suggestion-follow-up',
    {
      schema: {
        operationId: 'getFollowUpReport',
        tags,
        summary: 'Year-end view of follow-up (跟踪办理): items answered B or C and what moved, per unit',
        querystring: followUpQuerySchema,
      },
    },
    async (req) => getFollowUpReport(ctxOf(req), req.query),
  );
  r.get(
    '/suggestion-leaders',
    {
      schema: {
        operationId: 'findLeaders',
        tags,
        summary: 'Leader accounts who may lead the supervision of a key suggestion (领衔督办)',
      },
    },
    async (req) => findLeaders(ctxOf(req)),
  );
}
