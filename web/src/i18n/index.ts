import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { id } from "./id";

export type Language = "id" | "en";
export const LANGUAGES: readonly Language[] = ["id", "en"];

// Remembered per browser; Indonesian unless the user picked English.
const STORAGE_KEY = "openlpse.language";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "id";
  } catch {
    // Storage can be blocked (private mode, policies); the default still works.
    return "id";
  }
}

/** The language in use now: also what the API client sends as Accept-Language. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === "en" ? "en" : "id";
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  await i18n.changeLanguage(language);
}

i18n.on("languageChanged", (lng) => {
  // Screen readers and the browser's hyphenation follow <html lang>.
  document.documentElement.lang = lng === "en" ? "en" : "id";
});

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "id",
  supportedLngs: ["id", "en"],
  // React already escapes text.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
