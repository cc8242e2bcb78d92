/**
 * The Logger port over pino. Known personal fields are removed by `redact`; every other string
 * (messages, errors, free text) passes the scrubber, so a NIK or phone number never reaches a log.
 */
import { once } from "node:events";
import path from "node:path";
import pino, { type DestinationStream, type Logger as Pino } from "pino";
import pretty from "pino-pretty";
import type { LogFields, Logger } from "../core/ports";
import { redactText, redactValue } from "./redact";

export const redactedPaths = [
  "nik",
  "*.nik",
  "phone",
  "*.phone",
  "name",
  "*.name",
  "text",
  "*.text",
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "password",
  "*.password",
  "address",
  "*.address",
  "accountNumber",
  "*.accountNumber",
];

function wrap(logger: Pino): Logger {
  const log = (level: "debug" | "info" | "warn" | "error") => (fields: LogFields, message: string) =>
    logger[level](redactValue(fields) as object, redactText(message));
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child: (fields) => wrap(logger.child(redactValue(fields) as object)),
  };
}

/** A log file rotated each day or past `maxMb`, keeping `keep` old files. */
export type LogFile = { path: string; maxMb: number; keep: number };

/**
 * The rotated log file (pino-roll, in a worker thread). Resolves once the worker is ready: a
 * process that exits before that (a piped terminal chat) would otherwise wait 10 s on the flush.
 */
export async function openLogFile(file: LogFile): Promise<DestinationStream> {
  const stream = pino.transport({
    // Resolved here: pino would otherwise look for it from its own caller stack.
    target: require.resolve("pino-roll"),
    options: {
      file: path.resolve(file.path),
      frequency: "daily",
      size: `${file.maxMb}m`,
      mkdir: true,
      limit: { count: file.keep },
    },
  }) as DestinationStream & NodeJS.EventEmitter;
  await once(stream, "ready");
  return stream;
}

/** Where log lines go: a given stream (a log file), readable lines (a terminal), or JSON on stderr. */
function toDestination(options: { destination?: DestinationStream; pretty?: boolean }) {
  if (options.destination) return options.destination;
  if (options.pretty)
    return pretty({
      destination: 2,
      sync: true,
      colorize: true,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname,service",
    });
  return pino.destination({ dest: 2, sync: false });
}

/** "pretty" for LOG_FORMAT=pretty, or auto when stderr is a terminal. */
export const isPrettyLog = (
  format: "auto" | "pretty" | "json",
  stderrIsTty = Boolean(process.stderr.isTTY),
) => format === "pretty" || (format === "auto" && stderrIsTty);

export function createPinoLogger(options: {
  level: string;
  destination?: DestinationStream;
  pretty?: boolean;
}): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: "jamsos-bot" },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      serializers: { err: (error: unknown) => redactValue(error) },
    },
    toDestination(options),
  );
  return wrap(logger);
}

/** A logger that drops everything (benchmarks, quiet tests). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
