import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "./errors.js";

/** The Fastify instance routes are registered on, typed by the Zod schemas. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Throw FORBIDDEN unless the named policy allowed the action. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw new AppError("FORBIDDEN");
}
