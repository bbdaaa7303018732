import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FormAlert } from "../../lib/FormAlert";
import { notifySuccess } from "../../lib/notify";
import { useFormProblem } from "../../lib/useFormProblem";
import { useLanguage } from "../../lib/useLanguage";
import { type CriterionView, type Cycle, useAddEvidence } from "./standards.api";

/**
 * The platform's own registers that give evidence for the criterion: a link to each, and for the team a
 * button that attaches it as link evidence (once; the list shows it attached).
 */
export function PlatformRegisters({ cycle, criterion }: { cycle: Cycle; criterion: CriterionView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const attach = useAddEvidence(cycle.id);
  const problem = useFormProblem(attach.error, {});
  if (criterion.registers.length === 0) return null;
  const attached = new Set(criterion.evidence.filter((e) => e.kind === "link").map((e) => e.url));
  return (
    <Stack gap={4} component="section" aria-label={t("standards.registers.title")}>
      <Text size="xs" fw={600}>
        {t("standards.registers.title")}
      </Text>
      {criterion.registers.map((register) => (
        <Group key={register.path} gap="xs">
          <Anchor component={Link} to={register.path} size="sm">
            {register.title[language]}
          </Anchor>
          {cycle.viewer.mayAssess &&
            (attached.has(register.path) ? (
              <Text size="xs" c="dimmed">
                {t("standards.registers.attached")}
              </Text>
            ) : (
              <Button
                size="compact-xs"
                variant="light"
                loading={attach.isPending && attach.variables && "url" in attach.variables && attach.variables.url === register.path}
                aria-label={t("standards.registers.attachNamed", { name: register.title[language] })}
                onClick={() =>
                  attach.mutate(
                    { criterionCode: criterion.code, title: t("standards.registers.evidenceTitle", { name: register.title[language] }), url: register.path },
                    { onSuccess: () => notifySuccess(t("standards.registers.done", { name: register.title[language] })) },
                  )
                }
              >
                {t("standards.registers.attach")}
              </Button>
            ))}
        </Group>
      ))}
      <FormAlert message={problem.general} />
    </Stack>
  );
}
