import { NativeSelect, NumberInput, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DURATION_UNITS, STAGE_KEYS, type StageKey } from "./settings.api";
import { asNumberValue, type StageDraft } from "./settingsDraft";

interface Props {
  stages: Record<string, StageDraft>;
  onChange: (key: string, stage: StageDraft) => void;
  errorOf: (path: string) => string | undefined;
}

function isKnownStage(key: string): key is StageKey {
  return (STAGE_KEYS as readonly string[]).includes(key);
}

/** One row per stage: amount and unit. Unknown stage keys are shown by their key. */
export function StageMinimumsFields({ stages, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("settings.stage")}</Table.Th>
            <Table.Th scope="col" w={120}>
              {t("settings.amount")}
            </Table.Th>
            <Table.Th scope="col" w={180}>
              {t("settings.unit")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(stages).map(([key, stage]) => {
            const label = isKnownStage(key) ? t(`stages.${key}`) : key;
            const rowError = errorOf(`stageMinimums.${key}`);
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row" fw={400}>
                  {label}
                  {rowError && (
                    <Text size="xs" c="red">
                      {rowError}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <NumberInput
                    aria-label={t("settings.amountOf", { stage: label })}
                    min={0}
                    max={365}
                    allowDecimal={false}
                    allowNegative={false}
                    value={stage.amount}
                    onChange={(value) => onChange(key, { ...stage, amount: asNumberValue(value) })}
                    error={errorOf(`stageMinimums.${key}.amount`)}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t("settings.unitOf", { stage: label })}
                    value={stage.unit}
                    data={DURATION_UNITS.map((unit) => ({ value: unit, label: t(`settings.units.${unit}`) }))}
                    onChange={(event) => {
                      const unit = DURATION_UNITS.find((u) => u === event.currentTarget.value);
                      if (unit) onChange(key, { ...stage, unit });
                    }}
                    error={errorOf(`stageMinimums.${key}.unit`)}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
