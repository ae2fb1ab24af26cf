// Lesson 5: next returns the node you pass, so a straight line reads left to right.
import { Node } from "../../../core/index";

class Load extends Node {}
class Clean extends Node {}
class Summarize extends Node {}
class Save extends Node {}

// #region chain
const load = new Load();
const clean = new Clean();
const summarize = new Summarize();

load.next(clean).next(summarize); // load → clean → summarize

summarize.next(new Save()); // fine
summarize.next(new Save());
// warns: Overwriting successor for action 'default'
// #endregion chain
