import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BUSINESS_FORMS, isBusinessForm } from "./vendors.api";

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The server's business forms; "" until one is chosen. A form the server knows but this app does not is shown as is. */
export function BusinessFormSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const known = BUSINESS_FORMS.map((form) => ({ value: form, label: t(`vendor.businessForms.${form}`) }));
  const extra = value !== "" && !isBusinessForm(value) ? [{ value, label: value }] : [];
  return (
    <NativeSelect
      label={t("vendor.businessForm")}
      required
      value={value}
      error={error}
      data={[{ value: "", label: t("vendor.businessFormPlaceholder") }, ...known, ...extra]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
