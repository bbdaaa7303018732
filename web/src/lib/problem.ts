import type { TFunction } from "i18next";
import type { Language } from "../i18n";
import { isApiError } from "./api";

/**
 * Splits an error into messages for the form's own fields and one general message, so each field shows
 * its error next to its input and nothing the server said is lost.
 */
export interface FormProblem<F extends string> {
  fields: Partial<Record<F, string>>;
  /** Shown above the submit button: the problem's detail when no field could take it, or a client error. */
  general: string | null;
}

/**
 * `fieldPaths` maps the server's dotted path without its location (`admin.password` for
 * `body.admin.password`) to the form's field name.
 */
export function formProblem<F extends string>(
  error: unknown,
  fieldPaths: Readonly<Record<string, F>>,
  language: Language,
  t: TFunction,
): FormProblem<F> {
  if (!error) return { fields: {}, general: null };
  if (!isApiError(error)) return { fields: {}, general: t("common.errorTitle") };
  const fields: Partial<Record<F, string>> = {};
  const unmatched: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = fieldError.field.replace(/^(body|query|params)\./, "");
    const name = fieldPaths[path];
    const text = fieldError.message[language];
    if (name !== undefined) fields[name] = fields[name] ? `${fields[name]}; ${text}` : text;
    else unmatched.push(`${fieldError.field}: ${text}`);
  }
  if (Object.keys(fields).length === 0) return { fields, general: errorText(error, language, t) };
  return { fields, general: unmatched.length > 0 ? unmatched.join("; ") : null };
}

/** The best text for an error in the current language. */
export function errorText(error: unknown, language: Language, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK") return t("common.networkError");
    if (error.code === "BAD_RESPONSE") return t("common.unexpectedResponse");
    return error.messageIn(language) ?? t("common.errorTitle");
  }
  return t("common.errorTitle");
}
