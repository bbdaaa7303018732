import type { TransferObserver } from "../../storage/file-store.js";

/**
 * The few metrics the service keeps, written in the Prometheus text exposition format (version 0.0.4) by
 * hand: counters and one histogram in memory per process, gauges read at scrape time by the route.
 */

/** Request latency buckets (seconds): API calls take milliseconds; bid uploads of hundreds of MB take minutes. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600] as const;

type Labels = Record<string, string>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length > 0 ? `{${parts.join(",")}}` : "";
}

function number(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  return Number.isInteger(value) ? String(value) : value.toPrecision(12).replace(/\.?0+$/, "");
}

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

export interface Gauge {
  name: string;
  help: string;
  value: number;
  labels?: Labels;
}

export class Metrics implements TransferObserver {
  private readonly requests = new Map<string, { labels: Labels; value: number }>();
  private readonly latency = new Map<string, HistogramSeries>();
  private uploadsInProgress = 0;
  private uploadBytes = 0;

  /** One finished HTTP request; `route` is the route's pattern (never the raw URL, so the label set stays small). */
  recordRequest(method: string, route: string, status: number, seconds: number): void {
    const counterLabels = { method, route, status: String(status) };
    const key = JSON.stringify(counterLabels);
    const counter = this.requests.get(key) ?? { labels: counterLabels, value: 0 };
    counter.value += 1;
    this.requests.set(key, counter);

    const histogramLabels = { method, route };
    const hKey = JSON.stringify(histogramLabels);
    const series = this.latency.get(hKey) ?? { labels: histogramLabels, buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
    });
    series.sum += seconds;
    series.count += 1;
    this.latency.set(hKey, series);
  }

  started(): void {
    this.uploadsInProgress += 1;
  }

  received(bytes: number): void {
    this.uploadBytes += bytes;
  }

  /** Bytes streamed into the file store since the process started (the capacity sampler takes differences). */
  receivedBytes(): number {
    return this.uploadBytes;
  }

  finished(): void {
    this.uploadsInProgress -= 1;
  }

  /** The exposition text: the in-memory series, then the gauges read for this scrape. */
  render(gauges: Gauge[]): string {
    const lines: string[] = [];
    lines.push("# HELP openlpse_http_requests_total HTTP requests answered, by method, route pattern and status.");
    lines.push("# TYPE openlpse_http_requests_total counter");
    for (const c of this.requests.values()) lines.push(`openlpse_http_requests_total${labelText(c.labels)} ${c.value}`);

    lines.push("# HELP openlpse_http_request_duration_seconds Time to answer HTTP requests, by method and route pattern.");
    lines.push("# TYPE openlpse_http_request_duration_seconds histogram");
    for (const s of this.latency.values()) {
      LATENCY_BUCKETS.forEach((bound, i) => lines.push(`openlpse_http_request_duration_seconds_bucket${labelText({ ...s.labels, le: number(bound) })} ${s.buckets[i] ?? 0}`));
      lines.push(`openlpse_http_request_duration_seconds_bucket${labelText({ ...s.labels, le: "+Inf" })} ${s.count}`);
      lines.push(`openlpse_http_request_duration_seconds_sum${labelText(s.labels)} ${number(s.sum)}`);
      lines.push(`openlpse_http_request_duration_seconds_count${labelText(s.labels)} ${s.count}`);
    }

    lines.push("# HELP openlpse_uploads_in_progress Files (documents, sealed bids, resumable pieces) being streamed into the file store now.");
    lines.push("# TYPE openlpse_uploads_in_progress gauge");
    lines.push(`openlpse_uploads_in_progress ${this.uploadsInProgress}`);
    lines.push("# HELP openlpse_upload_received_bytes_total Bytes streamed into the file store.");
    lines.push("# TYPE openlpse_upload_received_bytes_total counter");
    lines.push(`openlpse_upload_received_bytes_total ${this.uploadBytes}`);

    const seen = new Set<string>();
    for (const g of gauges) {
      if (!seen.has(g.name)) {
        lines.push(`# HELP ${g.name} ${g.help}`);
        lines.push(`# TYPE ${g.name} gauge`);
        seen.add(g.name);
      }
      lines.push(`${g.name}${labelText(g.labels ?? {})} ${number(g.value)}`);
    }
    return lines.join("\n") + "\n";
  }
}
