// Lesson 2: hooks may be plain functions; `run` still returns a promise.
// `npx tsx content/snippets/02-the-node/slugify.ts`
import { BaseNode } from "../../../core/index";

// #region slugify
type Store = { title: string; slug?: string };

class Slugify extends BaseNode<Store, string, string> {
  override prep(shared: Store) {
    return shared.title;
  }
  override exec(title: string) {
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, ""); // no await anywhere
  }
  override post(shared: Store, _title: string, slug: string) {
    shared.slug = slug;
  }
}

const shared: Store = { title: "Build PocketFlow: Part 1!" };
// A Promise, though every hook is sync:
const pending = new Slugify().run(shared);
console.log(await pending, shared.slug);
// undefined build-pocketflow-part-1
// #endregion slugify
