import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: "127.0.0.1", databaseUrl: undefined, publicUrl: "http://localhost:3000", secureCookies: false, treeHeadIntervalSeconds: 60 });
    expect(c.dataDir).toBe(path.resolve("data"));
    expect(c.signingKeyPath).toBe(path.resolve("data", "keys", "log-signing-key.pem"));
  });

  it("turns on secure cookies for an https public URL and reads PostgreSQL URLs", () => {
    const c = loadConfig({ PUBLIC_URL: "https://lpse.madiunkota.go.id/", DATABASE_URL: "postgres://u:p@db:5432/lpse" });
    expect(c.publicUrl).toBe("https://lpse.madiunkota.go.id");
    expect(c.secureCookies).toBe(true);
    expect(c.databaseUrl).toBe("postgres://u:p@db:5432/lpse");
  });

  it("lists every bad variable at once", () => {
    try {
      loadConfig({ PORT: "70000", LOG_LEVEL: "loud", DATABASE_URL: "mysql://x", TREE_HEAD_INTERVAL_SECONDS: "600" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of ["PORT", "LOG_LEVEL", "DATABASE_URL", "TREE_HEAD_INTERVAL_SECONDS"]) expect(message).toContain(name);
    }
  });
});
