/**
 * The one error module: every error the API returns has a stable code, an HTTP status from the table
 * below, and a user-facing message in Indonesian and English. Responses are RFC 9457 problem details.
 */

export interface Message {
  id: string;
  en: string;
}

interface ErrorKind {
  status: number;
  title: Message;
}

/** The single code → status table. Add a code here, nowhere else. */
export const ERROR_KINDS = {
  VALIDATION_FAILED: { status: 400, title: { id: "Data yang dikirim tidak valid", en: "The submitted data is not valid" } },
  MALFORMED_BODY: { status: 400, title: { id: "Isi permintaan tidak dapat dibaca", en: "The request body cannot be read" } },
  PASSWORD_POLICY: { status: 400, title: { id: "Kata sandi tidak memenuhi kebijakan", en: "The password does not meet the policy" } },
  UNAUTHENTICATED: { status: 401, title: { id: "Silakan masuk terlebih dahulu", en: "Please log in first" } },
  INVALID_CREDENTIALS: { status: 401, title: { id: "Email atau kata sandi salah", en: "Wrong email or password" } },
  INVALID_TOTP: { status: 401, title: { id: "Kode autentikator salah", en: "Wrong authenticator code" } },
  SECOND_FACTOR_REQUIRED: { status: 401, title: { id: "Verifikasi dua langkah diperlukan", en: "Second-factor verification is required" } },
  FORBIDDEN: { status: 403, title: { id: "Anda tidak berwenang melakukan tindakan ini", en: "You are not allowed to do this" } },
  CSRF_INVALID: { status: 403, title: { id: "Token keamanan formulir tidak valid", en: "The form security token is not valid" } },
  NOT_FOUND: { status: 404, title: { id: "Data tidak ditemukan", en: "Not found" } },
  METHOD_NOT_ALLOWED: { status: 405, title: { id: "Metode tidak didukung", en: "Method not allowed" } },
  OUT_OF_STAGE: { status: 409, title: { id: "Tindakan ini tidak dapat dilakukan pada tahap sekarang", en: "This cannot be done at the current stage" } },
  CONFLICT: { status: 409, title: { id: "Data bertentangan dengan data yang sudah ada", en: "This conflicts with existing data" } },
  PAYLOAD_TOO_LARGE: { status: 413, title: { id: "Data yang dikirim terlalu besar", en: "The request is too large" } },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: { id: "Jenis konten tidak didukung", en: "Unsupported content type" } },
  ACCOUNT_LOCKED: { status: 423, title: { id: "Akun dikunci sementara", en: "The account is temporarily locked" } },
  RATE_LIMITED: { status: 429, title: { id: "Terlalu banyak permintaan", en: "Too many requests" } },
  INTERNAL: { status: 500, title: { id: "Terjadi kesalahan pada server", en: "Something went wrong on the server" } },
  UNAVAILABLE: { status: 503, title: { id: "Layanan sedang tidak tersedia", en: "The service is unavailable" } },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_KINDS;

export interface FieldError {
  /** Dotted path: body.email, params.agencyId, query.year. */
  field: string;
  message: Message;
}

/** An error meant for the client. Anything else thrown becomes a generic 500 with the request id. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: Message = ERROR_KINDS[code].title,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${detail.en}`);
    this.status = ERROR_KINDS[code].status;
  }
}

/** Shorthand for a validation error on one field. */
export function fieldError(field: string, message: Message): AppError {
  return new AppError("VALIDATION_FAILED", { id: `${field}: ${message.id}`, en: `${field}: ${message.en}` }, [{ field, message }]);
}

export function notFound(what: Message): AppError {
  return new AppError("NOT_FOUND", what);
}

export type Language = "id" | "en";

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  messages: Message;
  errors?: { field: string; message: Message; detail: string }[];
  instance?: string;
  requestId: string;
}

/** Render an AppError as application/problem+json in the caller's language. */
export function toProblem(error: AppError, language: Language, requestId: string, instance?: string): ProblemDocument {
  const kind = ERROR_KINDS[error.code];
  const problem: ProblemDocument = {
    type: `urn:openlpse:problem:${error.code.toLowerCase().replaceAll("_", "-")}`,
    title: kind.title[language],
    status: error.status,
    code: error.code,
    detail: error.detail[language],
    messages: error.detail,
    requestId,
  };
  if (instance) problem.instance = instance;
  if (error.fieldErrors.length > 0) {
    problem.errors = error.fieldErrors.map((f) => ({ field: f.field, message: f.message, detail: f.message[language] }));
  }
  return problem;
}

/** Pick id or en from Accept-Language; Indonesian is the default. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return "id";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "id";
}
