// Creates an account (system administrator) with an argon2id password, given or generated and shown once.
import { sql } from 'drizzle-orm';
import { transact, type Ctx } from '../../context';
import { conflict, invalidField } from '../../errors';
import { newId } from '../../ids';
import { randomToken } from '../../crypto';
import { accounts } from '../../platform.table';
import { hashPassword } from '../../auth/passwords';
import { getAccount, type AccountView } from '../queries/get-account';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  password?: string;
  deputyId?: string;
  handlingUnitId?: string;
  email?: string;
  phone?: string;
}

/** A generated password: 18 characters from 108 random bits. */
export const generatePassword = () => randomToken(14).slice(0, 18);

export async function createAccount(
  ctx: Ctx,
  input: CreateAccountInput,
): Promise<{ account: AccountView; initialPassword?: string }> {
  const actor = ctx.actor!;
  const initialPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const id = newId();
  const account = await transact(ctx, async (w) => {
    const taken = await w.db.execute(
      sql`SELECT 1 FROM accounts WHERE lower(username) = lower(${input.username})`,
    );
    if ((taken as unknown as { rows: unknown[] }).rows.length > 0) {
      throw conflict(
        'username_taken',
        { zh: '用户名已被占用', en: 'This username is taken' },
        {
          errors: [
            { field: 'username', in: 'body', code: 'taken', message: { zh: '已被占用', en: 'is taken' } },
          ],
        },
      );
    }
    // The registry's people and units, checked within the congress (a foreign key alone would not).
    const links = [
      ['deputyId', 'deputies', input.deputyId, '未知的代表', 'unknown deputy'],
      ['handlingUnitId', 'handling_units', input.handlingUnitId, '未知的承办单位', 'unknown handling unit'],
    ] as const;
    for (const [field, table, value, zh, en] of links) {
      if (!value) continue;
      const found = await w.db.execute(
        sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${value} AND congress_id = ${actor.congressId}`,
      );
      if ((found as unknown as { rows: unknown[] }).rows.length === 0) throw invalidField(field, zh, en);
    }
    await w.db.insert(accounts).values({
      id,
      congressId: actor.congressId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      deputyId: input.deputyId ?? null,
      handlingUnitId: input.handlingUnitId ?? null,
      email: input.email ?? null,
      phoneEnc: input.phone ? ctx.app.pii.encrypt(input.phone) : null,
      phoneIndex: input.phone ? ctx.app.pii.index('phone', input.phone) : null,
    });
    await w.audit({
      action: 'account.create',
      entityType: 'account',
      entityId: id,
      after: {
        username: input.username,
        displayName: input.displayName,
        deputyId: input.deputyId ?? null,
        handlingUnitId: input.handlingUnitId ?? null,
        email: input.email ?? null,
        phone: input.phone ? 'set' : null,
        passwordGenerated: !input.password,
      },
    });
    return getAccount(w.db, actor.congressId, id);
  });
  return initialPassword ? { account, initialPassword } : { account };
}
