// Adds Cross-Origin-Opener-Policy / -Embedder-Policy to what the service worker serves, so an offline page stays cross-origin isolated.
import type { WorkboxPlugin } from 'workbox-core';

/** The headers that make a page crossOriginIsolated (SharedArrayBuffer, so training can use two workers). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * A copy of `response` carrying the isolation headers. The cached copy has whatever headers the host sent
 * when it was precached; a host (or a proxy in between) that dropped them must not cost the page its workers.
 */
export function withIsolationHeaders(response: Response): Response {
  // Opaque and error responses have no headers to change (and status 0 cannot be constructed).
  if (response.type === 'opaque' || response.type === 'error' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Workbox calls this on every response a strategy (here: precaching) hands to the page. */
export const isolationHeadersPlugin: WorkboxPlugin = {
  handlerWillRespond: async ({ response }) => withIsolationHeaders(response),
};
