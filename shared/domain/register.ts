// A keyed collection for the night's high-volume records (check-ins). Evolving it copies one
// small bucket and the bucket index, never the whole collection: copying a plain object of
// 20,000 check-ins costs about 20 ms, which would cap check-ins at a few dozen a second.
// Plain JSON, so it travels in snapshots and sits in localStorage like the rest of the state.

export interface Register<T> {
  size: number;
  buckets: Record<string, Record<string, T>>;
}

const BUCKETS = 512;

function bucketOf(id: string): string {
  // FNV-1a: cheap and spreads UUIDs and short ids alike.
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return ((hash >>> 0) % BUCKETS).toString(36);
}

export const emptyRegister = <T>(): Register<T> => ({ size: 0, buckets: {} });

export function lookup<T>(register: Register<T>, id: string): T | undefined {
  const bucket = register.buckets[bucketOf(id)];
  return bucket && Object.hasOwn(bucket, id) ? bucket[id] : undefined;
}

export function put<T>(register: Register<T>, id: string, value: T): Register<T> {
  const key = bucketOf(id);
  const bucket = register.buckets[key];
  const isNew = !(bucket && Object.hasOwn(bucket, id));
  return {
    size: register.size + (isNew ? 1 : 0),
    buckets: { ...register.buckets, [key]: { ...bucket, [id]: value } },
  };
}

export function remove<T>(register: Register<T>, id: string): Register<T> {
  const key = bucketOf(id);
  const bucket = register.buckets[key];
  if (!(bucket && Object.hasOwn(bucket, id))) return register;
  const { [id]: _gone, ...rest } = bucket;
  return { size: register.size - 1, buckets: { ...register.buckets, [key]: rest } };
}

export function valuesOf<T>(register: Register<T>): T[] {
  const all: T[] = [];
  for (const bucket of Object.values(register.buckets)) all.push(...Object.values(bucket));
  return all;
}

export function mapRegister<T, U>(register: Register<T>, fn: (value: T) => U): Register<U> {
  const buckets: Record<string, Record<string, U>> = {};
  for (const [key, bucket] of Object.entries(register.buckets)) {
    const mapped: Record<string, U> = {};
    for (const [id, value] of Object.entries(bucket)) mapped[id] = fn(value);
    buckets[key] = mapped;
  }
  return { size: register.size, buckets };
}
