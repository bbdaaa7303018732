import { Alert, Button, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CalendarDate } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { SCORE_MAX, SCORE_MIN, useAnswerSurvey, useSurveyForm } from "./surveys.api";

const SCALE = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i) as (1 | 2 | 3 | 4)[];

/** /survei/isi?token=…: the public form a recipient opens from the mailed link; no account needed, answers are anonymous. */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get("token") ?? "";
  const form = useSurveyForm(token);
  const answer = useAnswerSurvey();
  const problem = useFormProblem(answer.error, { scores: "scores", comment: "comment", token: "token" } as const);
  const [scores, setScores] = useState<Record<number, number>>({});
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);

  if (token === "") return <Alert color="red">{t("surveyForm.noToken")}</Alert>;
  if (answer.isSuccess)
    return (
      <Alert color="green" title={t("surveyForm.title")} role="status">
        {t("surveyForm.thanks")}
      </Alert>
    );
  const questions = form.data?.questions ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const all = questions.map((_, i) => scores[i]);
    if (all.some((s) => s === undefined)) {
      setMissing(true);
      return;
    }
    setMissing(false);
    answer.mutate({ token, scores: all as number[], comment });
  };
  return (
    <Stack maw={800}>
      <Title order={1}>{form.data?.title ?? t("surveyForm.title")}</Title>
      {form.isPending && <PageLoader />}
      {form.isError && <QueryError error={form.error} />}
      {form.data && (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>
                <CalendarDate value={form.data.periodFrom} /> – <CalendarDate value={form.data.periodTo} />
              </Text>
              <Text c="dimmed">{t("surveyForm.intro")}</Text>
              {questions.map((q, i) => (
                <Radio.Group
                  key={i}
                  label={`${i + 1}. ${q.text}`}
                  required
                  value={scores[i] === undefined ? null : String(scores[i])}
                  onChange={(v) => setScores({ ...scores, [i]: Number(v) })}
                  error={missing && scores[i] === undefined ? t("surveyForm.missing") : problem.fields.scores}
                >
                  <Stack gap={4} mt="xs">
                    {SCALE.map((n) => (
                      <Radio key={n} value={String(n)} label={t(`surveyForm.scale.s${n}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
              ))}
              <Textarea label={t("surveyForm.comment")} autosize minRows={3} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={problem.fields.comment} />
              <FormAlert message={problem.fields.token ?? problem.general} />
              <Button type="submit" loading={answer.isPending}>
                {t("surveyForm.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
