// One thread, two calls in flight: `await` hands control back to the event loop while a call waits.
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// #region event-loop
async function call(name: string, ms: number) {
  console.log(`${name}: sent`);
  await pause(ms); // a stand-in for waiting on the network: other code runs meanwhile
  console.log(`${name}: answered`);
  return name;
}

const results = await Promise.all([call("slow", 30), call("fast", 10)]);
console.log(results);
// slow: sent
// fast: sent
// fast: answered
// slow: answered
// [ 'slow', 'fast' ]   ← input order, though "fast" answered first
// #endregion event-loop

export {};
