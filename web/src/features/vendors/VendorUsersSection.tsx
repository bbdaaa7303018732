import { Button, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BreakableEmail } from "../../lib/BreakableEmail";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { useAddVendorUser, useVendorUsers } from "./vendors.api";

const FIELD_PATHS = { name: "name", email: "email", password: "password" } as const;

/** The vendor's user accounts; the vendor's own users may add a colleague. */
export function VendorUsersSection({ vendorId, canAdd }: { vendorId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const users = useVendorUsers(vendorId);
  const status = (value: string) => (value === "active" || value === "disabled" ? t(`users.statuses.${value}`) : value);

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="vendor-users-title">
      <Stack>
        <div>
          <Title order={2} size="h3" id="vendor-users-title">
            {t("vendorUsers.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("vendorUsers.intro")}
          </Text>
        </div>
        {users.isPending && <PageLoader />}
        {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="sm" aria-labelledby="vendor-users-title" data-testid="vendor-users">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("vendorUsers.name")}</Table.Th>
                  <Table.Th scope="col">{t("vendorUsers.email")}</Table.Th>
                  <Table.Th scope="col">{t("vendorUsers.status")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>
                      <BreakableEmail email={user.email} />
                    </Table.Td>
                    <Table.Td>{status(user.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canAdd && (
          <>
            <Divider />
            <VendorUserForm vendorId={vendorId} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** A colleague's account: it belongs to the same company and may do what the vendor's first user does. */
function VendorUserForm({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const add = useAddVendorUser(vendorId);
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const problem = useFormProblem(add.error, FIELD_PATHS);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: (user) => {
          notifySuccess(t("vendorUsers.added", { name: user.name, email: user.email }));
          setValues({ name: "", email: "", password: "" });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("vendorUsers.name")} required autoComplete="off" value={values.name} onChange={(e) => set("name")(e.currentTarget.value)} error={problem.fields.name} />
          <TextInput
            label={t("vendorUsers.email")}
            type="email"
            required
            autoComplete="off"
            value={values.email}
            onChange={(e) => set("email")(e.currentTarget.value)}
            error={problem.fields.email}
          />
        </SimpleGrid>
        <SecretInput
          label={t("vendorUsers.password")}
          description={t("password.policy")}
          required
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set("password")(e.currentTarget.value)}
          error={problem.fields.password}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t("vendorUsers.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
