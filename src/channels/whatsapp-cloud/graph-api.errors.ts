/**
 * What a failed Graph API call means for the bot, by Meta's error code
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes):
 * wait and retry (the account's throughput, one user's pair rate, a server hiccup), send an
 * approved template instead (re-engagement: the 24-hour window is closed), give up for this
 * recipient (invalid number, a broken template), or stop the channel until staff fix it (token,
 * permissions, a locked account).
 */

/** A Graph API error as the response body carries it. */
export type GraphErrorBody = {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; error_data?: unknown };
};

export type GraphFailure =
  /** `scope` "account": everything waits (throughput); "user": only this recipient (pair rate). */
  | { action: "retry"; scope: "account" | "user" | "request"; waitMs: number; reason: string }
  | { action: "template"; reason: string }
  | { action: "giveUp"; reason: string; skip: boolean }
  | { action: "unavailable"; reason: string };

/** Throughput (130429), WABA and app call limits, and the spam rate limit: the whole number waits. */
const accountLimits: Record<number, { reason: string; waitMs: number }> = {
  130429: { reason: "rateLimit", waitMs: 1_000 },
  80007: { reason: "accountRateLimit", waitMs: 5_000 },
  4: { reason: "appRateLimit", waitMs: 5_000 },
  613: { reason: "callRateLimit", waitMs: 5_000 },
  131048: { reason: "spamRateLimit", waitMs: 60_000 },
};
const transient = new Set([1, 2, 131000, 131016, 131057, 133004]);
/** The recipient cannot get it: recorded as failed, not retried. */
const recipientFailures: Record<number, string> = {
  131026: "undeliverable",
  131030: "notInAllowedList",
  131021: "recipientIsSender",
  131045: "certificateError",
  131051: "unsupportedMessageType",
  131052: "mediaDownloadError",
  131053: "mediaUploadError",
  100: "invalidParameter",
  131008: "missingParameter",
  131009: "invalidParameterValue",
  132000: "templateParamCount",
  132001: "templateMissing",
  132005: "templateTextTooLong",
  132007: "templatePolicy",
  132012: "templateParamFormat",
  132015: "templatePaused",
  132016: "templateDisabled",
  132018: "templateParamInvalid",
};
/** Meta limits what this person receives (marketing limits): a policy skip, not a failure. */
const recipientSkips: Record<number, string> = {
  131049: "perUserMarketingLimit",
  131050: "userStoppedMarketing",
};
/** Staff must act (token, permissions, payment, a blocked or locked account): try again later. */
const channelFailures: Record<number, string> = {
  0: "authentication",
  3: "capability",
  10: "permissionDenied",
  190: "accessTokenExpired",
  368: "blockedForPolicy",
  131031: "accountLocked",
  131042: "paymentIssue",
  133010: "numberNotRegistered",
};

export function toGraphFailure(httpStatus: number, body: GraphErrorBody | undefined): GraphFailure {
  const code = body?.error?.code;
  if (code === 131047) return { action: "template", reason: "reengagementRequired" };
  if (code === 131056) return { action: "retry", scope: "user", waitMs: 6_000, reason: "pairRateLimit" };
  if (code !== undefined && accountLimits[code])
    return { action: "retry", scope: "account", ...accountLimits[code] };
  if (httpStatus === 429) return { action: "retry", scope: "account", waitMs: 1_000, reason: "rateLimit" };
  if (code !== undefined && recipientSkips[code])
    return { action: "giveUp", reason: recipientSkips[code], skip: true };
  if (code !== undefined && recipientFailures[code])
    return { action: "giveUp", reason: recipientFailures[code], skip: false };
  if (code !== undefined && (channelFailures[code] || (code >= 200 && code <= 299)))
    return { action: "unavailable", reason: channelFailures[code] ?? "permission" };
  if (httpStatus === 401 || httpStatus === 403) return { action: "unavailable", reason: "authentication" };
  if ((code !== undefined && transient.has(code)) || httpStatus >= 500)
    return { action: "retry", scope: "request", waitMs: 1_000, reason: "serverError" };
  return { action: "giveUp", reason: code !== undefined ? `graph${code}` : `http${httpStatus}`, skip: false };
}

/** A Graph API call that failed, with Meta's code and description (never the message text). */
export class GraphApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    readonly failure: GraphFailure,
    description: string,
  ) {
    super(description);
    this.name = "GraphApiError";
  }
}
