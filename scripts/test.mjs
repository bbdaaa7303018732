#!/usr/bin/env node
// `npm test`: make sure a Chromium is there for the browser journeys, build the app (the browser
// tests drive the built web app), then run the whole Vitest suite. Extra arguments go to Vitest.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath, installHint } from "./chromium.mjs";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureChromium() {
  if (chromiumPath()) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests ...");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update"], { env }) === 0 && run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env }) === 0 && chromiumPath()) return;
  }
  console.error(`The browser tests need Chromium and none was found.\n${installHint()}`);
  process.exit(1);
}

ensureChromium();
const build = run("npm", ["run", "build"]);
if (build !== 0) process.exit(build);
process.exit(run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(2)]));
