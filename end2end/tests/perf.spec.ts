import type { Page } from "@playwright/test";
import { test, expect, hasJs, ready } from "./fixtures";

/**
 * Interaction latency on a slow device: Chromium's CPU throttled 4×, as Lighthouse's mobile
 * profile does. Measured with the Performance API from the click to the moment the result in
 * the DOM has changed (the engine ran and the views were patched), and to the next frame
 * after it, for two kinds of answer: one the cost formulas read (the run's duration, which
 * moves every price and the cost chart) and one they do not (how the workflow is written
 * down). The medians are printed and attached to the report; `scripts/bench.sh` runs this
 * spec and puts them in its table against the one-frame goal (16 ms).
 *
 * Time is measured here, never asserted: a shared CI machine's jitter must not decide a test.
 * What the spec asserts is what makes the interaction fast at all: each answer changes the
 * ranking and the URL in the browser, with no request to the server.
 */
test("an answer updates the result in the browser, measured on a 4× slower CPU", async ({ page }, info) => {
  test.skip(!hasJs(info), "without JavaScript an answer is a page load, measured by scripts/bench.sh");
  await page.goto("/?duration=days&waits=human&services=few");
  await ready(page, info);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const lines = [
    await measure(page, "duration", ["seconds", "minutes", "hours", "days"], "priced answer (duration)"),
    await measure(page, "definition", ["code", "visual"], "unpriced answer (definition)"),
  ];
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(requests, "answers are evaluated in the browser, without a request").toEqual([]);
  for (const line of lines) {
    info.annotations.push({ type: "latency", description: line });
    console.log(line);
  }
});

/** Answers `question` twelve times, cycling through `choices`; returns the figures in words. */
async function measure(page: Page, question: string, choices: string[], what: string): Promise<string> {
  const times: number[] = [];
  const frames: number[] = [];
  for (let i = 0; i < 12; i++) {
    const choice = choices[i % choices.length];
    const before = await page.getByTestId("ranking").innerText();
    const ms = await page.evaluate(
      async ([question, choice]) => {
        const label = document.querySelector<HTMLLabelElement>(`label[for="q-${question}-${choice}"]`)!;
        const result = document.querySelector('[data-testid="ranking"]')!;
        return await new Promise<[number, number]>((resolve) => {
          const seen = new MutationObserver(() => {
            seen.disconnect();
            performance.mark("result-updated");
            requestAnimationFrame(() => {
              performance.mark("next-frame");
              const dom = performance.measure("answer-to-dom", "answer", "result-updated").duration;
              const frame = performance.measure("answer-to-frame", "answer", "next-frame").duration;
              resolve([dom, frame]);
            });
          });
          seen.observe(result, { subtree: true, childList: true, characterData: true, attributes: true });
          performance.mark("answer");
          label.click();
        });
      },
      [question, choice],
    );
    await expect(page).toHaveURL(new RegExp(`${question}=${choice}`));
    expect(await page.getByTestId("ranking").innerText(), `the ranking after ${question}=${choice}`).not.toBe(before);
    times.push(ms[0]);
    frames.push(ms[1]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return `${what}: answer → result in the DOM: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; → next frame: median ${median(frames).toFixed(1)} ms (CPU throttled 4×)`;
}
