import { inflateSync } from "node:zlib";

/*
 * The text of a PDF as Chromium prints it (Skia: Flate-compressed content streams, Type0 fonts with a
 * ToUnicode map, text drawn with hex strings in Tj/TJ). Enough to check what a printed page says; not a
 * general PDF reader.
 */

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const body = m[2] ?? "";
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + "stream".length;
    if (body[start] === "\r") start++;
    if (body[start] === "\n") start++;
    const end = body.lastIndexOf("endstream");
    let data = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ""), "latin1");
    const length = /\/Length (\d+)(?! 0 R)/.exec(dict);
    if (length) data = data.subarray(0, Number(length[1]));
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : data });
  }
  return objects;
}

type CMap = Map<string, string>;

function utf16(hex: string): string {
  const bytes = Buffer.from(hex, "hex");
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
}

function parseCMap(text: string): CMap {
  const map: CMap = new Map();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set((pair[1] ?? "").toLowerCase(), utf16(pair[2] ?? ""));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const width = (range[1] ?? "").length;
      const lo = Number.parseInt(range[1] ?? "0", 16);
      const hi = Number.parseInt(range[2] ?? "0", 16);
      const dst = range[3] ?? "";
      const list = dst.startsWith("[") ? [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => utf16(d[1] ?? "")) : null;
      const base = list ? 0 : Number.parseInt(dst.slice(1, -1), 16);
      for (let code = lo; code <= hi; code++) {
        const key = code.toString(16).padStart(width, "0");
        map.set(key, list ? (list[code - lo] ?? "") : String.fromCharCode(base + code - lo));
      }
    }
  }
  return map;
}

/** Resource name (/F4) → the font's ToUnicode map. */
function fontMaps(objects: Map<number, PdfObject>): Map<string, CMap> {
  const byObject = new Map<number, CMap>();
  for (const [num, o] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) byObject.set(num, parseCMap(cmap.toString("latin1")));
  }
  const byName = new Map<string, CMap>();
  const fontDicts = [...objects.values()].flatMap((o) => {
    const inline = [...o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)].map((m) => m[1] ?? "");
    const indirect = [...o.dict.matchAll(/\/Font (\d+) 0 R/g)].map((m) => objects.get(Number(m[1]))?.dict ?? "");
    return [...inline, ...indirect];
  });
  for (const dict of fontDicts) {
    for (const m of dict.matchAll(/\/([\w.+-]+) (\d+) 0 R/g)) {
      const cmap = byObject.get(Number(m[2]));
      if (cmap) byName.set(m[1] ?? "", cmap);
    }
  }
  return byName;
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return "";
  const width = [...cmap.keys()][0]?.length ?? 4;
  let out = "";
  for (let i = 0; i + width <= hex.length; i += width) out += cmap.get(hex.slice(i, i + width).toLowerCase()) ?? "";
  return out;
}

/** Every text run of every content stream, in drawing order; runs on another line are separated by a space. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fonts = fontMaps(objects);
  const parts: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bTf\b/.test(o.stream.toString("latin1"))) continue;
    const content = o.stream.toString("latin1");
    let font: CMap | undefined;
    // Skia moves to each glyph with a horizontal Td: only a move down a line (or a new text object) separates words.
    const tokens = /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\[((?:[^\]\\]|\\.)*)\]\s*TJ|(-?[\d.]+)\s+(-?[\d.]+)\s+T[dD]\b|\b(Tm|T\*|ET)\b/g;
    for (let m = tokens.exec(content); m; m = tokens.exec(content)) {
      if (m[1] !== undefined) font = fonts.get(m[1]);
      else if (m[2] !== undefined) parts.push(decode(m[2], font));
      else if (m[3] !== undefined) {
        for (const piece of m[3].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
          if (piece[1] !== undefined) parts.push(decode(piece[1], font));
          else if (Number(piece[2]) < -250) parts.push(" ");
        }
      } else if (m[5] !== undefined) {
        if (Number(m[5]) !== 0) parts.push(" ");
      } else parts.push(" ");
    }
  }
  return parts.join("").replace(/\s+/g, " ");
}
