// The public side of elections (no account): a citizen checks their own registration by name and ID number,
// rate-limited per client address. Thin: parse → one use case → answer.
import type { FastifyInstance } from 'fastify';
import { REGISTRATION_LOOKUPS_PER_MINUTE, registrationCheckSchema } from '@minyi/domain/elections';
import { ctxOf, typed } from '../../platform/http';
import { resolvePublicCongress } from '../registry';
import { checkRegistration } from './queries/check-registration';
import { tags } from './elections.routes';

export async function publicRoutes(app: FastifyInstance) {
  const r = typed(app);

  // POST, not GET: the ID number stays out of URLs and access logs.
  r.post(
    '/elections/registration::check',
    {
      schema: {
        operationId: 'checkVoterRegistration',
        access: 'public',
        tags,
        summary: "Check one's own voter registration (name + ID number): registered or not, and where",
        body: registrationCheckSchema,
      },
      config: { rateLimit: { max: REGISTRATION_LOOKUPS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (req) => checkRegistration(ctxOf(req), await resolvePublicCongress(req), req.body),
  );
}
