import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { formatSen, normalizeRupiah, parseRupiah, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { fromZonedInput } from "../../lib/zonedTime";
import { useServerTimePassed } from "../opening/deadline";
import { usePublicLpse } from "../public/public.api";
import { Section } from "../tenders/Section";
import { type Direct, MIN_NEGOTIATION_NOTES, MIN_RESULT_REASON, useDecide, useDirect, useInvite, useNegotiate, useVerifiedVendors } from "./direct.api";
import { DirectFacts, QuotationTable } from "./DirectSummary";

/**
 * Pengadaan Langsung on the package page, for its Pejabat Pengadaan: the invitation until there is one,
 * then the course so far, the negotiation after the quotation is due, and the result.
 */
export function DirectOfficialSection({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const direct = useDirect(packageId);
  return (
    <Section id="direct-title" title={t("direct.title")} testId="direct">
      <Text size="sm" c="dimmed">
        {t("direct.intro")}
      </Text>
      {direct.isPending ? (
        <Text size="sm">{t("common.loading")}</Text>
      ) : direct.isError ? (
        <FormAlert message={t("common.errorTitle")} />
      ) : direct.data === null ? (
        <InviteForm packageId={packageId} />
      ) : (
        <DirectCourse packageId={packageId} direct={direct.data} />
      )}
    </Section>
  );
}

function DirectCourse({ packageId, direct }: { packageId: string; direct: Direct }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const due = useServerTimePassed(direct.quotationDue);
  const open = direct.status !== "awarded" && direct.status !== "failed";
  return (
    <Stack gap="md">
      <DirectFacts direct={direct} />
      <QuotationTable direct={direct} />
      {open && !due && (
        <Text size="sm" c="dimmed">
          {t("direct.negotiation.waitDue", { due: format(direct.quotationDue, { seconds: false }) })}
        </Text>
      )}
      {open && due && direct.status === "quoted" && <NegotiationForm packageId={packageId} direct={direct} />}
      {/* Keyed on the status: once negotiated, "award" becomes the offered decision. */}
      {open && due && <ResultForm key={direct.status} packageId={packageId} direct={direct} />}
    </Stack>
  );
}

function InviteForm({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const zone = usePublicLpse().data?.timeZone ?? "WIB";
  const [search, setSearch] = useState("");
  const [vendorId, setVendorId] = useState("");
  const [due, setDue] = useState("");
  const vendors = useVerifiedVendors(search.trim());
  const invite = useInvite(packageId);
  const problem = useFormProblem(invite.error, { vendorId: "vendorId", quotationDue: "quotationDue" } as const);
  const dueIso = fromZonedInput(due, zone);
  const options = vendors.data ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dueIso || !vendorId) return;
    invite.mutate({ vendorId, quotationDue: dueIso }, { onSuccess: () => notifySuccess(t("direct.invite.done")) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("direct.invite.title")}
        </Title>
        <TextInput label={t("direct.invite.search")} description={t("direct.invite.searchHint")} value={search} onChange={(e) => setSearch(e.currentTarget.value)} autoComplete="off" />
        <NativeSelect
          label={t("direct.invite.vendor")}
          required
          value={vendorId}
          onChange={(e) => setVendorId(e.currentTarget.value)}
          data={[{ value: "", label: options.length === 0 ? t("direct.invite.noVendors") : t("direct.invite.choose") }, ...options.map((v) => ({ value: v.id, label: `${v.name} — ${v.npwpFormatted}` }))]}
          error={problem.fields.vendorId}
        />
        <TextInput
          type="datetime-local"
          label={t("direct.invite.due")}
          description={t("direct.invite.dueHint", { zone })}
          required
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          error={problem.fields.quotationDue}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" disabled={!vendorId || !dueIso} loading={invite.isPending}>
            {t("direct.invite.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NegotiationForm({ packageId, direct }: { packageId: string; direct: Direct }) {
  const { t } = useTranslation();
  const negotiate = useNegotiate(packageId);
  const [price, setPrice] = useState("");
  const [notes, setNotes] = useState("");
  const problem = useFormProblem(negotiate.error, { price: "price", notes: "notes" } as const);
  const quotation = parseRupiah(direct.quotation ?? "") ?? 0n;
  const hps = parseRupiah(direct.hps) ?? 0n;
  const ceiling = quotation < hps ? quotation : hps;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    negotiate.mutate({ price: normalizeRupiah(price), notes: notes.trim() }, { onSuccess: () => notifySuccess(t("direct.negotiation.done")) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("direct.negotiation.title")}
        </Title>
        <TextInput
          label={t("direct.negotiation.price")}
          description={t("direct.negotiation.priceHint", { ceiling: formatSen(ceiling) })}
          required
          inputMode="decimal"
          autoComplete="off"
          value={price}
          onChange={(e) => setPrice(e.currentTarget.value)}
          error={problem.fields.price}
        />
        <Textarea
          label={t("direct.negotiation.notes")}
          description={t("direct.negotiation.notesHint", { min: MIN_NEGOTIATION_NOTES })}
          required
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={problem.fields.notes}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" disabled={price.trim() === "" || notes.trim() === ""} loading={negotiate.isPending}>
            {t("direct.negotiation.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResultForm({ packageId, direct }: { packageId: string; direct: Direct }) {
  const { t } = useTranslation();
  const decide = useDecide(packageId);
  const canAward = direct.status === "negotiated";
  const [decision, setDecision] = useState<"awarded" | "failed">(canAward ? "awarded" : "failed");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(decide.error, { reason: "reason", decision: "decision" } as const);
  const chosen = canAward ? decision : "failed";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const onConfirm = () =>
    decide.mutate({ decision: chosen, reason: reason.trim() }, { onSuccess: () => notifySuccess(t("direct.result.done")), onSettled: () => setConfirming(false) });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("direct.result.title")}
        </Title>
        <NativeSelect
          label={t("direct.result.decision")}
          required
          value={chosen}
          onChange={(e) => setDecision(e.currentTarget.value === "awarded" ? "awarded" : "failed")}
          data={[
            { value: "awarded", label: t("direct.result.awarded"), disabled: !canAward },
            { value: "failed", label: t("direct.result.failed") },
          ]}
          description={canAward ? undefined : t("direct.result.awardNeedsNegotiation")}
          error={problem.fields.decision}
        />
        <Textarea
          label={t("direct.result.reason")}
          description={t("direct.result.reasonHint", { min: MIN_RESULT_REASON })}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problem.fields.reason}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" disabled={reason.trim() === ""}>
            {t("direct.result.submit")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t("direct.result.confirmTitle")}
        message={chosen === "awarded" ? t("direct.result.confirmAwarded", { vendor: direct.vendorName, price: rupiah(direct.negotiated ?? "") }) : t("direct.result.confirmFailed")}
        loading={decide.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
