import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorText } from "./problem";
import { useLanguage } from "./useLanguage";

/** A failed load, with the server's message in the current language and a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorText(error, language, t)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
