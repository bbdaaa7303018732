import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { errorText } from "../../lib/problem";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { Section } from "../tenders/Section";
import { useProcurementLabels } from "./labels";
import { PackageFilesTable } from "./PackageFilesTable";
import {
  isOneOf,
  type Package,
  PACKAGE_DOCUMENT_KINDS,
  type PackageDocumentKind,
  packageFileHref,
  usePackageDocuments,
  useUploadPackageDocument,
} from "./packages.api";

/** The package's files for everyone who sees the package; the PPK who made it uploads them while it is a draft. */
export function PackageDocumentsSection({ pkg, canUpload }: { pkg: Package; canUpload: boolean }) {
  const { t } = useTranslation();
  const files = usePackageDocuments(pkg.id);
  return (
    <Section id="package-documents-title" title={t("packages.documentsTitle")} testId="package-documents">
      <Text size="sm" c="dimmed">
        {pkg.status === "draft" ? t("packages.documentsHint") : t("packages.documentsFixed")}
      </Text>
      {files.isPending && <PageLoader />}
      {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
      {files.data && (
        <PackageFilesTable
          files={files.data}
          hrefOf={(file) => packageFileHref(pkg.id, file.id)}
          labelledBy="package-documents-title"
          empty={t("packages.documentsEmpty")}
        />
      )}
      {canUpload && <UploadForm packageId={pkg.id} />}
    </Section>
  );
}

/** The upload is refused as a whole ("body": too big, content not matching its name) or for its name or kind. */
const FIELD_PATHS: Record<string, "kind" | "name" | "file"> = { kind: "kind", name: "name", body: "file" };

function UploadForm({ packageId }: { packageId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useProcurementLabels();
  const upload = useUploadPackageDocument(packageId);
  const [kind, setKind] = useState<PackageDocumentKind>("kak");
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  // The name follows the chosen file until the user types one of their own.
  const [nameEdited, setNameEdited] = useState(false);
  const [fileMissing, setFileMissing] = useState(false);
  // A file input cannot be emptied through state: a new key gives a fresh one after each upload.
  const [inputKey, setInputKey] = useState(0);
  const problem = useFormProblem(upload.error, FIELD_PATHS);
  // For a refused file the problem's own message says the most ("exceeds the 10 MB limit", "the content is not a PDF").
  const fileError = fileMissing ? t("packages.documentFileMissing") : problem.fields.file === undefined ? undefined : errorText(upload.error, language, t);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    setFileMissing(false);
    // The last refusal was about another file.
    upload.reset();
    if (chosen && !nameEdited) setName(chosen.name);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      return;
    }
    upload.mutate(
      { kind, name: name.trim(), file },
      {
        onSuccess: (saved) => {
          notifySuccess(t("packages.uploaded", { name: saved.name }));
          setFile(null);
          setName("");
          setNameEdited(false);
          setInputKey((key) => key + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="package-upload-title">
      <Stack gap="sm" mt="sm">
        <Title order={3} size="h4" id="package-upload-title">
          {t("packages.uploadTitle")}
        </Title>
        <NativeSelect
          label={t("packages.documentKind")}
          required
          value={kind}
          error={problem.fields.kind}
          data={PACKAGE_DOCUMENT_KINDS.map((k) => ({ value: k, label: labels.documentKind(k) }))}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (isOneOf(PACKAGE_DOCUMENT_KINDS, next)) setKind(next);
          }}
        />
        <TextInput
          key={inputKey}
          type="file"
          label={t("packages.documentFile")}
          description={t("packages.documentFileHint")}
          required
          accept=".pdf,.png,.jpg,.jpeg"
          onChange={choose}
          error={fileError}
        />
        <TextInput
          label={t("packages.documentName")}
          description={t("packages.documentNameHint")}
          required
          maxLength={200}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameEdited(true);
          }}
          error={problem.fields.name}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending}>
            {t("packages.upload")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
