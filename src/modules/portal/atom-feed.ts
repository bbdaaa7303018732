import { formatRupiah } from "../packages/money.js";

/** Escape text for XML element content and attribute values. */
function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);
}

export interface FeedEntry {
  tenderCode: string;
  name: string;
  agencyName: string;
  hpsSen: bigint;
  publishedAt: string;
}

/** An Atom 1.0 feed (RFC 4287) of new tender announcements. */
export function atomFeed(options: { publicUrl: string; lpseName: string; updated: string; entries: FeedEntry[] }): string {
  const { publicUrl, lpseName } = options;
  const entries = options.entries
    .map(
      (e) => `  <entry>
    <id>${xml(`${publicUrl}/tender/${e.tenderCode}`)}</id>
    <title>${xml(e.name)}</title>
    <link href="${xml(`${publicUrl}/tender/${e.tenderCode}`)}"/>
    <updated>${xml(e.publishedAt)}</updated>
    <published>${xml(e.publishedAt)}</published>
    <author><name>${xml(e.agencyName)}</name></author>
    <summary>${xml(`Kode tender ${e.tenderCode} — ${e.agencyName} — HPS ${formatRupiah(e.hpsSen)}`)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>${xml(`${publicUrl}/api/v1/public/tenders/feed.atom`)}</id>
  <title>${xml(`Pengumuman tender — ${lpseName}`)}</title>
  <link rel="self" href="${xml(`${publicUrl}/api/v1/public/tenders/feed.atom`)}"/>
  <link href="${xml(publicUrl)}"/>
  <updated>${xml(options.updated)}</updated>
${entries}
</feed>
`;
}
