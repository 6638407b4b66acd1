// What the registry's route files share (/api/v1: public lookups without personal data, and staff
// administration of the registry): parameter schemas, who may read or keep the registry, Excel up- and
// downloads. Each route: parse → authorize → one command or query → present; the module lists the files.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/access';
import { invalidField } from '../../platform/errors';
import type { Actor } from '../../platform/context';
import { REGISTRY_READERS, REGISTRY_WRITERS } from './registry.policy';

export const tags = ['registry'];
export const idParams = z.object({ id: z.uuid() });
export const publicScope = z.object({ congressId: z.uuid().optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Staff who may read the registry (congress staff, leaders, liaison staff). */
export const reader = (req: FastifyRequest): Actor => requireRole(req.actor, REGISTRY_READERS);
/** Congress staff, who keep the registry. */
export const writer = (req: FastifyRequest): Actor => requireRole(req.actor, REGISTRY_WRITERS);

export function sendXlsx(reply: FastifyReply, name: string, data: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(data);
}

export async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
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
