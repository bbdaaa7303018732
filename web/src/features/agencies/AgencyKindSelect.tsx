import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { AGENCY_KINDS, type AgencyKind } from "./agencies.api";

interface Props {
  value: AgencyKind;
  onChange: (kind: AgencyKind) => void;
  error?: string | undefined;
}

export function AgencyKindSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("agencies.kind")}
      required
      value={value}
      error={error}
      data={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencies.kinds.${kind}`) }))}
      onChange={(event) => {
        const next = AGENCY_KINDS.find((kind) => kind === event.currentTarget.value);
        if (next) onChange(next);
      }}
    />
  );
}
