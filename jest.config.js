/** @type {import('jest').Config} */
// ESM-only dependencies are turned into CommonJS for jest on Node 20 (see shared STACK.md §1).
const esmOnly = ["agenda", "@agendajs", "idn-area-data"];
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  randomize: true,
  testTimeout: 20000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", {}],
    "^.+\\.m?js$": [
      "babel-jest",
      {
        babelrc: false,
        configFile: false,
        plugins: ["babel-plugin-transform-import-meta", "@babel/plugin-transform-modules-commonjs"],
      },
    ],
  },
  setupFilesAfterEnv: ["<rootDir>/test/support/matchers.ts"],
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join("|")})/)`],
};
