// Where the browser tests find Chromium: CHROMIUM_PATH, or Debian's package.
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export function installHint() {
  return [
    "Install it with:",
    "  sudo apt-get update && sudo apt-get install -y chromium",
    "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  ].join("\n");
}
