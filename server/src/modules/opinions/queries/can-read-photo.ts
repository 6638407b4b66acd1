// Who may see an opinion's photo through GET /files/:id: whoever may view the opinion it came with.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { opinionPhotos, opinions } from '../opinions.table';
import { resourceOf } from '../opinions.repository';
import { opinionPolicy, QUEUE_ROLES } from '../opinions.policy';

export async function canReadOpinionPhoto(db: Db, actor: Actor, fileId: string): Promise<boolean> {
  if (!actor.roles.some((r) => (QUEUE_ROLES as readonly string[]).includes(r))) return false;
  const [row] = await db
    .select()
    .from(opinionPhotos)
    .innerJoin(opinions, eq(opinions.id, opinionPhotos.opinionId))
    .where(and(eq(opinionPhotos.fileId, fileId), eq(opinions.congressId, actor.congressId)));
  return !!row && opinionPolicy.can(actor, 'view', await resourceOf(db, row.opinions));
}
