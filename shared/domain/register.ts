// A keyed collection for the night's high-volume records (check-ins). Evolving it copies
// one small bucket and the array of buckets, never the whole collection, and never a big
// object: copying a 20,000-key object costs about 20 ms, and even a 512-key one about
// 0.3 ms (objects that large live in slow dictionary mode), while copying an array of 512
// references costs a few microseconds. Plain JSON, so it travels in snapshots and
// localStorage like the rest of the state.

export interface Register<T> {
  size: number;
  /**
   * Up to BUCKETS arrays of [id, value], the bucket chosen by a hash of the id. Filled as
   * needed: an empty register (the public's) is a few bytes; a bucket never used is a
   * hole, which JSON writes as null.
   */
  buckets: ([string, T][] | null | undefined)[];
}

const BUCKETS = 512;

function bucketOf(id: string): number {
  // FNV-1a: cheap and spreads UUIDs and short ids alike.
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % BUCKETS;
}

export const emptyRegister = <T>(): Register<T> => ({ size: 0, buckets: [] });

export function lookup<T>(register: Register<T>, id: string): T | undefined {
  const bucket = register.buckets[bucketOf(id)];
  if (!bucket) return undefined;
  for (const [key, value] of bucket) if (key === id) return value;
  return undefined;
}

export function put<T>(register: Register<T>, id: string, value: T): Register<T> {
  const index = bucketOf(id);
  const bucket = register.buckets[index] ?? [];
  const at = bucket.findIndex(([key]) => key === id);
  const next = bucket.slice();
  if (at >= 0) next[at] = [id, value];
  else next.push([id, value]);
  const buckets = register.buckets.slice();
  buckets[index] = next;
  return { size: register.size + (at >= 0 ? 0 : 1), buckets };
}

export function remove<T>(register: Register<T>, id: string): Register<T> {
  const index = bucketOf(id);
  const bucket = register.buckets[index] ?? [];
  const at = bucket.findIndex(([key]) => key === id);
  if (at < 0) return register;
  const buckets = register.buckets.slice();
  buckets[index] = bucket.filter((_, i) => i !== at);
  return { size: register.size - 1, buckets };
}

export function valuesOf<T>(register: Register<T>): T[] {
  const all: T[] = [];
  for (const bucket of register.buckets) for (const [, value] of bucket ?? []) all.push(value);
  return all;
}

export function mapRegister<T, U>(register: Register<T>, fn: (value: T) => U): Register<U> {
  return {
    size: register.size,
    buckets: Array.from(
      register.buckets,
      (bucket) => bucket?.map(([id, value]): [string, U] => [id, fn(value)]) ?? null,
    ),
  };
}
