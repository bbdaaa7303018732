#!/usr/bin/env node
// Runs the compiled CLI (npm run build). In a development checkout without a build, falls back to
// the TypeScript sources through tsx.
import fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const compiled = fileURLToPath(new URL("../dist/server/cli/main.js", import.meta.url));
const source = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));

let main;
if (fs.existsSync(compiled)) {
  main = await import(pathToFileURL(compiled).href);
} else if (fs.existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  main = await import(pathToFileURL(source).href);
} else {
  console.error("openlpse: no build found; run `npm run build` first");
  process.exit(1);
}

const io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  env: process.env,
  stdin: process.stdin,
};
const code = await main.runCli(process.argv.slice(2), io);
if (code !== 0) process.exit(code);
