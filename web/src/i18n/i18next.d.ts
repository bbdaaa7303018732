import "i18next";
import type { Messages } from "./id";

// Typed keys: `t("no.such.key")` is a compile error, and so is a key missing from en.ts.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
