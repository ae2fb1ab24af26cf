// Map: a BatchNode screens each resume on its own. Reduce: one node tallies all the results.
import { BatchNode, Node, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { screen, tally, unscreened, type ResumeFile, type Screening, type Tally } from "../utils/resumes";

export interface ScreeningStore {
  role: string;
  resumes: ResumeFile[];
  screenings?: Screening[];
  tally?: Tally;
}

/** One item of the batch: exec sees only its item, so each carries the role too. */
export interface ScreeningJob {
  resume: ResumeFile;
  role: string;
}

/** exec (with its retries) runs once per resume, one after another. */
export class ScreenResumes extends BatchNode<ScreeningStore, ScreeningJob, Screening> {
  constructor(
    private readonly llm: Llm,
    private readonly onScreened: (screening: Screening) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ScreeningStore): ScreeningJob[] {
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

  /** Runs once, after every item, with all the results in input order. */
  override post(shared: ScreeningStore, _jobs: ScreeningJob[], screenings: Screening[]) {
    shared.screenings = screenings;
  }
}

/** The reduce step: many results in, one summary out. */
export class TallyScreenings extends Node<ScreeningStore, Screening[], Tally> {
  override prep(shared: ScreeningStore): Screening[] {
    return shared.screenings ?? [];
  }

  override exec(screenings: Screening[]): Tally {
    return tally(screenings);
  }

  override post(shared: ScreeningStore, _screenings: Screening[], result: Tally) {
    shared.tally = result;
  }
}
