import { Alert, Anchor, Button, Fieldset, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import type { TimeZoneCode } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import { SecretInput } from "../../lib/SecretInput";
import { TimeZoneSelect } from "../../lib/TimeZoneSelect";
import { useFormProblem } from "../../lib/useFormProblem";
import { usePublicLpse } from "../public/public.api";
import { useSetup } from "./setup.api";

type Field = "lpseName" | "region" | "timeZone" | "name" | "email" | "password";
const FIELD_PATHS: Record<string, Field> = {
  lpseName: "lpseName",
  region: "region",
  timeZone: "timeZone",
  "admin.name": "name",
  "admin.email": "email",
  "admin.password": "password",
};

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lpse = usePublicLpse();
  const setup = useSetup();
  const [values, setValues] = useState({ lpseName: "", region: "", timeZone: "WIB" as TimeZoneCode, name: "", email: "", password: "" });
  const problem = useFormProblem(setup.error, FIELD_PATHS);
  const set = (field: Exclude<Field, "timeZone">) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(
      {
        lpseName: values.lpseName,
        region: values.region,
        timeZone: values.timeZone,
        admin: { name: values.name, email: values.email, password: values.password },
      },
      {
        onSuccess: () => {
          notifySuccess(t("setup.success"));
          void navigate("/login");
        },
      },
    );
  };

  if (lpse.data && !lpse.data.setupNeeded && !setup.isSuccess) {
    return (
      <Alert color="blue" title={t("setup.alreadyDone")}>
        <Anchor component={Link} to="/login">
          {t("nav.login")}
        </Anchor>
      </Alert>
    );
  }

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={640} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t("setup.title")}
            </Title>
            <Text c="dimmed">{t("setup.intro")}</Text>
          </div>
          <Fieldset legend={t("setup.lpseSection")}>
            <Stack>
              <TextInput label={t("setup.lpseName")} required value={values.lpseName} onChange={set("lpseName")} error={problem.fields.lpseName} />
              <TextInput label={t("setup.region")} required value={values.region} onChange={set("region")} error={problem.fields.region} />
              <TimeZoneSelect
                label={t("setup.timeZone")}
                value={values.timeZone}
                onChange={(timeZone) => setValues((v) => ({ ...v, timeZone }))}
                error={problem.fields.timeZone}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t("setup.adminSection")}>
            <Stack>
              <TextInput label={t("setup.adminName")} required autoComplete="name" value={values.name} onChange={set("name")} error={problem.fields.name} />
              <TextInput
                label={t("setup.email")}
                type="email"
                required
                autoComplete="email"
                value={values.email}
                onChange={set("email")}
                error={problem.fields.email}
              />
              <SecretInput
                label={t("setup.password")}
                required
                autoComplete="new-password"
                description={t("password.policy")}
                value={values.password}
                onChange={set("password")}
                error={problem.fields.password}
              />
            </Stack>
          </Fieldset>
          <FormAlert message={problem.general} />
          <Button type="submit" loading={setup.isPending}>
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
