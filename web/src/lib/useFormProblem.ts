import { useTranslation } from "react-i18next";
import { type FormProblem, formProblem } from "./problem";
import { useLanguage } from "./useLanguage";

/** `formProblem` for the current language, recomputed on a language switch (messages come in both). */
export function useFormProblem<F extends string>(error: unknown, fieldPaths: Readonly<Record<string, F>>): FormProblem<F> {
  const { t } = useTranslation();
  const language = useLanguage();
  return formProblem(error, fieldPaths, language, t);
}
