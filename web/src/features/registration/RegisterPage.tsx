import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { useFormProblem } from "../../lib/useFormProblem";
import { useStartRegistration } from "./registration.api";

const FIELD_PATHS = { email: "email" } as const;

/** /daftar: an email address, then "check your inbox", whatever the address (no account discovery). */
export function RegisterPage() {
  const { t } = useTranslation();
  const start = useStartRegistration();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const problem = useFormProblem(start.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    start.mutate(address, { onSuccess: () => setSentTo(address) });
  };

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={480} mx="auto">
      {sentTo === null ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t("register.title")}
            </Title>
            <Text size="sm">{t("register.intro")}</Text>
            <TextInput
              label={t("register.email")}
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problem.fields.email}
            />
            <FormAlert message={problem.general} />
            <Button type="submit" loading={start.isPending}>
              {t("register.send")}
            </Button>
            <Text size="sm">
              {t("register.haveAccount")}{" "}
              <Anchor component={Link} to="/login">
                {t("nav.login")}
              </Anchor>
            </Text>
          </Stack>
        </form>
      ) : (
        <Stack role="status">
          <Title order={1} size="h2">
            {t("register.sentTitle")}
          </Title>
          <Text>{t("register.sentBody", { email: sentTo })}</Text>
          <Text size="sm" c="dimmed">
            {t("register.sentHint")}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => {
              setSentTo(null);
              start.reset();
            }}
          >
            {t("register.again")}
          </Anchor>
        </Stack>
      )}
    </Paper>
  );
}
