import { Badge, Button, Divider, Group, Paper, Spoiler, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { PackageFilesTable } from "../packages/PackageFilesTable";
import { Section } from "./Section";
import { usePublicLpse } from "../public/public.api";
import { isOpen, type Tender, type TenderDocument, tenderFileHref, usePublishAddendum, useTenderFiles } from "./tenders.api";

const ADDENDUM_STAGES: readonly string[] = ["pengumuman", "download_dokumen", "penjelasan", "upload_penawaran"];

/**
 * The package's files and the tender document's versions and addenda (participants, the committee,
 * administrator, auditor); the committee issues addenda.
 */
export function DocumentsSection({ tender, documents, isCommittee }: { tender: Tender; documents: TenderDocument[]; isCommittee: boolean }) {
  const { t } = useTranslation();
  const lpse = usePublicLpse();
  // Newest first: the latest version is the one that counts.
  const ordered = [...documents].sort((a, b) => b.version - a.version);
  return (
    <Section id="documents-title" title={t("tender.documentsTitle")} testId="documents">
      <TenderFiles code={tender.tenderCode} />
      <Title order={3} size="h4" id="document-versions-title">
        {t("tender.versionsTitle")}
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed">{t("tender.documentsEmpty")}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="document-versions-title">
          {ordered.map((doc) => (
            <DocumentItem key={doc.id} doc={doc} />
          ))}
        </Stack>
      )}
      {isCommittee && (
        <>
          <Divider />
          {/* From the announcement until the bid deadline (the server's ADDENDUM_STAGES). */}
          {isOpen(tender, ADDENDUM_STAGES, Date.now() + (lpse.data?.clockOffsetMs ?? 0)) ? (
            <AddendumForm code={tender.tenderCode} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("tender.addendumClosed")}
            </Text>
          )}
        </>
      )}
    </Section>
  );
}

/** The PPK's files of the package (KAK, specification, draft contract, drawings), fixed at publication. */
function TenderFiles({ code }: { code: string }) {
  const { t } = useTranslation();
  const files = useTenderFiles(code);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="tender-files-title">
        {t("tender.filesTitle")}
      </Title>
      {files.isPending && <PageLoader />}
      {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
      {files.data && (
        <PackageFilesTable files={files.data} hrefOf={(file) => tenderFileHref(code, file.id)} labelledBy="tender-files-title" empty={t("tender.filesEmpty")} testId="tender-files" />
      )}
    </Stack>
  );
}

function DocumentItem({ doc }: { doc: TenderDocument }) {
  const { t } = useTranslation();
  const headingId = `document-${doc.id}`;
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
            <Badge variant="light" color={doc.kind === "adendum" ? "orange" : "blue"}>
              {t(`tender.documentKinds.${doc.kind}`)} · {t("tender.documentVersion", { version: doc.version })}
            </Badge>
            <Title order={4} fz="sm" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {doc.title}
            </Title>
          </Group>
          <Text size="xs" c="dimmed">
            <DateTime value={doc.publishedAt} />
          </Text>
        </Group>
        <Spoiler maxHeight={120} showLabel={t("tender.showMore")} hideLabel={t("tender.showLess")}>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {doc.content}
          </Text>
        </Spoiler>
      </Stack>
    </Paper>
  );
}

function AddendumForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const publish = usePublishAddendum(code);
  const [title, setTitle] = useState("");
  const [content, setContent] = useState("");
  const problem = useFormProblem(publish.error, { title: "title", content: "content" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate(
      { title: title.trim(), content: content.trim() },
      {
        onSuccess: (saved) => {
          notifySuccess(t("tender.addendumPublished", { version: saved.version }));
          setTitle("");
          setContent("");
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="addendum-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="addendum-title">
          {t("tender.addendumTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("tender.addendumHelp")}
        </Text>
        <TextInput label={t("tender.addendumName")} required maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problem.fields.title} />
        <Textarea
          label={t("tender.addendumContent")}
          required
          autosize
          minRows={4}
          maxRows={16}
          value={content}
          onChange={(e) => setContent(e.currentTarget.value)}
          error={problem.fields.content}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" color="orange" loading={publish.isPending}>
            {t("tender.publishAddendum")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
