import { NativeSelect } from "@mantine/core";
import type { Agency } from "../agencies/agencies.api";

interface Props {
  label: string;
  agencies: readonly Agency[];
  value: string;
  onChange: (agencyId: string) => void;
  emptyLabel: string;
  required?: boolean;
  disabled?: boolean;
  error?: string | undefined;
}

export function AgencySelect({ label, agencies, value, onChange, emptyLabel, required, disabled, error }: Props) {
  return (
    <NativeSelect
      label={label}
      required={required ?? false}
      disabled={disabled ?? false}
      value={value}
      error={error}
      data={[{ value: "", label: emptyLabel }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
