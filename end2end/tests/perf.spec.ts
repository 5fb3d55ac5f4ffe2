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
// One measurement at a time: two throttled pages side by side would time each other.
test.describe.configure({ mode: "serial" });

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

/**
 * The first answer on a fresh page. The island hydrates on the reader's first sign of use
 * (`app/src/island_loader.js`), so this answer also pays for hydration: the wasm was fetched
 * and compiled in the background after load, and the click instantiates it, hydrates the island
 * and applies the answer. Five fresh pages, each waited on until its wasm has been fetched;
 * the median is printed, never asserted.
 */
test("the first answer on a fresh page hydrates and applies, measured on a 4× slower CPU", async ({ browser }, info) => {
  test.skip(!hasJs(info), "without JavaScript an answer is a page load, measured by scripts/bench.sh");
  test.slow();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ baseURL: info.project.use.baseURL });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
    await page.goto("/?duration=days&waits=human&services=few", { waitUntil: "load" });
    await (await wasm).finished();
    await page.waitForTimeout(1000);
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    const ms = await page.evaluate(async () => {
      const label = document.querySelector<HTMLLabelElement>('label[for="q-definition-code"]')!;
      const result = document.querySelector('[data-testid="ranking"]')!;
      return await new Promise<number>((resolve) => {
        const t0 = performance.now();
        new MutationObserver((_, seen) => {
          seen.disconnect();
          resolve(performance.now() - t0);
        }).observe(result, { subtree: true, childList: true, characterData: true, attributes: true });
        // A pointer arrives before the click, as it does for a reader (or a touch starts).
        label.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true }));
        label.click();
      });
    });
    await expect(page).toHaveURL(/definition=code/);
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    times.push(ms);
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const line = `first answer (definition), hydrating: first answer → result in the DOM: median ${sorted[2].toFixed(1)} ms, range ${sorted[0].toFixed(0)}–${sorted[4].toFixed(0)} ms (CPU throttled 4×)`;
  info.annotations.push({ type: "latency", description: line });
  console.log(line);
});

/**
 * Answers `question` twelve times, cycling through `choices`; returns the figures in words.
 * Three times per answer: the ranking changed in the DOM, the frame after it, and the rest of
 * the panel (chart, what would change, links, the print-only answers and sources), which
 * follows a frame later: timed at the end of the task that changed the print-only answers.
 */
async function measure(page: Page, question: string, choices: string[], what: string): Promise<string> {
  const times: number[] = [];
  const frames: number[] = [];
  const settled: number[] = [];
  for (let i = 0; i < 12; i++) {
    const choice = choices[i % choices.length];
    const before = await page.getByTestId("ranking").innerText();
    const ms = await page.evaluate(
      async ([question, choice]) => {
        const label = document.querySelector<HTMLLabelElement>(`label[for="q-${question}-${choice}"]`)!;
        const result = document.querySelector('[data-testid="ranking"]')!;
        const rest = document.querySelector('[data-testid="print-answers"]')!;
        const watch = { subtree: true, childList: true, characterData: true, attributes: true };
        const frame = new Promise<[number, number]>((resolve) => {
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
          seen.observe(result, watch);
        });
        const whole = new Promise<number>((resolve) => {
          const seen = new MutationObserver(() => {
            seen.disconnect();
            setTimeout(() => {
              performance.mark("panel-settled");
              resolve(performance.measure("answer-to-panel", "answer", "panel-settled").duration);
            }, 0);
          });
          seen.observe(rest, watch);
          setTimeout(() => resolve(NaN), 5000);
        });
        performance.mark("answer");
        label.click();
        const [dom, next] = await frame;
        return [dom, next, await whole];
      },
      [question, choice],
    );
    await expect(page).toHaveURL(new RegExp(`${question}=${choice}`));
    expect(await page.getByTestId("ranking").innerText(), `the ranking after ${question}=${choice}`).not.toBe(before);
    expect(ms[2], "the rest of the panel follows the answer").not.toBeNaN();
    times.push(ms[0]);
    frames.push(ms[1]);
    settled.push(ms[2]);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return `${what}: answer → result in the DOM: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; → next frame: median ${median(frames).toFixed(1)} ms; → whole panel: median ${median(settled).toFixed(1)} ms (CPU throttled 4×)`;
}
