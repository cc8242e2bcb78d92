import { toGraphFailure } from "../../../src/channels/whatsapp-cloud/graph-api.errors";
import { createRateGate } from "../../../src/channels/whatsapp-cloud/graph-api.pace";
import { toSendError } from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.sender";
import { GraphApiError } from "../../../src/channels/whatsapp-cloud/graph-api.errors";
import {
  isSignedByMeta,
  toChallengeAnswer,
} from "../../../src/channels/whatsapp-cloud/whatsapp-cloud.webhook";
import { toGraphError } from "../../fixtures/whatsapp-cloud/meta-shapes";
import { signBody } from "../../support/fake-graph-api";

const failure = (code: number, status = 400) => toGraphFailure(status, toGraphError(code, "x"));

describe("Graph API errors", () => {
  it.each([
    [130429, 400, "retry", "account"],
    [0, 429, "retry", "account"],
    [131056, 400, "retry", "user"],
    [131000, 500, "retry", "request"],
  ])("retries code %i (HTTP %i) with the right scope", (code, status, action, scope) => {
    expect(failure(code, status)).toMatchObject({ action, scope });
  });

  it("asks for a template on re-engagement, gives up on an invalid number, skips Meta's marketing limits", () => {
    expect(failure(131047)).toEqual({ action: "template", reason: "reengagementRequired" });
    expect(failure(131026)).toMatchObject({ action: "giveUp", reason: "undeliverable", skip: false });
    expect(failure(131049)).toMatchObject({ action: "giveUp", skip: true });
    expect(failure(190, 401)).toMatchObject({ action: "unavailable", reason: "accessTokenExpired" });
  });

  it("becomes the error the outbox and broadcasts act on", () => {
    const asError = (code: number, status = 400) =>
      toSendError(new GraphApiError(status, code, failure(code, status), "x"));
    expect(asError(130429, 429)).toMatchObject({
      code: "CHANNEL_SEND_FAILED",
      details: { retryAfterSeconds: 1 },
    });
    expect(asError(131026)).toMatchObject({ code: "CHANNEL_SEND_FAILED", details: { final: true } });
    expect(asError(131049)).toMatchObject({ code: "NOT_ALLOWED" });
    expect(asError(190, 401)).toMatchObject({ details: { unavailable: true } });
  });
});

describe("webhook security", () => {
  const secret = "0123456789abcdef0123456789abcdef";
  it("accepts only the HMAC-SHA256 of the raw body with the app secret", () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    expect(isSignedByMeta(body, signBody(body.toString(), secret), secret)).toBe(true);
    expect(
      isSignedByMeta(Buffer.from(`${body.toString()} `), signBody(body.toString(), secret), secret),
    ).toBe(false);
    expect(isSignedByMeta(body, signBody(body.toString(), "another-secret"), secret)).toBe(false);
    expect(isSignedByMeta(body, undefined, secret)).toBe(false);
    expect(isSignedByMeta(body, "sha1=abc", secret)).toBe(false);
  });

  it("answers the challenge only for mode 'subscribe' and the verify token", () => {
    const query = (mode: string, token: string) =>
      new URLSearchParams({ "hub.mode": mode, "hub.verify_token": token, "hub.challenge": "42" });
    expect(toChallengeAnswer(query("subscribe", "token-123"), "token-123")).toEqual({
      status: 200,
      body: "42",
    });
    expect(toChallengeAnswer(query("unsubscribe", "token-123"), "token-123").status).toBe(403);
    expect(toChallengeAnswer(query("subscribe", "token-12"), "token-123").status).toBe(403);
  });
});

describe("the account's rate gate", () => {
  it("spaces messages evenly at the rate and holds everything after a rate-limit answer", async () => {
    let now = 0;
    const slept: number[] = [];
    const gate = createRateGate(80, { now: () => now, sleep: async (ms) => void slept.push(ms) }, 0);
    for (let i = 0; i < 4; i++) await gate.acquire();
    expect(slept).toEqual([12.5, 25, 37.5]);
    now = 100;
    gate.holdOff(1000);
    slept.length = 0;
    const pending = gate.acquire();
    now = 1100;
    await pending;
    expect(slept[0]).toBe(1000);
  });

  it("lets a message a little ahead of its slot go at once, but never more than the tolerance", async () => {
    const slept: number[] = [];
    const gate = createRateGate(80, { now: () => 0, sleep: async (ms) => void slept.push(ms) }, 2);
    for (let i = 0; i < 5; i++) await gate.acquire();
    expect(slept).toEqual([12.5, 25]);
  });
});
