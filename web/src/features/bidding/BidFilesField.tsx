import { Badge, Button, Fieldset, Group, Input, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { BID_FILE_KINDS, type BidFileKind } from "../../../../src/modules/bids/bid-enums.js";
import { formatFileSize } from "../../lib/format";
import { useLanguage } from "../../lib/useLanguage";
import type { DraftFile } from "./bidDraft";
import { isAcceptedBidFile } from "./sealing";

/** What the file inputs offer; the content is checked as well (`isAcceptedBidFile`). */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

let nextKey = 1;

interface Props {
  files: readonly DraftFile[];
  onAdd: (files: DraftFile[]) => void;
  onRemove: (key: number) => void;
  /** The form's own problem with the files as a whole (none chosen, too many). */
  error: string | undefined;
  disabled: boolean;
}

/**
 * One file input per kind (several files each), then the list of what will be sealed, each removable.
 * A file that is empty or neither PDF, PNG nor JPEG is left out with a message under its input.
 */
export function BidFilesField({ files, onAdd, onRemove, error, disabled }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [refused, setRefused] = useState<Partial<Record<BidFileKind, string>>>({});

  const choose = async (kind: BidFileKind, event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.currentTarget.files ?? []);
    // Emptied at once (the list below holds the choice), so choosing the same file again adds it again.
    event.currentTarget.value = "";
    const accepted: DraftFile[] = [];
    const messages: string[] = [];
    for (const file of chosen) {
      if (file.size === 0) messages.push(t("bidding.errors.fileEmpty", { name: file.name }));
      else if (!(await isAcceptedBidFile(file))) messages.push(t("bidding.errors.fileType", { name: file.name }));
      else accepted.push({ key: nextKey++, kind, file });
    }
    setRefused((current) => ({ ...current, [kind]: messages.length > 0 ? messages.join("; ") : undefined }));
    if (accepted.length > 0) onAdd(accepted);
  };

  return (
    <Fieldset legend={t("bidding.filesTitle")} variant="filled" p="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("bidding.filesHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {BID_FILE_KINDS.map((kind) => {
            const id = `bid-files-${kind}`;
            const message = refused[kind];
            return (
              <Input.Wrapper key={kind} id={id} label={t(`bidding.fileKinds.${kind}`)} error={message}>
                <input
                  id={id}
                  type="file"
                  multiple
                  accept={ACCEPT}
                  disabled={disabled}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${id}-error` : undefined}
                  onChange={(event) => void choose(kind, event)}
                  style={{ display: "block", maxWidth: "100%", marginTop: 4 }}
                />
              </Input.Wrapper>
            );
          })}
        </SimpleGrid>
        <Text size="sm" fw={600} id="bid-file-list-title">
          {t("bidding.fileList")}
        </Text>
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("bidding.noFiles")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} aria-labelledby="bid-file-list-title" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="bid-files">
            {files.map((item) => (
              <Paper component="li" key={item.key} withBorder radius="sm" px="xs" py={6}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {item.file.name}
                    </Text>
                    <Group gap={6}>
                      <Badge size="sm" variant="light" color="gray">
                        {t(`bidding.fileKinds.${item.kind}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {formatFileSize(item.file.size, language)}
                      </Text>
                    </Group>
                  </Stack>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    disabled={disabled}
                    aria-label={t("bidding.removeFile", { name: item.file.name })}
                    onClick={() => onRemove(item.key)}
                  >
                    {t("common.delete")}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
