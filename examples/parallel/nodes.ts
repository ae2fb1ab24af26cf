// The map step again, as a ParallelBatchNode: the same exec, but many resumes in flight at once. The reduce
// step, TallyScreenings, is the one map-reduce uses (in ../utils/resumes).
import { ParallelBatchNode, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import {
  screenJob,
  screeningJobs,
  unscreenedJob,
  type Screening,
  type ScreeningJob,
  type ScreeningStore,
} from "../utils/resumes";

/**
 * Compared with map-reduce's ScreenResumes only the base class and the options change: each item
 * runs on its own object that inherits from the node (so curRetry and the backoff are per item),
 * at most `maxConcurrency` at a time, and post still gets the results in input order.
 */
export class ScreenResumesParallel extends ParallelBatchNode<ScreeningStore, ScreeningJob, Screening> {
  constructor(
    private readonly llm: Llm,
    private readonly onScreened: (screening: Screening) => void,
    options: NodeOptions & { maxConcurrency: number },
  ) {
    super(options);
  }

  override prep(shared: ScreeningStore): ScreeningJob[] {
    return screeningJobs(shared);
  }

  override exec(job: ScreeningJob): Promise<Screening> {
    return screenJob(this.llm, this, job, this.onScreened);
  }

  override execFallback(job: ScreeningJob, error: Error): Screening {
    return unscreenedJob(job, error, this.onScreened);
  }

  override post(shared: ScreeningStore, _jobs: ScreeningJob[], screenings: Screening[]) {
    shared.screenings = screenings;
  }
}
