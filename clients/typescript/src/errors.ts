/** Errors of the realtime-store client. */

/** Error codes the server answers with that are worth retrying. */
const RETRYABLE_CODES = new Set(["overloaded", "unavailable", "timeout"]);

/**
 * A failed call: the server's error `code`, the offending `field` for bad input,
 * the HTTP `status` (0 when the server could not be reached). The message never
 * contains the values that were sent.
 */
export class RealtimeStoreError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  constructor(status: number, code: string, message: string, field: string | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RealtimeStoreError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
  /** True when the same call may succeed later (network, 429, 503, timeouts). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || RETRYABLE_CODES.has(this.code);
  }
}

/** Builds the error of a non-2xx answer from its JSON body (`{error: {code, message, field}}`). */
export async function errorFromResponse(res: Response): Promise<RealtimeStoreError> {
  let code = "http_" + res.status;
  let message = `HTTP ${res.status}`;
  let field: string | null = null;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; field?: string | null } };
    if (body?.error?.code) code = body.error.code;
    if (body?.error?.message) message = body.error.message;
    field = body?.error?.field ?? null;
  } catch {
    // not JSON: keep the status
  }
  return new RealtimeStoreError(res.status, code, message, field);
}
