import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TIME_ZONE_CODES, type TimeZoneCode } from "./format";

interface Props {
  label: string;
  value: TimeZoneCode;
  onChange: (value: TimeZoneCode) => void;
  error?: string | undefined;
}

/** WIB / WITA / WIT as a native select: reliable on phones and in browser tests. */
export function TimeZoneSelect({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      value={value}
      error={error}
      required
      data={TIME_ZONE_CODES.map((code) => ({ value: code, label: t(`zones.${code}`) }))}
      onChange={(event) => {
        const next = TIME_ZONE_CODES.find((code) => code === event.currentTarget.value);
        if (next) onChange(next);
      }}
    />
  );
}
