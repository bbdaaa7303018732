import { Button, Group, Radio, Stack, Textarea } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import type { Vendor } from "../vendors/vendors.api";
import { type Decision, useDecideVerification, type VerificationMode } from "./verification.api";

type Field = "decision" | "mode" | "reason";
const FIELD_PATHS = { decision: "decision", mode: "mode", reason: "reason" } as const;

/** Approve or reject after checking the originals; nothing is preselected, so no decision is made by default. */
export function DecisionForm({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation();
  const decide = useDecideVerification(vendor.id);
  const [decision, setDecision] = useState<Decision | "">("");
  const [mode, setMode] = useState<VerificationMode | "">("");
  const [reason, setReason] = useState("");
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});
  const problem = useFormProblem(decide.error, FIELD_PATHS);
  const errorOf = (field: Field) => localErrors[field] ?? problem.fields[field];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (decision === "") missing.decision = t("common.required");
    if (mode === "") missing.mode = t("common.required");
    setLocalErrors(missing);
    if (decision === "" || mode === "") return;
    decide.mutate(
      { decision, mode, reason: reason.trim() },
      { onSuccess: (saved) => notifySuccess(t(decision === "approve" ? "verification.savedApproved" : "verification.savedRejected", { name: saved.name })) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group
          label={t("verification.decision")}
          value={decision}
          onChange={(value) => setDecision(value === "approve" || value === "reject" ? value : "")}
          error={errorOf("decision")}
        >
          <Group mt="xs" gap="lg">
            <Radio required value="approve" label={t("verification.approve")} color="teal" />
            <Radio required value="reject" label={t("verification.reject")} color="red" />
          </Group>
        </Radio.Group>
        <Radio.Group
          label={t("verification.mode")}
          value={mode}
          onChange={(value) => setMode(value === "in_person" || value === "video_call" ? value : "")}
          error={errorOf("mode")}
        >
          <Group mt="xs" gap="lg">
            <Radio required value="in_person" label={t("vendor.modes.in_person")} />
            <Radio required value="video_call" label={t("vendor.modes.video_call")} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t("verification.reason")}
          description={t("verification.reasonHint")}
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errorOf("reason")}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} color={decision === "reject" ? "red" : undefined}>
            {t("verification.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
