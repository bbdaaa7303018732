import { Alert, Button, Fieldset, Grid, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatSen, lineTotalSen, normalizeQuantity, normalizeRupiah } from "../../lib/money";

export interface ItemDraft {
  /** Stable React key while rows are added and removed. */
  key: number;
  description: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

let nextKey = 1;
export function emptyItem(): ItemDraft {
  return { key: nextKey++, description: "", unit: "", quantity: "", unitPrice: "" };
}

export function itemsInput(items: readonly ItemDraft[]) {
  return items.map((item) => ({
    description: item.description.trim(),
    unit: item.unit.trim(),
    quantity: normalizeQuantity(item.quantity),
    unitPrice: normalizeRupiah(item.unitPrice),
  }));
}

const ITEM_FIELDS = ["description", "unit", "quantity", "unitPrice"] as const;
type ItemField = (typeof ITEM_FIELDS)[number];

/** `hpsItems.3.unitPrice` → `items.3.unitPrice`; the HPS as a whole (`hpsItems`: above the pagu, too large) → `hpsItems`. */
export function itemFieldPaths(): Record<string, string> {
  const paths: Record<string, string> = { hpsItems: "hpsItems" };
  for (let i = 0; i < 500; i++) {
    paths[`hpsItems.${i}`] = `items.${i}`;
    for (const f of ITEM_FIELDS) paths[`hpsItems.${i}.${f}`] = `items.${i}.${f}`;
  }
  return paths;
}

interface Props {
  items: readonly ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  fieldError: (name: string) => string | undefined;
  paguSen: bigint | null;
}

/**
 * HPS lines: description, unit, quantity and unit price; each line's amount and the HPS total follow
 * as the PPK types, exactly (BigInt sen, rounded half up per line as the server does).
 */
export function HpsItemsEditor({ items, onChange, fieldError, paguSen }: Props) {
  const { t } = useTranslation();
  const totals = items.map((item) => lineTotalSen(item.quantity, item.unitPrice));
  const complete = totals.every((v) => v !== null);
  const hpsSen = totals.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
  const update = (index: number, field: ItemField, value: string) => onChange(items.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  const remove = (index: number) => onChange(items.filter((_, i) => i !== index));

  return (
    <Stack gap="sm" component="section" aria-labelledby="hps-title">
      <Title order={2} size="h4" id="hps-title">
        {t("packages.hpsTitle")}
      </Title>
      {items.map((item, index) => {
        const n = index + 1;
        const total = totals[index] ?? null;
        const input = (f: ItemField, label: string, extra: { inputMode?: "decimal"; description?: string; maxLength?: number } = {}) => (
          <TextInput label={label} required value={item[f]} onChange={(e) => update(index, f, e.currentTarget.value)} error={fieldError(`items.${index}.${f}`)} {...extra} />
        );
        return (
          <Fieldset key={item.key} legend={t("packages.itemRow", { n })} variant="filled" p="sm" data-testid="hps-row">
            <Grid gap="xs">
              <Grid.Col span={{ base: 12, md: 5 }}>{input("description", t("packages.description"), { maxLength: 500 })}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>{input("unit", t("packages.unit"), { maxLength: 30 })}</Grid.Col>
              <Grid.Col span={{ base: 6, md: 2 }}>{input("quantity", t("packages.quantity"), { inputMode: "decimal" })}</Grid.Col>
              <Grid.Col span={{ base: 12, md: 3 }}>{input("unitPrice", t("packages.unitPrice"), { inputMode: "decimal" })}</Grid.Col>
            </Grid>
            {fieldError(`items.${index}`) && (
              <Text size="xs" c="red" mt={4}>
                {fieldError(`items.${index}`)}
              </Text>
            )}
            <Group justify="space-between" mt="xs" gap="xs">
              <Text size="sm">
                {t("packages.lineTotal")}:{" "}
                <Text span fw={600} data-testid="line-total">
                  {total !== null ? formatSen(total) : item.quantity.trim() === "" && item.unitPrice.trim() === "" ? t("common.none") : t("packages.invalidAmount")}
                </Text>
              </Text>
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove(index)} disabled={items.length === 1} aria-label={t("packages.removeItem", { n })}>
                {t("common.delete")}
              </Button>
            </Group>
          </Fieldset>
        );
      })}
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Button variant="light" onClick={() => onChange([...items, emptyItem()])} disabled={items.length >= 500}>
          {t("packages.addItem")}
        </Button>
        <Text fw={600} aria-live="polite">
          {t("packages.hpsTotal")}:{" "}
          <Text span fw={700} data-testid="hps-total">
            {formatSen(hpsSen)}
          </Text>
          {!complete && (
            <Text span size="xs" c="dimmed" fw={400}>
              {" "}
              ({t("packages.invalidAmount")})
            </Text>
          )}
        </Text>
      </Group>
      {paguSen !== null && complete && hpsSen > paguSen && (
        <Alert color="orange" variant="light" p="xs">
          {t("packages.hpsAbovePagu", { hps: formatSen(hpsSen), pagu: formatSen(paguSen) })}
        </Alert>
      )}
      {fieldError("hpsItems") && (
        <Text size="sm" c="red" role="alert">
          {fieldError("hpsItems")}
        </Text>
      )}
    </Stack>
  );
}
