import { Button, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Me, useTotp } from "./auth.api";

const FIELD_PATHS = { code: "code" } as const;

/** The 6-digit code: to finish a login ("verify") or to confirm a newly scanned authenticator ("enroll"). */
export function TotpForm({ kind, onDone }: { kind: "verify" | "enroll"; onDone: (user: Me, recoveryCodes?: string[]) => void }) {
  const { t } = useTranslation();
  const totp = useTotp(kind);
  const [code, setCode] = useState("");
  const problem = useFormProblem(totp.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    totp.mutate(code, { onSuccess: (result) => onDone(result.user, result.recoveryCodes) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t("auth.totpCode")}
          required
          autoFocus
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          value={code}
          // Authenticator apps often show "123 456"; keep digits only.
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, "").slice(0, 6))}
          error={problem.fields.code}
          styles={{ input: { letterSpacing: "0.3em", fontFamily: "monospace" } }}
        />
        <FormAlert message={problem.general} />
        <Button type="submit" loading={totp.isPending} disabled={code.length !== 6}>
          {t("auth.verify")}
        </Button>
      </Stack>
    </form>
  );
}
