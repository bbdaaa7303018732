import { Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { useRecoveryLogin } from "./account.api";
import type { Me } from "./auth.api";

const FIELD_PATHS = { code: "code" } as const;

/** The second step with a one-time recovery code, for a user without their authenticator. */
export function RecoveryCodeForm({ onDone }: { onDone: (user: Me) => void }) {
  const { t } = useTranslation();
  const login = useRecoveryLogin();
  const [code, setCode] = useState("");
  const problem = useFormProblem(login.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(code.trim(), { onSuccess: (result) => onDone(result.user) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("recovery.help")}</Text>
        <TextInput
          label={t("recovery.code")}
          required
          autoFocus
          autoComplete="one-time-code"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={problem.fields.code}
          styles={{ input: { fontFamily: "monospace" } }}
        />
        <FormAlert message={problem.general} />
        <Button type="submit" loading={login.isPending} disabled={code.trim().length < 8}>
          {t("recovery.verify")}
        </Button>
      </Stack>
    </form>
  );
}

/** Codes shown once (after enrolment or regeneration), as a list a screen reader reads one by one. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <ol aria-label={t("recovery.codesList")} data-testid="recovery-codes" style={{ fontFamily: "monospace", columns: 2, margin: 0 }}>
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ol>
  );
}
