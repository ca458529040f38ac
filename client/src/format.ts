/** "18:05" in the device's own time zone: the room reads the clock on the wall. */
export const formatTimeOfDay = (ms: number): string =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** 1,234: counts the room reads at a glance. */
export const formatCount = (n: number): string => n.toLocaleString('en-GB');
