import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { ERROR_KINDS } from "./errors.js";

const problemSchema = {
  type: "object",
  description: "RFC 9457 problem details; `detail` follows Accept-Language (id or en), `messages` has both.",
  required: ["type", "title", "status", "code", "detail", "messages", "requestId"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", enum: Object.keys(ERROR_KINDS) },
    detail: { type: "string" },
    messages: { type: "object", properties: { id: { type: "string" }, en: { type: "string" } } },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: {
          field: { type: "string" },
          detail: { type: "string" },
          message: { type: "object", properties: { id: { type: "string" }, en: { type: "string" } } },
        },
      },
    },
    instance: { type: "string" },
    requestId: { type: "string" },
  },
};

/** The OpenAPI 3.1 document is generated from the same Zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "OpenLPSE API",
        version: "1",
        description:
          "Electronic procurement service (LPSE). Cookie sessions; every POST/PUT/PATCH/DELETE needs the x-csrf-token header from GET /api/v1/auth/csrf. Errors are application/problem+json.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "lpse_session" } },
      },
    },
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const schema = result.schema as { response?: Record<string, unknown> };
      // Every operation can fail with a problem document; say so once here instead of on every route.
      schema.response = { ...(schema.response ?? {}), "4XX": problemSchema, "5XX": problemSchema };
      return result;
    },
  });
}
