// The service worker's copy of a response keeps body, status and headers and adds the cross-origin isolation pair.
import { describe, expect, it } from 'vitest';
import { isolationHeadersPlugin, withIsolationHeaders } from '../../src/service-worker/isolation-headers';

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP to a response a host sent without them, keeping everything else', async () => {
    const original = new Response('<!doctype html><p>Digit Lab</p>', {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Build': 'a1' },
    });
    const copy = withIsolationHeaders(original);
    expect(copy.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(copy.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(copy.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(copy.headers.get('X-Build')).toBe('a1');
    expect(copy.status).toBe(200);
    expect(await copy.text()).toBe('<!doctype html><p>Digit Lab</p>');
  });

  it('replaces weaker values a host sent', () => {
    const copy = withIsolationHeaders(
      new Response('x', {
        headers: {
          'Cross-Origin-Embedder-Policy': 'unsafe-none',
          'Cross-Origin-Opener-Policy': 'unsafe-none',
        },
      }),
    );
    expect(copy.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(copy.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
  });

  it('leaves error responses (status 0) as they are', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });

  it('is what the Workbox plugin hands to the page', async () => {
    const response = await isolationHeadersPlugin.handlerWillRespond!({
      request: new Request('https://example.test/index.html'),
      response: new Response('ok', { status: 200 }),
      event: new Event('fetch') as ExtendableEvent,
      state: {},
    });
    expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});
