import { Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { HOLIDAY_KINDS, type HolidayKind, useAddHoliday } from "./settings.api";

const FIELD_PATHS = { date: "date", name: "name", kind: "kind" } as const;

export function HolidayAddForm({ onAdded }: { onAdded: (date: string) => void }) {
  const { t } = useTranslation();
  const add = useAddHoliday();
  const [date, setDate] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<HolidayKind>("national");
  const problem = useFormProblem(add.error, FIELD_PATHS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { date, name: name.trim(), kind },
      {
        onSuccess: () => {
          notifySuccess(t("holidays.added", { name: name.trim() }));
          onAdded(date);
          setDate("");
          setName("");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <TextInput type="date" label={t("holidays.date")} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={problem.fields.date} miw={160} />
          <TextInput label={t("holidays.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem.fields.name} miw={200} />
          <NativeSelect
            label={t("holidays.kind")}
            required
            value={kind}
            data={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`holidays.kinds.${k}`) }))}
            onChange={(e) => {
              const next = HOLIDAY_KINDS.find((k) => k === e.currentTarget.value);
              if (next) setKind(next);
            }}
            error={problem.fields.kind}
            miw={160}
          />
        </Group>
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={add.isPending}>
            {t("holidays.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
