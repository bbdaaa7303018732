import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { type Article, type ArticleInput, useArticles, useSaveArticle } from "./helpdesk.api";

const FIELDS = { title: "title", body: "body", category: "category" } as const;
const EMPTY: ArticleInput = { title: "", body: "", category: "", status: "draft" };

/** /app/helpdesk/faq: helpdesk staff write the knowledge base; drafts stay off the public Help page. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const articles = useArticles({ drafts: true });
  const [editing, setEditing] = useState<Article | null>(null);
  return (
    <Stack>
      <Title order={1}>{t("helpdesk.faqEditor")}</Title>
      <ArticleForm key={editing?.id ?? "new"} article={editing} onDone={() => setEditing(null)} />
      {articles.isError && <QueryError error={articles.error} onRetry={() => void articles.refetch()} />}
      {articles.data && articles.data.length === 0 && <Text c="dimmed">{t("helpdesk.articles.empty")}</Text>}
      {articles.data && articles.data.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("helpdesk.articles.title")}</Table.Th>
              <Table.Th scope="col">{t("helpdesk.articles.category")}</Table.Th>
              <Table.Th scope="col">{t("helpdesk.status")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {articles.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.title}</Table.Td>
                <Table.Td>{a.category}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={a.status === "published" ? "teal" : "gray"}>
                    {a.status === "published" ? t("helpdesk.articles.published") : t("helpdesk.articles.draft")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(a)} aria-label={`${t("helpdesk.articles.edit")}: ${a.title}`}>
                    {t("helpdesk.articles.edit")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ArticleForm({ article, onDone }: { article: Article | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveArticle();
  const problem = useFormProblem(save.error, FIELDS);
  const [form, setForm] = useState<ArticleInput>(article ? { title: article.title, body: article.body, category: article.category, status: article.status } : EMPTY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: article?.id ?? null, input: form },
      {
        onSuccess: () => {
          notifySuccess(t("helpdesk.saved"));
          setForm(EMPTY);
          onDone();
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" maw={760}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {article ? `${t("helpdesk.articles.edit")}: ${article.title}` : t("helpdesk.articles.newArticle")}
          </Title>
          <TextInput label={t("helpdesk.articles.title")} required value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={problem.fields.title} />
          <TextInput label={t("helpdesk.articles.category")} required value={form.category} onChange={(e) => setForm({ ...form, category: e.currentTarget.value })} error={problem.fields.category} />
          <Textarea label={t("helpdesk.articles.body")} required autosize minRows={5} value={form.body} onChange={(e) => setForm({ ...form, body: e.currentTarget.value })} error={problem.fields.body} />
          <Checkbox label={t("helpdesk.articles.publish")} checked={form.status === "published"} onChange={(e) => setForm({ ...form, status: e.currentTarget.checked ? "published" : "draft" })} />
          <FormAlert message={problem.general} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("helpdesk.articles.save")}
            </Button>
            {article && (
              <Button variant="default" onClick={onDone}>
                {t("common.cancel")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
