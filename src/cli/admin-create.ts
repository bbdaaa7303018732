import { parseArgs } from "node:util";
import { createUser } from "../modules/users/users.service.js";
import { AppError } from "../server/errors.js";
import { loadConfig } from "../server/config.js";
import { openRuntime } from "../server/start.js";
import type { Io } from "./commands.js";
import { UsageError } from "./usage-error.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/**
 * `openlpse admin create`: the first Admin PPE of an installation without the setup page, or a
 * further one. The password comes from stdin so it never appears in the shell history or `ps`.
 */
export async function adminCreate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean", default: false } },
  });
  if (!values.email) throw new UsageError("--email is required");
  if (!values.name) throw new UsageError("--name is required");
  if (!values["password-stdin"]) throw new UsageError("--password-stdin is required: pipe the password in, e.g. read -s P; printf %s \"$P\" | openlpse admin create ...");
  const password = (await readAll(io.stdin)).replace(/\r?\n$/, "");
  const runtime = await openRuntime(loadConfig(io.env));
  try {
    const user = await createUser(runtime.deps.database.db, null, { email: values.email, name: values.name, role: "admin_ppe", password }, runtime.deps.clock.now(), "admin");
    io.out(`Admin PPE created: ${user.email}. The second factor is enrolled at first login.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`openlpse admin create: ${error.detail.en} / ${error.detail.id}`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
