/**
 * Stands in for `mnemonist/lru-cache` in the Lambda bundles (esbuild alias in
 * infra/constructs/bundling.ts). Its one user is the DynamoDB client's endpoint-discovery cache
 * (@aws-sdk/endpoint-cache), built at every client construction and read through get, peek,
 * has, set and clear; mnemonist and its iterator library cost ~7 KiB minified per function for
 * that. A Map keeps insertion order, so its first key is the least recently used.
 * test/unit/lru-cache-stub.test.ts holds it to mnemonist's behaviour.
 */
export default class LRUCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.entries.clear();
  }
}
