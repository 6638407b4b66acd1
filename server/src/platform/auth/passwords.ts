// Passwords hashed with argon2id (OWASP parameters: 19 MiB, 2 iterations).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is ambient const, so its value is spelled out under isolatedModules.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

/** Spent on unknown usernames so that timing does not reveal which names exist. */
let dummy: Promise<string> | null = null;
export const burnPasswordTime = async (password: string) => {
  dummy ??= hashPassword('minyi-dummy-password');
  await verifyPassword(await dummy, password);
};
