import { Fieldset, Grid, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatQuantity, formatSen } from "../../lib/money";
import { useLanguage } from "../../lib/useLanguage";

interface Props {
  /** A line of the bill of quantities. */
  item: { id: string; description: string; unit: string; quantity: string };
  /** Its number as shown ("1. Galian tanah"). */
  n: number;
  price: string;
  onChange: (price: string) => void;
  /** The line amount, computed exactly from what was typed; null while the price is not a valid amount. */
  lineTotal: bigint | null;
  error?: string | undefined;
  disabled?: boolean;
  /** `data-testid` of the line and of its amount: `${testId}-line`, `${testId}-line-total`. */
  testId: string;
}

/**
 * One line of the bill of quantities to price: the document's quantity, the unit price as typed and the
 * line amount (unit price × quantity, rounded half up to the sen). The bid form and the Pengadaan Langsung
 * quotation price their lines the same way.
 */
export function PricedLine({ item, n, price, onChange, lineTotal, error, disabled, testId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Fieldset legend={t("pricedLine.legend", { n, description: item.description })} variant="filled" p="sm" data-testid={`${testId}-line`}>
      <Grid gap="xs" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Text size="sm">
            {t("pricedLine.quantity")}:{" "}
            <Text span fw={600}>
              {formatQuantity(item.quantity, language)} {item.unit}
            </Text>
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label={t("pricedLine.unitPrice")}
            description={t("pricedLine.unitPriceHint", { unit: item.unit })}
            required
            inputMode="decimal"
            autoComplete="off"
            disabled={disabled}
            value={price}
            onChange={(e) => onChange(e.currentTarget.value)}
            error={error}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Text size="sm">
            {t("pricedLine.lineTotal")}:{" "}
            <Text span fw={600} data-testid={`${testId}-line-total`}>
              {lineTotal !== null ? formatSen(lineTotal) : price.trim() === "" ? t("common.none") : t("pricedLine.invalidAmount")}
            </Text>
          </Text>
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
