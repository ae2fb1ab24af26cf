// Lesson 21: a writer agent (itself a flow) under a supervisor that sends its draft back, within limits.
// Runs offline: `npx tsx content/snippets/21-many-agents/release-notes.ts`
import { Flow, Node, type Action } from "../../../core/index";

type Ask = (prompt: string) => Promise<string>;
type Notes = { changes: string[]; draft?: string; missing?: string[]; rounds: number; log: string[] };

// #region budget
/** One budget of model calls for the whole team: every agent asks through it. */
class Budget {
  used = 0;
  constructor(readonly limit: number) {}
  wrap(ask: Ask): Ask {
    return async (prompt) => {
      if (this.used >= this.limit) throw new Error(`budget of ${this.limit} calls spent`);
      this.used += 1;
      return ask(prompt);
    };
  }
}
// #endregion budget

// #region agent
/** The writer agent: two steps of its own, packed into one flow. */
class Draft extends Node<Notes, string, string> {
  constructor(private readonly ask: Ask) {
    super();
  }
  override prep(shared: Notes) {
    const fix = shared.missing?.length ? `\nYou left out: ${shared.missing.join(", ")}` : "";
    return `Write release notes for: ${shared.changes.join(", ")}${fix}`;
  }
  override exec(prompt: string) {
    return this.ask(prompt);
  }
  override post(shared: Notes, _prompt: string, draft: string) {
    shared.draft = draft;
    shared.log.push(`writer: "${draft}"`);
  }
}
class Polish extends Node<Notes> {
  override post(shared: Notes) {
    shared.draft = (shared.draft ?? "").trim().replace(/\.?$/, ".");
  }
}
function writerAgent(ask: Ask): Flow<Notes> {
  const draft = new Draft(ask);
  draft.next(new Polish());
  return new Flow(draft);
}
// #endregion agent

// #region supervisor
/** The supervisor here is code: every change must be named. A limit on rounds ends the loop. */
class Checker extends Node<Notes, Notes, string[]> {
  constructor(private readonly maxRounds: number) {
    super();
  }
  override prep(shared: Notes) {
    return shared;
  }
  override exec({ changes, draft = "" }: Notes) {
    return changes.filter((change) => !draft.toLowerCase().includes(change.toLowerCase()));
  }
  override post(shared: Notes, _notes: Notes, missing: string[]): Action {
    if (missing.length === 0) return "approve";
    if (shared.rounds >= this.maxRounds) {
      shared.log.push(`checker: still missing ${missing.join(", ")}, but out of rounds`);
      return "approve";
    }
    shared.missing = missing;
    shared.rounds += 1;
    shared.log.push(`checker: missing ${missing.join(", ")}, back to the writer`);
    return "revise";
  }
}
// #endregion supervisor

// #region team
function team(ask: Ask, maxRounds = 2): Flow<Notes> {
  const writer = writerAgent(ask);
  const checker = new Checker(maxRounds);
  writer.next(checker); // an agent is a flow, and a flow links like a node
  checker.on("revise", writer); // the loop: the same writer, with the supervisor's notes in the store
  checker.on("approve", new Node()); // a quiet end of its own
  return new Flow(writer);
}
// #endregion team

// #region run
// A forgetful model: it mentions one more change each time it is told what it left out.
const replies = [
  "Faster startup",
  "Faster startup and dark mode",
  "Faster startup, dark mode, and a new export",
];
const model: Ask = async () => replies.shift() ?? "…";
const budget = new Budget(5);
const shared: Notes = { changes: ["startup", "dark mode", "export"], rounds: 0, log: [] };
await team(budget.wrap(model)).run(shared);
console.log(shared.log.join("\n"));
console.log(
  `final: "${shared.draft}" after ${shared.rounds} rounds, ${budget.used} of ${budget.limit} calls`,
);
// → writer: "Faster startup"
// → checker: missing dark mode, export, back to the writer
// → writer: "Faster startup and dark mode"
// → checker: missing export, back to the writer
// → writer: "Faster startup, dark mode, and a new export"
// → final: "Faster startup, dark mode, and a new export." after 2 rounds, 3 of 5 calls
// #endregion run
