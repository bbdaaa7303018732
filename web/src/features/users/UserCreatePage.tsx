import { Button, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { AGENCY_ROLES, isAgencyRole, type Role, STAFF_ROLES } from "../../lib/roles";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { useAgencies } from "../agencies/agencies.api";
import { useCurrentUser } from "../auth/useCurrentUser";
import { AgencySelect } from "./AgencySelect";
import { RoleSelect } from "./RoleSelect";
import { type CreateUserInput, useCreateUser } from "./users.api";

type Field = "name" | "email" | "role" | "agencyId" | "password";
const FIELD_PATHS = { name: "name", email: "email", role: "role", agencyId: "agencyId", password: "password" } as const;

export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const agencies = useAgencies();
  const create = useCreateUser();
  // An agency administrator creates accounts of its own agency only (the server enforces it too).
  const ownAgencyOnly = me.role === "admin_agency";
  const roles = ownAgencyOnly ? AGENCY_ROLES : STAFF_ROLES;
  const [values, setValues] = useState({ name: "", email: "", role: "" as Role | "", agencyId: ownAgencyOnly ? (me.agencyId ?? "") : "", password: "" });
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const problem = useFormProblem(create.error, FIELD_PATHS);
  const errorOf = (field: Field) => localErrors[field] ?? problem.fields[field];
  const needsAgency = values.role !== "" && isAgencyRole(values.role);
  const agencyOptions = (agencies.data ?? []).filter((a) => (ownAgencyOnly ? a.id === me.agencyId : a.active));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Checked here only because these two cannot be sent at all without a choice.
    const missing: Partial<Record<Field, string>> = {};
    if (values.role === "") missing.role = t("common.required");
    if (needsAgency && values.agencyId === "") missing.agencyId = t("users.agencyRequired");
    setLocalErrors(missing);
    if (values.role === "" || Object.keys(missing).length > 0) return;
    const input: CreateUserInput = { name: values.name.trim(), email: values.email.trim(), role: values.role, password: values.password };
    if (needsAgency) input.agencyId = values.agencyId;
    create.mutate(input, {
      onSuccess: (user) => {
        notifySuccess(t("users.created", { name: user.name }));
        void navigate("/app/users");
      },
    });
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t("users.createTitle")}
          </Title>
          <TextInput
            label={t("users.name")}
            required
            autoComplete="off"
            value={values.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
            error={errorOf("name")}
          />
          <TextInput
            label={t("users.email")}
            type="email"
            required
            autoComplete="off"
            value={values.email}
            onChange={(e) => {
              const email = e.currentTarget.value;
              setValues((v) => ({ ...v, email }));
            }}
            error={errorOf("email")}
          />
          <RoleSelect
            label={t("users.role")}
            roles={roles}
            value={values.role}
            emptyLabel={t("users.rolePlaceholder")}
            required
            onChange={(role) => setValues((v) => ({ ...v, role }))}
            error={errorOf("role")}
          />
          {/* LPSE-wide roles have no agency: the field is not shown at all for them. */}
          {needsAgency && (
            <AgencySelect
              label={t("users.agency")}
              agencies={agencyOptions}
              value={values.agencyId}
              emptyLabel={t("users.agencyPlaceholder")}
              required
              disabled={ownAgencyOnly}
              onChange={(agencyId) => setValues((v) => ({ ...v, agencyId }))}
              error={errorOf("agencyId")}
            />
          )}
          <SecretInput
            label={t("users.password")}
            required
            autoComplete="new-password"
            description={t("password.policy")}
            value={values.password}
            onChange={(e) => {
              const password = e.currentTarget.value;
              setValues((v) => ({ ...v, password }));
            }}
            error={errorOf("password")}
          />
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate("/app/users")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
