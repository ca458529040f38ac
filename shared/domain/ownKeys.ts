// Records keyed by ids and by labels people type (a door, a section) are plain objects, so
// they travel as JSON. A key spelled like a property every object has ("constructor",
// "toString", "__proto__") must read and write that record's own entry, never the prototype's.

/** The record's own entry for `key`, or undefined. */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Sets `key` on `record` (a fresh copy the caller owns). Assigning "__proto__" would set the
 * prototype instead, and a number there is silently dropped: that key is defined.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
