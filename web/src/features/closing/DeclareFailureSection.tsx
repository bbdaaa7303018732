import { Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FAILURE_REASONS, type FailureReason } from "../../../../src/modules/award/award-enums.js";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "../tenders/Section";
import type { Tender } from "../tenders/tenders.api";
import { useDeclareFailure } from "./closing.api";

/** The server keeps up to 10,000 characters of an explanation. */
const MAX_TEXT = 10_000;

/**
 * The committee's form to declare the tender failed, from the bid opening until the SPPBJ stage begins
 * (the server decides again: after the award letter, or a second time, it refuses in its own words).
 */
export function DeclareFailureSection({ tender }: { tender: Tender }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const declare = useDeclareFailure(tender.tenderCode);
  const [reason, setReason] = useState<FailureReason | "">("");
  const [text, setText] = useState("");
  const [confirming, setConfirming] = useState(false);
  const problem = useFormProblem(declare.error, { reason: "reason", text: "text" } as const);
  const sppbj = tender.schedule.find((w) => w.stage === "sppbj");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const onConfirm = () => {
    if (reason === "") return;
    declare.mutate({ reason, text: text.trim() }, { onSuccess: () => notifySuccess(t("closing.failure.declared")), onSettled: () => setConfirming(false) });
  };

  return (
    <Section id="declare-failure-title" title={t("closing.failure.title")} testId="declare-failure">
      {sppbj && (
        <Text size="sm" c="dimmed">
          {t("closing.failure.intro", { until: format(sppbj.startsAt, { seconds: false }) })}
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t("closing.failure.reasonLabel")}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as FailureReason | "")}
            data={[{ value: "", label: t("closing.failure.reasonPlaceholder") }, ...FAILURE_REASONS.map((r) => ({ value: r, label: t(`closing.failure.reasons.${r}`) }))]}
            error={problem.fields.reason}
          />
          <Textarea
            label={t("closing.failure.text")}
            description={t("closing.failure.textHelp")}
            required
            autosize
            minRows={3}
            maxRows={12}
            maxLength={MAX_TEXT}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem.fields.text}
          />
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button type="submit" color="red" disabled={reason === ""}>
              {t("closing.failure.declare")}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirming}
        title={t("closing.failure.confirmTitle")}
        message={t("closing.failure.confirmMessage", { reason: reason === "" ? "" : t(`closing.failure.reasons.${reason}`) })}
        loading={declare.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      />
    </Section>
  );
}
