import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { PeerLinks } from "./PeerLinks";
import { type Template, useCopyTemplate, usePeers, usePublishTemplate, useTemplates } from "./peers.api";
import { useCycles } from "./standards.api";

/** The template library: policies, SOPs and forms published by this LPSE and its peers, copied into an open cycle. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const cycles = useCycles();
  const open = cycles.data?.items.filter((c) => c.status === "open") ?? [];
  const [cycleId, setCycleId] = useState<string>("");
  const target = open.find((c) => c.id === cycleId) ?? open[0];
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1}>{t("peers.templatesTitle")}</Title>
        <Text c="dimmed" size="sm">
          {t("peers.templatesIntro")}
        </Text>
      </div>
      <PeerLinks />
      {open.length > 0 ? (
        <NativeSelect label={t("peers.targetCycle")} value={target?.id ?? ""} onChange={(e) => setCycleId(e.currentTarget.value)} data={open.map((c) => ({ value: c.id, label: c.period }))} maw={320} />
      ) : (
        <Text c="dimmed">{t("peers.noOpenCycle")}</Text>
      )}
      {templates.data?.mayPublish && <PublishForm />}
      {templates.isPending && <PageLoader />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data?.items.length === 0 && <Text c="dimmed">{t("peers.noTemplates")}</Text>}
      <Stack component="ul" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label={t("peers.templatesTitle")}>
        {templates.data?.items.map((tpl) => (
          <TemplateCard key={tpl.id} template={tpl} cycle={target ? { id: target.id, period: target.period } : undefined} />
        ))}
      </Stack>
    </Stack>
  );
}

function TemplateCard({ template, cycle }: { template: Template; cycle: { id: string; period: string } | undefined }) {
  const { t } = useTranslation();
  const copy = useCopyTemplate();
  const problem = useFormProblem(copy.error, {});
  return (
    <Card component="li" withBorder radius="md" p="sm" aria-label={template.title}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{template.title}</Text>
        <Badge variant="light">{template.criterionCode}</Badge>
      </Group>
      <Text size="sm">{t("peers.publishedBy", { name: template.publisher.name })}</Text>
      {template.description && (
        <Text size="sm" c="dimmed">
          {template.description}
        </Text>
      )}
      <Group gap="md" mt="xs">
        <Anchor href={`/api/v1/standards/templates/${template.id}/content`} size="sm">
          {t("peers.download", { name: template.fileName })}
        </Anchor>
        {cycle && (
          <Button
            size="xs"
            loading={copy.isPending}
            disabled={copy.isSuccess}
            onClick={() => copy.mutate({ templateId: template.id, cycleId: cycle.id }, { onSuccess: () => notifySuccess(t("peers.copied", { title: template.title, period: cycle.period })) })}
          >
            {copy.isSuccess ? t("peers.copiedShort") : t("peers.copy", { period: cycle.period })}
          </Button>
        )}
      </Group>
      <FormAlert message={problem.general} />
    </Card>
  );
}

function PublishForm() {
  const { t } = useTranslation();
  const peers = usePeers();
  const publish = usePublishTemplate();
  const [title, setTitle] = useState("");
  const [criterionCode, setCriterionCode] = useState("");
  const [description, setDescription] = useState("");
  const [peerId, setPeerId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const problem = useFormProblem(publish.error, { title: "title", criterionCode: "criterionCode", name: "file", peerId: "peerId", body: "file" });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    publish.mutate(
      { file, title: title.trim(), criterionCode: criterionCode.trim().toUpperCase(), description: description.trim(), peerId },
      {
        onSuccess: (tpl) => {
          notifySuccess(t("peers.published", { title: tpl.title }));
          setTitle("");
          setCriterionCode("");
          setDescription("");
          setFile(null);
          setInputKey((k) => k + 1);
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} noValidate aria-label={t("peers.publishTemplate")}>
      <Stack>
        <Title order={2} size="h4">
          {t("peers.publishTemplate")}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t("peers.templateTitle")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={problem.fields.title} />
          <TextInput label={t("peers.criterionCode")} description={t("peers.criterionHint")} required value={criterionCode} onChange={(e) => setCriterionCode(e.currentTarget.value)} error={problem.fields.criterionCode} />
          <NativeSelect
            label={t("peers.publisher")}
            value={peerId}
            onChange={(e) => setPeerId(e.currentTarget.value)}
            error={problem.fields.peerId}
            data={[{ value: "", label: t("peers.ownLpse") }, ...(peers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        </Group>
        <Textarea label={t("peers.description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
        <TextInput
          key={inputKey}
          type="file"
          label={t("peers.templateFile")}
          accept=".pdf,.png,.jpg,.jpeg"
          required
          error={problem.fields.file}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <FormAlert message={problem.general} />
        <Group>
          <Button type="submit" loading={publish.isPending} disabled={!file}>
            {t("peers.publish")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
