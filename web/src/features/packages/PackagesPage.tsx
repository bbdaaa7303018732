import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, useMatches } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { rupiah } from "../../lib/money";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { mayOpenRolePage } from "../../layout/navItems";
import { useCurrentUser } from "../auth/useCurrentUser";
import { useProcurementLabels } from "./labels";
import { type PackageSummary, usePackages } from "./packages.api";
import { PackageStatusBadge } from "./PackageStatusBadge";

/** The packages the API lets the caller see: its agency's, its committee's, or all of them. */
export function PackagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const labels = useProcurementLabels();
  const packages = usePackages();
  // A table where there is room; cards on a phone, so the HPS and status need no sideways scrolling.
  const compact = useMatches({ base: true, md: false });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={1}>{t("packages.title")}</Title>
          <Text c="dimmed" size="sm">
            {t("packages.intro")}
          </Text>
        </div>
        {/* A button, not a link: its name must not match a search for the "Paket" navigation link. */}
        {mayOpenRolePage(me, "packageCreate") && <Button onClick={() => void navigate("/app/paket/baru")}>{t("packages.create")}</Button>}
      </Group>
      {packages.isPending && <PageLoader />}
      {packages.isError && <QueryError error={packages.error} onRetry={() => void packages.refetch()} />}
      {packages.data && packages.data.length === 0 && <Text c="dimmed">{t("packages.empty")}</Text>}
      {packages.data && packages.data.length > 0 && compact && (
        <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {packages.data.map((pkg) => (
            <PackageCard key={pkg.id} pkg={pkg} />
          ))}
        </Stack>
      )}
      {packages.data && packages.data.length > 0 && !compact && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("packages.name")}</Table.Th>
                <Table.Th scope="col">{t("packages.workUnit")}</Table.Th>
                <Table.Th scope="col">{t("packages.method")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("packages.hps")}
                </Table.Th>
                <Table.Th scope="col">{t("packages.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {packages.data.map((pkg) => (
                <Table.Tr key={pkg.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/app/paket/${pkg.id}`} fw={500}>
                      {pkg.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      RUP <Text span ff="monospace" fz="inherit">{pkg.rupCode}</Text> · {pkg.fiscalYear}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{pkg.workUnitName}</Text>
                    <Text size="xs" c="dimmed">
                      {pkg.agencyName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{labels.method(pkg.method)}</Text>
                    <Text size="xs" c="dimmed">
                      {labels.category(pkg.category)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                    {rupiah(pkg.hps)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <PackageStatusBadge status={pkg.status} />
                      {pkg.tenderCode && (
                        <Badge variant="outline" color="gray" ff="monospace">
                          {pkg.tenderCode}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function PackageCard({ pkg }: { pkg: PackageSummary }) {
  const labels = useProcurementLabels();
  return (
    <Card component="li" withBorder radius="md" padding="sm">
      <Stack gap={4}>
        <Anchor component={Link} to={`/app/paket/${pkg.id}`} fw={500} style={{ overflowWrap: "anywhere" }}>
          {pkg.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          RUP <Text span ff="monospace" fz="inherit">{pkg.rupCode}</Text> · {pkg.fiscalYear} · {pkg.workUnitName}
        </Text>
        <Text size="sm">
          {labels.method(pkg.method)} · {labels.category(pkg.category)}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {rupiah(pkg.hps)}
          </Text>
          <Group gap={4}>
            <PackageStatusBadge status={pkg.status} />
            {pkg.tenderCode && (
              <Badge variant="outline" color="gray" ff="monospace">
                {pkg.tenderCode}
              </Badge>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
