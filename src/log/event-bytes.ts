import { eventBytes, type LogEventHeader } from "./event-encoding.js";
import { leafHash } from "./merkle.js";

export { eventBytes, type LogEventHeader } from "./event-encoding.js";

/** The RFC 9162 leaf hash of one event. */
export function eventLeafHash(h: LogEventHeader): Uint8Array {
  return leafHash(eventBytes(h));
}
