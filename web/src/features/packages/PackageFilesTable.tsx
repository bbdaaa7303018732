import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { formatFileSize } from "../../lib/format";
import { useLanguage } from "../../lib/useLanguage";
import { useProcurementLabels } from "./labels";
import type { PackageFile } from "./packages.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;
const RIGHT = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

interface Props {
  files: readonly PackageFile[];
  /** Where a file downloads from: the package's address for its officials, the tender's for participants. */
  hrefOf: (file: PackageFile) => string;
  labelledBy: string;
  empty: string;
  testId?: string;
}

/** A package's files (KAK, specification, draft contract, drawings), each with a download link named after it. */
export function PackageFilesTable({ files, hrefOf, labelledBy, empty, testId }: Props) {
  const { t } = useTranslation();
  const labels = useProcurementLabels();
  const language = useLanguage();
  if (files.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("packages.documentKind")}</Table.Th>
            <Table.Th scope="col">{t("packages.documentName")}</Table.Th>
            <Table.Th scope="col" style={RIGHT}>
              {t("packages.documentSize")}
            </Table.Th>
            <Table.Th scope="col">{t("packages.documentUploadedAt")}</Table.Th>
            <Table.Th scope="col">{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.id}>
              <Table.Td style={NO_WRAP}>{labels.documentKind(file.kind)}</Table.Td>
              <Table.Td style={{ overflowWrap: "break-word" }}>{file.name}</Table.Td>
              <Table.Td style={RIGHT}>{formatFileSize(file.size, language)}</Table.Td>
              <Table.Td fz="sm" style={NO_WRAP}>
                <DateTime value={file.uploadedAt} seconds={false} />
              </Table.Td>
              <Table.Td>
                {/* The server sends the file as an attachment under its own, header-safe name. */}
                <Anchor href={hrefOf(file)} download aria-label={t("packages.downloadNamed", { name: file.name })}>
                  {t("packages.download")}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
