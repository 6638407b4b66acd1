// /api/v1 registry routes: public lookups (no personal data) and staff administration of the registry.
// Each route: parse → authorize → one command or query → present.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema } from '@minyi/domain';
import {
  COMMITTEE_BODIES,
  CONGRESS_LEVELS,
  HANDLING_UNIT_KINDS,
  JURISDICTION_LEVELS,
  LIAISON_PLACE_KINDS,
  MANDATE_STATUSES,
  MATTER_CATEGORIES,
  createCommitteeMemberSchema,
  createDeputySchema,
  createElectoralDistrictSchema,
  createHandlingUnitSchema,
  createJurisdictionSchema,
  createLiaisonPlaceSchema,
  createMandateSchema,
  createSittingSchema,
  createTermSchema,
  createWorkingCommitteeSchema,
  mandateStatusChangeSchema,
  updateDeputySchema,
  updateElectoralDistrictSchema,
  updateHandlingUnitSchema,
  updateJurisdictionSchema,
  updateLiaisonPlaceSchema,
  updateTermSchema,
  updateWorkingCommitteeSchema,
  WORKING_COMMITTEE_KINDS,
} from '@minyi/domain/registry';
import { ctxOf, typed } from '../../platform/http';
import { requireRole } from '../../platform/access';
import { invalidField, unauthorized } from '../../platform/errors';
import type { Actor } from '../../platform/context';
import { ACCOUNT_LINK_READERS, REGISTRY_READERS, REGISTRY_WRITERS, registryPolicy } from './registry.policy';
import { resolvePublicCongress } from './registry.lookup';
import {
  findJurisdictions,
  findPublicDeputies,
  findPublicElectoralDistricts,
  findPublicLiaisonPlaces,
  getPublicCongress,
  getPublicLiaisonPlace,
} from './queries/find-public';
import { findDeputies, getDeputyRecord } from './queries/find-deputies';
import {
  findHandlingUnits,
  findLiaisonPlaces,
  getHandlingUnitRecord,
  getLiaisonPlaceRecord,
  presentUnit,
} from './queries/find-units-and-places';
import {
  findCommitteeMembers,
  findElectoralDistricts,
  findSittings,
  findTerms,
  findWorkingCommittees,
} from './queries/find-bodies';
import {
  deputyTemplate,
  exportDeputies,
  exportHandlingUnits,
  handlingUnitTemplate,
} from './queries/export-registry';
import { createDeputy } from './commands/create-deputy';
import { editDeputy } from './commands/edit-deputy';
import { addMandate } from './commands/add-mandate';
import { changeMandateStatus } from './commands/change-mandate-status';
import { createHandlingUnit, editHandlingUnit } from './commands/save-handling-unit';
import { createLiaisonPlace, editLiaisonPlace } from './commands/save-liaison-place';
import { assignLiaisonDeputies } from './commands/assign-liaison-deputies';
import { createJurisdiction, editJurisdiction } from './commands/save-jurisdiction';
import { createTerm, editTerm } from './commands/save-term';
import { createSitting, moveSitting } from './commands/manage-sitting';
import { createElectoralDistrict, editElectoralDistrict } from './commands/save-electoral-district';
import { createWorkingCommittee, editWorkingCommittee } from './commands/save-working-committee';
import { addCommitteeMember, endCommitteeMember } from './commands/save-committee-member';
import { importDeputies } from './commands/import-deputies';
import { importHandlingUnits } from './commands/import-handling-units';

const idParams = z.object({ id: z.uuid() });
const publicScope = z.object({ congressId: z.uuid().optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Staff who may read the registry (congress staff, leaders, liaison staff). */
const reader = (req: FastifyRequest): Actor => requireRole(req.actor, REGISTRY_READERS);
/** Congress staff, who keep the registry. */
const writer = (req: FastifyRequest): Actor => requireRole(req.actor, REGISTRY_WRITERS);

function sendXlsx(reply: FastifyReply, name: string, data: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);
}

async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw invalidField(
      'file',
      '请以 multipart/form-data 上传 Excel 文件',
      'upload the Excel file as multipart/form-data',
      'required',
    );
  const part = await req.file();
  if (!part || part.fieldname !== 'file')
    throw invalidField('file', '缺少文件字段 file', 'the multipart field "file" is missing', 'required');
  return part.toBuffer();
}

export async function registryRoutes(app: FastifyInstance) {
  const r = typed(app);
  const tags = ['registry'];

  // ---------- public ----------

  r.get(
    '/public/congress',
    {
      schema: {
        operationId: 'getPublicCongress',
        access: 'public',
        tags,
        summary: 'The congress, its current term and sitting, and its streets (public)',
        querystring: publicScope,
      },
    },
    async (req) => getPublicCongress(app.services.db, await resolvePublicCongress(req)),
  );

  r.get(
    '/jurisdictions',
    {
      schema: {
        operationId: 'findJurisdictions',
        access: 'public',
        tags,
        summary: 'Jurisdictions of the congress, all that match (public; stable contract)',
        querystring: publicScope.extend({
          level: z.enum(JURISDICTION_LEVELS).optional(),
          parentId: z.uuid().optional(),
        }),
      },
    },
    async (req) => findJurisdictions(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/electoral-districts',
    {
      schema: {
        operationId: 'findPublicElectoralDistricts',
        access: 'public',
        tags,
        summary: 'Electoral districts (public)',
        querystring: publicScope.extend({ streetId: z.uuid().optional() }),
      },
    },
    async (req) =>
      findPublicElectoralDistricts(app.services.db, await resolvePublicCongress(req), req.query.streetId),
  );

  r.get(
    '/public/deputies',
    {
      schema: {
        operationId: 'findPublicDeputies',
        access: 'public',
        tags,
        summary: 'Deputies with an active mandate, without personal data (public)',
        querystring: publicScope.extend(pageQuerySchema.shape).extend({
          streetId: z.uuid().optional(),
          electoralDistrictId: z.uuid().optional(),
          q: z.string().trim().max(50).optional(),
        }),
      },
    },
    async (req) => findPublicDeputies(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/liaison-places',
    {
      schema: {
        operationId: 'findPublicLiaisonPlaces',
        access: 'public',
        tags,
        summary: 'Liaison places with their hours and deputies (public)',
        querystring: publicScope.extend({
          streetId: z.uuid().optional(),
          kind: z.enum(LIAISON_PLACE_KINDS).optional(),
        }),
      },
    },
    async (req) => findPublicLiaisonPlaces(app.services.db, await resolvePublicCongress(req), req.query),
  );

  r.get(
    '/public/liaison-places/:id',
    {
      schema: {
        operationId: 'getPublicLiaisonPlace',
        access: 'public',
        tags,
        summary: 'One liaison place (public)',
        params: idParams,
        querystring: publicScope,
      },
    },
    async (req) => getPublicLiaisonPlace(app.services.db, await resolvePublicCongress(req), req.params.id),
  );

  // ---------- jurisdictions ----------

  r.post(
    '/jurisdictions',
    {
      schema: {
        operationId: 'createJurisdiction',
        tags,
        summary: 'Add a street or community',
        body: createJurisdictionSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createJurisdiction(ctxOf(req), actor.congressId, req.body);
      const { items } = await findJurisdictions(app.services.db, actor.congressId, {});
      return reply.code(201).send(items.find((j) => j.id === id));
    },
  );

  r.patch(
    '/jurisdictions/:id',
    {
      schema: {
        operationId: 'renameJurisdiction',
        tags,
        summary: 'Rename a jurisdiction',
        params: idParams,
        body: updateJurisdictionSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editJurisdiction(ctxOf(req), actor.congressId, req.params.id, req.body);
      const { items } = await findJurisdictions(app.services.db, actor.congressId, {});
      return items.find((j) => j.id === req.params.id);
    },
  );

  // ---------- terms and sittings ----------

  r.get('/terms', { schema: { operationId: 'findTerms', tags, summary: 'Terms (届)' } }, async (req) =>
    findTerms(app.services.db, reader(req).congressId),
  );

  r.post(
    '/terms',
    {
      schema: { operationId: 'createTerm', tags, summary: 'Add a term', body: createTermSchema },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createTerm(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send((await findTerms(app.services.db, actor.congressId)).items.find((t) => t.id === id));
    },
  );

  const editTermRoute = async (
    req: FastifyRequest<{ Params: { id: string }; Body: z.infer<typeof updateTermSchema> }>,
  ) => {
    const actor = writer(req);
    await editTerm(ctxOf(req), actor.congressId, req.params.id, req.body);
    return (await findTerms(app.services.db, actor.congressId)).items.find((t) => t.id === req.params.id);
  };
  r.patch(
    '/terms/:id',
    {
      schema: {
        operationId: 'editTerm',
        tags,
        summary: 'Edit a term',
        params: idParams,
        body: updateTermSchema,
      },
    },
    editTermRoute,
  );
  r.post(
    '/terms/:id/edit',
    {
      schema: {
        operationId: 'editTermByForm',
        tags,
        summary: 'Edit a term (POST form)',
        params: idParams,
        body: updateTermSchema,
      },
    },
    editTermRoute,
  );

  r.get(
    '/sittings',
    {
      schema: {
        operationId: 'findSittings',
        tags,
        summary: 'Sittings (次会议)',
        querystring: z.object({ termId: z.uuid().optional() }),
      },
    },
    async (req) => findSittings(app.services.db, reader(req).congressId, req.query.termId),
  );

  r.post(
    '/sittings',
    {
      schema: {
        operationId: 'scheduleSitting',
        tags,
        summary: 'Schedule a sitting',
        body: createSittingSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createSitting(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send((await findSittings(app.services.db, actor.congressId)).items.find((s) => s.id === id));
    },
  );

  for (const step of ['open', 'close'] as const) {
    r.post(
      `/sittings/:id/${step}`,
      {
        schema: {
          operationId: `${step}Sitting`,
          tags,
          summary: `${step === 'open' ? 'Open' : 'Close'} a sitting`,
          params: idParams,
        },
      },
      async (req) => {
        const actor = writer(req);
        await moveSitting(ctxOf(req), actor.congressId, req.params.id, step);
        return (await findSittings(app.services.db, actor.congressId)).items.find(
          (s) => s.id === req.params.id,
        );
      },
    );
  }

  // ---------- electoral districts ----------

  r.get(
    '/electoral-districts',
    {
      schema: {
        operationId: 'findElectoralDistricts',
        tags,
        summary: 'Electoral districts (staff)',
        querystring: pageQuerySchema.extend({ streetId: z.uuid().optional() }),
      },
    },
    async (req) => findElectoralDistricts(app.services.db, reader(req).congressId, req.query),
  );

  r.post(
    '/electoral-districts',
    {
      schema: {
        operationId: 'createElectoralDistrict',
        tags,
        summary: 'Add an electoral district',
        body: createElectoralDistrictSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createElectoralDistrict(ctxOf(req), actor.congressId, req.body);
      const { items } = await findPublicElectoralDistricts(
        app.services.db,
        actor.congressId,
        req.body.streetId,
      );
      return reply.code(201).send(items.find((e) => e.id === id));
    },
  );

  r.patch(
    '/electoral-districts/:id',
    {
      schema: {
        operationId: 'editElectoralDistrict',
        tags,
        summary: 'Edit an electoral district',
        params: idParams,
        body: updateElectoralDistrictSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editElectoralDistrict(ctxOf(req), actor.congressId, req.params.id, req.body);
      const { items } = await findPublicElectoralDistricts(app.services.db, actor.congressId);
      return items.find((e) => e.id === req.params.id);
    },
  );

  // ---------- working committees and committee members ----------

  r.get(
    '/working-committees',
    {
      schema: {
        operationId: 'findWorkingCommittees',
        tags,
        summary: 'Working committees and street working committees',
        querystring: z.object({ kind: z.enum(WORKING_COMMITTEE_KINDS).optional() }),
      },
    },
    async (req) => findWorkingCommittees(app.services.db, reader(req).congressId, req.query.kind),
  );

  r.post(
    '/working-committees',
    {
      schema: {
        operationId: 'createWorkingCommittee',
        tags,
        summary: 'Add a working committee',
        body: createWorkingCommitteeSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createWorkingCommittee(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(
          (await findWorkingCommittees(app.services.db, actor.congressId)).items.find((w) => w.id === id),
        );
    },
  );

  r.patch(
    '/working-committees/:id',
    {
      schema: {
        operationId: 'editWorkingCommittee',
        tags,
        summary: 'Edit a working committee',
        params: idParams,
        body: updateWorkingCommitteeSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editWorkingCommittee(ctxOf(req), actor.congressId, req.params.id, req.body);
      return (await findWorkingCommittees(app.services.db, actor.congressId)).items.find(
        (w) => w.id === req.params.id,
      );
    },
  );

  r.get(
    '/committee-members',
    {
      schema: {
        operationId: 'findCommitteeMembers',
        tags,
        summary:
          "Members of the standing committee, a working committee or the chairpersons' meeting (computed from the standing committee's offices by the congress level)",
        querystring: z.object({
          body: z.enum(COMMITTEE_BODIES).optional(),
          workingCommitteeId: z.uuid().optional(),
          current: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req) =>
      findCommitteeMembers(app.services.db, reader(req).congressId, {
        ...req.query,
        current: req.query.current === 'true',
      }),
  );

  r.post(
    '/committee-members',
    {
      schema: {
        operationId: 'appointCommitteeMember',
        tags,
        summary:
          'Appoint a member of the standing committee or a working committee, in an office the level allows',
        body: createCommitteeMemberSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await addCommitteeMember(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(
          (await findCommitteeMembers(app.services.db, actor.congressId, {})).items.find((m) => m.id === id),
        );
    },
  );

  r.post(
    '/committee-members/:id/end',
    {
      schema: {
        operationId: 'endCommitteeMembership',
        tags,
        summary: 'End a membership',
        params: idParams,
        body: z.strictObject({ endedOn: z.iso.date() }),
      },
    },
    async (req) => {
      const actor = writer(req);
      await endCommitteeMember(ctxOf(req), actor.congressId, req.params.id, req.body.endedOn);
      return (await findCommitteeMembers(app.services.db, actor.congressId, {})).items.find(
        (m) => m.id === req.params.id,
      );
    },
  );

  // ---------- deputies and mandates ----------

  r.get(
    '/deputies',
    {
      schema: {
        operationId: 'findDeputies',
        tags,
        summary: 'Deputies with their mandates (personal data masked unless the role may see it)',
        querystring: pageQuerySchema.extend({
          q: z.string().trim().max(50).optional(),
          streetId: z.uuid().optional(),
          level: z.enum(CONGRESS_LEVELS).optional(),
          status: z.enum(MANDATE_STATUSES).optional(),
        }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_LINK_READERS);
      return findDeputies(app.services.db, app.services.pii, actor.congressId, actor.roles, req.query);
    },
  );

  r.get(
    '/deputies/export.xlsx',
    { schema: { operationId: 'exportDeputies', tags, summary: 'Export deputies (.xlsx)' } },
    async (req, reply) => {
      const actor = reader(req);
      return sendXlsx(
        reply,
        '代表名册.xlsx',
        await exportDeputies(app.services.db, app.services.pii, actor.congressId, actor.roles),
      );
    },
  );

  r.get(
    '/deputies/import-template.xlsx',
    { schema: { operationId: 'getDeputyImportTemplate', tags, summary: 'Deputies import template (.xlsx)' } },
    async (req, reply) => {
      reader(req);
      return sendXlsx(reply, '代表导入模板.xlsx', await deputyTemplate());
    },
  );

  r.post(
    '/deputies/import',
    {
      schema: {
        operationId: 'importDeputies',
        problems: [413, 415],
        tags,
        summary: 'Import deputies from .xlsx (multipart field "file"); all or nothing',
      },
    },
    async (req) => {
      const actor = writer(req);
      return importDeputies(ctxOf(req), actor.congressId, await uploadedFile(req));
    },
  );

  r.post(
    '/deputies',
    {
      schema: { operationId: 'registerDeputy', tags, summary: 'Register a deputy', body: createDeputySchema },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createDeputy(ctxOf(req), actor.congressId, req.body);
      return reply
        .code(201)
        .send(await getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, id));
    },
  );

  r.get(
    '/deputies/:id',
    {
      schema: {
        operationId: 'getDeputy',
        tags,
        summary: 'One deputy, with mandates, liaison places and committees',
        params: idParams,
      },
    },
    async (req) => {
      // A deputy may read their own record (personal data masked like any role outside PII_CLEAR_ROLES).
      const own = req.actor?.deputyId === req.params.id && req.actor.roles.includes('deputy');
      const actor = own ? req.actor! : reader(req);
      return getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id);
    },
  );

  r.patch(
    '/deputies/:id',
    {
      schema: {
        operationId: 'editDeputy',
        tags,
        summary: "Edit a deputy's particulars",
        params: idParams,
        body: updateDeputySchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      registryPolicy.authorize(actor, 'edit', { congressId: actor.congressId });
      await editDeputy(ctxOf(req), actor.congressId, req.params.id, req.body);
      return getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id);
    },
  );

  r.post(
    '/deputies/:id/mandates',
    {
      schema: {
        operationId: 'grantMandate',
        tags,
        summary: 'Give a deputy a mandate',
        params: idParams,
        body: createMandateSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      await addMandate(ctxOf(req), actor.congressId, req.params.id, req.body);
      return reply
        .code(201)
        .send(
          await getDeputyRecord(app.services.db, app.services.pii, actor.congressId, actor, req.params.id),
        );
    },
  );

  for (const action of ['suspend', 'terminate'] as const) {
    r.post(
      `/mandates/:id/${action}`,
      {
        schema: {
          operationId: `${action}Mandate`,
          tags,
          summary: `${action === 'suspend' ? 'Suspend' : 'Terminate'} a mandate (reason and date required)`,
          params: idParams,
          body: mandateStatusChangeSchema,
        },
      },
      async (req) => {
        const actor = writer(req);
        registryPolicy.authorize(actor, 'changeStatus', { congressId: actor.congressId });
        await changeMandateStatus(ctxOf(req), actor.congressId, req.params.id, action, req.body);
        return {
          id: req.params.id,
          status: action === 'suspend' ? 'suspended' : 'terminated',
          statusReason: req.body.reason,
          statusDate: req.body.date,
        };
      },
    );
  }

  r.post(
    '/mandates/:id/reinstate',
    {
      schema: {
        operationId: 'reinstateMandate',
        tags,
        summary: 'Reinstate a suspended mandate',
        params: idParams,
      },
    },
    async (req) => {
      const actor = writer(req);
      await changeMandateStatus(ctxOf(req), actor.congressId, req.params.id, 'reinstate', null);
      return { id: req.params.id, status: 'active', statusReason: '', statusDate: null };
    },
  );

  // ---------- handling units ----------

  r.get(
    '/handling-units',
    {
      schema: {
        operationId: 'findHandlingUnits',
        tags,
        summary: 'Handling units',
        querystring: pageQuerySchema.extend({
          q: z.string().trim().max(50).optional(),
          kind: z.enum(HANDLING_UNIT_KINDS).optional(),
          category: z.enum(MATTER_CATEGORIES).optional(),
          active: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ACCOUNT_LINK_READERS);
      const { active, ...rest } = req.query;
      return findHandlingUnits(app.services.db, actor.congressId, {
        ...rest,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  );

  r.get(
    '/handling-units/export.xlsx',
    { schema: { operationId: 'exportHandlingUnits', tags, summary: 'Export handling units (.xlsx)' } },
    async (req, reply) => {
      const actor = reader(req);
      return sendXlsx(reply, '承办单位.xlsx', await exportHandlingUnits(app.services.db, actor.congressId));
    },
  );

  r.get(
    '/handling-units/import-template.xlsx',
    {
      schema: {
        operationId: 'getHandlingUnitImportTemplate',
        tags,
        summary: 'Handling units import template (.xlsx)',
      },
    },
    async (req, reply) => {
      reader(req);
      return sendXlsx(reply, '承办单位导入模板.xlsx', await handlingUnitTemplate());
    },
  );

  r.post(
    '/handling-units/import',
    {
      schema: {
        operationId: 'importHandlingUnits',
        problems: [413, 415],
        tags,
        summary: 'Import handling units from .xlsx (multipart field "file"); all or nothing',
      },
    },
    async (req) => {
      const actor = writer(req);
      return importHandlingUnits(ctxOf(req), actor.congressId, await uploadedFile(req));
    },
  );

  const unitOut = async (actor: Actor, id: string) => ({
    ...presentUnit(await getHandlingUnitRecord(app.services.db, actor.congressId, id)),
    abilities: registryPolicy.abilities(actor, { congressId: actor.congressId }),
  });

  r.post(
    '/handling-units',
    {
      schema: {
        operationId: 'createHandlingUnit',
        tags,
        summary: 'Add a handling unit',
        body: createHandlingUnitSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createHandlingUnit(ctxOf(req), actor.congressId, req.body);
      return reply.code(201).send(await unitOut(actor, id));
    },
  );

  r.get(
    '/handling-units/:id',
    { schema: { operationId: 'getHandlingUnit', tags, summary: 'One handling unit', params: idParams } },
    async (req) => {
      const actor = req.actor;
      if (!actor) throw unauthorized();
      // A unit's own staff may read their unit; otherwise registry readers.
      if (!(actor.roles.includes('handlingUnitStaff') && actor.handlingUnitId === req.params.id)) reader(req);
      return unitOut(actor, req.params.id);
    },
  );

  r.patch(
    '/handling-units/:id',
    {
      schema: {
        operationId: 'editHandlingUnit',
        tags,
        summary: 'Edit a handling unit',
        params: idParams,
        body: updateHandlingUnitSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editHandlingUnit(ctxOf(req), actor.congressId, req.params.id, req.body);
      return unitOut(actor, req.params.id);
    },
  );

  // ---------- liaison places ----------

  r.get(
    '/liaison-places',
    {
      schema: {
        operationId: 'findLiaisonPlaces',
        tags,
        summary: 'Liaison places (staff)',
        querystring: pageQuerySchema.extend({
          streetId: z.uuid().optional(),
          kind: z.enum(LIAISON_PLACE_KINDS).optional(),
          q: z.string().trim().max(50).optional(),
        }),
      },
    },
    async (req) => findLiaisonPlaces(app.services.db, reader(req).congressId, req.query),
  );

  const placeOut = async (actor: Actor, id: string) => ({
    ...(await getLiaisonPlaceRecord(app.services.db, actor.congressId, id)),
    abilities: registryPolicy.abilities(actor, { congressId: actor.congressId }),
  });

  r.post(
    '/liaison-places',
    {
      schema: {
        operationId: 'createLiaisonPlace',
        tags,
        summary: 'Add a liaison place',
        body: createLiaisonPlaceSchema,
      },
      config: { idempotent: true },
    },
    async (req, reply) => {
      const actor = writer(req);
      const id = await createLiaisonPlace(ctxOf(req), actor.congressId, req.body);
      return reply.code(201).send(await placeOut(actor, id));
    },
  );

  r.get(
    '/liaison-places/:id',
    {
      schema: {
        operationId: 'getLiaisonPlace',
        tags,
        summary: 'One liaison place (staff)',
        params: idParams,
      },
    },
    async (req) => placeOut(reader(req), req.params.id),
  );

  r.patch(
    '/liaison-places/:id',
    {
      schema: {
        operationId: 'editLiaisonPlace',
        tags,
        summary: 'Edit a liaison place',
        params: idParams,
        body: updateLiaisonPlaceSchema,
      },
    },
    async (req) => {
      const actor = writer(req);
      await editLiaisonPlace(ctxOf(req), actor.congressId, req.params.id, req.body);
      return placeOut(actor, req.params.id);
    },
  );

  r.put(
    '/liaison-places/:id/deputies',
    {
      schema: {
        operationId: 'setLiaisonPlaceDeputies',
        tags,
        summary: 'Set the deputies assigned to a liaison place',
        params: idParams,
        body: z.strictObject({ deputyIds: z.array(z.uuid()).max(500) }),
      },
    },
    async (req) => {
      const actor = writer(req);
      registryPolicy.authorize(actor, 'assignDeputies', { congressId: actor.congressId });
      await assignLiaisonDeputies(ctxOf(req), actor.congressId, req.params.id, req.body.deputyIds);
      return placeOut(actor, req.params.id);
    },
  );
}
