import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, languageOf, toProblem } from "./errors.js";
import { describeIssue } from "./validation.js";

/** Map anything thrown in a request to an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const fields = error.validation.map((v) => describeIssue(v, context));
    const first = fields[0];
    const detail = first
      ? { id: `${first.field}: ${first.message.id}`, en: `${first.field}: ${first.message.en}` }
      : undefined;
    return new AppError("VALIDATION_FAILED", detail, fields);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === "FST_CSRF_INVALID_TOKEN" || fastifyError.code === "FST_CSRF_MISSING_SECRET") {
    return new AppError("CSRF_INVALID", {
      id: "Token CSRF tidak ada atau tidak valid: ambil token dari /api/v1/auth/csrf dan kirim di header x-csrf-token",
      en: "Missing or invalid CSRF token: get one from /api/v1/auth/csrf and send it in the x-csrf-token header",
    });
  }
  // The router's own refusals (a path parameter over maxParamLength, a malformed percent-encoding) reach
  // us through `frameworkErrors`: they are about the path's parameters, so they name them.
  if (fastifyError.code === "FST_ERR_MAX_PARAM_LENGTH" || fastifyError.code === "FST_ERR_BAD_URL") {
    const message = { id: "parameter alamat terlalu panjang atau tidak dapat dibaca", en: "a path parameter is too long or cannot be read" };
    return new AppError("VALIDATION_FAILED", { id: `params: ${message.id}`, en: `params: ${message.en}` }, [{ field: "params", message }]);
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 413 ? "PAYLOAD_TOO_LARGE"
      : status === 415 ? "UNSUPPORTED_MEDIA_TYPE"
      : status === 404 ? "NOT_FOUND"
      : status === 405 ? "METHOD_NOT_ALLOWED"
      : status === 429 ? "RATE_LIMITED"
      : "MALFORMED_BODY";
    const message = fastifyError.message ?? "";
    return new AppError(
      code,
      code === "MALFORMED_BODY"
        ? { id: `Isi permintaan tidak dapat dibaca (body): ${message}`, en: `The request body cannot be read (body): ${message}` }
        : undefined,
      code === "MALFORMED_BODY" || code === "PAYLOAD_TOO_LARGE"
        ? [{ field: "body", message: { id: "tidak dapat dibaca atau terlalu besar", en: "cannot be read or is too large" } }]
        : [],
    );
  }
  return new AppError("INTERNAL");
}

/** Send an AppError as application/problem+json in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = languageOf(request.headers["accept-language"]);
  const problem = toProblem(error, language, String(request.id), request.url.split("?")[0]);
  return reply
    .status(error.status)
    .headers(error.headers)
    .type("application/problem+json; charset=utf-8")
    .serializer(JSON.stringify)
    .send(problem);
}

/** Install the one error handler: every failure leaves as problem+json, 5xx details only in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code, status: appError.status }, "request refused");
    return sendProblem(request, reply, appError);
  });
}
