import { Code, Loader } from "@mantine/core";
import { useFingerprint } from "./fingerprint";

/** A public key's fingerprint for comparing by eye; the full key is its tooltip. */
export function KeyFingerprint({ publicKey, testId }: { publicKey: string; testId?: string }) {
  const fingerprint = useFingerprint(publicKey);
  if (fingerprint === null) return <Loader size="xs" />;
  return (
    <Code title={publicKey} data-testid={testId} style={{ whiteSpace: "normal", wordBreak: "break-word" }}>
      {fingerprint}
    </Code>
  );
}
