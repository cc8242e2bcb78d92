import { section as broadcast } from "../../scripts/bench/broadcast.bench";
import { section as crash } from "../../scripts/bench/crash.bench";
import { compareReplies, toParagraphs } from "../../scripts/bench/crash-replies";
import { section as engine } from "../../scripts/bench/engine.bench";
import { scenarios, toBenchNik, toScenarioMessages } from "../../scripts/bench/engine.scenarios";
import { section as memory } from "../../scripts/bench/memory.bench";
import { section as startup } from "../../scripts/bench/startup.bench";
import { parseNik } from "../../src/domain/nik";
import { createMemoryDocumentStore } from "../../src/storage/memory/memory-document.store";
import { createTestChat } from "../support/test-chat";
import {
  createCountingStore,
  info,
  percentile,
  toTable,
  within,
  type BenchSection,
} from "../../scripts/lib/bench";

describe("bench helpers", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it("judges a figure against a maximum or a minimum budget", () => {
    expect(within("p50", 0.4, "ms", 0.5)).toMatchObject({ ok: true, budget: "≤ 0.5 ms" });
    expect(within("rate", 1500, "msg/s", 2000, "min")).toMatchObject({ ok: false, budget: "≥ 2,000 msg/s" });
  });

  it("counts every read and write a repository makes", async () => {
    const store = createCountingStore(createMemoryDocumentStore());
    const things = store.collection<{ _id: string; n: number }>({ name: "things", indexes: [] });
    await things.insert({ _id: "a", n: 1 });
    await things.findById("a");
    await things.find({ n: 1 });
    await things.replace({ _id: "a", n: 2 });
    expect(store.counts).toEqual({ reads: 2, writes: 2 });
    await store.collection<{ _id: string }>({ name: "others", indexes: [] }).findById("b");
    expect(store.byCollection).toEqual({ things: { reads: 2, writes: 2 }, others: { reads: 1, writes: 0 } });
  });

  it("prints figures beside their budgets and marks those over budget", () => {
    const table = toTable([
      { section: "engine", rows: [within("p99", 7, "ms", 5), info("messages", 6334, "msg")] },
    ]);
    expect(table).toMatch(/engine\s+p99\s+7 ms\s+≤ 5 ms\s+OVER/);
    expect(table).toMatch(/engine\s+messages\s+6,334 msg\s+-/);
  });

  it("has the engine, memory and startup sections, each with a name and a run function", () => {
    const sections: BenchSection[] = [engine, memory, startup];
    expect(sections.map((s) => s.name)).toEqual(["engine", "memory", "startup"]);
    for (const s of sections) expect(typeof s.run).toBe("function");
  });

  it("has the broadcast and crash sections in the runner's shape", () => {
    expect([broadcast.name, crash.name]).toEqual(["broadcast", "crash"]);
    expect(typeof broadcast.run).toBe("function");
    expect(typeof crash.run).toBe("function");
  });

  it("tells replies sent twice (one run per turn sent again) and replies never sent from a reference", () => {
    const reference = toParagraphs(["Nama?", "NIK?\n\nLahir 1 Maret, benar?", "Terkirim: DFT-ABCDEF"]);
    const got = toParagraphs([
      "Nama?",
      "NIK?",
      "Lahir 1 Maret, benar?",
      "NIK?\n\nLahir 1 Maret, benar?",
      "Terkirim: DFT-XYZ234",
    ]);
    expect(compareReplies(got, reference)).toEqual({ extra: 2, resends: 1, missing: 0 });
    expect(compareReplies(reference.slice(0, 2), reference)).toEqual({ extra: 0, resends: 0, missing: 2 });
  });
});

describe("engine bench scenarios", () => {
  it.each(scenarios.filter((s) => s.ends).map((s) => [s.name, s] as const))(
    "%s plays to its end on the real bot",
    async (_name, scenario) => {
      const chat = createTestChat();
      for (const text of toScenarioMessages(scenario, 4321)) await chat.says(text);
      expect(chat.lastReply()).toHaveKey(scenario.ends!);
    },
  );

  it("gives every simulated user a valid NIK of their own", () => {
    const today = new Date("2026-03-02T00:00:00Z");
    const niks = [0, 1, 9998, 9999, 10_000, 250_000].map(toBenchNik);
    expect(new Set(niks).size).toBe(niks.length);
    for (const nik of niks)
      expect(parseNik(nik, today)).toMatchObject({ ok: true, value: { inKotaJambi: true } });
  });
});
