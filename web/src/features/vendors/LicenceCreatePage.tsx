import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useCurrentUser } from "../auth/useCurrentUser";
import { useLicenceKindLabel } from "./LicencesTable";
import { isLicenceKind, LICENCE_KINDS, type LicenceKind, useAddLicence } from "./vendors.api";
import { NoVendor } from "./VendorPage";

type Field = "kind" | "number" | "issuer" | "kbliCodes" | "validFrom" | "validUntil";

/** The server names each code (`kbliCodes.3`); all of them belong under the one text input. */
const FIELD_PATHS: Record<string, Field> = {
  kind: "kind",
  number: "number",
  issuer: "issuer",
  kbliCodes: "kbliCodes",
  validFrom: "validFrom",
  validUntil: "validUntil",
  ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`kbliCodes.${i}`, "kbliCodes" as const])),
};

/** "41011, 42101 43211" → ["41011", "42101", "43211"]: commas, semicolons and spaces all separate. */
export function parseKbliCodes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((code) => code !== "");
}

const BACK = "/app/penyedia";

export function LicenceCreatePage() {
  const me = useCurrentUser();
  if (!me.vendorId) return <NoVendor />;
  return <LicenceCreateForm vendorId={me.vendorId} />;
}

function LicenceCreateForm({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kindLabel = useLicenceKindLabel();
  const add = useAddLicence(vendorId);
  const [values, setValues] = useState({ kind: "NIB" as LicenceKind, number: "", issuer: "", kbli: "", validFrom: "", validUntil: "" });
  const problem = useFormProblem(add.error, FIELD_PATHS);
  const set = (field: "number" | "issuer" | "kbli" | "validFrom" | "validUntil") => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        kind: values.kind,
        number: values.number.trim(),
        issuer: values.issuer.trim(),
        kbliCodes: parseKbliCodes(values.kbli),
        validFrom: values.validFrom,
        validUntil: values.validUntil === "" ? null : values.validUntil,
      },
      {
        onSuccess: (licence) => {
          notifySuccess(t("vendor.licenceAdded", { kind: kindLabel(licence.kind), number: licence.number }));
          void navigate(BACK);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t("vendor.addLicence")}
          </Title>
          <NativeSelect
            label={t("vendor.licenceKind")}
            required
            value={values.kind}
            error={problem.fields.kind}
            data={LICENCE_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
            onChange={(event) => {
              const kind = event.currentTarget.value;
              if (isLicenceKind(kind)) setValues((v) => ({ ...v, kind }));
            }}
          />
          <TextInput label={t("vendor.licenceNumber")} required value={values.number} onChange={set("number")} error={problem.fields.number} />
          <TextInput label={t("vendor.issuer")} required description={t("vendor.issuerHint")} value={values.issuer} onChange={set("issuer")} error={problem.fields.issuer} />
          <TextInput
            label={t("vendor.kbli")}
            required
            description={t("vendor.kbliHint")}
            inputMode="numeric"
            value={values.kbli}
            onChange={set("kbli")}
            error={problem.fields.kbliCodes}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput type="date" label={t("vendor.validFrom")} required value={values.validFrom} onChange={set("validFrom")} error={problem.fields.validFrom} />
            <TextInput
              type="date"
              label={t("vendor.validUntil")}
              description={t("vendor.validUntilHint")}
              value={values.validUntil}
              onChange={set("validUntil")}
              error={problem.fields.validUntil}
            />
          </SimpleGrid>
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(BACK)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
