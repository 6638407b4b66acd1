// The checkpoint log's lines for the auditor's congress, with the public key that verifies them: the auditor
// keeps the export elsewhere and later compares it (`npm run audit:verify -- --checkpoints=<file>`).
import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../../../config';
import { checkpointLogOf, type Checkpoint } from '../../audit-checkpoints';

export function exportAuditCheckpoints(config: Config, congressId: string) {
  const log = checkpointLogOf(config.checkpoint);
  if (!log) return { publicKey: null, lines: [] as Checkpoint[] };
  const lines = existsSync(log.file)
    ? readFileSync(log.file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Checkpoint)
        .filter((c) => c.congressId === congressId)
    : [];
  return { publicKey: log.publicKey, lines };
}
