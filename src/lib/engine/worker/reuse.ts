// What one run works out before any learner code runs, kept by the page for the next runs of the
// same suite: the suite's plan (its test names) and compiled code (the hidden suite, a provided core,
// any file whose text has not changed). A run in a fresh worker then skips that work, and still
// sees no state of the run before: only code text crosses over, never a value of the old realm.
import type { TestPlan } from "./collect";
import type { GradeRequest, Prepared } from "./grade";

const PLANS_KEPT = 8;
/** Characters of compiled code kept, oldest dropped first. */
const COMPILED_CHARS_KEPT = 8_000_000;

/** A key for a hidden suite: its paths and texts. */
const suiteKey = (tests: Record<string, string>) =>
  Object.keys(tests)
    .sort()
    .map((path) => `${path}\0${tests[path]}`)
    .join("\0");

const fileKey = (path: string, source: string) => `${path}\0${source}`;

export class RunCache {
  private readonly plans = new Map<string, TestPlan>();
  private readonly compiled = new Map<string, string>();
  private chars = 0;

  /** The request with what earlier runs worked out for the same suite and the same files. */
  requestFor(request: GradeRequest): GradeRequest {
    const plan = this.plans.get(suiteKey(request.tests));
    const compiled: Record<string, string> = {};
    for (const [path, source] of Object.entries({ ...request.files, ...request.tests })) {
      const code = this.compiled.get(fileKey(path, source));
      if (code !== undefined) compiled[path] = code;
    }
    return { ...request, ...(plan ? { plan } : {}), compiled };
  }

  /** The plan already known for a request's suite, if any. */
  planOf(request: GradeRequest): TestPlan | undefined {
    return this.plans.get(suiteKey(request.tests));
  }

  /** Keeps what a run prepared (checked by the caller) for the runs to come. */
  remember(request: GradeRequest, prepared: Prepared): void {
    const key = suiteKey(request.tests);
    if (prepared.plan && !this.plans.has(key)) {
      if (this.plans.size >= PLANS_KEPT) this.plans.delete(this.plans.keys().next().value ?? "");
      this.plans.set(key, prepared.plan);
    }
    const sources: Record<string, string> = { ...request.files, ...request.tests };
    for (const [path, code] of Object.entries(prepared.compiled)) {
      const source = sources[path];
      if (source === undefined) continue;
      this.compiled.set(fileKey(path, source), code);
      this.chars += code.length;
    }
    for (const [key, code] of this.compiled) {
      if (this.chars <= COMPILED_CHARS_KEPT) break;
      this.compiled.delete(key);
      this.chars -= code.length;
    }
  }
}
