import * as OTPAuth from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 defaults that every authenticator app understands. */
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** Accept the previous and next 30-second step for clock drift between phone and server. */
const TOTP_WINDOW = 1;

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = "OpenLPSE", issuer = "OpenLPSE"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString();
}

export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}

/** The code an authenticator shows at `now` (demo output and tests). */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}

/**
 * Check a code; returns its time-step counter, or null. A code whose counter is not after
 * `lastCounter` is refused, so an observed code cannot be replayed.
 */
export function checkTotp(secret: string, code: string, now: Date, lastCounter: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const counter = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
  if (lastCounter !== null && counter <= lastCounter) return null;
  return counter;
}
