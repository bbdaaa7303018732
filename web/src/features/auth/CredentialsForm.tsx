import { Button, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { type LoginResponse, useLogin } from "./auth.api";

const FIELD_PATHS = { email: "email", password: "password" } as const;

export function CredentialsForm({ onResult, initialEmail = "" }: { onResult: (result: LoginResponse) => void; initialEmail?: string }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const problem = useFormProblem(login.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: onResult });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problem.fields.email}
        />
        <SecretInput
          label={t("auth.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problem.fields.password}
        />
        <FormAlert message={problem.general} />
        <Button type="submit" loading={login.isPending}>
          {t("auth.submit")}
        </Button>
      </Stack>
    </form>
  );
}
