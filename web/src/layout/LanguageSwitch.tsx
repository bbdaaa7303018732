import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Language, LANGUAGES, setLanguage } from "../i18n";
import { useLanguage } from "../lib/useLanguage";

/**
 * A radio group named "Bahasa" / "Language" with the options "ID" and "EN". Each radio input is stretched
 * over its option (invisible), so the real input is what a pointer or a test clicks.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SegmentedControl
      aria-label={t("language.label")}
      size="xs"
      value={language}
      onChange={(value) => {
        const next = LANGUAGES.find((l): l is Language => l === value);
        if (next) void setLanguage(next);
      }}
      data={[
        { value: "id", label: "ID" },
        { value: "en", label: "EN" },
      ]}
      // Mantine hides the radio as a 0×0 box, which browsers and test tools treat as not clickable.
      styles={{ input: { inset: 0, width: "100%", height: "100%", margin: 0, zIndex: 3, cursor: "pointer" } }}
    />
  );
}
