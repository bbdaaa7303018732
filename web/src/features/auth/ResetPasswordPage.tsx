import { Alert, Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { useCompletePasswordReset } from "./account.api";

const FIELD_PATHS = { token: "token", password: "password" } as const;

/** /lupa-sandi/atur?token=…: the new password, from the emailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={440} mx="auto">
      <Stack>
        <Title order={1} size="h2">
          {t("reset.title")}
        </Title>
        {token === "" ? <InvalidLink message={t("reset.noToken")} /> : <ResetForm token={token} />}
      </Stack>
    </Paper>
  );
}

function InvalidLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Anchor component={Link} to="/lupa-sandi" size="sm">
          {t("reset.again")}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function ResetForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = useLanguage();
  const complete = useCompletePasswordReset();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const problem = useFormProblem(complete.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    complete.mutate(
      { token, password },
      {
        onSuccess: () => {
          notifySuccess(t("reset.done"));
          void navigate("/login", { replace: true });
        },
      },
    );
  };

  // Used, expired or superseded: no field fixes that, only a new link.
  if (problem.fields.token !== undefined) return <InvalidLink message={errorText(complete.error, language, t)} />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("reset.intro")}</Text>
        <SecretInput
          label={t("reset.password")}
          description={t("password.policy")}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={problem.fields.password}
        />
        <SecretInput
          label={t("reset.confirm")}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? t("reset.mismatch") : undefined}
        />
        <FormAlert message={problem.general} />
        <Button type="submit" loading={complete.isPending}>
          {t("reset.submit")}
        </Button>
      </Stack>
    </form>
  );
}
