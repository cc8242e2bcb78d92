/** Turns a failed WhatsApp start into a short reason that says what to do. */

const unreachable =
  /ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_(?:REFUSED|RESET|TIMED_OUT|CLOSED)|ERR_ADDRESS_UNREACHABLE|ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY/;
const noBrowser =
  /Browser was not found|Failed to launch the browser|executablePath|spawn .* ENOENT|ENOENT.*chrom/i;

function toMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}

export function toStartProblem(error: unknown): string {
  const message = toMessage(error).split("\n")[0]?.trim() ?? "";
  if (unreachable.test(message)) return `web.whatsapp.com is unreachable from this machine: ${message}`;
  if (noBrowser.test(message))
    return `Chromium could not be launched (install it: apt-get install chromium, or set CHROMIUM_PATH): ${message}`;
  if (/auth timeout/i.test(message)) return "WhatsApp Web did not load in time (slow or blocked network)";
  return message || "unknown error";
}
