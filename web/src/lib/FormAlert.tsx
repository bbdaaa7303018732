import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The part of a failed submission no single field could show. */
export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" title={t("common.errorTitle")} role="alert">
      {message}
    </Alert>
  );
}
