// Lesson 20: an expense claim that stops for a manager's approval, is saved as JSON, and goes on later.
// Runs offline: `npx tsx content/snippets/20-human-in-the-loop/expenses.ts`
import { Flow, Node, type Action, type BaseNode } from "../../../core/index";

type Step = "check" | "approval" | "pay";
type Claim = {
  employee: string;
  amount: number;
  /** The manager's answer, once there is one. */
  answer?: "yes" | "no";
  status?: string;
  /** Set by Pause: where to go on. */
  pausedAt?: Step;
};

class Check extends Node<Claim> {
  override post(shared: Claim): Action {
    return shared.amount <= 50 ? "auto" : "ask"; // small claims need no one
  }
}

// #region pause
/** Waits for a person: with no answer yet it pauses, with one it branches on it. */
class ManagerApproval extends Node<Claim> {
  override post(shared: Claim): Action {
    if (shared.answer === undefined) return "pause";
    return shared.answer === "yes" ? "approved" : "rejected";
  }
}

/** A small final node for the pause: it notes where to resume, and the flow ends here. */
class Pause extends Node<Claim> {
  constructor(private readonly resumeAt: Step) {
    super();
  }
  override post(shared: Claim): Action {
    shared.pausedAt = this.resumeAt;
    return "paused";
  }
}
// #endregion pause

class Pay extends Node<Claim> {
  override post(shared: Claim) {
    shared.status = `paid ${shared.amount} to ${shared.employee}`;
  }
}
class Decline extends Node<Claim> {
  override post(shared: Claim) {
    shared.status = "declined";
  }
}

// #region steps
/** The graph, built fresh by every process, with its steps by name. */
function steps(): Record<Step, BaseNode<Claim>> {
  const check = new Check();
  const approval = new ManagerApproval();
  const pay = new Pay();
  check.on("auto", pay);
  check.on("ask", approval);
  approval.on("approved", pay);
  approval.on("rejected", new Decline());
  approval.on("pause", new Pause("approval"));
  return { check, approval, pay };
}

async function runFrom(step: Step, shared: Claim) {
  await new Flow<Claim>(steps()[step]).run(shared);
  const { pausedAt, ...rest } = shared;
  // A paused run becomes text: where to go on, and the whole store.
  return pausedAt ? JSON.stringify({ version: 1, resumeAt: pausedAt, shared: rest }) : undefined;
}
// #endregion steps

// #region first-run
// Monday, process 1: the claim is checked, and needs a manager.
const saved = await runFrom("check", { employee: "Ada", amount: 240 });
console.log(saved);
// → {"version":1,"resumeAt":"approval","shared":{"employee":"Ada","amount":240}}
// #endregion first-run

// #region resume
// Wednesday, process 2: nothing is left of Monday but the text. The manager says yes.
const { resumeAt, shared } = JSON.parse(saved ?? "{}") as { resumeAt: Step; shared: Claim };
const claim: Claim = { ...shared, answer: "yes" };
await runFrom(resumeAt, claim); // starts at the approval step: the check does not run again
console.log(claim.status);
// → paid 240 to Ada
// #endregion resume

// #region traps
// What JSON keeps, changes and drops:
const store = {
  when: new Date(0),
  seen: new Map([["a", 1]]),
  note: undefined,
  llm: () => "",
  count: Number.NaN,
};
console.log(JSON.stringify(store));
// → {"when":"1970-01-01T00:00:00.000Z","seen":{},"count":null}
// #endregion traps
