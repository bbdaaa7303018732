import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod/mini";
import { createOpeningKey, openShare, runKeyCeremony, unlockOpeningKey } from "../../../../src/crypto/keys.js";
import { api, isApiError } from "../../lib/api";

/*
 * The committee's side of sealed bids. Every secret step runs here, in the member's browser: the opening
 * key is made and wrapped under the passphrase, the tender key is made and split, a share is unlocked.
 * The server only ever receives public keys, sealed shares and, after the deadline, the unlocked shares.
 */

const WrappedSchema = z.object({
  kdf: z.literal("PBKDF2-SHA256"),
  iterations: z.number(),
  salt: z.string(),
  iv: z.string(),
  ciphertext: z.string(),
});
const OpeningKeySchema = z.object({ publicKey: z.string(), wrapped: WrappedSchema, createdAt: z.string() });
export type OpeningKey = z.infer<typeof OpeningKeySchema>;

const TenderKeySchema = z.object({ tenderCode: z.string(), publicKey: z.string(), threshold: z.number(), members: z.number(), escrow: z.boolean(), createdAt: z.string() });
export type TenderKey = z.infer<typeof TenderKeySchema>;

const KeyHolderSchema = z.object({ userId: z.string(), name: z.string(), publicKey: z.nullable(z.string()) });
export type KeyHolder = z.infer<typeof KeyHolderSchema>;

const CeremonySchema = z.object({
  /** Null on a draft until the code is reserved at publication. */
  tenderCode: z.nullable(z.string()),
  threshold: z.number(),
  members: z.array(KeyHolderSchema),
  /** The head of the LPSE, when the LPSE keeps an escrow share of every tender key. */
  escrow: z.nullable(KeyHolderSchema),
  tenderKey: z.nullable(TenderKeySchema),
});
export type Ceremony = z.infer<typeof CeremonySchema>;

/** Everyone who receives a share: the committee, and the head of the LPSE for the escrow share. */
export const keyHoldersOf = (c: Ceremony): KeyHolder[] => (c.escrow ? [...c.members, c.escrow] : c.members);

const SealedShareSchema = z.object({ userId: z.string(), enc: z.string(), ct: z.string(), shareHash: z.string() });
const ProgressSchema = z.object({ received: z.number(), threshold: z.number(), opened: z.boolean() });
const StatusSchema = z.extend(ProgressSchema, { mine: z.boolean() });
export type OpeningStatus = z.infer<typeof StatusSchema>;

const OpeningRecordSchema = z.object({
  tenderCode: z.string(),
  openedAt: z.string(),
  bids: z.array(
    z.object({
      vendorName: z.string(),
      status: z.enum(["valid", "invalid"]),
      price: z.nullable(z.string()),
      error: z.nullable(z.string()),
      sha256: z.string(),
    }),
  ),
});
export type OpeningRecord = z.infer<typeof OpeningRecordSchema>;

/** A member's opening key changed between what the member saw and the ceremony. */
export class CommitteeChangedError extends Error {
  constructor() {
    super("the committee's opening keys changed");
    this.name = "CommitteeChangedError";
  }
}

/** The member's sealed share does not open with its opening key (sealed to another key). */
export class ShareUnreadableError extends Error {
  constructor() {
    super("the key share does not open with this opening key");
    this.name = "ShareUnreadableError";
  }
}

/** WebCrypto exists only in secure contexts (https, or this machine): without it no key can be made. */
export function webCryptoAvailable(): boolean {
  return typeof globalThis.crypto !== "undefined" && typeof globalThis.crypto.subtle !== "undefined";
}

const OWN_KEY = ["opening", "me"] as const;
const tenderKeys = (code: string) => ["opening", "tender", code] as const;
/** "public" first: the opening record is public and may stay cached across logout. */
const recordKey = (code: string) => ["public", "tender", code, "opening"] as const;
const actionPath = (code: string) => `/api/v1/tenders/${encodeURIComponent(code)}`;

/** A 404 is an answer here ("none yet"), not an error. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** The member's own opening key (public key, wrapped seed, created at), or null before the first one. */
export function useOwnOpeningKey() {
  return useQuery({ queryKey: OWN_KEY, queryFn: () => orNull(() => api.get("/api/v1/me/opening-key", OpeningKeySchema)) });
}

/** Makes the key in this browser (PBKDF2 with 600,000 iterations: about a second) and stores it wrapped. */
export function useSaveOpeningKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (passphrase: string) => api.put("/api/v1/me/opening-key", OpeningKeySchema, await createOpeningKey(passphrase)),
    onSuccess: (saved) => {
      queryClient.setQueryData(OWN_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: ["opening", "tender"] });
    },
  });
}

/** The committee with each member's opening key, the default threshold, and the tender key once made. */
export function useCeremony(code: string) {
  return useQuery({ queryKey: [...tenderKeys(code), "ceremony"], queryFn: () => api.get(`${actionPath(code)}/key-ceremony`, CeremonySchema) });
}

/**
 * The key ceremony in this browser, for the members' keys as the member saw them: the committee is read
 * again first, and a key that changed in the meantime stops the ceremony rather than sealing a share to
 * a key its member no longer holds.
 */
export function useRunCeremony(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (seen: Ceremony) => {
      const fresh = await api.get(`${actionPath(code)}/key-ceremony`, CeremonySchema);
      return api.put(`${actionPath(code)}/tender-key`, TenderKeySchema, await ceremonyFor(code, seen, fresh));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: tenderKeys(code) }),
  });
}

/** The ceremony for the holders as the member saw them; a holder whose key changed since stops it. */
async function ceremonyFor(code: string, seen: Ceremony, fresh: Ceremony) {
  const keys = (c: Ceremony) => JSON.stringify(keyHoldersOf(c).map((m) => [m.userId, m.publicKey]));
  if (keys(fresh) !== keys(seen) || fresh.threshold !== seen.threshold) throw new CommitteeChangedError();
  return runKeyCeremony(
    code,
    keyHoldersOf(fresh).map((m) => ({ userId: m.userId, publicKey: m.publicKey ?? "" })),
    fresh.threshold,
  );
}

const packageCeremonyPath = (packageId: string) => `/api/v1/packages/${encodeURIComponent(packageId)}/key-ceremony`;

/** Before publication: who will hold the shares of the tender key, with their opening keys. */
export function usePackageCeremony(packageId: string, enabled: boolean) {
  return useQuery({ queryKey: ["opening", "package", packageId], queryFn: () => api.get(packageCeremonyPath(packageId), CeremonySchema), enabled });
}

/**
 * The key ceremony at publication, in this browser: the tender code is reserved (the shares are bound to
 * it), the holders are read again, and the tender key is made, split and sealed to them. The result goes
 * with the publication request; the private key exists only inside runKeyCeremony.
 */
export async function tenderKeyForPublication(packageId: string, seen: Ceremony) {
  const { tenderCode } = await api.post(`/api/v1/packages/${encodeURIComponent(packageId)}/tender-code`, z.object({ tenderCode: z.string() }));
  const fresh = await api.get(packageCeremonyPath(packageId), CeremonySchema);
  return ceremonyFor(tenderCode, seen, fresh);
}

/** How far the opening is: shares received of the threshold, the member's own among them, opened. */
export function useOpeningStatus(code: string, enabled: boolean) {
  return useQuery({
    queryKey: [...tenderKeys(code), "status"],
    queryFn: () => orNull(() => api.get(`${actionPath(code)}/opening/shares`, StatusSchema)),
    enabled,
    // Other members submit from their own browsers.
    refetchInterval: (query) => (query.state.data?.opened ? false : 30_000),
  });
}

/**
 * The member's part of the opening: the sealed share and the wrapped opening key are fetched, the key is
 * unlocked with the passphrase (WrongPassphraseError when it does not fit), the share opened and sent.
 */
export function useSubmitShare(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (passphrase: string) => {
      const stored = await api.get("/api/v1/me/opening-key", OpeningKeySchema);
      const sealed = await api.get(`${actionPath(code)}/key-share`, SealedShareSchema);
      const memberKey = await unlockOpeningKey(stored, passphrase);
      let share: string;
      try {
        share = await openShare(sealed, code, memberKey);
      } catch {
        throw new ShareUnreadableError();
      }
      return api.post(`${actionPath(code)}/opening/shares`, ProgressSchema, { share });
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: tenderKeys(code) }), queryClient.invalidateQueries({ queryKey: recordKey(code) })]),
  });
}

/** The public opening record, or null before the bids are opened. */
export function useOpeningRecord(code: string, enabled: boolean) {
  return useQuery({
    queryKey: recordKey(code),
    queryFn: () => orNull(() => api.get(`/api/v1/public/tenders/${encodeURIComponent(code)}/opening`, OpeningRecordSchema)),
    enabled,
    // Until the committee opens the bids, look again now and then; the record never changes afterwards.
    refetchInterval: (query) => (query.state.data ? false : 60_000),
  });
}
