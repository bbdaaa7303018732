import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useDateTimeFormat } from "../../lib/DateTime";
import { DetailPage } from "../../lib/DetailPage";
import { FormAlert } from "../../lib/FormAlert";
import { formatSen, lineTotalSen, normalizeRupiah, parseRupiah, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { PricedLine } from "../tenders/PricedLine";
import { useServerTimePassed } from "../opening/deadline";
import { Section } from "../tenders/Section";
import { type Direct, useDirect, useInvitations, useQuote } from "./direct.api";
import { DirectFacts, DirectStatusBadge, QuotationTable } from "./DirectSummary";

/** The vendor's invitations to direct procurements, each a link to its quotation page. */
export function DirectInvitationsPage() {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const invitations = useInvitations();
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1}>{t("direct.vendorSide.listTitle")}</Title>
        <Text c="dimmed" size="sm">
          {t("direct.vendorSide.listIntro")}
        </Text>
      </div>
      {invitations.isPending && <PageLoader />}
      {invitations.isError && <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />}
      {invitations.data?.length === 0 && <Text c="dimmed">{t("direct.vendorSide.none")}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {invitations.data?.map((invitation) => (
          <Card component="li" key={invitation.packageId} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/app/pengadaan-langsung/${invitation.packageId}`} fw={600}>
                {invitation.packageName}
              </Anchor>
              <DirectStatusBadge status={invitation.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {t("direct.quotationDue")}: {format(invitation.quotationDue, { seconds: false })}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

/** One invitation: the quotation form until the due time, then what the official has recorded. */
export function DirectQuotationPage() {
  const { t } = useTranslation();
  const { packageId = "" } = useParams();
  const direct = useDirect(packageId);
  const back = (
    <Anchor component={Link} to="/app/pengadaan-langsung" size="sm">
      ← {t("direct.vendorSide.back")}
    </Anchor>
  );
  return (
    <DetailPage query={direct} back={back} notFound={t("direct.vendorSide.notFound")}>
      {(data) => (data === null ? <Alert color="red">{t("direct.vendorSide.notFound")}</Alert> : <Invitation packageId={packageId} direct={data} />)}
    </DetailPage>
  );
}

function Invitation({ packageId, direct }: { packageId: string; direct: Direct }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const closed = useServerTimePassed(direct.quotationDue);
  const due = format(direct.quotationDue, { seconds: false });
  const open = !closed && (direct.status === "invited" || direct.status === "quoted");
  return (
    <>
      <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "anywhere" }}>
        {direct.packageName}
      </Title>
      <Section id="direct-title" title={t("direct.title")} testId="direct">
        <DirectFacts direct={direct} />
        {!open && <QuotationTable direct={direct} />}
      </Section>
      <Section id="quotation-title" title={t("direct.vendorSide.formTitle")} testId="direct-quotation-form">
        {open ? (
          <>
            <Text size="sm">{t("direct.vendorSide.formIntro", { due })}</Text>
            <QuotationForm packageId={packageId} direct={direct} />
          </>
        ) : (
          closed && <Text size="sm" c="dimmed">{t("direct.vendorSide.closed", { due })}</Text>
        )}
      </Section>
    </>
  );
}

function QuotationForm({ packageId, direct }: { packageId: string; direct: Direct }) {
  const { t } = useTranslation();
  const quote = useQuote(packageId);
  const [prices, setPrices] = useState<Record<string, string>>(() => Object.fromEntries(direct.items.map((i) => [i.id, i.quotedUnitPrice ?? ""])));
  const [tried, setTried] = useState(false);
  const problem = useFormProblem(quote.error, { items: "items" } as const);
  const totals = direct.items.map((item) => lineTotalSen(item.quantity, prices[item.id] ?? ""));
  const total = totals.every((v) => v !== null) ? totals.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n) : null;
  const hps = parseRupiah(direct.hps);
  const invalid = (id: string) => parseRupiah(prices[id] ?? "") === null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (direct.items.some((i) => invalid(i.id))) return;
    quote.mutate(
      direct.items.map((i) => ({ hpsItemId: i.id, unitPrice: normalizeRupiah(prices[i.id] ?? "") })),
      { onSuccess: () => notifySuccess(t("direct.vendorSide.done")) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {direct.items.map((item, index) => {
          const price = prices[item.id] ?? "";
          const line = totals[index] ?? null;
          return (
            <PricedLine
              key={item.id}
              item={item}
              n={item.position}
              price={price}
              onChange={(value) => setPrices((p) => ({ ...p, [item.id]: value }))}
              lineTotal={line}
              error={tried && invalid(item.id) ? t("direct.vendorSide.unitPriceError") : undefined}
              testId="direct"
            />
          );
        })}
        <Stack gap={4} aria-live="polite">
          <Text fw={600}>
            {t("direct.items.total")}:{" "}
            <Text span fw={700} data-testid="direct-total">
              {total !== null ? formatSen(total) : t("common.none")}
            </Text>
          </Text>
          {total !== null && hps !== null && total > hps && (
            <Text size="sm" c="orange.8">
              {t("direct.vendorSide.aboveHps", { hps: rupiah(direct.hps) })}
            </Text>
          )}
        </Stack>
        <FormAlert message={problem.fields.items ?? problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={quote.isPending}>
            {t("direct.vendorSide.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
