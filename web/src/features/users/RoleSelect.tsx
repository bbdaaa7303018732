import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isRole, type Role } from "../../lib/roles";

interface Props {
  label: string;
  roles: readonly Role[];
  value: Role | "";
  onChange: (role: Role | "") => void;
  /** Text of the empty option ("all" for a filter, "choose" for a form). */
  emptyLabel: string;
  required?: boolean;
  error?: string | undefined;
}

export function RoleSelect({ label, roles, value, onChange, emptyLabel, required, error }: Props) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label}
      required={required ?? false}
      value={value}
      error={error}
      data={[{ value: "", label: emptyLabel }, ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange(isRole(next) ? next : "");
      }}
    />
  );
}
