import { Button, DataList, Group, SimpleGrid, Stack, Text, TextInput, useMatches } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { CalendarDate, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { normalizeRupiah, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import type { Award } from "../evaluation/award.api";
import { Section } from "../tenders/Section";
import type { Tender } from "../tenders/tenders.api";
import { type Contract, type ContractInput, useRecordContract } from "./closing.api";

/** The server's limit on a contract number. */
const MAX_NUMBER = 100;

interface Props {
  tender: Tender;
  award: Award;
  contract: Contract | null;
  /** The package's PPK during Penandatanganan Kontrak on the server's clock: the form. */
  canRecord: boolean;
}

/**
 * The contract record after the SPPBJ: the PPK's form during Penandatanganan Kontrak (value at most the
 * award letter's, dates checked by the server, whose refusal is shown), and for everyone once recorded.
 */
export function ContractSection({ tender, award, contract, canRecord }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const window = tender.schedule.find((w) => w.stage === "kontrak");
  return (
    <Section id="contract-title" title={t("closing.contract.title")} testId="contract">
      {window && (
        <Text size="sm" c="dimmed">
          {t("closing.contract.intro", { start: format(window.startsAt, { seconds: false }), end: format(window.endsAt, { seconds: false }) })}
        </Text>
      )}
      {contract ? <ContractFacts contract={contract} /> : canRecord ? <RecordForm code={tender.tenderCode} award={award} /> : <Text c="dimmed">{t("closing.contract.notYet")}</Text>}
    </Section>
  );
}

function ContractFacts({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const facts: [string, ReactNode][] = [
    [t("closing.contract.number"), <Text span ff="monospace" fz="inherit">{contract.contractNumber}</Text>],
    [t("closing.contract.vendor"), contract.vendorName],
    [t("closing.contract.value"), <Text span fz="inherit" fw={700}>{rupiah(contract.value)}</Text>],
    [t("closing.contract.signedOn"), <CalendarDate value={contract.signedOn} />],
    [t("closing.contract.startsOn"), <CalendarDate value={contract.startsOn} />],
    [t("closing.contract.endsOn"), <CalendarDate value={contract.endsOn} />],
  ];
  return (
    <DataList orientation={orientation} labelWidth="13rem" withDivider data-testid="contract-record">
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function RecordForm({ code, award }: { code: string; award: Award }) {
  const { t } = useTranslation();
  const record = useRecordContract(code);
  const [values, setValues] = useState<ContractInput>({ contractNumber: "", value: "", signedOn: "", startsOn: "", endsOn: "" });
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(record.error, { contractNumber: "contractNumber", value: "value", signedOn: "signedOn", startsOn: "startsOn", endsOn: "endsOn" } as const);
  const set = (field: keyof ContractInput) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [field]: e.currentTarget.value });
  const input = (): ContractInput => ({ ...values, contractNumber: values.contractNumber.trim(), value: normalizeRupiah(values.value) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const onConfirm = () => {
    record.mutate(input(), { onSuccess: () => notifySuccess(t("closing.contract.recorded")), onSettled: () => setConfirming(false) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("closing.contract.number")} required maxLength={MAX_NUMBER} value={values.contractNumber} onChange={set("contractNumber")} error={problem.fields.contractNumber} />
        <TextInput
          label={t("closing.contract.value")}
          description={t("closing.contract.valueHelp", { max: rupiah(award.value) })}
          required
          inputMode="decimal"
          value={values.value}
          onChange={set("value")}
          error={problem.fields.value}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={t("closing.contract.signedOn")} required value={values.signedOn} onChange={set("signedOn")} error={problem.fields.signedOn} />
          <TextInput type="date" label={t("closing.contract.startsOn")} required value={values.startsOn} onChange={set("startsOn")} error={problem.fields.startsOn} />
          <TextInput type="date" label={t("closing.contract.endsOn")} required value={values.endsOn} onChange={set("endsOn")} error={problem.fields.endsOn} />
        </SimpleGrid>
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" disabled={values.contractNumber.trim() === "" || values.value.trim() === ""}>
            {t("closing.contract.record")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t("closing.contract.confirmTitle")}
        message={t("closing.contract.confirmMessage", { number: values.contractNumber.trim(), vendor: award.vendorName, value: rupiah(normalizeRupiah(values.value)) })}
        loading={record.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
