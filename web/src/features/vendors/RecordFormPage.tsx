import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useCurrentUser } from "../auth/useCurrentUser";
import { NotFoundPage } from "../NotFoundPage";
import { type FieldInput, type FieldSpec, type FormValues, KIND_SPECS, kindFromSlug, type RecordKind, recordsSectionPath, recordTitle, toFormValues, toRecordInput } from "./recordFields";
import { useRecords, useSaveRecord, type VendorRecord } from "./records.api";
import { NoVendor } from "./VendorPage";

/** `/app/penyedia/data/:kindSlug/baru`: a new record of one kind. */
export function RecordCreatePage() {
  const me = useCurrentUser();
  const kind = kindFromSlug(useParams().kindSlug);
  if (!me.vendorId) return <NoVendor />;
  if (!kind) return <NotFoundPage />;
  return <RecordForm vendorId={me.vendorId} kind={kind} record={null} />;
}

/** `/app/penyedia/data/:kindSlug/:recordId/ubah`: the record from its kind's list (there is no single-record read). */
export function RecordEditPage() {
  const me = useCurrentUser();
  const { kindSlug, recordId = "" } = useParams();
  const kind = kindFromSlug(kindSlug);
  if (!me.vendorId) return <NoVendor />;
  if (!kind) return <NotFoundPage />;
  return <RecordEditLoader vendorId={me.vendorId} kind={kind} recordId={recordId} />;
}

function RecordEditLoader({ vendorId, kind, recordId }: { vendorId: string; kind: RecordKind; recordId: string }) {
  const { t } = useTranslation();
  const records = useRecords(vendorId, kind);
  if (records.isPending) return <PageLoader />;
  if (records.isError) return <QueryError error={records.error} onRetry={() => void records.refetch()} />;
  const record = records.data.find((r) => r.id === recordId);
  if (!record) return <Alert color="red">{t("records.notFound")}</Alert>;
  return <RecordForm vendorId={vendorId} kind={kind} record={record} />;
}

/** One form for every kind, its inputs from the kind's field table (recordFields.ts). */
function RecordForm({ vendorId, kind, record }: { vendorId: string; kind: RecordKind; record: VendorRecord | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const spec = KIND_SPECS[kind];
  const save = useSaveRecord(vendorId, kind, record?.id ?? null);
  const [values, setValues] = useState<FormValues>(() => toFormValues(kind, record));
  // The server names each field by its property; the form's fields have the same names.
  const problem = useFormProblem(save.error, Object.fromEntries(spec.fields.map((field) => [field.name, field.name])));
  const back = recordsSectionPath(kind);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toRecordInput(kind, values), {
      onSuccess: (saved) => {
        const names = { item: t(`records.kinds.${kind}.item`), name: recordTitle(kind, saved) };
        notifySuccess(t(record ? "records.saved" : "records.added", names));
        void navigate(back);
      },
    });
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t(record ? `records.kinds.${kind}.edit` : `records.kinds.${kind}.add`)}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {spec.fields.map((field) => (
              <RecordField
                key={field.name}
                field={field}
                value={values[field.name] ?? ""}
                error={problem.fields[field.name]}
                onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
              />
            ))}
          </SimpleGrid>
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(back)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Phones show a number pad for these. */
const INPUT_MODES: Partial<Record<FieldInput, "numeric" | "decimal">> = { integer: "numeric", year: "numeric", money: "decimal", percent: "decimal" };

function RecordField({ field, value, error, onChange }: { field: FieldSpec; value: string; error: string | undefined; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const common = {
    label: t(`records.fields.${field.label}`),
    description: field.hint ? t(`records.hints.${field.hint}`) : undefined,
    required: field.empty === undefined,
    error,
    value,
  };
  if (field.input === "select") {
    return (
      <NativeSelect
        {...common}
        data={[{ value: "", label: t("records.choose") }, ...(field.options ?? []).map((option) => ({ value: option, label: t(`records.options.${option}`) }))]}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={field.input === "date" ? "date" : "text"}
      inputMode={INPUT_MODES[field.input]}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
