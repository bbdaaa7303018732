import type { Operation } from "../support/openapi.js";
import type { World } from "./world.js";

/** Bodies of the staff and server-room operations that a generated body would not pass (ids, times, order of dates). */
export function peopleBody(op: Operation, world: World): unknown {
  switch (op.key) {
    case "PUT /api/v1/operations/staff/{staffId}/competences":
      return { competence: "procurement", requiredLevel: 3, currentLevel: 2 };
    case "POST /api/v1/operations/certificates":
      return { staffId: world.people.staffId, name: "Sertifikat PBJ Level 1", issuer: "LKPP", number: "PBJ-1", validUntil: "2028-01-01" };
    case "POST /api/v1/operations/trainings":
      return { title: "Administrasi Server", provider: "BPSDM", competence: "server_administration", levelAwarded: 3, startsOn: "2026-02-02", endsOn: "2026-02-04", hours: 24 };
    case "POST /api/v1/operations/trainings/{trainingId}/attendance":
      return { staffId: world.people.staffId, passed: true, result: "Lulus" };
    case "POST /api/v1/operations/server-room/permits":
      return { person: "Tamu Tiga", organisation: "PT Mitra", purpose: "Survei rak", validFrom: "2026-12-01T08:00:00+07:00", validUntil: "2026-12-01T12:00:00+07:00" };
    case "POST /api/v1/operations/server-room/visits":
      return { permitId: world.people.visitPermitId, escort: "Admin", badgeNumber: "T-2", enteredAt: world.people.entryAt, devices: [{ description: "Laptop", serialNumber: "SN-1", direction: "in" }] };
    case "POST /api/v1/operations/server-room/visits/{visitId}/exit":
      return { exitedAt: world.people.exitAt, devices: [] };
    default:
      return undefined;
  }
}
