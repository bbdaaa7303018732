import { z } from "zod";
import type { AppDeps } from "../../server/app.js";
import type { Api } from "../../server/http.js";
import { getSettings } from "../settings/settings.service.js";
import { atomFeed } from "./atom-feed.js";
import { PublicTenderSchema, TenderCodeParamsSchema, TenderSearchQuerySchema, TenderSearchResultSchema } from "./portal.schemas.js";
import { publicAgencies } from "./portal.repository.js";
import { latestTenders, publicTender, searchPublicTenders } from "./portal.service.js";
import { settingsRateLimit } from "../../server/rate-limits.js";

/** How many announcements the feed carries. */
const FEED_SIZE = 50;

/** The public portal: no login, published tenders only. */
export function portalRoutes(app: Api, deps: AppDeps): void {
  const db = deps.database.db;

  app.get(
    "/api/v1/public/tenders",
    {
      config: { rateLimit: settingsRateLimit(deps, "publicSearch") },
      schema: { tags: ["public"], summary: "Search published tenders (text, agency, category, method, stage, year, HPS range)", querystring: TenderSearchQuerySchema, response: { 200: TenderSearchResultSchema } },
    },
    async (request) => searchPublicTenders(db, deps.database.dialect, request.query, deps.clock.now()),
  );

  app.get(
    "/api/v1/public/agencies",
    {
      schema: {
        tags: ["public"],
        summary: "The LPSE's agencies (OPD), for the search filter, with how many tenders each has published",
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), tenderCount: z.number().int() })) }) },
      },
    },
    async () => ({ items: await publicAgencies(db) }),
  );

  app.get(
    "/api/v1/public/tenders/feed.atom",
    { schema: { tags: ["public"], summary: "Atom feed of new tender announcements", response: { 200: z.string() } } },
    async (_request, reply) => {
      const rows = await latestTenders(db, FEED_SIZE);
      const settings = await getSettings(db);
      const body = atomFeed({
        publicUrl: deps.config.publicUrl,
        lpseName: settings.name,
        updated: rows[0]?.published_at ?? deps.clock.now().toISOString(),
        entries: rows.map((r) => ({ tenderCode: r.tender_code ?? "", name: r.name, agencyName: r.agency_name, hpsSen: BigInt(r.hps_sen), publishedAt: r.published_at ?? "" })),
      });
      return reply.type("application/atom+xml; charset=utf-8").serializer((s: unknown) => String(s)).send(body);
    },
  );

  app.get(
    "/api/v1/public/tenders/:tenderCode",
    { schema: { tags: ["public"], summary: "A tender announcement with its schedule, current stage and server time", params: TenderCodeParamsSchema, response: { 200: PublicTenderSchema } } },
    async (request) => publicTender(db, request.params.tenderCode, deps.clock.now()),
  );
}
