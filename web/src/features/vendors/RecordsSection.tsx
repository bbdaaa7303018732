import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { KIND_SPECS, kindFromSlug, RECORD_KIND_NAMES, RECORDS_ANCHOR, recordFormPath, type RecordKind } from "./recordFields";
import { useRecords } from "./records.api";
import { RecordsTable } from "./RecordsTable";

interface Props {
  vendorId: string;
  /** The vendor's own page while its data may change: add, edit and remove. */
  editable: boolean;
  /** Said above the tabs, e.g. why nothing can change right now. */
  notice?: string | null;
}

/**
 * "Data perusahaan": one tab per kind of record, each with its count, so a phone shows one short table
 * at a time and the Verifikator sees at a glance which kinds are empty. The open tab is in the address.
 */
export function RecordsSection({ vendorId, editable, notice }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const section = useRef<HTMLElement>(null);
  const active = kindFromSlug(params.get("data")) ?? "deeds";

  // Back from a record's page: bring the section into view (a router navigation does not follow the hash).
  useEffect(() => {
    if (location.hash === `#${RECORDS_ANCHOR}`) section.current?.scrollIntoView();
  }, [location.hash]);

  const choose = (value: string | null) => {
    const kind = RECORD_KIND_NAMES.find((k) => k === value);
    if (!kind) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set("data", KIND_SPECS[kind].slug);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Paper
      ref={section}
      id={RECORDS_ANCHOR}
      withBorder
      radius="md"
      p={{ base: "md", sm: "lg" }}
      component="section"
      aria-labelledby="records-title"
      // Scrolled to below the fixed header, not under it.
      style={{ scrollMarginTop: "calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-md))" }}
    >
      <Stack>
        <div>
          <Title order={2} size="h3" id="records-title">
            {t("records.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("records.intro")}
          </Text>
        </div>
        {notice && (
          <Text size="sm" c="orange.9">
            {notice}
          </Text>
        )}
        <Tabs id="records" value={active} onChange={choose} variant="pills" keepMounted={false}>
          <Tabs.List>
            {RECORD_KIND_NAMES.map((kind) => (
              <Tabs.Tab key={kind} value={kind} rightSection={<RecordCount vendorId={vendorId} kind={kind} active={kind === active} />}>
                {t(`records.kinds.${kind}.title`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {RECORD_KIND_NAMES.map((kind) => (
            <Tabs.Panel key={kind} value={kind} pt="md">
              <RecordsPanel vendorId={vendorId} kind={kind} editable={editable} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}

/** How many records of a kind there are, once known (every tab's list is fetched, the open one shown). */
function RecordCount({ vendorId, kind, active }: { vendorId: string; kind: RecordKind; active: boolean }) {
  const records = useRecords(vendorId, kind);
  if (!records.data) return null;
  const some = records.data.length > 0;
  return (
    <Badge size="sm" variant={active ? "white" : some ? "filled" : "outline"} color={some ? "blue" : "gray"} circle>
      {records.data.length}
    </Badge>
  );
}

function RecordsPanel({ vendorId, kind, editable }: { vendorId: string; kind: RecordKind; editable: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const records = useRecords(vendorId, kind);
  const titleId = `records-${kind}-title`;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4" id={titleId}>
          {t(`records.kinds.${kind}.title`)}
        </Title>
        {/* A button, not a link: a form on its own page, as for licences. */}
        {editable && (
          <Button variant="light" onClick={() => void navigate(recordFormPath(kind))}>
            {t(`records.kinds.${kind}.add`)}
          </Button>
        )}
      </Group>
      {records.isPending && <PageLoader />}
      {records.isError && <QueryError error={records.error} onRetry={() => void records.refetch()} />}
      {records.data && <RecordsTable vendorId={vendorId} kind={kind} records={records.data} editable={editable} labelledBy={titleId} />}
    </Stack>
  );
}
