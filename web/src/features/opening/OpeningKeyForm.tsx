import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { MIN_PASSPHRASE_LENGTH } from "../../../../src/crypto/keys.js";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { SecretInput } from "../../lib/SecretInput";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "../tenders/Section";
import { useSaveOpeningKey, webCryptoAvailable } from "./opening.api";

interface Props {
  /** Replacing an existing key: another title, and a way back. */
  replacing: boolean;
  onDone?: () => void;
}

/**
 * The passphrase, asked twice, under a plain warning: nobody can recover it. The key is made and wrapped
 * in this browser; the server refuses a replacement while the member holds a share of an unopened tender,
 * and its message is shown as it comes.
 */
export function OpeningKeyForm({ replacing, onDone }: Props) {
  const { t } = useTranslation();
  const save = useSaveOpeningKey();
  const [passphrase, setPassphrase] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});
  const problem = useFormProblem(save.error, {});
  const canCrypt = webCryptoAvailable();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(passphrase.length < MIN_PASSPHRASE_LENGTH && { passphrase: t("opening.key.tooShort", { min: MIN_PASSPHRASE_LENGTH }) }),
      ...(confirm !== passphrase && { confirm: t("opening.key.mismatch") }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(passphrase, {
      onSuccess: () => {
        notifySuccess(t("opening.key.created"));
        setPassphrase("");
        setConfirm("");
        onDone?.();
      },
    });
  };

  return (
    <Section id="opening-key-form-title" title={replacing ? t("opening.key.replaceTitle") : t("opening.key.formTitle")}>
      <Alert color="orange" variant="light" title={t("opening.key.warningTitle")}>
        {t("opening.key.warning")}
      </Alert>
      {replacing && (
        <Text size="sm" c="dimmed">
          {t("opening.key.replaceHint")}
        </Text>
      )}
      {!canCrypt && <FormAlert message={t("opening.key.noWebCrypto")} />}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SecretInput
            label={t("opening.key.passphrase")}
            description={t("opening.key.passphraseHint", { min: MIN_PASSPHRASE_LENGTH })}
            required
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
          />
          <SecretInput
            label={t("opening.key.confirm")}
            required
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
          />
          <FormAlert message={problem.general} />
          {save.isPending && (
            <Text size="sm" role="status">
              {t("opening.key.creating")}
            </Text>
          )}
          <Group justify="flex-end">
            {replacing && onDone && (
              <Button variant="default" onClick={onDone} disabled={save.isPending}>
                {t("common.cancel")}
              </Button>
            )}
            <Button type="submit" loading={save.isPending} disabled={!canCrypt}>
              {t("opening.key.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
