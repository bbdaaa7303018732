import { Alert, Anchor, Button, Fieldset, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../lib/api";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { BusinessFormSelect } from "../vendors/BusinessFormSelect";
import { isBusinessForm } from "../vendors/vendors.api";
import { useCompleteRegistration } from "./registration.api";

type TextField = "companyName" | "npwp" | "name" | "password";
type Field = TextField | "businessForm" | "token";
const FIELD_PATHS: Record<string, Field> = {
  token: "token",
  "company.name": "companyName",
  "company.businessForm": "businessForm",
  "company.npwp": "npwp",
  "user.name": "name",
  "user.password": "password",
};

/** The state the login page reads to greet a newly registered vendor. */
export interface RegisteredState {
  registeredEmail: string;
}

/** /daftar/konfirmasi?token=…: the company and the first user, from the emailed link. */
export function RegisterConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  if (token === "") {
    return (
      <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={480} mx="auto">
        <Stack>
          <Title order={1} size="h2">
            {t("register.confirmTitle")}
          </Title>
          <InvalidLink message={t("register.noToken")} />
        </Stack>
      </Paper>
    );
  }
  return <ConfirmForm token={token} />;
}

function InvalidLink({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Anchor component={Link} to="/daftar" size="sm">
          {t("register.restart")}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function ConfirmForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const complete = useCompleteRegistration();
  const [values, setValues] = useState({ companyName: "", businessForm: "", npwp: "", name: "", password: "" });
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const problem = useFormProblem(complete.error, FIELD_PATHS);
  const errorOf = (field: Field) => localErrors[field] ?? problem.fields[field];
  // The link itself failed (used, expired, mistyped): no field can fix that, only a new registration.
  const linkInvalid = problem.fields.token !== undefined;
  // "NPWP already registered" comes with advice (ask the company's administrator) worth showing whole.
  const conflict = isApiError(complete.error) && complete.error.status === 409 ? errorText(complete.error, language, t) : null;
  const set = (field: TextField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const businessForm = values.businessForm;
    if (!isBusinessForm(businessForm)) {
      setLocalErrors({ businessForm: t("common.required") });
      return;
    }
    setLocalErrors({});
    complete.mutate(
      { token, company: { name: values.companyName.trim(), businessForm, npwp: values.npwp.trim() }, user: { name: values.name.trim(), password: values.password } },
      {
        onSuccess: (result) => {
          notifySuccess(t("register.completed"));
          const state: RegisteredState = { registeredEmail: result.email };
          void navigate("/login", { state });
        },
      },
    );
  };

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={640} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t("register.confirmTitle")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("register.confirmIntro")}
            </Text>
          </div>
          {linkInvalid && <InvalidLink message={errorText(complete.error, language, t)} />}
          <Fieldset legend={t("register.companySection")}>
            <Stack>
              <TextInput label={t("vendor.name")} required autoComplete="organization" value={values.companyName} onChange={set("companyName")} error={errorOf("companyName")} />
              <BusinessFormSelect value={values.businessForm} onChange={(businessForm) => setValues((v) => ({ ...v, businessForm }))} error={errorOf("businessForm")} />
              <TextInput
                label={t("vendor.npwp")}
                description={t("vendor.npwpHint")}
                required
                inputMode="numeric"
                autoComplete="off"
                value={values.npwp}
                onChange={set("npwp")}
                error={errorOf("npwp")}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t("register.accountSection")}>
            <Stack>
              <TextInput
                label={t("register.contactName")}
                description={t("register.contactNameHint")}
                required
                autoComplete="name"
                value={values.name}
                onChange={set("name")}
                error={errorOf("name")}
              />
              <SecretInput
                label={t("register.password")}
                description={t("password.policy")}
                required
                autoComplete="new-password"
                value={values.password}
                onChange={set("password")}
                error={errorOf("password")}
              />
            </Stack>
          </Fieldset>
          <FormAlert message={conflict ?? (linkInvalid ? null : problem.general)} />
          <Button type="submit" loading={complete.isPending}>
            {t("register.complete")}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
