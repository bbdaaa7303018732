import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { formatSen, normalizeRupiah, parseRupiah } from "../../lib/money";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useWorkUnits } from "../agencies/agencies.api";
import { parseKbliCodes } from "../vendors/LicenceCreatePage";
import { emptyItem, HpsItemsEditor, type ItemDraft, itemsInput, itemFieldPaths } from "./HpsItemsEditor";
import { useProcurementLabels } from "./labels";
import {
  CATEGORIES,
  type Category,
  CONTRACT_TYPES,
  type ContractType,
  EVALUATION_METHODS,
  type EvaluationMethod,
  fittingChoices,
  FUNDING_SOURCES,
  type FundingSource,
  isOneOf,
  isWeighted,
  METHODS,
  type Method,
  type Package,
  type PackageInput,
  QUALIFICATIONS,
  type Qualification,
} from "./packages.api";

export interface PackageDraft {
  rupCode: string;
  name: string;
  workUnitId: string;
  fiscalYear: string;
  fundingSource: FundingSource;
  pagu: string;
  category: Category;
  method: Method;
  evaluationMethod: EvaluationMethod;
  /** Percent, as typed; sent only for the weighted methods. */
  technicalWeight: string;
  qualification: Qualification;
  contractType: ContractType;
  kbli: string;
  qualificationRequirements: string;
  items: ItemDraft[];
}

export function emptyDraft(fiscalYear: number): PackageDraft {
  return {
    rupCode: "",
    name: "",
    workUnitId: "",
    fiscalYear: String(fiscalYear),
    fundingSource: "APBD",
    pagu: "",
    category: "barang",
    method: "tender",
    evaluationMethod: "gugur_harga_terendah",
    technicalWeight: "",
    qualification: "pasca",
    contractType: "lumsum",
    kbli: "",
    qualificationRequirements: "",
    items: [emptyItem(), emptyItem()],
  };
}

export function draftOf(pkg: Package): PackageDraft {
  return {
    rupCode: pkg.rupCode,
    name: pkg.name,
    workUnitId: pkg.workUnitId,
    fiscalYear: String(pkg.fiscalYear),
    fundingSource: isOneOf(FUNDING_SOURCES, pkg.fundingSource) ? pkg.fundingSource : "Lainnya",
    pagu: pkg.pagu,
    category: pkg.category,
    method: pkg.method,
    evaluationMethod: pkg.evaluationMethod,
    technicalWeight: pkg.technicalWeight === null ? "" : String(pkg.technicalWeight),
    qualification: pkg.qualification,
    contractType: pkg.contractType,
    kbli: pkg.kbliCodes.join(", "),
    qualificationRequirements: pkg.qualificationRequirements,
    items: pkg.hpsItems.map((item) => ({ ...emptyItem(), description: item.description, unit: item.unit, quantity: item.quantity, unitPrice: item.unitPrice })),
  };
}

function inputOf(draft: PackageDraft): PackageInput {
  return {
    rupCode: draft.rupCode.trim(),
    name: draft.name.trim(),
    workUnitId: draft.workUnitId,
    // Not a number becomes NaN, sent as null: the server's message then appears under the field.
    fiscalYear: Number(draft.fiscalYear.trim()),
    fundingSource: draft.fundingSource,
    pagu: normalizeRupiah(draft.pagu),
    category: draft.category,
    method: draft.method,
    evaluationMethod: draft.evaluationMethod,
    // Only for the weighted methods; left empty or not a number (sent as null), the server's message appears under the field.
    ...(isWeighted(draft.evaluationMethod) && draft.technicalWeight.trim() !== "" && { technicalWeight: Number(draft.technicalWeight.trim()) }),
    qualification: draft.qualification,
    contractType: draft.contractType,
    kbliCodes: parseKbliCodes(draft.kbli),
    qualificationRequirements: draft.qualificationRequirements.trim(),
    hpsItems: itemsInput(draft.items),
  };
}

const FIELD_PATHS: Record<string, string> = {
  rupCode: "rupCode",
  name: "name",
  workUnitId: "workUnitId",
  fiscalYear: "fiscalYear",
  fundingSource: "fundingSource",
  pagu: "pagu",
  category: "category",
  method: "method",
  evaluationMethod: "evaluationMethod",
  technicalWeight: "technicalWeight",
  qualification: "qualification",
  contractType: "contractType",
  kbliCodes: "kbliCodes",
  qualificationRequirements: "qualificationRequirements",
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`kbliCodes.${i}`, "kbliCodes"])),
  ...itemFieldPaths(),
};

interface Props {
  title: string;
  agencyId: string;
  initial: PackageDraft;
  error: unknown;
  pending: boolean;
  cancelTo: string;
  onSubmit: (input: PackageInput) => void;
}

/**
 * The package as the PPK prepares it: identification, budget, method and the HPS breakdown. Line totals
 * and the HPS are computed in the browser with the server's exact arithmetic; the server checks the
 * regulation's rules (HPS within the pagu, method and evaluation for the category, limits) and its
 * messages appear under the fields they concern.
 */
export function PackageForm({ title, agencyId, initial, error, pending, cancelTo, onSubmit }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useProcurementLabels();
  const units = useWorkUnits(agencyId);
  const [draft, setDraft] = useState<PackageDraft>(initial);
  const problem = useFormProblem(error, FIELD_PATHS);
  const field = (name: string) => problem.fields[name];

  const text = (key: "rupCode" | "name" | "fiscalYear" | "pagu" | "technicalWeight" | "kbli" | "qualificationRequirements") => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const paguSen = parseRupiah(draft.pagu);
  const weight = Number(draft.technicalWeight.trim());
  const priceWeight = draft.technicalWeight.trim() !== "" && Number.isInteger(weight) && weight >= 1 && weight <= 99 ? String(100 - weight) : "…";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(inputOf(draft));
  };

  const select = <T extends string>(label: string, values: readonly T[], value: T, name: string, labelOf: (v: string) => string, onChange: (v: T) => void) => (
    <NativeSelect
      label={label}
      required
      value={value}
      error={field(name)}
      data={values.map((v) => ({ value: v, label: labelOf(v) }))}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isOneOf(values, next)) onChange(next);
      }}
    />
  );

  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} maw={960}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {title}
          </Title>
          <TextInput label={t("packages.name")} required maxLength={500} value={draft.name} onChange={text("name")} error={field("name")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("packages.rupCode")} description={t("packages.rupCodeHint")} required inputMode="numeric" value={draft.rupCode} onChange={text("rupCode")} error={field("rupCode")} />
            <TextInput label={t("packages.fiscalYear")} description={t("packages.fiscalYearHint")} required inputMode="numeric" maxLength={4} value={draft.fiscalYear} onChange={text("fiscalYear")} error={field("fiscalYear")} />
          </SimpleGrid>
          {units.isPending && <PageLoader />}
          {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
          {units.data && (
            <NativeSelect
              label={t("packages.workUnit")}
              required
              value={draft.workUnitId}
              error={field("workUnitId") ?? (units.data.length === 0 ? t("packages.workUnitsMissing") : undefined)}
              data={[{ value: "", label: t("packages.workUnitPlaceholder") }, ...units.data.map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }))]}
              onChange={(event) => {
                const workUnitId = event.currentTarget.value;
                setDraft((d) => ({ ...d, workUnitId }));
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {select(t("packages.fundingSource"), FUNDING_SOURCES, draft.fundingSource, "fundingSource", labels.fundingSource, (fundingSource) => setDraft((d) => ({ ...d, fundingSource })))}
            <TextInput
              label={t("packages.pagu")}
              description={paguSen !== null ? formatSen(paguSen) : t("packages.amountHint")}
              required
              inputMode="decimal"
              value={draft.pagu}
              onChange={text("pagu")}
              error={field("pagu")}
            />
            {select(t("packages.category"), CATEGORIES, draft.category, "category", labels.category, (category) => setDraft((d) => ({ ...d, category, ...fittingChoices(category, d.method, d.evaluationMethod) })))}
            {select(t("packages.method"), METHODS, draft.method, "method", labels.method, (method) => setDraft((d) => ({ ...d, method })))}
            {select(t("packages.evaluationMethod"), EVALUATION_METHODS, draft.evaluationMethod, "evaluationMethod", labels.evaluationMethod, (evaluationMethod) => setDraft((d) => ({ ...d, evaluationMethod })))}
            {isWeighted(draft.evaluationMethod) && (
              <TextInput
                label={t("packages.technicalWeight")}
                description={t("packages.technicalWeightHint", { price: priceWeight })}
                required
                inputMode="numeric"
                maxLength={2}
                value={draft.technicalWeight}
                onChange={text("technicalWeight")}
                error={field("technicalWeight")}
              />
            )}
            {select(t("packages.qualification"), QUALIFICATIONS, draft.qualification, "qualification", labels.qualification, (qualification) => setDraft((d) => ({ ...d, qualification })))}
            {select(t("packages.contractType"), CONTRACT_TYPES, draft.contractType, "contractType", labels.contractType, (contractType) => setDraft((d) => ({ ...d, contractType })))}
            <TextInput label={t("packages.kbli")} description={t("packages.kbliHint")} inputMode="numeric" value={draft.kbli} onChange={text("kbli")} error={field("kbliCodes")} />
          </SimpleGrid>
          <Textarea
            label={t("packages.requirements")}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={5000}
            value={draft.qualificationRequirements}
            onChange={text("qualificationRequirements")}
            error={field("qualificationRequirements")}
          />
          <HpsItemsEditor items={draft.items} onChange={(items) => setDraft((d) => ({ ...d, items }))} fieldError={field} paguSen={paguSen} />
          <FormAlert message={problem.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(cancelTo)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {t("packages.save")}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" ta="right">
            {t("packages.ppkOnly")}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
