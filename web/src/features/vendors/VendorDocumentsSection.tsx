import { Anchor, Divider, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { formatFileSize } from "../../lib/format";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useLanguage } from "../../lib/useLanguage";
import { DocumentUploadForm } from "./DocumentUploadForm";
import { documentContentUrl, isDocumentKind, useDocuments } from "./documents.api";

const NO_WRAP = { whiteSpace: "nowrap" } as const;

/** The vendor's uploaded documents with download links; the vendor itself also gets the upload form. */
export function VendorDocumentsSection({ vendorId, canUpload }: { vendorId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const documents = useDocuments(vendorId);
  const kindLabel = (kind: string) => (isDocumentKind(kind) ? t(`documents.kinds.${kind}`) : kind);

  return (
    <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="documents-title">
      <Stack>
        <div>
          <Title order={2} size="h3" id="documents-title">
            {t("documents.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("documents.intro")}
          </Text>
        </div>
        {documents.isPending && <PageLoader />}
        {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
        {documents.data && documents.data.length === 0 && <Text c="dimmed">{t("documents.empty")}</Text>}
        {documents.data && documents.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm" aria-labelledby="documents-title" data-testid="vendor-documents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("documents.kind")}</Table.Th>
                  <Table.Th scope="col">{t("documents.name")}</Table.Th>
                  <Table.Th scope="col">{t("documents.size")}</Table.Th>
                  <Table.Th scope="col">{t("documents.uploadedAt")}</Table.Th>
                  <Table.Th scope="col">{t("common.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.data.map((doc) => (
                  <Table.Tr key={doc.id}>
                    <Table.Td>{kindLabel(doc.kind)}</Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{doc.name}</Table.Td>
                    <Table.Td style={NO_WRAP}>{formatFileSize(doc.size, language)}</Table.Td>
                    <Table.Td style={NO_WRAP}>
                      <DateTime value={doc.uploadedAt} />
                    </Table.Td>
                    <Table.Td>
                      {/* A plain link: the session cookie goes along, and the server sends it as an attachment. */}
                      <Anchor href={documentContentUrl(vendorId, doc.id)} download={doc.name} aria-label={t("documents.downloadNamed", { name: doc.name })}>
                        {t("documents.download")}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canUpload && (
          <>
            <Divider />
            <DocumentUploadForm vendorId={vendorId} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
