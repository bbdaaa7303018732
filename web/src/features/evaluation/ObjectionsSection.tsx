import { Button, Divider, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useMe } from "../auth/auth.api";
import { Section } from "../tenders/Section";
import type { Tender } from "../tenders/tenders.api";
import { type Objection, useAnswerObjection, useFileObjection, useObjections } from "./award.api";

/** The server keeps up to 10,000 characters of an objection or an answer. */
const MAX_TEXT = 10_000;

interface Props {
  tender: Tender;
  /** A participant during Masa Sanggah on the server's clock: the filing form. */
  canFile: boolean;
  isCommittee: boolean;
}

/**
 * Sanggah: every objection with its answer, public with the bidder's name. A bidder files one during Masa
 * Sanggah (the server refuses a second, or a vendor whose bid was not opened, in its own words); the
 * committee answers each, within the days the LPSE's settings allow (again the server's check).
 */
export function ObjectionsSection({ tender, canFile, isCommittee }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const userId = useMe().data?.id ?? null;
  const objections = useObjections(tender.tenderCode, userId, true);
  const window = tender.schedule.find((w) => w.stage === "sanggah");

  return (
    <Section id="objections-title" title={t("award.objections.title")} testId="objections">
      {window && (
        <Text size="sm" c="dimmed">
          {t("award.objections.hint", { start: format(window.startsAt, { seconds: false }), end: format(window.endsAt, { seconds: false }) })}
        </Text>
      )}
      {objections.isPending && <PageLoader />}
      {objections.isError && <QueryError error={objections.error} onRetry={() => void objections.refetch()} />}
      {objections.data && objections.data.length === 0 && <Text c="dimmed">{t("award.objections.empty")}</Text>}
      {objections.data && objections.data.length > 0 && (
        <Stack component="ol" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="objections-title">
          {objections.data.map((objection) => (
            <ObjectionItem key={objection.id} code={tender.tenderCode} objection={objection} canAnswer={isCommittee} />
          ))}
        </Stack>
      )}
      {canFile && (
        <>
          <Divider />
          <FileForm code={tender.tenderCode} />
        </>
      )}
    </Section>
  );
}

function ObjectionItem({ code, objection, canAnswer }: { code: string; objection: Objection; canAnswer: boolean }) {
  const { t } = useTranslation();
  const headingId = `objection-${objection.id}`;
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} fz="sm" id={headingId}>
            {t("award.objections.itemTitle", { vendor: objection.vendorName })}
          </Title>
          <Text size="xs" c="dimmed">
            {t("award.objections.filedAt")} <DateTime value={objection.filedAt} />
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {objection.text}
        </Text>
        {objection.answer !== null ? (
          <Paper radius="sm" p="xs" bg="var(--mantine-color-gray-light)" data-testid="objection-answer">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {t("award.objections.answer")}
              </Text>
              {objection.answeredAt && (
                <Text size="xs" c="dimmed">
                  {t("award.objections.answeredAt")} <DateTime value={objection.answeredAt} />
                </Text>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {objection.answer}
            </Text>
          </Paper>
        ) : canAnswer ? (
          <AnswerForm code={code} objection={objection} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t("award.objections.notAnswered")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FileForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const file = useFileObjection(code);
  const [text, setText] = useState("");
  const problem = useFormProblem(file.error, { text: "text" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    file.mutate(text.trim(), {
      onSuccess: () => {
        notifySuccess(t("award.objections.filed"));
        setText("");
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("award.objections.text")}
          description={t("award.objections.textHelp")}
          required
          autosize
          minRows={4}
          maxRows={14}
          maxLength={MAX_TEXT}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem.fields.text}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={file.isPending}>
            {t("award.objections.file")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnswerForm({ code, objection }: { code: string; objection: Objection }) {
  const { t } = useTranslation();
  const answer = useAnswerObjection(code, objection.id);
  const [text, setText] = useState("");
  const problem = useFormProblem(answer.error, { answer: "answer" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(text.trim(), {
      onSuccess: () => {
        notifySuccess(t("award.objections.answered"));
        setText("");
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t("award.objections.answerLabel")}
          description={t("award.objections.answerHelp")}
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
          <Button type="submit" loading={answer.isPending} aria-label={t("award.objections.sendName", { vendor: objection.vendorName })}>
            {t("award.objections.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
