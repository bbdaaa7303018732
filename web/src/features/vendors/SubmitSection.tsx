import { Alert, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { errorText } from "../../lib/problem";
import { useLanguage } from "../../lib/useLanguage";
import { useSubmitVendor } from "./vendors.api";

/**
 * Sends the saved profile to the Verifikator. The server checks completeness and answers 400 with one
 * error per missing item (`vendor.nib`, `vendor.licences`, …), listed here.
 */
export function SubmitSection({ vendorId, profileDirty }: { vendorId: string; profileDirty: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const submit = useSubmitVendor(vendorId);
  const missing = isApiError(submit.error) && submit.error.status === 400 ? submit.error.fieldErrors : [];
  const other = submit.error && missing.length === 0 ? errorText(submit.error, language, t) : null;

  return (
    <Stack component="section" aria-labelledby="submit-title">
      <Title order={2} size="h3" id="submit-title">
        {t("vendor.submitTitle")}
      </Title>
      <Text size="sm">{t("vendor.submitHelp")}</Text>
      {missing.length > 0 && (
        <Alert color="orange" title={t("vendor.missingTitle")} role="alert">
          <List size="sm" data-testid="missing-items">
            {missing.map((item) => (
              <List.Item key={item.field}>{item.message[language]}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <FormAlert message={other} />
      {profileDirty && (
        <Text size="sm" c="orange.9">
          {t("vendor.saveFirst")}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          color="teal"
          disabled={profileDirty}
          loading={submit.isPending}
          onClick={() => submit.mutate(undefined, { onSuccess: () => notifySuccess(t("vendor.submitted")) })}
        >
          {t("vendor.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
