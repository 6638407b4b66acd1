// The demo's opinions: placeholder until written below.
import type { AppServices } from '../../platform/context';
import type { DemoContext } from '../../db/seed/context';

export async function seedOpinionsDemo(_app: AppServices, _demo: DemoContext): Promise<void> {}
