/** The engine's shape rules (issue 11): src/core has no import loop and no file far over 200 lines. */

/** "Files under ~200 lines". Ports (`*.port.ts`: the interfaces each feature owns) are left out. */
const longestFile = 200;
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const coreDir = path.resolve(__dirname, "../../src/core");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

function toImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found = [...source.matchAll(/^(?:import|export)[^;]*?from "(\.{1,2}\/[^"]+)";/gms)];
  return found
    .map((m) => path.resolve(path.dirname(file), `${m[1]!}.ts`))
    .filter((target) => target.startsWith(coreDir));
}

function findLoop(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const walk = (file: string, trail: string[]): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "visiting") return [...trail.slice(trail.indexOf(file)), file];
    state.set(file, "visiting");
    for (const next of graph.get(file) ?? []) {
      const loop = walk(next, [...trail, file]);
      if (loop) return loop;
    }
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const loop = walk(file, []);
    if (loop) return loop.map((f) => path.relative(coreDir, f));
  }
  return undefined;
}

describe("src/core", () => {
  const files = listFiles(coreDir);

  it("has no import loop", () => {
    expect(findLoop(new Map(files.map((f) => [f, toImports(f)])))).toBeUndefined();
  });

  it(`has no file over ${longestFile} lines`, () => {
    const long = files
      .filter((f) => !f.endsWith(".port.ts"))
      .map((f) => [path.relative(coreDir, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > longestFile);
    expect(long).toEqual([]);
  });
});
