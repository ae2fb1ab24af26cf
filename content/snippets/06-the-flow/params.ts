// Params are the flow's settings for a run: every node it runs reads the same ones as this.params.
import { Flow, Node } from "../../../core/index";

type Store = { text: string; out?: string };

// #region params
class Translate extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.text;
  }
  override exec(text: string) {
    // Params are plain values typed `unknown`: check or convert them where you read them.
    const language = String(this.params.language ?? "en");
    return `[${language}] ${text}`; // a stand-in for a translation call
  }
  override post(shared: Store, _text: string, translated: string) {
    shared.out = translated;
  }
}

const translate = new Translate();
const flow = new Flow(translate);
flow.setParams({ language: "fr" });

const shared: Store = { text: "Hello" };
await flow.run(shared);
console.log(shared.out); // [fr] Hello
console.log(translate.params); // {}: the flow set params on its copy, not on your node
// #endregion params
