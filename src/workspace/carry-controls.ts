// The carry-forward's part of the workspace: what the carried file starts from when the exercise
// opens, the notice that says so, and the switch between the learner's own code of the previous
// exercise and the reference starter (both ways, at any time: after Reset too).
import { decideCarry, describeCarry, type CarryDecision } from "./carry";
import { ANNOUNCE } from "./messages";
import type { ProgressStore } from "./progress-store";
import type { CarryData } from "./types";
import { actionNotice } from "./workspace-parts";

export interface CarryHost {
  store: ProgressStore;
  notices: HTMLElement;
  /** This exercise's starter of the carried file. */
  starter: string;
  /** Saves the carried file's text as the learner's (merged into the record's files). */
  save(text: string): void;
  /** Puts text into the editor's tab of the carried file (once the editor exists). */
  replace(text: string): void;
  warn(text: string): void;
  announce(text: string): void;
}

export class CarryControls {
  constructor(
    private readonly carry: CarryData,
    private readonly host: CarryHost,
  ) {}

  private get fromNumber(): string {
    return this.carry.from.slice(0, 2);
  }

  private decide(): CarryDecision {
    return decideCarry(this.carry, this.host.store.load(this.carry.from).record, this.host.starter);
  }

  /**
   * With no saved code of its own, the exercise starts from the learner's file of the previous one
   * (saved at once, so the choice holds across reloads), or from the reference with a notice.
   * Returns the carried file's text when it was carried in.
   */
  start(): string | undefined {
    const decision = this.decide();
    const text = describeCarry(decision, this.carry);
    if (decision.kind === "carried") {
      this.host.save(decision.text);
      if (text) this.notify(text, "Use the reference starter instead", () => this.useReference());
      return decision.text;
    }
    if (decision.kind === "not-passing" && text)
      this.notify(text, this.ownLabel(), () => this.useOwn(decision.text));
    else if (text) this.host.warn(text);
    return undefined;
  }

  /** Offers the learner's code of the previous exercise in place of the reference starter. */
  offer(): void {
    const decision = this.decide();
    if (decision.kind !== "carried" && decision.kind !== "not-passing") return;
    this.notify(`This is the reference starter of ${this.carry.file}.`, this.ownLabel(), () =>
      this.useOwn(decision.text),
    );
  }

  private ownLabel(): string {
    return `Start from my code of exercise ${this.fromNumber}`;
  }

  private notify(text: string, label: string, act: () => void): void {
    this.host.notices.append(actionNotice(text, label, act, "ws-carry-notice"));
  }

  private useReference(): void {
    this.host.replace(this.host.starter);
    this.host.save(this.host.starter);
    this.offer();
  }

  private useOwn(text: string): void {
    this.host.replace(text);
    this.host.save(text);
    this.host.announce(ANNOUNCE.carried);
  }
}
