import fs from "node:fs";
import Fastify from "fastify";

/*
 * The limit the search is compared with: Fastify answering every GET with the same JSON from memory (a
 * response the real search gave), on the same machine, loaded the same way.
 */

const [bodyFile] = process.argv.slice(2);
if (!bodyFile) throw new Error("usage: bare-server.ts BODY_FILE");
const body = fs.readFileSync(bodyFile, "utf8");
const app = Fastify({ logger: false });
app.get("/*", async (_request, reply) => reply.header("content-type", "application/json; charset=utf-8").send(body));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
