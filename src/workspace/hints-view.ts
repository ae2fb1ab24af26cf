// The hint ladder: revealed one rung at a time by the Hint button, each new rung announced.
import { h, inlineCode, uniqueId } from "./dom";

const RUNGS = ["A nudge", "The concept", "Nearly the answer"];

export class HintsView {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly count: HTMLElement;

  constructor(private readonly hints: string[]) {
    const headingId = uniqueId("hints-heading");
    this.count = h("p", { class: "ws-hint-count muted" });
    this.list = h("ol", { class: "ws-hints", "aria-live": "polite" });
    this.element = h(
      "section",
      { class: "ws-hint-section", "aria-labelledby": headingId },
      h("h3", { id: headingId }, "Hints"),
      this.count,
      this.list,
    );
  }

  get total(): number {
    return this.hints.length;
  }

  /** Brings the newest rung into view (it opens below the results, often out of sight); focus stays
   *  on the Hint button, so the next press is one key away. */
  showLatest(): void {
    const latest = this.list.lastElementChild;
    latest?.scrollIntoView({ block: "center" });
  }

  /** Shows the first `revealed` hints, adding new rungs to the end (so only they are announced). */
  show(revealed: number): void {
    const shown = Math.min(revealed, this.hints.length);
    for (let i = this.list.children.length; i < shown; i++) {
      const rung = RUNGS[i] ?? `Hint ${i + 1}`;
      this.list.append(h("li", {}, h("strong", {}, `${rung}: `), ...inlineCode(this.hints[i] ?? "")));
    }
    this.count.textContent =
      shown === 0
        ? "Stuck? Press Hint for a nudge; each press opens one more rung, up to nearly the answer."
        : `${shown} of ${this.hints.length} hints shown.`;
  }
}
