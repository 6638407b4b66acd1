// A photo for an opinion, uploaded before the form is sent (public: anyone may upload one).
import { OPINION_RULES } from '@minyi/domain/opinions';
import { transact, type Ctx } from '../../../platform/context';

export async function uploadOpinionPhoto(
  ctx: Ctx,
  congressId: string,
  upload: { data: Buffer; filename: string },
) {
  const stored = await transact(ctx, async (w) => {
    const f = await ctx.app.files.store(w.db, {
      congressId,
      data: upload.data,
      originalName: upload.filename,
      purpose: 'opinion.photo',
      kinds: ['image'],
      maxBytes: OPINION_RULES.maxPhotoBytes,
      maxPixels: OPINION_RULES.maxPhotoPixels,
      uploadedBy: ctx.actor?.accountId ?? null,
    });
    await w.audit({
      action: 'opinion.uploadPhoto',
      entityType: 'file',
      entityId: f.id,
      congressId,
      after: { sizeBytes: f.sizeBytes, mimeType: f.mimeType },
    });
    return f;
  });
  return { id: stored.id, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes };
}
