// A BatchFlow runs a whole sub-flow once per params object, with that object merged over the flow's params.
import { BatchFlow, Node } from "../../../core/index";

type Doc = { name: string; text: string; language?: string };
type Store = { docs: Doc[]; texts: Record<string, string>; summaries: Record<string, string> };

// #region sub-flow
/** Fetches the text of the file named in params; a real one would read a disk or a URL. */
class Load extends Node<Store> {
  override prep(shared: Store) {
    const file = String(this.params.file);
    shared.texts[file] = shared.docs.find((doc) => doc.name === file)?.text.trim() ?? "";
  }
}

/** Summarizes that file's text in the language and style named in params. */
class Summarize extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.texts[String(this.params.file)] ?? "";
  }
  override exec(text: string) {
    const { language, style } = this.params;
    return `[${String(language)}, ${String(style)}] ${text.split(".")[0]}.`; // a stand-in for an LLM
  }
  override post(shared: Store, _text: string, summary: string) {
    shared.summaries[String(this.params.file)] = summary; // keyed by the item, never "the current file"
  }
}

const load = new Load();
load.next(new Summarize());
// #endregion sub-flow

// #region batch-flow
class SummarizeEach extends BatchFlow<Store> {
  override prep(shared: Store) {
    // One params object per run of the sub-flow. A doc may bring its own language.
    return shared.docs.map((doc) =>
      doc.language ? { file: doc.name, language: doc.language } : { file: doc.name },
    );
  }
}

const each = new SummarizeEach(load);
each.setParams({ language: "en", style: "one line" }); // defaults for every run
// #endregion batch-flow

// #region run
const shared: Store = {
  docs: [
    { name: "intro.md", text: "Flows follow actions. They also copy nodes." },
    { name: "notas.md", text: "Os fluxos seguem ações. E copiam nós.", language: "pt" },
  ],
  texts: {},
  summaries: {},
};
await each.run(shared);
console.log(shared.summaries);
// {
//   'intro.md': '[en, one line] Flows follow actions.',
//   'notas.md': '[pt, one line] Os fluxos seguem ações.'
// }
// #endregion run
