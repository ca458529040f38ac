import pino from 'pino';

export type Logger = pino.Logger;

export const createLogger = (level = process.env.LOG_LEVEL ?? 'info'): Logger => pino({ level });
