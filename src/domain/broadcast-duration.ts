/**
 * When a broadcast will have reached everyone, per channel: messages go out only outside quiet
 * hours (WIB), at the channel's pace (Telegram ~30/s; WhatsApp a few per minute and a daily cap),
 * so 50,000 WhatsApp recipients at 300 a day take months, and staff should know before sending.
 */
import { fromJakarta, toJakartaParts } from "./jakarta-time";
import { isQuietTime, toSendableTime, type QuietHours } from "./quiet-hours";

/** How fast one channel sends unsolicited messages. */
export type ChannelPace = { perSecond: number; perDay?: number };

/** More than this and staff are warned before sending. */
export const slowBroadcastMs = 7 * 24 * 60 * 60 * 1000;

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The end of the sending window `at` is in (the next start of quiet hours), `at` being sendable. */
function toWindowEnd(at: Date, quiet: QuietHours): Date {
  const start = toMinutes(quiet.start);
  if (start === toMinutes(quiet.end)) return new Date(at.getTime() + dayMs);
  const { year, month, day, hour, minute } = toJakartaParts(at);
  const today = fromJakarta(year, month, day, Math.floor(start / 60), start % 60);
  return hour * 60 + minute < start ? today : new Date(today.getTime() + dayMs);
}

/** The instant the last of `count` messages goes out, sending from `from` (or its next sendable moment). */
export function toFinishTime(count: number, pace: ChannelPace, from: Date, quiet: QuietHours): Date {
  let at = toSendableTime(from, quiet);
  let left = count;
  for (let day = 0; left > 0 && day < 36_500; day++) {
    const end = toWindowEnd(at, quiet);
    const fits = Math.floor(((end.getTime() - at.getTime()) / 1000) * pace.perSecond);
    const today = Math.min(left, fits, pace.perDay ?? Number.POSITIVE_INFINITY);
    if (today === left) return new Date(at.getTime() + Math.ceil((left / pace.perSecond) * 1000));
    left -= today;
    const next = new Date(Math.max(end.getTime(), toNextDay(at).getTime()));
    at = isQuietTime(next, quiet) ? toSendableTime(next, quiet) : next;
  }
  return at;
}

/** Midnight WIB after `at` (WhatsApp's daily cap starts again). */
function toNextDay(at: Date): Date {
  const { year, month, day } = toJakartaParts(at);
  return fromJakarta(year, month, day + 1);
}

/** The finish time of each channel's share of a broadcast (channels without a pace are left out). */
export function toFinishTimes<C extends string>(
  counts: Partial<Record<C, number>>,
  paces: Partial<Record<C, ChannelPace>>,
  from: Date,
  quiet: QuietHours,
): Partial<Record<C, Date>> {
  const out: Partial<Record<C, Date>> = {};
  for (const [channel, count] of Object.entries(counts) as [C, number][]) {
    const pace = paces[channel];
    if (pace && count > 0) out[channel] = toFinishTime(count, pace, from, quiet);
  }
  return out;
}
