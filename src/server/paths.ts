import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository/package root, found from this file whether it runs from src/ or dist/. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Where `vite build` puts the web app. */
export function webRoot(): string {
  return path.join(projectRoot(), "dist", "web");
}
