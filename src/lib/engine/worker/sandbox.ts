// The script of the sandboxed iframe (`sandbox="allow-scripts"`, an opaque origin, so learner code
// can reach neither the site's storage nor its DOM; its document's Content-Security-Policy, which
// its workers inherit, allows no network at all). It starts test workers from the bundle's source
// through a Blob URL, keeps booted spares so a run starts at once in a fresh worker, hands a spare
// the work a suite needs before any learner code (prepare), and terminates a worker when the page
// says its run is over. After a worker has booted, nothing it posts to the iframe is read (learner
// code could post anything), so runs talk to the page only.
import type { ControlReply, ControlRequest, InitMessage, WorkerRunMessage, WorkerSignal } from "./protocol";
import { SANDBOX_LOADED } from "./protocol";

/** Booted workers kept waiting: two, so a run right after a run does not wait for a worker to boot. */
const SPARES = 2;

/** The worker bundle as a Blob URL, made once from the source the page posts in. */
let workerUrl = "";
const spares: Promise<Worker>[] = [];
const running = new Map<number, Worker>();
const killed = new Set<number>();

// A classic worker: an opaque origin cannot start a *module* worker from its own blob: URL (the
// module fetch fails its CORS check, https://github.com/whatwg/html/issues/1322). A data: URL
// would work but puts the whole bundle in every stack frame. The bundle is one IIFE, so nothing
// is lost.
function boot(): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(workerUrl, { type: "classic", name: "pocketflow-tests" });
    worker.onmessage = (event: MessageEvent<WorkerSignal>) => {
      if (event.data?.type !== "booted") return;
      worker.onmessage = null;
      worker.onerror = null;
      resolve(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(event.message || "the test worker failed to start"));
    };
  });
}

let booting = 0;
/** Preparations waiting for a second spare (the first is kept for the run that may come at once). */
const waitingPrepares: ((worker: Promise<Worker>) => void)[] = [];

/** Boots spares up to SPARES. At first one after another, and only while no run is going (a
 *  booting worker would slow the one a run waits for or runs in); after a run, all it used up. */
function refill(oneAtATime = false) {
  while (spares.length < SPARES && !(oneAtATime && booting > 0)) {
    booting += 1;
    const spare = boot();
    spares.push(spare);
    spare.then(
      () => {
        booting -= 1;
        if (oneAtATime && running.size === 0) refill(true);
      },
      () => {
        booting -= 1;
        spares.splice(spares.indexOf(spare), 1);
      },
    );
  }
  const second = spares[1];
  if (second) for (const send of waitingPrepares.splice(0)) send(second);
}

/** The spare that takes the next run (booting one if there is none). */
function nextSpare(): Promise<Worker> {
  if (spares.length === 0) refill();
  return spares[0] as Promise<Worker>;
}

/** Boots the spares a finished run used up once the page is idle: a worker booting competes for the
 *  CPU with the page drawing the run's results, which the learner is waiting for. */
function refillWhenIdle() {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => refill(), { timeout: 100 });
  else setTimeout(() => refill(), 50);
}

function stop(id: number) {
  running.get(id)?.terminate();
  running.delete(id);
  refillWhenIdle();
}

async function run(id: number, message: WorkerRunMessage, port: MessagePort) {
  const next = nextSpare();
  spares.shift();
  let worker: Worker;
  try {
    worker = await next;
  } catch (error) {
    port.postMessage({ type: "failed", message: String((error as Error).message ?? error) });
    return refill();
  }
  if (killed.delete(id)) {
    worker.terminate();
    return refill();
  }
  running.set(id, worker);
  // The spare it took is replaced when the run is over (stop): a worker booting beside the run
  // would slow it.
  worker.postMessage(message, [port]);
}

/** A spare prepares the suite (it runs no learner code, so it stays fresh): the second one, so that a
 *  run that comes at once goes ahead in the first without waiting for the preparation. */
function prepare(message: WorkerRunMessage, port: MessagePort) {
  const send = (spare: Promise<Worker>) =>
    spare.then(
      (worker) => worker.postMessage(message, [port]),
      () => port.close(),
    );
  const second = spares[1];
  if (second) void send(second);
  else waitingPrepares.push((spare) => void send(spare));
}

function onControl(event: MessageEvent<ControlRequest>) {
  const request = event.data;
  const [port] = event.ports;
  if (request.type === "run" && port) void run(request.id, { type: "run", request: request.request }, port);
  else if (request.type === "prepare" && port)
    void prepare({ type: "prepare", request: request.request }, port);
  else if (request.type === "kill") {
    if (!running.has(request.id)) killed.add(request.id);
    stop(request.id);
  }
}

function onInit(event: MessageEvent<InitMessage>) {
  const [control] = event.ports;
  if (event.source !== window.parent || event.data?.type !== "init" || !control || workerUrl) return;
  workerUrl = URL.createObjectURL(new Blob([event.data.source], { type: "text/javascript" }));
  const reply = (message: ControlReply) => control.postMessage(message);
  refill(true);
  nextSpare().then(
    () => reply({ type: "ready" }),
    (error: Error) => reply({ type: "failed", message: error.message }),
  );
  control.onmessage = onControl;
}

window.addEventListener("message", onInit);
window.parent.postMessage({ type: SANDBOX_LOADED }, "*");
