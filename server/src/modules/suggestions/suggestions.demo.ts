// Demo: placeholder replaced below.
import type { AppServices } from '../../platform/context';
import type { DemoContext } from '../../db/seed/context';
export async function seedSuggestionsDemo(_app: AppServices, _demo: DemoContext): Promise<void> {}
