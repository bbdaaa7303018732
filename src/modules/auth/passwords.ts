import { hash, verify } from "@node-rs/argon2";
import type { Message } from "../../server/errors.js";

/** LPSE information-security policy (standard 1): at least 10 characters mixing cases, digits and symbols. */
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 256;

/** Algorithm.Argon2id of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;
/** OWASP's argon2id baseline (19 MiB, 2 passes): slow for attackers, ~30 ms per login here. */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not let anyone in, nor crash the login.
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("dummy-password-for-timing-Aa1!");
  return dummyHash;
}

/** Every way the password breaks the policy, in Indonesian and English (empty when it is fine). */
export function passwordPolicyProblems(password: string, personal: { email?: string; name?: string } = {}): Message[] {
  const problems: Message[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ id: `minimal ${PASSWORD_MIN_LENGTH} karakter`, en: `at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push({ id: `maksimal ${PASSWORD_MAX_LENGTH} karakter`, en: `at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (!/\p{Lu}/u.test(password)) problems.push({ id: "harus memuat huruf besar", en: "must contain an upper-case letter" });
  if (!/\p{Ll}/u.test(password)) problems.push({ id: "harus memuat huruf kecil", en: "must contain a lower-case letter" });
  if (!/\p{Nd}/u.test(password)) problems.push({ id: "harus memuat angka", en: "must contain a digit" });
  if (!/[^\p{L}\p{Nd}]/u.test(password)) problems.push({ id: "harus memuat simbol", en: "must contain a symbol" });
  const local = personal.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    problems.push({ id: "tidak boleh memuat nama email", en: "must not contain the email name" });
  }
  return problems;
}
