import { inflateSync } from "node:zlib";

/**
 * The text of a PDF as Chromium prints it: content streams and fonts' ToUnicode maps are inflated, and the
 * glyph codes shown with Tj/TJ are mapped back to Unicode through the current font's map. Enough to check
 * what a printed page says, without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? "";
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + "stream".length + (body[at + 6] === "\r" ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(m[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
  }
  const cmapOf = new Map<number, Map<number, string>>();
  const fontCmap = (fontObj: number): Map<number, string> | undefined => {
    const font = objects.get(fontObj);
    const ref = font ? /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1] : undefined;
    if (!ref) return undefined;
    const cached = cmapOf.get(Number(ref));
    if (cached) return cached;
    const map = parseCmap(objects.get(Number(ref))?.stream?.toString("latin1") ?? "");
    cmapOf.set(Number(ref), map);
    return map;
  };
  // Resource names (/F1 …) to font objects, from every font dictionary in the file.
  const fontNames = new Map<string, number>();
  for (const { dict } of objects.values()) {
    for (const block of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) for (const f of (block[1] ?? "").matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) fontNames.set(f[1] ?? "", Number(f[2]));
  }
  const out: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString("latin1");
    if (!/\bBT\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const token of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9A-Fa-f\s]*)>\s*Tj|\bET\b/g)) {
      if (token[1] !== undefined) cmap = fontCmap(fontNames.get(token[1]) ?? -1);
      else if (token[2] !== undefined) out.push([...token[2].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((h) => decode(h[1] ?? "", cmap)).join(""));
      else if (token[3] !== undefined) out.push(decode(token[3], cmap));
      else out.push("\n");
    }
  }
  return out.join("");
}

function decode(hex: string, cmap: Map<number, string> | undefined): string {
  const clean = hex.replace(/\s+/g, "");
  let text = "";
  for (let i = 0; i + 4 <= clean.length; i += 4) text += cmap?.get(Number.parseInt(clean.slice(i, i + 4), 16)) ?? "";
  return text;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(Number.parseInt(m[1] ?? "", 16), utf16(m[2] ?? ""));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const from = Number.parseInt(m[1] ?? "", 16);
      const to = Number.parseInt(m[2] ?? "", 16);
      const target = m[3] ?? "";
      if (target.startsWith("[")) {
        [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((t, i) => map.set(from + i, utf16(t[1] ?? "")));
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  return map;
}
