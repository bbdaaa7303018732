import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.js";
import { appendEvent } from "../../log/event-log.js";
import type { Actor } from "../../server/actor.js";
import { AppError } from "../../server/errors.js";
import * as repo from "./helpdesk.repository.js";
import type { ArticleInputSchema } from "./helpdesk.schemas.js";

type ArticleInput = z.infer<typeof ArticleInputSchema>;

const articleNotFound = () => new AppError("NOT_FOUND", { id: "Artikel tidak ditemukan", en: "Article not found" });

/** Write a knowledge-base article (draft or published). */
export async function createArticle(db: Kysely<DB>, actor: Actor, input: ArticleInput, now: Date): Promise<repo.ArticleRow> {
  const at = now.toISOString();
  const row: repo.ArticleRow = { id: randomUUID(), ...input, created_by: actor.id, created_at: at, updated_at: at, published_at: input.status === "published" ? at : null };
  await db.transaction().execute(async (trx) => {
    await repo.insertArticle(trx, row);
    await appendEvent(trx, { actorId: actor.id, type: "helpdesk.article_created", subject: { type: "helpdesk_article", id: row.id }, payload: { title: row.title, status: row.status }, visibility: "public" }, now);
  });
  return row;
}

/** Replace an article; publishing stamps the first publication time, unpublishing makes it a draft again. */
export async function updateArticle(db: Kysely<DB>, actor: Actor, id: string, input: ArticleInput, now: Date): Promise<repo.ArticleRow> {
  return db.transaction().execute(async (trx) => {
    const before = await repo.findArticle(trx, id);
    if (!before) throw articleNotFound();
    const at = now.toISOString();
    const publishedAt = input.status === "published" ? (before.published_at ?? at) : null;
    await repo.updateArticle(trx, id, { ...input, updated_at: at, published_at: publishedAt });
    await appendEvent(trx, { actorId: actor.id, type: "helpdesk.article_updated", subject: { type: "helpdesk_article", id }, payload: { title: input.title, status: input.status, from: before.status }, visibility: "public" }, now);
    return { ...before, ...input, updated_at: at, published_at: publishedAt };
  });
}

/** One article: a published one for anyone, a draft only for those who may edit it (404 otherwise). */
export async function getArticle(db: Kysely<DB>, id: string, canSeeDrafts: boolean): Promise<repo.ArticleRow> {
  const row = await repo.findArticle(db, id);
  if (!row || (row.status !== "published" && !canSeeDrafts)) throw articleNotFound();
  return row;
}
