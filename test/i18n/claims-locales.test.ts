import { loadResources } from "../../src/i18n/translator";

const keysOf = (value: unknown, prefix = ""): string[] =>
  typeof value === "string"
    ? [prefix]
    : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        keysOf(v, prefix ? `${prefix}.${k}` : k),
      );

describe("claims locales", () => {
  const resources = loadResources();
  it.each(["deathReport", "claimStatus", "staffClaims"])(
    "has the same %s keys in English as in Indonesian",
    (ns) => {
      const id = (resources.id as Record<string, unknown>)[ns];
      const en = (resources.en as Record<string, unknown>)[ns];
      expect(keysOf(en).sort()).toEqual(keysOf(id).sort());
    },
  );
});
