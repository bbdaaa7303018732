import { Button, Group, Input, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { DOCUMENT_KINDS, type DocumentKind, isDocumentKind, useUploadDocument } from "./documents.api";

type Field = "kind" | "name" | "file";
/** The server names the query's fields, and the whole body for what is wrong with the file itself. */
const FIELD_PATHS: Record<string, Field> = { kind: "kind", name: "name", body: "file" };

/** What the file input offers; the server reads the real type from the content anyway. */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
const EXTENSION = /\.(pdf|png|jpe?g)$/i;
const FILE_INPUT_ID = "document-file";

/**
 * The stored name with the chosen file's extension when the typed one has none: the server takes the
 * type a name claims from its extension and refuses content that does not match it.
 */
function withExtension(name: string, fileName: string): string {
  if (name === "" || EXTENSION.test(name)) return name;
  const extension = EXTENSION.exec(fileName)?.[0];
  return extension ? `${name}${extension.toLowerCase()}` : name;
}

/** Kind, file and name; the name follows the chosen file until the vendor types one of its own. */
export function DocumentUploadForm({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation();
  const upload = useUploadDocument(vendorId);
  const [kind, setKind] = useState<DocumentKind | "">("");
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  // A file input cannot be emptied through its value: a new key gives a fresh one after an upload.
  const [inputKey, setInputKey] = useState(0);
  const [missingFile, setMissingFile] = useState(false);
  const problem = useFormProblem(upload.error, FIELD_PATHS);
  const fileError = missingFile ? t("documents.chooseFile") : problem.fields.file;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    if (chosen && (name === "" || name === file?.name)) setName(chosen.name);
    setFile(chosen);
    setMissingFile(false);
    upload.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    upload.mutate(
      { kind, name: withExtension(name.trim(), file.name), file },
      {
        onSuccess: (_saved, input) => {
          notifySuccess(t("documents.uploaded", { name: input.name }));
          setKind("");
          setFile(null);
          setName("");
          setInputKey((key) => key + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("documents.kind")}
            required
            value={kind}
            error={problem.fields.kind}
            data={[{ value: "", label: t("documents.kindPlaceholder") }, ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setKind(isDocumentKind(value) ? value : "");
            }}
          />
          <Input.Wrapper id={FILE_INPUT_ID} label={t("documents.file")} description={t("documents.fileHint")} error={fileError}>
            <input
              key={inputKey}
              id={FILE_INPUT_ID}
              type="file"
              accept={ACCEPT}
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${FILE_INPUT_ID}-error ${FILE_INPUT_ID}-description` : `${FILE_INPUT_ID}-description`}
              onChange={choose}
              style={{ display: "block", maxWidth: "100%", marginTop: 4 }}
            />
          </Input.Wrapper>
        </SimpleGrid>
        <TextInput label={t("documents.name")} description={t("documents.nameHint")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={problem.fields.name} />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={upload.isPending}>
            {t("documents.upload")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
