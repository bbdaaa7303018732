import { useQuery } from "@tanstack/react-query";
import { fromBase64Url, sha256, toHex } from "../../../../src/crypto/bytes.js";

/** 16 of SHA-256's 32 bytes: plenty for people to compare two keys by eye, short enough to read aloud. */
const FINGERPRINT_BYTES = 16;

/**
 * A public key's fingerprint as people compare it: the first bytes of the SHA-256 of the raw key, in
 * groups of four hex digits ("3F2A 9C1B …"). Members check each other's opening keys by it before the
 * ceremony seals a share to them.
 */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = await sha256(fromBase64Url(publicKey));
  return toHex(digest.subarray(0, FINGERPRINT_BYTES)).toUpperCase().replace(/(.{4})(?!$)/g, "$1 ");
}

/** The fingerprint of a public key (WebCrypto hashes asynchronously), or null while it is computed. */
export function useFingerprint(publicKey: string | null): string | null {
  const query = useQuery({
    queryKey: ["public", "fingerprint", publicKey],
    queryFn: () => keyFingerprint(publicKey ?? ""),
    enabled: publicKey !== null,
    staleTime: Infinity,
  });
  return query.data ?? null;
}
