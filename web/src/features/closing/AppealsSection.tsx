import { Button, DataList, Divider, Group, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { normalizeRupiah, rupiah } from "../../lib/money";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import type { Objection } from "../evaluation/award.api";
import { Section } from "../tenders/Section";
import type { Tender } from "../tenders/tenders.api";
import { type Appeal, type AppealList, useAnswerAppeal, useAppeals, useFileAppeal } from "./closing.api";

/** The server keeps up to 10,000 characters of an appeal or an answer. */
const MAX_TEXT = 10_000;

interface Props {
  tender: Tender;
  /** The sanggah of the tender (public, `mine` for the caller's own). */
  objections: readonly Objection[];
  /** The PA/KPA of the package's agency: the answer form. */
  isKpa: boolean;
  /** The server's clock in ms, for the filing window. */
  now: number;
}

/**
 * Sanggah banding (construction only): every appeal with its guarantee and the PA/KPA's answer, public.
 * A bidder whose sanggah was answered files one against that answer until the window closes; the PA/KPA
 * of the agency answers each by its own deadline. The server checks both again and its refusal is shown.
 */
export function AppealsSection({ tender, objections, isKpa, now }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const appeals = useAppeals(tender.tenderCode, true);
  const data = appeals.data;
  const open = data?.fileBy ? now <= Date.parse(data.fileBy) : false;
  // The caller's own answered sanggah that has no appeal yet.
  const appealable = data && open ? objections.filter((o) => o.mine && o.answer !== null && !data.items.some((a) => a.objectionId === o.id)) : [];

  return (
    <Section id="appeals-title" title={t("closing.appeals.title")} testId="appeals">
      {appeals.isPending && <PageLoader />}
      {appeals.isError && <QueryError error={appeals.error} onRetry={() => void appeals.refetch()} />}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {t("closing.appeals.intro", { minimum: rupiah(data.guaranteeMinimum) })} {data.fileBy && t("closing.appeals.fileBy", { date: format(data.fileBy, { seconds: false }) })}
          </Text>
          {data.items.length === 0 ? (
            <Text c="dimmed">{t("closing.appeals.empty")}</Text>
          ) : (
            <Stack component="ol" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="appeals-title">
              {data.items.map((appeal) => (
                <AppealItem key={appeal.id} code={tender.tenderCode} appeal={appeal} canAnswer={isKpa} />
              ))}
            </Stack>
          )}
          {appealable.map((objection) => (
            <div key={objection.id}>
              <Divider mb="sm" />
              <FileForm code={tender.tenderCode} objection={objection} list={data} />
            </div>
          ))}
        </>
      )}
    </Section>
  );
}

function AppealItem({ code, appeal, canAnswer }: { code: string; appeal: Appeal; canAnswer: boolean }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const headingId = `appeal-${appeal.id}`;
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} fz="sm" id={headingId}>
            {t("closing.appeals.itemTitle", { vendor: appeal.vendorName })}
          </Title>
          <Text size="xs" c="dimmed">
            {t("closing.appeals.filedAt")} <DateTime value={appeal.filedAt} />
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {appeal.text}
        </Text>
        <DataList orientation="horizontal" labelWidth="10rem" data-testid="appeal-guarantee">
          <DataList.Item>
            <DataList.ItemLabel>{t("closing.appeals.guaranteeNumber")}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text span ff="monospace" fz="inherit">
                {appeal.guarantee.number}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t("closing.appeals.guaranteeIssuer")}</DataList.ItemLabel>
            <DataList.ItemValue>{appeal.guarantee.issuer}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t("closing.appeals.guaranteeAmount")}</DataList.ItemLabel>
            <DataList.ItemValue>{rupiah(appeal.guarantee.amount)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        {appeal.answer !== null ? (
          <Paper radius="sm" p="xs" bg="var(--mantine-color-gray-light)" data-testid="appeal-answer">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {t("closing.appeals.answer")}
              </Text>
              {appeal.answeredAt && (
                <Text size="xs" c="dimmed">
                  {t("closing.appeals.answeredAt")} <DateTime value={appeal.answeredAt} />
                </Text>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {appeal.answer}
            </Text>
          </Paper>
        ) : (
          <>
            <Text size="sm" c="dimmed" fs="italic">
              {t("closing.appeals.waiting")} {t("closing.appeals.answerDue", { date: format(appeal.answerDueAt, { seconds: false }) })}
            </Text>
            {canAnswer && <AnswerForm code={code} appeal={appeal} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function FileForm({ code, objection, list }: { code: string; objection: Objection; list: AppealList }) {
  const { t } = useTranslation();
  const file = useFileAppeal(code, objection.id);
  const [values, setValues] = useState({ text: "", number: "", issuer: "", amount: "" });
  const problem = useFormProblem(file.error, { text: "text", "guarantee.number": "number", "guarantee.issuer": "issuer", "guarantee.amount": "amount" } as const);
  const set = (field: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [field]: e.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(
      { text: values.text.trim(), guarantee: { number: values.number.trim(), issuer: values.issuer.trim(), amount: normalizeRupiah(values.amount) } },
      { onSuccess: () => notifySuccess(t("closing.appeals.filed")) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`appeal-form-${objection.id}`}>
      <Stack gap="sm">
        <Title order={3} fz="sm" id={`appeal-form-${objection.id}`}>
          {t("closing.appeals.formTitle")}
        </Title>
        <Textarea
          label={t("closing.appeals.text")}
          description={t("closing.appeals.textHelp")}
          required
          autosize
          minRows={4}
          maxRows={14}
          maxLength={MAX_TEXT}
          value={values.text}
          onChange={set("text")}
          error={problem.fields.text}
        />
        <TextInput label={t("closing.appeals.number")} required maxLength={100} value={values.number} onChange={set("number")} error={problem.fields.number} />
        <TextInput label={t("closing.appeals.issuer")} required maxLength={200} value={values.issuer} onChange={set("issuer")} error={problem.fields.issuer} />
        <TextInput
          label={t("closing.appeals.amount")}
          description={t("closing.appeals.amountHelp", { minimum: rupiah(list.guaranteeMinimum) })}
          required
          inputMode="decimal"
          value={values.amount}
          onChange={set("amount")}
          error={problem.fields.amount}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={file.isPending}>
            {t("closing.appeals.file")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnswerForm({ code, appeal }: { code: string; appeal: Appeal }) {
  const { t } = useTranslation();
  const answer = useAnswerAppeal(code, appeal.id);
  const [text, setText] = useState("");
  const problem = useFormProblem(answer.error, { answer: "answer" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(text.trim(), { onSuccess: () => notifySuccess(t("closing.appeals.answered")) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t("closing.appeals.answerLabel")}
          description={t("closing.appeals.answerHelp")}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX_TEXT}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem.fields.answer}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending} aria-label={t("closing.appeals.sendName", { vendor: appeal.vendorName })}>
            {t("closing.appeals.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
