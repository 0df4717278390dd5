/**
 * One HTTP GET with a timeout, for the live fetchers. Any failure (network error, timeout, non-2xx status,
 * a body cut short) becomes a FetchError with a one-line message naming the URL, so that callers can keep
 * the last good cache and say why.
 */
import {fetchTimeoutMs} from "./config.js";

/** A failed download; `message` is one line. */
export class FetchError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "FetchError";
  }
}

/** Hide API keys from URLs that end up in messages and provenance records. */
export function redactUrl(url: string): string {
  return url.replace(/(subscription-key|api[_-]?key|token)=[^&]*/gi, "$1=***");
}

/**
 * GET `url` and return the body as text. Times out after `DTB_FETCH_TIMEOUT_MS` (covering headers and body);
 * throws FetchError on a network error, timeout, HTTP status >= 400 (message has status and text), or a body
 * shorter than its Content-Length (Node's fetch reports that as "terminated").
 * Example: `await getText("https://api.worldbank.org/v2/country?format=json")`.
 */
export async function getText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const timeout = fetchTimeoutMs();
  const shown = redactUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  let gotHeaders = false;
  try {
    const response = await fetch(url, {
      headers: {"user-agent": "dtb-replication/0.1 (open research replication)", ...headers},
      signal: controller.signal
    });
    gotHeaders = true;
    if (!response.ok) {
      // Drain the body so the socket is released, but never let it hide the status.
      await response.text().catch(() => "");
      throw new FetchError(`GET ${shown}: HTTP ${response.status} ${response.statusText}`.trim());
    }
    const body = await response.text();
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > 0 && !response.headers.get("content-encoding")) {
      const got = Buffer.byteLength(body, "utf8");
      if (got < declared) throw new FetchError(`GET ${shown}: truncated body (${got} of ${declared} bytes)`);
    }
    return body;
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError(`GET ${shown}: timed out after ${timeout} ms`);
    const cause = (error as {cause?: {code?: string; message?: string}}).cause;
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    // After the headers, a socket error means the body was cut short.
    const text = gotHeaders || /terminated|premature/i.test(String(detail))
      ? `connection closed before the body was complete (truncated body; ${detail})`
      : detail;
    throw new FetchError(`GET ${shown}: ${text}`);
  } finally {
    clearTimeout(timer);
  }
}
