// Lesson 19: a node that streams its answer to the screen while the flow still gets all of it.
// Runs offline: `npx tsx content/snippets/19-streaming/typewriter.ts`
import { Flow, Node, type Action } from "../../../core/index";

// #region tokens
/** A model's answer, piece by piece. The real one comes from the SDK (`stream: true`); this one is scripted. */
type StreamLLM = (prompt: string) => AsyncIterable<string>;

function scriptedModel(answer: string, { breakAfter }: { breakAfter?: number } = {}): StreamLLM {
  return async function* () {
    const tokens = answer.match(/\S+\s*/g) ?? [];
    for (const [i, token] of tokens.entries()) {
      if (i === breakAfter) throw new Error("connection reset");
      yield token;
    }
  };
}
// #endregion tokens

type Store = { question: string; answer?: string; words?: number };
type Reply = { text: string; complete: boolean };

// #region explain
class Explain extends Node<Store, string, Reply> {
  constructor(
    private readonly llm: StreamLLM,
    private readonly show: (token: string) => void,
  ) {
    super({ maxRetries: 3 });
  }

  override prep(shared: Store) {
    return shared.question;
  }

  /** Shows each token as it comes, and returns the whole text once the stream ends. */
  override async exec(question: string): Promise<Reply> {
    let text = "";
    try {
      for await (const token of this.llm(question)) {
        this.show(token);
        text += token;
      }
    } catch (error) {
      if (text === "") throw error; // nothing shown yet: a retry is invisible
      return { text, complete: false }; // half an answer is on screen: keep it, do not retry
    }
    return { text, complete: true };
  }

  override post(shared: Store, _question: string, reply: Reply): Action {
    shared.answer = reply.text;
    return reply.complete ? "answered" : "cut-off";
  }
}

/** The next node gets the whole answer, as from any other node. */
class CountWords extends Node<Store> {
  override post(shared: Store) {
    shared.words = (shared.answer ?? "").split(/\s+/).filter(Boolean).length;
  }
}
// #endregion explain

// #region run
async function ask(llm: StreamLLM) {
  const screen: string[] = [];
  const explain = new Explain(llm, (token) => screen.push(token));
  explain.on("answered", new CountWords());
  explain.on("cut-off", new Node()); // a quiet end of its own (lesson 11)
  const shared: Store = { question: "Why stream?" };
  await new Flow<Store>(explain).run(shared);
  console.log(`screen: ${screen.map((token) => JSON.stringify(token)).join(" ")}`);
  console.log(`answer: "${shared.answer}", words: ${shared.words ?? "(not counted)"}`);
}

const answer = "The reader starts reading at once.";
await ask(scriptedModel(answer));
// → screen: "The " "reader " "starts " "reading " "at " "once."
// → answer: "The reader starts reading at once.", words: 6
// #endregion run

// #region broken
let attempts = 0;
const breaksFirstTime: StreamLLM = (prompt) =>
  scriptedModel(answer, { breakAfter: attempts++ === 0 ? 0 : undefined })(prompt);
await ask(breaksFirstTime); // breaks before its first token: the retry is invisible
// → screen: "The " "reader " "starts " "reading " "at " "once."
// → answer: "The reader starts reading at once.", words: 6

await ask(scriptedModel(answer, { breakAfter: 3 })); // breaks mid-answer: what was shown stays
// → screen: "The " "reader " "starts "
// → answer: "The reader starts ", words: (not counted)
// #endregion broken
