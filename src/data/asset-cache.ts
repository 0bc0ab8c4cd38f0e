// Keeps downloaded data files in the Cache API so a reload does not download them again (secure contexts only).
const CACHE_NAME = 'digit-lab-data-v1';

/** The Cache API exists only in secure contexts (https, localhost); elsewhere there is simply no cache. */
function cacheAvailable(): boolean {
  return typeof self !== 'undefined' && self.isSecureContext === true && 'caches' in self;
}

export async function readCachedBytes(url: string): Promise<Uint8Array | null> {
  if (!cacheAvailable()) return null;
  try {
    const cache = await caches.open(CACHE_NAME);
    const hit = await cache.match(url);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    // A cache the browser refuses (private mode, quota) just means downloading again.
    return null;
  }
}

export async function writeCachedBytes(url: string, bytes: Uint8Array): Promise<void> {
  if (!cacheAvailable()) return;
  try {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(
      url,
      new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    );
  } catch {
    // Caching is an optimisation; a full disk must not fail a download that succeeded.
  }
}

export async function deleteCachedBytes(url: string): Promise<void> {
  if (!cacheAvailable()) return;
  try {
    const cache = await caches.open(CACHE_NAME);
    await cache.delete(url);
  } catch {
    // Nothing to undo if the cache cannot be opened.
  }
}
