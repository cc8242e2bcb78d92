/**
 * `npm start`: runs the compiled bot (dist/src/main.js), which starts faster and uses less memory
 * than running the TypeScript through tsx. When the build is missing or older than any source
 * file, it builds first (the compiler's emit without its type check, a few seconds once). If the build fails (say, an edit
 * that does not compile yet), it says why and runs the sources through tsx instead, so the one
 * command always starts the bot. Plain JavaScript: it has to run before anything is compiled.
 */
const { spawnSync } = require("node:child_process");
const { existsSync, readdirSync, statSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "dist", "src", "main.js");
const inputs = ["src", "types", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** The newest modification time (ms) under a file or folder. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const name of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, name)));
  return latest;
}

/** Every build (this one or `npm run build`) rewrites dist/src/main.js: its time is the build's. */
function isUpToDate() {
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  return inputs.every((input) => newest(path.join(root, input)) <= built);
}

function build() {
  process.stderr.write("jamsos-bot: building (the sources changed since the last build)…\n");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  // --noCheck: emit only, like tsx (types are checked by `npm run check`), three times faster.
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status === 0) return true;
  process.stderr.write(`${result.stdout}${result.stderr}`.trim().split("\n").slice(0, 20).join("\n") + "\n");
  process.stderr.write("jamsos-bot: the build failed (above); running the sources through tsx instead.\n");
  return false;
}

if (isUpToDate() || build()) require(entry);
else {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "src", "main.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  process.exitCode = child.status ?? 1;
}
