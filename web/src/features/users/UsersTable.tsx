import { Badge, Group, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BreakableEmail } from "../../lib/BreakableEmail";
import { UserRowActions } from "./UserRowActions";
import type { User } from "./users.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

export function UsersTable({ users, currentUserId }: { users: readonly User[]; currentUserId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("users.name")}</Table.Th>
            <Table.Th scope="col">{t("users.email")}</Table.Th>
            <Table.Th scope="col">{t("users.role")}</Table.Th>
            <Table.Th scope="col">{t("users.agency")}</Table.Th>
            <Table.Th scope="col">{t("users.status")}</Table.Th>
            <Table.Th scope="col">{t("users.secondFactor")}</Table.Th>
            <Table.Th scope="col">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.name}</Table.Td>
              <Table.Td>
                <BreakableEmail email={user.email} />
              </Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.agencyName ?? t("common.none")}</Table.Td>
              <Table.Td style={NO_WRAP}>
                <Group gap={4} wrap="nowrap">
                  <Badge color={user.status === "active" ? "teal" : "gray"} variant="light">
                    {t(`users.statuses.${user.status}`)}
                  </Badge>
                  {isLocked(user) && (
                    <Badge color="orange" variant="light">
                      {t("users.locked")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={NO_WRAP}>{user.totpEnrolled ? t("users.enrolled") : t("users.notEnrolled")}</Table.Td>
              {/* Nobody disables or resets their own account (the server refuses it too). */}
              <Table.Td>{user.id !== currentUserId && <UserRowActions user={user} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
