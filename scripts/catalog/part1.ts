// Part 1's variants: other ways to write each stage of pocketflow.ts that the lessons allow, and the
// mistakes learners make there, each with the test meant to catch it.
import type { Variant } from "./variant";

const P = "pocketflow.ts";

/** Exercise 8's BatchNode._exec body, as the reference solution writes it. */
const BATCH_LOOP = `    const results: R[] = [];
    for (const item of items ?? []) results.push(await this._attempt(item));
    return results;`;

/** Puts `method` before the reference's `_attempt`, which stays, renamed and unused. */
const replaceAttempt = (method: string) => ({
  file: P,
  replace: "  protected _attempt(input: I, retry = 0): MaybePromise<O> {",
  with: `${method}\n\n  protected _referenceAttempt(input: I, retry = 0): MaybePromise<O> {`,
});

export const part1: Record<string, Variant[]> = {
  "02-the-node": [
    {
      name: "_run branches on isPromise by hand instead of nesting then",
      kind: "correct",
      edits: [
        {
          file: P,
          replace:
            "return then(this.prep(shared), (p) => then(this._exec(p), (e) => this.post(shared, p, e)));",
          with: `const afterPrep = (p: P) => {
      const e = this._exec(p);
      return isPromise(e) ? e.then((value) => this.post(shared, p, value)) : this.post(shared, p, e);
    };
    const p = this.prep(shared);
    return isPromise(p) ? p.then(afterPrep) : afterPrep(p);`,
        },
      ],
    },
    {
      name: "counts words with a match of non-space runs, and run keeps only string actions",
      kind: "correct",
      edits: [
        {
          file: "nodes.ts",
          replace: "return text.split(/\\s+/).filter((word) => word.length > 0).length;",
          with: "return (text.match(/\\S+/g) ?? []).length;",
        },
        {
          file: P,
          replace: "return (await this._run(shared)) ?? undefined;",
          with: `const action = await this._run(shared);
    return typeof action === "string" ? action : undefined;`,
        },
      ],
    },
    {
      name: "an async _run that awaits every hook",
      kind: "mistake",
      caughtBy: "keeps _run synchronous when every hook is sync",
      edits: [
        {
          file: P,
          replace: `  _run(shared: S): MaybePromise<Action | void> {
    return then(this.prep(shared), (p) => then(this._exec(p), (e) => this.post(shared, p, e)));`,
          with: `  async _run(shared: S): Promise<Action | void> {
    const p = await this.prep(shared);
    return this.post(shared, p, await this._exec(p));`,
        },
      ],
    },
    {
      name: 'counts words with split(" "), so a blank text has one',
      kind: "mistake",
      caughtBy: "exec counts 0 words in an empty or blank text",
      edits: [
        {
          file: "nodes.ts",
          replace: "return text.split(/\\s+/).filter((word) => word.length > 0).length;",
          with: 'return text.trim().split(" ").length;',
        },
      ],
    },
    {
      name: "post stores no count for an empty text",
      kind: "mistake",
      caughtBy: "post stores the count in shared.wordCount",
      edits: [
        {
          file: "nodes.ts",
          replace: `    shared.wordCount = count;
    return count === 0 ? "empty" : "counted";`,
          with: `    if (count === 0) return "empty";
    shared.wordCount = count;
    return "counted";`,
        },
      ],
    },
  ],

  "03-retries-and-fallback": [
    {
      name: "_attempt with the try around exec only, its own timer, and the last attempt as retry >= maxRetries - 1",
      kind: "correct",
      edits: [
        replaceAttempt(`  protected _attempt(input: I, retry = 0): MaybePromise<O> {
    this.curRetry = retry;
    const onError = (thrown: unknown): MaybePromise<O> => {
      const error = thrown instanceof Error ? thrown : new Error(\`\${thrown}\`);
      if (retry >= this.maxRetries - 1) return this.execFallback(input, error);
      if (this.wait <= 0) return this._attempt(input, retry + 1);
      return new Promise((done) => setTimeout(done, this.wait * 1000)).then(() => this._attempt(input, retry + 1));
    };
    let out: MaybePromise<O>;
    try {
      out = this.exec(input);
    } catch (error) {
      return onError(error);
    }
    return isPromise(out) ? out.then(undefined, onError) : out;
  }`),
      ],
    },
    {
      name: "the wait goes through a named helper, and the fallback is awaited in the promise chain",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: "return this.wait > 0 ? sleep(this.wait).then(again) : again();",
          with: `if (this.wait === 0) return again();
      const pause = sleep(this.wait);
      return pause.then(() => again());`,
        },
      ],
    },
    {
      name: "waits `wait` milliseconds instead of seconds",
      kind: "mistake",
      caughtBy: "waits `wait` seconds (not milliseconds) between attempts",
      edits: [
        { file: P, replace: "sleep(this.wait).then(again)", with: "sleep(this.wait / 1000).then(again)" },
      ],
    },
    {
      name: "turns seconds into milliseconds twice, so 0.05 s waits 50 s",
      kind: "mistake",
      caughtBy: "waits `wait` seconds (not milliseconds) between attempts",
      edits: [
        { file: P, replace: "sleep(this.wait).then(again)", with: "sleep(this.wait * 1000).then(again)" },
      ],
    },
    {
      name: "never waits between attempts",
      kind: "mistake",
      caughtBy: "waits `wait` seconds",
      edits: [
        {
          file: P,
          replace: "return this.wait > 0 ? sleep(this.wait).then(again) : again();",
          with: "return again();",
        },
      ],
    },
    {
      name: "waits after the last attempt too",
      kind: "mistake",
      caughtBy: "does not wait after the last attempt",
      edits: [
        {
          file: P,
          replace: `      if (retry + 1 >= this.maxRetries) return this.execFallback(input, err);
      const again = () => this._attempt(input, retry + 1);
      return this.wait > 0 ? sleep(this.wait).then(again) : again();`,
          with: `      const next = () =>
        retry + 1 >= this.maxRetries ? this.execFallback(input, err) : this._attempt(input, retry + 1);
      return this.wait > 0 ? sleep(this.wait).then(next) : next();`,
        },
      ],
    },
    {
      name: "makes one attempt too many (retry >= maxRetries)",
      kind: "mistake",
      caughtBy: "stops after maxRetries attempts",
      edits: [
        {
          file: P,
          replace: "if (retry + 1 >= this.maxRetries) return this.execFallback(input, err);",
          with: "if (retry >= this.maxRetries) return this.execFallback(input, err);",
        },
      ],
    },
    {
      name: "a loop that awaits each attempt, which makes every node async",
      kind: "mistake",
      caughtBy: "keeps a node with a sync exec synchronous",
      edits: [
        replaceAttempt(`  protected async _attempt(input: I): Promise<O> {
    for (let retry = 0; ; retry++) {
      this.curRetry = retry;
      try {
        return await this.exec(input);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        if (retry + 1 >= this.maxRetries) return this.execFallback(input, err);
        if (this.wait > 0) await sleep(this.wait);
      }
    }
  }`),
      ],
    },
    {
      name: "hands execFallback whatever was thrown, without wrapping it in an Error",
      kind: "mistake",
      caughtBy: "receives an Error even when exec throws something else",
      edits: [
        {
          file: P,
          replace: "const err = error instanceof Error ? error : new Error(String(error));",
          with: "const err = error as Error;",
        },
      ],
    },
  ],

  "04-shared-store-and-params": [
    {
      name: "setParams keeps a copy of the object it is given",
      kind: "correct",
      edits: [{ file: P, replace: "this.params = params;", with: "this.params = { ...params };" }],
    },
    {
      name: "tidies whitespace with one replace, and cuts the summary with slice",
      kind: "correct",
      edits: [
        {
          file: "nodes.ts",
          replace: 'return contents.trim().split(/\\s+/).join(" ");',
          with: 'return contents.replace(/\\s+/g, " ").trim();',
        },
        {
          file: "nodes.ts",
          replace: `    const words = text.split(" ");
    return words.length > maxWords ? \`\${words.slice(0, maxWords).join(" ")}…\` : text;`,
          with: `    const kept = text.split(" ").slice(0, maxWords);
    return kept.length < text.split(" ").length ? kept.join(" ") + "…" : text;`,
        },
      ],
    },
    {
      name: "setParams merges the new params into the old ones",
      kind: "mistake",
      caughtBy: "are replaced as a whole, not merged",
      edits: [
        { file: P, replace: "this.params = params;", with: "this.params = { ...this.params, ...params };" },
      ],
    },
    {
      name: 'always adds "…" to the summary',
      kind: "mistake",
      caughtBy: 'exec keeps the first maxWords words and adds "…" only when it cut some',
      edits: [
        {
          file: "nodes.ts",
          replace: 'return words.length > maxWords ? `${words.slice(0, maxWords).join(" ")}…` : text;',
          with: 'return `${words.slice(0, maxWords).join(" ")}…`;',
        },
      ],
    },
    {
      name: "reads a missing file as an empty text instead of failing",
      kind: "mistake",
      caughtBy: "No file named",
      edits: [
        {
          file: "nodes.ts",
          replace:
            "if (contents === undefined) throw new Error(`No file named '${file}'`);\n    return contents;",
          with: 'return contents ?? "";',
        },
      ],
    },
  ],

  "05-transitions": [
    {
      name: "on repeats next's logic instead of calling it, and next checks with get",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: `    if (this.successors.has(action)) console.warn(\`Overwriting successor for action '\${action}'\`);`,
          with: `    if (this.successors.get(action) !== undefined) {
      console.warn(\`Overwriting successor for action '\${action}'\`);
    }`,
        },
        {
          file: P,
          replace: "    return this.next(node, action);",
          with: `    if (this.successors.has(action)) console.warn("Overwriting successor for action '" + action + "'");
    this.successors.set(action, node);
    return node;`,
        },
      ],
    },
    {
      name: "run warns only after checking the successors' keys",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: `    if (this.successors.size > 0) console.warn("Node won't run successors. Use Flow.");`,
          with: `    if ([...this.successors.keys()].length !== 0) console.warn("Node won't run successors. Use Flow.");`,
        },
      ],
    },
    {
      name: "next returns this instead of the linked node",
      kind: "mistake",
      caughtBy: "next returns the linked node, so links chain",
      edits: [
        {
          file: P,
          replace: `    this.successors.set(action, node);
    return node;`,
          with: `    this.successors.set(action, node);
    return this as unknown as T;`,
        },
      ],
    },
    {
      name: "checks for an old link after setting the new one, so every link warns",
      kind: "mistake",
      caughtBy: "warns when a link replaces an existing one",
      edits: [
        {
          file: P,
          replace: `    if (this.successors.has(action)) console.warn(\`Overwriting successor for action '\${action}'\`);
    this.successors.set(action, node);`,
          with: `    this.successors.set(action, node);
    if (this.successors.has(action)) console.warn(\`Overwriting successor for action '\${action}'\`);`,
        },
      ],
    },
    {
      name: "run warns even when the node has no successors",
      kind: "mistake",
      caughtBy: "does not warn when run is called on a node without successors",
      edits: [
        {
          file: P,
          replace: `    if (this.successors.size > 0) console.warn("Node won't run successors. Use Flow.");`,
          with: `    console.warn("Node won't run successors. Use Flow.");`,
        },
      ],
    },
  ],

  "06-the-flow": [
    {
      name: "awaits every node's _run, sync or not, and copies inline",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: `      const result = current._run(shared);
      action = isPromise(result) ? await result : result;`,
          with: `      action = await current._run(shared);`,
        },
        {
          file: P,
          replace: "    return next && copyOf(next);",
          with: "    return next ? Object.assign(Object.create(Object.getPrototypeOf(next)) as BaseNode<S>, next) : undefined;",
        },
      ],
    },
    {
      name: "builds the warning's list with Array.from, and copies params with Object.assign",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: "const known = [...current.successors.keys()].map((key) => `'${key}'`).join(\", \");",
          with: 'const known = Array.from(current.successors.keys(), (key) => "\'" + key + "\'").join(", ");',
        },
        {
          file: P,
          replace: "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {",
          with: "protected async _orchestrate(shared: S, params: Params = Object.assign({}, this.params)) {",
        },
      ],
    },
    {
      name: "hands the nodes the flow's own params object instead of a copy",
      kind: "mistake",
      caughtBy: "are copied for each run",
      edits: [
        {
          file: P,
          replace: "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {",
          with: "protected async _orchestrate(shared: S, params: Params = this.params) {",
        },
      ],
    },
    {
      name: 'reads only undefined as "default" (?? instead of ||)',
      kind: "mistake",
      caughtBy: 'treats an empty or missing action as "default"',
      edits: [
        {
          file: P,
          replace: 'const next = current.successors.get(action || "default");',
          with: 'const next = current.successors.get(action ?? "default");',
        },
      ],
    },
    {
      name: "runs the graph's own nodes instead of copies",
      kind: "mistake",
      caughtBy: "runs a copy of each node",
      edits: [
        { file: P, replace: "    return next && copyOf(next);", with: "    return next;" },
        {
          file: P,
          replace: "let current = this.startNode && copyOf(this.startNode);",
          with: "let current = this.startNode;",
        },
      ],
    },
    {
      name: "runs each node with run instead of _run, so linked nodes warn",
      kind: "mistake",
      caughtBy: 'without the "Node won\'t run successors" warning',
      edits: [
        {
          file: P,
          replace: "const result = current._run(shared);",
          with: "const result = current.run(shared);",
        },
      ],
    },
    {
      name: "warns at every end, even at a node with no successors",
      kind: "mistake",
      caughtBy: "ends quietly at a node with no successors",
      edits: [
        {
          file: P,
          replace: "if (!next && current.successors.size > 0) {",
          with: "if (!next) {",
        },
      ],
    },
  ],

  "07-flows-inside-flows": [
    {
      name: "links with next(node, action) and sets the start node with start()",
      kind: "correct",
      edits: [
        {
          file: "checkout.ts",
          replace: `  authorize.on("approved", new Capture());
  authorize.on("declined", new RecordDecline());
  return new Flow(authorize);`,
          with: `  authorize.next(new Capture(), "approved");
  authorize.next(new RecordDecline(), "declined");
  const payment = new Flow<CheckoutStore>();
  payment.start(authorize);
  return payment;`,
        },
      ],
    },
    {
      name: "a flow's post that also turns a missing action into undefined",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: "    return lastAction;\n  }\n  // #endregion flow-post",
          with: "    return lastAction ?? undefined;\n  }\n  // #endregion flow-post",
        },
      ],
    },
    {
      name: 'a flow that always resolves to "done"',
      kind: "mistake",
      caughtBy: "is the last action",
      edits: [
        {
          file: P,
          replace: "    return lastAction;\n  }\n  // #endregion flow-post",
          with: '    return lastAction && "done";\n  }\n  // #endregion flow-post',
        },
      ],
    },
    {
      name: "hangs the last steps on the payment flow's inner Authorize instead of on the flow",
      kind: "mistake",
      caughtBy: "nests the payment flow as the step after PriceCart",
      edits: [
        {
          file: "checkout.ts",
          replace: `  payment.on("paid", new SendReceipt());
  payment.on("declined", new AskForAnotherCard());`,
          with: `  payment.startNode?.on("paid", new SendReceipt());
  payment.startNode?.on("declined", new AskForAnotherCard());`,
        },
      ],
    },
    {
      name: 'links the receipt to "approved", the inner node\'s action, instead of the flow\'s "paid"',
      kind: "mistake",
      caughtBy: "prices the cart, pays, and sends a receipt",
      edits: [
        {
          file: "checkout.ts",
          replace: 'payment.on("paid", new SendReceipt());',
          with: 'payment.on("approved", new SendReceipt());',
        },
      ],
    },
  ],

  "08-batch": [
    {
      name: "BatchNode with an indexed loop, BatchFlow merging with Object.assign",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: "    for (const item of items ?? []) results.push(await this._attempt(item));",
          with: `    const list = items ?? [];
    for (let i = 0; i < list.length; i++) results[i] = await this._attempt(list[i] as I);`,
        },
        {
          file: P,
          replace: "for (const item of batch) await this._orchestrate(shared, { ...this.params, ...item });",
          with: "for (const item of batch) await this._orchestrate(shared, Object.assign({}, this.params, item));",
        },
      ],
    },
    {
      name: "BatchNode chains its items with reduce",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: BATCH_LOOP,
          with: `    return (items ?? []).reduce<Promise<R[]>>(
      async (done, item) => [...(await done), await this._attempt(item)],
      Promise.resolve([]),
    );`,
        },
      ],
    },
    {
      name: "BatchNode calls exec directly, without _attempt's retries",
      kind: "mistake",
      caughtBy: "retries each item on its own",
      edits: [
        {
          file: P,
          replace: "for (const item of items ?? []) results.push(await this._attempt(item));",
          with: "for (const item of items ?? []) results.push(await this.exec(item));",
        },
      ],
    },
    {
      name: "BatchNode starts every item at once with Promise.all",
      kind: "mistake",
      caughtBy: "runs items one after another",
      edits: [
        {
          file: P,
          replace: BATCH_LOOP,
          with: "    return Promise.all((items ?? []).map((item) => this._attempt(item)));",
        },
      ],
    },
    {
      name: "BatchFlow lets the flow's params win over the item's",
      kind: "mistake",
      caughtBy: "merged over the flow's params (the item wins)",
      edits: [
        {
          file: P,
          replace: "await this._orchestrate(shared, { ...this.params, ...item });",
          with: "await this._orchestrate(shared, { ...item, ...this.params });",
        },
      ],
    },
    {
      name: "BatchFlow writes each item into the flow's own params",
      kind: "mistake",
      caughtBy: "leaves the flow's own params as they were",
      edits: [
        {
          file: P,
          replace: "await this._orchestrate(shared, { ...this.params, ...item });",
          with: "await this._orchestrate(shared, Object.assign(this.params, item));",
        },
      ],
    },
  ],
};
