import { z } from 'zod';
import { SCENES } from '../domain/assembly';
import { requiredText } from './fields';
import { LIMITS } from './limits';
import { GONE_KEPT, MAX_CLOCK_OFFSET_MS, MAX_LISTED, MAX_WAITING } from './presence';

// The server's check of every presence message (presence.ts says what they mean).

const deviceId = z.string().regex(/^[0-9a-f-]{36}$/, 'a device id');
const clockOffsetMs = z.number().finite().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS);

export const presenceReportSchema = z.discriminatedUnion('device', [
  z.strictObject({
    device: z.literal('screen'),
    deviceId,
    view: z.enum(['room', 'speaker']),
    scene: z.enum(SCENES),
    clockOffsetMs,
  }),
  z.strictObject({
    device: z.literal('door'),
    deviceId,
    label: requiredText(LIMITS.deviceLabel),
    waiting: z.number().int().min(0).max(MAX_WAITING),
    clockOffsetMs,
  }),
  z.strictObject({ device: z.literal('phone') }),
]);

export const flashRequestSchema = z.strictObject({
  deviceId,
  label: requiredText(LIMITS.deviceLabel),
});

const connectedAt = z.number().int().min(0);
const door = z.object({
  deviceId,
  label: z.string().max(LIMITS.deviceLabel * 2),
  waiting: z.number().int().min(0).max(MAX_WAITING),
  clockOffsetMs,
  connectedAt,
});

/** Another node's answer, checked too: it comes over Redis. */
export const nodePresenceSchema = z.object({
  screens: z.array(
    z.object({
      deviceId,
      view: z.enum(['room', 'speaker']),
      scene: z.enum(SCENES),
      clockOffsetMs,
      connectedAt,
    }),
  ),
  doors: z.array(door).max(MAX_LISTED),
  doorsGone: z.array(door.extend({ lastSeenAt: connectedAt })).max(GONE_KEPT),
  phones: z.number().int().min(0),
});
