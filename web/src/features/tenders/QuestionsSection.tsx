import { Badge, Button, Divider, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime, useDateTimeFormat } from "../../lib/DateTime";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { PageLoader } from "../../lib/PageLoader";
import { QueryError } from "../../lib/QueryError";
import { useFormProblem } from "../../lib/useFormProblem";
import { Section } from "./Section";
import { usePublicLpse } from "../public/public.api";
import { isOpen, type Question, type Tender, useAnswerQuestion, useAskQuestion, useQuestions } from "./tenders.api";

interface Props {
  tender: Tender;
  userId: string | null;
  isParticipant: boolean;
  isCommittee: boolean;
}

/**
 * The clarification (aanwijzing): questions and answers are public, askers are not named; the asking
 * vendor sees "Pertanyaan Anda" on its own. Participants ask, the committee answers, both only during
 * the Pemberian Penjelasan stage (the server says so, with the stage's dates, when it is not).
 */
export function QuestionsSection({ tender, userId, isParticipant, isCommittee }: Props) {
  const { t } = useTranslation();
  const format = useDateTimeFormat();
  const questions = useQuestions(tender.tenderCode, userId);
  const lpse = usePublicLpse();
  // The forms follow the clarification window on the server's clock; at its edges the server's answer decides.
  const open = isOpen(tender, ["penjelasan"], Date.now() + (lpse.data?.clockOffsetMs ?? 0));
  const window = tender.schedule.find((w) => w.stage === "penjelasan");

  return (
    <Section id="questions-title" title={t("tender.questionsTitle")} testId="questions">
      <Text size="sm" c="dimmed">
        {t("tender.questionsHint")}
        {window && ` ${t("tender.questionsWindow", { start: format(window.startsAt, { seconds: false }), end: format(window.endsAt, { seconds: false }) })}`}
      </Text>
      {questions.isPending && <PageLoader />}
      {questions.isError && <QueryError error={questions.error} onRetry={() => void questions.refetch()} />}
      {questions.data && questions.data.length === 0 && <Text c="dimmed">{t("tender.questionsEmpty")}</Text>}
      {questions.data && questions.data.length > 0 && (
        <Stack component="ol" gap="sm" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-labelledby="questions-title">
          {questions.data.map((question, i) => (
            <QuestionItem key={question.id} code={tender.tenderCode} question={question} number={i + 1} canAnswer={isCommittee && open} />
          ))}
        </Stack>
      )}
      {isParticipant && open && (
        <>
          <Divider />
          <AskForm code={tender.tenderCode} />
        </>
      )}
    </Section>
  );
}

function QuestionItem({ code, question, number, canAnswer }: { code: string; question: Question; number: number; canAnswer: boolean }) {
  const { t } = useTranslation();
  const headingId = `question-${question.id}`;
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-labelledby={headingId} data-mine={question.mine || undefined} bg={question.mine ? "var(--mantine-color-blue-light)" : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Title order={3} fz="sm" id={headingId}>
              {t("tender.questionNumber", { n: number })}
            </Title>
            {question.mine && (
              <Badge size="sm" color="blue" variant="filled">
                {t("tender.yourQuestion")}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t("tender.askedAt")} <DateTime value={question.askedAt} />
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {question.question}
        </Text>
        {question.answer !== null ? (
          <Paper radius="sm" p="xs" bg="var(--mantine-color-gray-light)" data-testid="answer">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="xs" fw={600}>
                {t("tender.answer")}
              </Text>
              {question.answeredAt && (
                <Text size="xs" c="dimmed">
                  {t("tender.answeredAt")} <DateTime value={question.answeredAt} />
                </Text>
              )}
            </Group>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {question.answer}
            </Text>
          </Paper>
        ) : canAnswer ? (
          <AnswerForm code={code} questionId={question.id} number={number} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t("tender.notAnswered")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function AskForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const ask = useAskQuestion(code);
  const [question, setQuestion] = useState("");
  const problem = useFormProblem(ask.error, { question: "question" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate(question.trim(), {
      onSuccess: () => {
        notifySuccess(t("tender.asked"));
        setQuestion("");
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t("tender.question")}
          description={t("tender.questionHelp")}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={4000}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          error={problem.fields.question}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={ask.isPending}>
            {t("tender.ask")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnswerForm({ code, questionId, number }: { code: string; questionId: string; number: number }) {
  const { t } = useTranslation();
  const answer = useAnswerQuestion(code, questionId);
  const [text, setText] = useState("");
  const problem = useFormProblem(answer.error, { answer: "answer" } as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(text.trim(), { onSuccess: () => notifySuccess(t("tender.answered")) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t("tender.answer")}
          required
          autosize
          minRows={2}
          maxRows={12}
          maxLength={8000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={problem.fields.answer}
        />
        <FormAlert message={problem.general} />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={answer.isPending} aria-label={t("tender.sendAnswerFor", { n: number })}>
            {t("tender.sendAnswer")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
