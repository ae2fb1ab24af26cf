import { describe, expect, it } from "vitest";
import { loadConfig, missingConfigMessage } from "./config";
import { ConfigError } from "./errors";

describe("loadConfig", () => {
  it("explains what to set, including the free Ollama path, when nothing is configured", () => {
    expect(() => loadConfig({}, "rag")).toThrow(ConfigError);
    const message = missingConfigMessage("rag");
    expect(message).toContain("ollama pull llama3.2");
    expect(message).toContain("OPENAI_BASE_URL=http://localhost:11434/v1 LLM_MODEL=llama3.2");
    expect(message).toContain("OPENAI_API_KEY");
    expect(message).toContain("npm run example -- rag");
  });

  it("accepts a base URL without a key (local servers need none) and uses a placeholder key", () => {
    const config = loadConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1", LLM_MODEL: "llama3.2" });
    expect(config.apiKey).not.toBe("");
    expect(config.model).toBe("llama3.2");
    expect(config.embeddingModel).toBeUndefined();
  });

  it("asks for LLM_MODEL when a custom base URL is set without one", () => {
    expect(() => loadConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1" })).toThrow(/LLM_MODEL/);
  });

  it("defaults the models for OpenAI itself", () => {
    const config = loadConfig({ OPENAI_API_KEY: "sk-test" });
    expect(config).toMatchObject({ model: "gpt-4o-mini", embeddingModel: "text-embedding-3-small" });
    expect(config.baseURL).toBe("https://api.openai.com/v1");
  });

  it("rejects a retry wait that is not a number of seconds", () => {
    expect(() => loadConfig({ OPENAI_API_KEY: "k", LLM_RETRY_WAIT: "soon" })).toThrow(/LLM_RETRY_WAIT/);
  });

  it("waits 60 s for the provider unless LLM_TIMEOUT_SECONDS says otherwise", () => {
    expect(loadConfig({ OPENAI_API_KEY: "k" }).timeoutSeconds).toBe(60);
    expect(loadConfig({ OPENAI_API_KEY: "k", LLM_TIMEOUT_SECONDS: "2.5" }).timeoutSeconds).toBe(2.5);
    for (const bad of ["0", "-1", "soon"]) {
      expect(() => loadConfig({ OPENAI_API_KEY: "k", LLM_TIMEOUT_SECONDS: bad })).toThrow(
        /LLM_TIMEOUT_SECONDS must be a number of seconds above 0/,
      );
    }
  });
});
