/**
 * Start-up registration of the bot's command list and descriptions, in Indonesian (the default)
 * and English. A server that lacks these methods (an emulator, an old self-hosted Bot API) only
 * costs a warning: the bot works without them.
 */
import type { Api } from "grammy";
import type { Language } from "../../core/messages";
import type { Logger, Translator } from "../../core/ports";
import type { I18nKey } from "../../i18n/keys";

export const botCommands = ["start", "menu", "batal", "bahasa", "bantuan", "status"] as const;

/** Registers commands and descriptions; never rejects. Returns the calls that failed. */
export async function registerBotProfile(
  api: Pick<Api, "setMyCommands" | "setMyDescription" | "setMyShortDescription">,
  translator: Translator,
  logger: Logger,
): Promise<string[]> {
  const failed: string[] = [];
  const attempt = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      failed.push(what);
      logger.warn({ err: error, call: what }, "the Bot API server refused a profile call; carrying on");
    }
  };
  const variants: Array<{ language: Language; code?: "en" }> = [
    { language: "id" },
    { language: "en", code: "en" },
  ];
  for (const { language, code } of variants) {
    const scope = code ? { language_code: code } : {};
    const t = (key: I18nKey) => translator.t(language, key);
    await attempt(`setMyCommands(${language})`, () =>
      api.setMyCommands(
        botCommands.map((command) => ({
          command,
          description: t(`telegram:commands.${command}`),
        })),
        scope,
      ),
    );
    await attempt(`setMyDescription(${language})`, () =>
      api.setMyDescription(t("telegram:description"), scope),
    );
    await attempt(`setMyShortDescription(${language})`, () =>
      api.setMyShortDescription(t("telegram:shortDescription"), scope),
    );
  }
  return failed;
}
