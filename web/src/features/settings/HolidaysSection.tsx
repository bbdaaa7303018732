import { Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../lib/ConfirmDialog";
import { formatCalendarDate } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { HolidayAddForm } from "./HolidayAddForm";
import { type Holiday, useDeleteHoliday, useHolidays } from "./settings.api";

export function HolidaysSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const holidays = useHolidays(year);
  const remove = useDeleteHoliday();
  const [deleting, setDeleting] = useState<Holiday | null>(null);

  const confirmDelete = () => {
    if (!deleting) return;
    const holiday = deleting;
    remove.mutate(holiday.date, {
      onSuccess: () => notifySuccess(t("holidays.deleted", { name: holiday.name })),
      onError: (error) => notifyError(errorText(error, language, t)),
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <Stack component="section" aria-labelledby="holidays-title">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="holidays-title">
          {t("holidays.title")}
        </Title>
        <NumberInput
          label={t("holidays.year")}
          w={120}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator={false}
          value={year}
          onChange={(value) => {
            const n = Number(value);
            if (Number.isInteger(n) && n >= 2000 && n <= 2100) setYear(n);
          }}
        />
      </Group>
      {holidays.isPending && <PageLoader />}
      {holidays.isError && <QueryError error={holidays.error} onRetry={() => void holidays.refetch()} />}
      {holidays.data && holidays.data.length === 0 && <Text c="dimmed">{t("holidays.empty")}</Text>}
      {holidays.data && holidays.data.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-labelledby="holidays-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("holidays.date")}</Table.Th>
                <Table.Th scope="col">{t("holidays.name")}</Table.Th>
                <Table.Th scope="col">{t("holidays.kind")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {holidays.data.map((holiday) => (
                <Table.Tr key={holiday.date}>
                  <Table.Td>
                    <time dateTime={holiday.date}>{formatCalendarDate(holiday.date, language)}</time>
                  </Table.Td>
                  <Table.Td>{holiday.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={holiday.kind === "national" ? "red" : "blue"}>
                      {t(`holidays.kinds.${holiday.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" color="red" aria-label={t("holidays.deleteNamed", { date: holiday.date })} onClick={() => setDeleting(holiday)}>
                      {t("common.delete")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <HolidayAddForm
        onAdded={(date) => {
          // Show the year the new holiday is in.
          const added = Number(date.slice(0, 4));
          if (Number.isInteger(added)) setYear(added);
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title={t("common.delete")}
        message={deleting ? t("holidays.confirmDelete", { name: deleting.name, date: formatCalendarDate(deleting.date, language) }) : ""}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </Stack>
  );
}
