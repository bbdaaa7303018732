import { Badge, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useDateTimeFormat } from "../../lib/DateTime";
import { useServerNow } from "../../lib/useServerNow";
import { usePublicLpse } from "../public/public.api";
import type { SlaTimer } from "./helpdesk.api";

function hoursMinutes(seconds: number): { h: number; m: string } {
  const total = Math.floor(Math.abs(seconds) / 60);
  return { h: Math.floor(total / 60), m: String(total % 60).padStart(2, "0") };
}

/** An SLA timer that ticks with the server clock: time left or overdue, then met or missed. */
export function SlaTimerText({ timer }: { timer: SlaTimer }) {
  const { t } = useTranslation();
  const lpse = usePublicLpse();
  const now = useServerNow(lpse.data?.clockOffsetMs ?? 0);
  const format = useDateTimeFormat();
  if (timer.doneAt !== null) {
    const met = timer.state === "met";
    return (
      <Badge color={met ? "teal" : "red"} variant="light">
        {met ? t("helpdesk.sla.met") : t("helpdesk.sla.breached")}
      </Badge>
    );
  }
  const remaining = Math.floor((Date.parse(timer.dueAt) - now.getTime()) / 1000);
  return (
    <div>
      <Text size="sm" fw={600} c={remaining < 0 ? "red" : remaining < 3600 ? "orange" : undefined}>
        {t(remaining >= 0 ? "helpdesk.sla.remaining" : "helpdesk.sla.overdue", { time: t("helpdesk.sla.hm", hoursMinutes(remaining)) })}
      </Text>
      <Text size="xs" c="dimmed">
        {t("helpdesk.sla.due", { at: format(timer.dueAt, { seconds: false }) })}
      </Text>
    </div>
  );
}

const PRIORITY_COLORS = { P1: "red", P2: "orange", P3: "yellow", P4: "gray" } as const;

export function PriorityBadge({ priority }: { priority: keyof typeof PRIORITY_COLORS }) {
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant="filled">
      {priority}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: "new" | "assigned" | "in_progress" | "waiting_for_user" | "resolved" | "closed" }) {
  const { t } = useTranslation();
  const color = status === "resolved" ? "teal" : status === "closed" ? "gray" : status === "new" ? "blue" : "indigo";
  return (
    <Badge color={color} variant="light">
      {t(`helpdesk.statuses.${status}`)}
    </Badge>
  );
}
