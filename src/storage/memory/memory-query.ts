/**
 * How the memory store answers a query: narrow to the candidates the indexes give (or walk a
 * compound index in sort order and stop at the limit), then check the compiled filter on each.
 * `stats.examined` counts the documents checked, like MongoDB's docsExamined.
 */
import type { Filter, Sort, StoredDoc } from "../../core/document-store.port";
import { toMatcher } from "./document-filter";
import { getPath, sortDocs } from "./document-match";
import type { Candidates, MemoryIndexes } from "./memory-indexes";

export type Doc = StoredDoc & Record<string, unknown>;
export type Entry = { doc: Doc; seq: number };

/** How much work the memory store did: documents a filter was checked against (MongoDB's docsExamined). */
export type MemoryStoreStats = { examined: number };

export class MemoryQuery {
  constructor(
    private readonly entries: Map<string, Entry>,
    private readonly indexes: MemoryIndexes,
    private readonly stats: MemoryStoreStats,
  ) {}

  /**
   * The documents a filter may match, narrowed by the indexes first; in insertion order when
   * `ordered` (a scan's order), else in whatever order the index holds them (counts, groups, streams).
   */
  private pool(candidates: Candidates | undefined, ordered: boolean): Iterable<Entry> {
    if (!candidates) return this.entries.values();
    const pool: Entry[] = [];
    for (const id of candidates.ids()) {
      const entry = this.entries.get(id);
      if (entry) pool.push(entry);
    }
    return ordered ? pool.sort((a, b) => a.seq - b.seq) : pool; // insertion order, as a scan gives
  }

  /**
   * The first `end` matches in the order of a compound index (posting, sort field), walked until
   * enough are found; undefined when no such index holds the query's posting.
   */
  private walkOrdered(
    candidates: Candidates | undefined,
    sort: Sort | undefined,
    end: number | undefined,
    test: (doc: unknown) => boolean,
  ) {
    const [sortPath, ...more] = Object.keys(sort ?? {});
    if (!candidates?.source || !sortPath || more.length > 0 || end === undefined) return undefined;
    const ids = this.indexes.orderedIds(candidates.source, sortPath, sort?.[sortPath] ?? 1, (id) => {
      const entry = this.entries.get(id);
      return entry && { value: getPath(entry.doc, sortPath), seq: entry.seq };
    });
    if (!ids) return undefined;
    const found: Doc[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.stats.examined += 1;
      if (test(entry.doc)) found.push(entry.doc);
      if (found.length >= end) break;
    }
    return found;
  }

  /** Every match of `filter`, in no set order. */
  *matching(filter: Filter): Iterable<Doc> {
    const test = toMatcher(filter);
    for (const entry of this.pool(this.indexes.candidates(filter), false)) {
      this.stats.examined += 1;
      if (test(entry.doc)) yield entry.doc;
    }
  }

  /** The matches, in `sort` order (else insertion order); only as many as skip + limit need. */
  select(filter: Filter, options: { sort?: Sort; skip?: number; limit?: number } = {}): Doc[] {
    const test = toMatcher(filter);
    const candidates = this.indexes.candidates(filter);
    const start = options.skip ?? 0;
    const end = options.limit ? start + options.limit : undefined;
    const walked = this.walkOrdered(candidates, options.sort, end, test);
    if (walked) return walked.slice(start);
    const found: Entry[] = [];
    for (const entry of this.pool(candidates, !options.sort)) {
      this.stats.examined += 1;
      if (test(entry.doc)) found.push(entry);
    }
    const sorted = options.sort ? sortDocs(found, options.sort, end) : found.slice(0, end);
    return sorted.slice(start).map((entry) => entry.doc);
  }
}
