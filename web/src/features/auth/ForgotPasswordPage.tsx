import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { useRequestPasswordReset } from "./account.api";

const FIELD_PATHS = { email: "email" } as const;

/** /lupa-sandi: an email address, then "check your inbox", whatever the address (no account discovery). */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const problem = useFormProblem(request.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    request.mutate(address, { onSuccess: () => setSentTo(address) });
  };

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={440} mx="auto">
      {sentTo === null ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t("forgot.title")}
            </Title>
            <Text size="sm">{t("forgot.intro")}</Text>
            <TextInput
              label={t("forgot.email")}
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problem.fields.email}
            />
            <FormAlert message={problem.general} />
            <Button type="submit" loading={request.isPending}>
              {t("forgot.send")}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t("forgot.backToLogin")}
            </Anchor>
          </Stack>
        </form>
      ) : (
        <Stack role="status">
          <Title order={1} size="h2">
            {t("forgot.sentTitle")}
          </Title>
          <Text>{t("forgot.sentBody", { email: sentTo })}</Text>
          <Anchor component={Link} to="/login" size="sm">
            {t("forgot.backToLogin")}
          </Anchor>
        </Stack>
      )}
    </Paper>
  );
}
