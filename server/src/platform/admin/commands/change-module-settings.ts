// The system administrator changes a module's settings for their congress: fields not sent keep their value;
// a field the module does not know is refused by name, and nothing is written (writeSettings audits it).
import { writeSettings, type SettingsSchema } from '../../settings';
import { transact, type Ctx } from '../../context';
import { badRequest } from '../../errors';

export async function changeModuleSettings(
  ctx: Ctx,
  congressId: string,
  module: string,
  schema: SettingsSchema,
  values: Record<string, unknown>,
) {
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length) {
    throw badRequest(
      unknown.map((field) => ({
        field,
        in: 'body',
        code: 'unrecognized_keys',
        message: { zh: '不认识的字段', en: 'is not a recognised field' },
      })),
    );
  }
  await transact(ctx, (w) => writeSettings(w, congressId, module, schema, values));
}
