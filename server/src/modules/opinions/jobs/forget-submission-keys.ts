// The public form's Idempotency-Keys are kept a day: a retry comes within minutes, a replay after that is a
// new submission (as the platform's idempotency_keys, cleared by its housekeeping).
import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../../platform/jobs';
import { opinionSubmissionKeys } from '../opinions.table';

const KEPT_MS = 86_400_000;

export const forgetSubmissionKeysJob = defineJob({
  name: 'opinions.forgetSubmissionKeys',
  payload: z.object({}).passthrough(),
  async handle(app) {
    await app.db
      .delete(opinionSubmissionKeys)
      .where(lt(opinionSubmissionKeys.createdAt, new Date(Date.now() - KEPT_MS)));
  },
});
