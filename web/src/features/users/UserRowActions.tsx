import { Button, Group } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { notifyError, notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { type User, type UserAction, useUserAction } from "./users.api";

const DONE_KEYS = {
  disable: "users.disabled",
  enable: "users.enabled",
  "reset-second-factor": "users.secondFactorReset",
  "revoke-sessions": "users.sessionsRevoked",
} as const satisfies Record<UserAction, string>;

/** The confirmation dialog's title and question for the actions that ask first. */
function confirmation(kind: UserAction): { title: "users.disable" | "users.resetSecondFactor" | "users.revokeSessions"; message: "users.confirmDisable" | "users.confirmReset" | "users.confirmRevokeSessions" } {
  if (kind === "disable") return { title: "users.disable", message: "users.confirmDisable" };
  if (kind === "revoke-sessions") return { title: "users.revokeSessions", message: "users.confirmRevokeSessions" };
  return { title: "users.resetSecondFactor", message: "users.confirmReset" };
}

/**
 * Disable / enable, end the sessions, and reset the second factor. Disabling and resetting ask first: both end the user's
 * sessions (ending them alone is for a lost or stolen device). Button names carry the user's name so each row's buttons are distinguishable by ear.
 */
export function UserRowActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const action = useUserAction();
  const [confirming, setConfirming] = useState<UserAction | null>(null);

  const run = (kind: UserAction) =>
    action.mutate(
      { userId: user.id, action: kind },
      {
        onSuccess: (updated) => {
          setConfirming(null);
          notifySuccess(t(DONE_KEYS[kind], { name: updated.name }));
        },
        onError: (error) => {
          setConfirming(null);
          notifyError(errorText(error, language, t));
        },
      },
    );

  return (
    <Group gap="xs" wrap="nowrap">
      {user.status === "active" ? (
        <Button size="compact-sm" variant="light" color="red" aria-label={t("users.disableNamed", { name: user.name })} onClick={() => setConfirming("disable")}>
          {t("users.disable")}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          aria-label={t("users.enableNamed", { name: user.name })}
          loading={action.isPending && action.variables.action === "enable"}
          onClick={() => run("enable")}
        >
          {t("users.enable")}
        </Button>
      )}
      {user.status === "active" && (
        <Button size="compact-sm" variant="default" aria-label={t("users.revokeSessionsNamed", { name: user.name })} onClick={() => setConfirming("revoke-sessions")}>
          {t("users.revokeSessions")}
        </Button>
      )}
      {user.totpEnrolled && (
        <Button
          size="compact-sm"
          variant="default"
          aria-label={t("users.resetSecondFactorNamed", { name: user.name })}
          onClick={() => setConfirming("reset-second-factor")}
        >
          {t("users.resetSecondFactor")}
        </Button>
      )}
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming ? t(confirmation(confirming).title) : ""}
        message={confirming ? t(confirmation(confirming).message, { name: user.name }) : ""}
        loading={action.isPending}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Group>
  );
}
