import { useTranslation } from "react-i18next";
import type { Language } from "../i18n";

/** The current UI language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === "en" ? "en" : "id";
}
