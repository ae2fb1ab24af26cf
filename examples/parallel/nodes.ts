// The map step again, as a ParallelBatchNode: the same exec, but many resumes in flight at once.
import { Node, ParallelBatchNode, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { screen, tally, unscreened, type ResumeFile, type Screening, type Tally } from "../utils/resumes";

export interface ParallelStore {
  role: string;
  resumes: ResumeFile[];
  screenings?: Screening[];
  tally?: Tally;
}

export interface ScreeningJob {
  resume: ResumeFile;
  role: string;
}

/**
 * Compared with map-reduce's ScreenResumes only the base class and the options change: each item
 * runs on its own copy of the node (so curRetry and the backoff are per item), at most
 * `maxConcurrency` at a time, and post still gets the results in input order.
 */
export class ScreenResumesParallel extends ParallelBatchNode<ParallelStore, ScreeningJob, Screening> {
  constructor(
    private readonly llm: Llm,
    private readonly onScreened: (screening: Screening) => void,
    options: NodeOptions & { maxConcurrency: number },
  ) {
    super(options);
  }

  override prep(shared: ParallelStore): ScreeningJob[] {
    return shared.resumes.map((resume) => ({ resume, role: shared.role }));
  }

  override async exec({ resume, role }: ScreeningJob): Promise<Screening> {
    const started = Date.now();
    const screening = { ...(await screen(this.llm, this, resume, role)), ms: Date.now() - started };
    this.onScreened(screening);
    return screening;
  }

  override execFallback({ resume }: ScreeningJob, error: Error): Screening {
    const screening = { ...unscreened(resume, error), ms: 0 };
    this.onScreened(screening);
    return screening;
  }

  override post(shared: ParallelStore, _jobs: ScreeningJob[], screenings: Screening[]) {
    shared.screenings = screenings;
  }
}

export class TallyScreenings extends Node<ParallelStore, Screening[], Tally> {
  override prep(shared: ParallelStore): Screening[] {
    return shared.screenings ?? [];
  }

  override exec(screenings: Screening[]): Tally {
    return tally(screenings);
  }

  override post(shared: ParallelStore, _screenings: Screening[], result: Tally) {
    shared.tally = result;
  }
}
