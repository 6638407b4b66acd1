// The signed-in account behind the auth contract's `user`: the one loaded with the session (or token) for
// this request when there is one (no second round trip), else read again; null when it is gone.
import type { Db } from '../../../db/client';
import { loadAccount, type AccountRow } from '../session';

export async function getMyAccount(
  db: Db,
  accountId: string,
  loaded: AccountRow | null,
): Promise<AccountRow | null> {
  return loaded ?? (await loadAccount(db, accountId));
}
