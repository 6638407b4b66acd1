// Stores an uploaded file through the storage service (type by content, size limit, metadata stripped).
import { transact, type Ctx } from '../../context';
import type { FileKind } from '../../files';

export const UPLOAD_KINDS: readonly FileKind[] = ['image', 'document', 'spreadsheet'];
export const UPLOAD_MAX_BYTES = 10 * 1_048_576;

export async function uploadFile(ctx: Ctx, input: { data: Buffer; originalName: string; purpose: string }) {
  const actor = ctx.actor!;
  return transact(ctx, async (w) => {
    const file = await ctx.app.files.store(w.db, {
      congressId: actor.congressId,
      data: input.data,
      originalName: input.originalName,
      purpose: input.purpose,
      kinds: UPLOAD_KINDS,
      maxBytes: UPLOAD_MAX_BYTES,
      uploadedBy: actor.accountId,
    });
    await w.audit({
      action: 'file.upload',
      entityType: 'file',
      entityId: file.id,
      after: {
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        originalName: file.originalName,
        purpose: input.purpose,
      },
    });
    return file;
  });
}
