// Map: a BatchNode screens each resume on its own. Reduce: TallyScreenings (in ../utils/resumes, shared with
// the parallel example) tallies all the results.
import { BatchNode, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import {
  screenJob,
  screeningJobs,
  unscreenedJob,
  type Screening,
  type ScreeningJob,
  type ScreeningStore,
} from "../utils/resumes";

/** exec (with its retries) runs once per resume, one after another. */
export class ScreenResumes extends BatchNode<ScreeningStore, ScreeningJob, Screening> {
  constructor(
    private readonly llm: Llm,
    private readonly onScreened: (screening: Screening) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  /** One job per resume, each carrying the role: exec sees only its item. */
  override prep(shared: ScreeningStore): ScreeningJob[] {
    return screeningJobs(shared);
  }

  /** One LLM call (retried on a malformed answer or a rate limit), timed and reported. */
  override exec(job: ScreeningJob): Promise<Screening> {
    return screenJob(this.llm, this, job, this.onScreened);
  }

  /** After the last attempt: the resume is listed as unscreened, and the batch goes on. */
  override execFallback(job: ScreeningJob, error: Error): Screening {
    return unscreenedJob(job, error, this.onScreened);
  }

  /** Runs once, after every item, with all the results in input order. */
  override post(shared: ScreeningStore, _jobs: ScreeningJob[], screenings: Screening[]) {
    shared.screenings = screenings;
  }
}
