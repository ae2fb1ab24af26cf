// Structured output: the YAML block is found, parsed and checked, and a bad answer is simply asked again.
import { describe, expect, it, vi } from "vitest";
import {
  buildResumeFlow,
  extractYaml,
  ParseResume,
  resumePrompt,
  validateResume,
  type ResumeStore,
} from "../resume";
import { explained } from "./helpers";

const RESUME_TEXT = `!! JOHN SMTIH !!
email me at johnsmtih1983@gnail.com
- at ABC Corportaion i was the SALES MANAGER
- XYZ Industries, position: ASST. MANAGER`;

const VALID = `Sure! Here is the candidate:

\`\`\`yaml
name: JOHN SMTIH
email: johnsmtih1983@gnail.com
experience:
  - title: SALES MANAGER
    company: ABC Corportaion
  - title: ASST. MANAGER
    company: XYZ Industries
\`\`\`

Let me know if you need anything else.`;

const JOHN = {
  name: "JOHN SMTIH",
  email: "johnsmtih1983@gnail.com",
  experience: [
    { title: "SALES MANAGER", company: "ABC Corportaion" },
    { title: "ASST. MANAGER", company: "XYZ Industries" },
  ],
};

const NO_FENCE = "The candidate is John Smtih and his email is johnsmtih1983@gnail.com.";
const BROKEN_YAML = "```yaml\nname: [JOHN SMTIH\nemail: johnsmtih1983@gnail.com\n```";
const NO_EMAIL = "```yaml\nname: JOHN SMTIH\nexperience: []\n```";

/** A model that gives the scripted answers in order and fails loudly if asked once too often. */
function scriptedModel(...answers: string[]) {
  let next = 0;
  return vi.fn(async (_prompt: string) => {
    const answer = answers[next++];
    if (answer === undefined)
      throw new Error(`the model was asked ${next} times; the test expected ${answers.length}`);
    return answer;
  });
}

/** The run of a flow or node; an error escaping it means a scripted bad answer was not handled. */
const settled = <T>(run: Promise<T>) =>
  explained(
    run,
    "the run",
    "some scripted answers are malformed on purpose. exec should throw on them so the node asks again " +
      "(maxRetries 3 unless the options say otherwise), and after the last attempt execFallback should " +
      'return { ok: false, error } so the run resolves to "failed" instead of throwing.',
  );

describe("extractYaml", () => {
  it("returns the YAML inside the ```yaml fence and ignores the chatter around it", () => {
    const yaml = extractYaml(VALID);
    expect(yaml.trim().startsWith("name: JOHN SMTIH"), "the block starts right after ```yaml").toBe(true);
    expect(yaml.trim().endsWith("company: XYZ Industries"), "the block ends before the closing ```").toBe(
      true,
    );
    expect(yaml, "the text after the block is not part of it").not.toContain("Let me know");
  });

  it("throws when the answer has no ```yaml block", () => {
    expect(() => extractYaml(NO_FENCE)).toThrow();
  });
});

describe("validateResume", () => {
  it("returns a complete resume with its name, email and experience", () => {
    expect(validateResume(structuredClone(JOHN))).toEqual(JOHN);
  });

  it("throws an error that names the missing field", () => {
    const { name: _name, ...noName } = JOHN;
    const { email: _email, ...noEmail } = JOHN;
    const { experience: _experience, ...noExperience } = JOHN;
    expect(() => validateResume(noName), "a resume without a name").toThrow(/name/i);
    expect(() => validateResume(noEmail), "a resume without an email").toThrow(/email/i);
    expect(() => validateResume(noExperience), "a resume without experience").toThrow(/experience/i);
    expect(() => validateResume(null), "an empty YAML document parses to null").toThrow();
  });

  it("rejects experience that is not a list of jobs with a title and a company", () => {
    expect(() => validateResume({ ...JOHN, experience: "sales" }), "experience as text").toThrow(
      /experience/i,
    );
    const noCompany = { ...JOHN, experience: [{ title: "Manager" }] };
    expect(() => validateResume(noCompany), "a job without a company").toThrow(/experience|company/i);
  });
});

describe("ParseResume", () => {
  it("asks the model once, with the resume in the prompt", async () => {
    const llm = scriptedModel(VALID);
    await settled(new ParseResume(llm).run({ resumeText: RESUME_TEXT }));
    expect(llm, "a good first answer needs no second call").toHaveBeenCalledTimes(1);
    expect(llm, "exec should send resumePrompt(resume text)").toHaveBeenCalledWith(resumePrompt(RESUME_TEXT));
  });

  it('stores a valid answer in shared.resume and returns "parsed"', async () => {
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    const action = await settled(new ParseResume(scriptedModel(VALID)).run(shared));
    expect(shared.error, "a valid answer should parse without an error").toBeUndefined();
    expect(action).toBe("parsed");
    expect(shared.resume).toEqual(JOHN);
  });

  it("keeps quotes, apostrophes and colons that JSON would need escaped", async () => {
    const answer =
      '```yaml\nname: Jane "JJ" O\'Neil\nemail: jj@example.com\nexperience:\n' +
      '  - title: Lead, "Platform"\n    company: "Acme: Rockets"\n```';
    const shared: ResumeStore = { resumeText: "…" };
    await settled(new ParseResume(scriptedModel(answer)).run(shared));
    expect(shared.resume, "the answer is YAML: parse it with the yaml package").toEqual({
      name: 'Jane "JJ" O\'Neil',
      email: "jj@example.com",
      experience: [{ title: 'Lead, "Platform"', company: "Acme: Rockets" }],
    });
  });

  it("asks again after an answer with no ```yaml block, and keeps the second answer", async () => {
    const llm = scriptedModel(NO_FENCE, VALID);
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    const action = await settled(new ParseResume(llm).run(shared));
    expect(shared.error, "the second, valid answer should parse without an error").toBeUndefined();
    expect(action).toBe("parsed");
    expect(llm, "a missing block should throw inside exec, so the node retries").toHaveBeenCalledTimes(2);
    expect(shared.resume).toEqual(JOHN);
  });

  it("asks again after YAML that does not parse", async () => {
    const llm = scriptedModel(BROKEN_YAML, VALID);
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    await settled(new ParseResume(llm).run(shared));
    expect(llm, "broken YAML should throw inside exec, so the node retries").toHaveBeenCalledTimes(2);
    expect(shared.resume).toEqual(JOHN);
  });

  it("asks again after YAML that is missing a required field", async () => {
    const llm = scriptedModel(NO_EMAIL, VALID);
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    await settled(new ParseResume(llm).run(shared));
    expect(
      llm,
      "a resume without email should fail validation inside exec, so the node retries",
    ).toHaveBeenCalledTimes(2);
    expect(shared.resume).toEqual(JOHN);
  });

  it('tries 3 times by default, then stores the error and returns "failed" instead of throwing', async () => {
    const llm = scriptedModel(NO_FENCE, BROKEN_YAML, NO_EMAIL);
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    await expect(
      new ParseResume(llm).run(shared),
      "execFallback should turn the last error into a result",
    ).resolves.toBe("failed");
    expect(llm, "3 attempts by default").toHaveBeenCalledTimes(3);
    expect(shared.error, "shared.error should hold the last attempt's message (the missing email)").toMatch(
      /email/i,
    );
    expect(shared.resume).toBeUndefined();
  });
});

describe("buildResumeFlow", () => {
  it("runs ParseResume and resolves to its action", async () => {
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    const flow = buildResumeFlow(scriptedModel(NO_FENCE, VALID));
    expect(flow.startNode, "the flow should start on a ParseResume").toBeInstanceOf(ParseResume);
    const action = await settled(flow.run(shared));
    expect(shared.error, "the second, valid answer should parse without an error").toBeUndefined();
    expect(action, "the flow resolves to its last node's action").toBe("parsed");
    expect(shared.resume).toEqual(JOHN);
  });

  it("passes maxRetries on to the node", async () => {
    const llm = scriptedModel(NO_FENCE, NO_FENCE);
    const shared: ResumeStore = { resumeText: RESUME_TEXT };
    await expect(buildResumeFlow(llm, { maxRetries: 2 }).run(shared)).resolves.toBe("failed");
    expect(llm, "maxRetries: 2 means two attempts in all").toHaveBeenCalledTimes(2);
  });
});
