// ESLint flat config: typescript-eslint type-checked rules plus the layer rule of DESIGN §2.
import tseslint from "typescript-eslint";

const frameworks = [
  "grammy",
  "@grammyjs/*",
  "whatsapp-web.js",
  "wwebjs-mongo",
  "mongoose",
  "mongodb",
  "pino",
  "agenda",
  "@agendajs/*",
];
const adapters = ["**/channels/**", "**/storage/**", "**/jobs/**", "**/main", "**/config"];

/** core/, flows/ and nlu/ depend on ports only; domain/ depends on nothing of ours. */
const layerRule = (extraPatterns) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: frameworks
        .filter((name) => !name.includes("*"))
        .map((name) => ({
          name,
          message: "This layer depends on ports in core/ports, not on frameworks (DESIGN §2).",
        })),
      patterns: [
        {
          group: frameworks.filter((name) => name.includes("*")),
          message: "This layer depends on ports, not on frameworks (DESIGN §2).",
        },
        {
          group: [...adapters, ...extraPatterns],
          message: "Adapters depend on core, never the other way round (DESIGN §2).",
        },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "data/**",
      "*.config.js",
      "*.config.mjs",
      ".puppeteerrc.cjs",
      // Plain JavaScript that runs before anything is compiled (npm start's launcher).
      "scripts/start.cjs",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "no-console": "error",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["src/core/**/*.ts", "src/flows/**/*.ts", "src/nlu/**/*.ts", "src/i18n/**/*.ts"],
    rules: layerRule([]),
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: layerRule(["**/core/**", "**/flows/**", "**/nlu/**", "**/i18n/**"]),
  },
  { files: ["src/main.ts", "scripts/**/*.ts"], rules: { "no-console": "off" } },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
);
