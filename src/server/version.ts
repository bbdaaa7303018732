import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths.js";

/** The application version, from package.json (the same in the sources and the build). */
export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { version: string }).version;
}
