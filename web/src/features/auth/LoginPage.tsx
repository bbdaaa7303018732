import { Alert, Anchor, Button, Code, Image, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { type Enrollment, type LoginResponse, type Me, useMe } from "./auth.api";
import { CredentialsForm } from "./CredentialsForm";
import { RecoveryCodeForm, RecoveryCodeList } from "./RecoveryCodeForm";
import { TotpForm } from "./TotpForm";

type Step =
  | { kind: "credentials" }
  | { kind: "totp" }
  | { kind: "recovery" }
  | { kind: "enroll"; enrollment: Enrollment }
  | { kind: "codes"; user: Me; codes: string[] };

/** Back where the login was asked for: a workspace page, or the tender announcement a vendor wants to join. */
function returnPath(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string" && (state.from.startsWith("/app") || state.from.startsWith("/tender/"))) {
    return state.from;
  }
  return "/app";
}

/** The address a vendor just registered with (RegisterConfirmPage passes it), to greet them and fill it in. */
function registeredEmail(state: unknown): string | null {
  if (state && typeof state === "object" && "registeredEmail" in state && typeof state.registeredEmail === "string") return state.registeredEmail;
  return null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: "credentials" });
  const target = returnPath(location.state);
  const registered = registeredEmail(location.state);

  const done = (user: Me) => {
    notifySuccess(t("auth.welcome", { name: user.name }));
    void navigate(target, { replace: true });
  };
  const onResult = (result: LoginResponse) => {
    if (result.status === "ok") done(result.user);
    else if (result.status === "totp_required") setStep({ kind: "totp" });
    else setStep({ kind: "enroll", enrollment: result.enrollment });
  };

  if (me.isPending) return <PageLoader />;
  if (me.data && step.kind === "credentials") return <Navigate to={target} replace />;

  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} radius="md" maw={440} mx="auto">
      <Stack>
        {step.kind === "credentials" && (
          <>
            <Title order={1} size="h2">
              {t("auth.title")}
            </Title>
            {registered && (
              <Alert color="teal" role="status">
                {t("register.loginNotice", { email: registered })}
              </Alert>
            )}
            <CredentialsForm onResult={onResult} initialEmail={registered ?? ""} />
            <Text size="sm" ta="center">
              <Anchor component={Link} to="/lupa-sandi">
                {t("forgot.link")}
              </Anchor>
            </Text>
            <Text size="sm" ta="center">
              <Anchor component={Link} to="/daftar">
                {t("register.link")}
              </Anchor>
            </Text>
          </>
        )}
        {step.kind === "totp" && (
          <>
            <Title order={1} size="h2">
              {t("auth.totpTitle")}
            </Title>
            <Text size="sm">{t("auth.totpHelp")}</Text>
            <TotpForm kind="verify" onDone={done} />
            <Anchor component="button" type="button" size="sm" onClick={() => setStep({ kind: "recovery" })}>
              {t("recovery.useCode")}
            </Anchor>
          </>
        )}
        {step.kind === "recovery" && (
          <>
            <Title order={1} size="h2">
              {t("auth.totpTitle")}
            </Title>
            <RecoveryCodeForm onDone={done} />
            <Anchor component="button" type="button" size="sm" onClick={() => setStep({ kind: "totp" })}>
              {t("recovery.useAuthenticator")}
            </Anchor>
          </>
        )}
        {step.kind === "enroll" && (
          <>
            <Title order={1} size="h2">
              {t("auth.enrollTitle")}
            </Title>
            <Text size="sm">{t("auth.enrollHelp")}</Text>
            <Image src={step.enrollment.qrDataUrl} alt={t("auth.qrAlt")} w={220} h={220} fit="contain" mx="auto" bg="white" />
            <div>
              <Text size="sm" fw={500}>
                {t("auth.secret")}
              </Text>
              <Code block data-testid="totp-secret" style={{ wordBreak: "break-all", userSelect: "all" }}>
                {step.enrollment.secret}
              </Code>
            </div>
            <TotpForm kind="enroll" onDone={(user, codes) => (codes && codes.length > 0 ? setStep({ kind: "codes", user, codes }) : done(user))} />
          </>
        )}
        {step.kind === "codes" && (
          <>
            <Title order={1} size="h2">
              {t("recovery.codesTitle")}
            </Title>
            <Text size="sm">{t("recovery.codesHelp")}</Text>
            <RecoveryCodeList codes={step.codes} />
            <Button onClick={() => done(step.user)}>{t("recovery.saved")}</Button>
          </>
        )}
        {step.kind !== "credentials" && step.kind !== "codes" && (
          <Anchor component="button" type="button" size="sm" onClick={() => setStep({ kind: "credentials" })}>
            {t("auth.restart")}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
