import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/**
 * PasswordInput whose show/hide button is named without the word "password": Mantine's default name
 * ("Toggle password visibility") would also match a search for the field's own label.
 */
export function SecretInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ "aria-label": t("common.showCharacters") }} />;
}
