import { demoLogins, DEMO_PASSWORD } from "../demo/seed.js";
import { ROLE_NAMES, type Role } from "../modules/users/roles.js";
import type { AppDeps } from "../server/app.js";
import type { Io } from "./commands.js";

/** Print how to log in as each demo role. Demo only: real TOTP keys are never printed. */
export async function printDemoLogins(deps: Pick<AppDeps, "database">, io: Io, url: string): Promise<void> {
  const logins = await demoLogins(deps);
  const rows = logins.map((l) => [ROLE_NAMES[l.role as Role]?.id ?? l.role, l.email, l.agency ?? "-", l.totpSecret ?? "(tidak perlu / not needed)"]);
  const header = ["Peran / Role", "Email", "Instansi", "Kunci TOTP / TOTP key"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  io.out("");
  io.out(`OpenLPSE demo — ${url}`);
  io.out(`Kata sandi semua akun demo / password of every demo account: ${DEMO_PASSWORD}`);
  io.out("Peran yang wajib verifikasi dua langkah: tambahkan kunci TOTP ke aplikasi autentikator,");
  io.out("atau jalankan `npx openlpse totp <kunci>` untuk melihat kode saat ini.");
  io.out("Roles with a second factor: add the TOTP key to an authenticator app, or run `npx openlpse totp <key>` for the current code.");
  io.out("");
  io.out(line(header));
  io.out(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) io.out(line(r));
  io.out("");
}
