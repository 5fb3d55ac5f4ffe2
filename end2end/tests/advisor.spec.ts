import {
  test,
  expect,
  hasJs,
  ready,
  expectAccessibleInBothThemes,
  answer,
  answerFigure,
  submitAdvisor,
  submitAndWait,
  ranking,
  optionCard,
} from "./fixtures";
import type { Page, TestInfo } from "@playwright/test";

/** With JavaScript, marks the document so a later check can tell that no navigation happened. */
async function markDocument(page: Page, info: TestInfo) {
  if (hasJs(info)) await page.evaluate(() => ((window as any).__sameDocument = true));
}
async function expectSameDocument(page: Page, info: TestInfo) {
  if (hasJs(info)) expect(await page.evaluate(() => (window as any).__sameDocument), "updated without a navigation").toBe(true);
}

const limitRow = (page: Page, option: string, limit: string) => optionCard(page, option).locator(`[data-testid="limits"] tr[data-limit="${limit}"]`);

test("no answers shows the neutral state and invites the first question", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toContainText("Nothing separates the 4 options yet");
  await expect(ranking(page).locator(":scope > li")).toHaveCount(4);
  await expect(page.getByTestId("score")).toHaveText(["50", "50", "50", "50"]);
  await expect(ranking(page).locator(':scope > li[data-excluded="true"]')).toHaveCount(0);
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)0 of \d+ questions answered/);
  const next = page.getByTestId("next-question").getByRole("link");
  await expect(next).toHaveAttribute("href", "#q-duration");
  await expect(page.getByTestId("notices")).toHaveCount(0);
  await expect(page.getByTestId("architecture")).toHaveCount(0);
  await expect(page.locator("#q-duration-unsure")).toBeChecked();
});

test("answering questions changes the result and the URL follows, in canonical order", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  await markDocument(page, info);
  const neutral = await page.getByTestId("verdict").textContent();
  // A later question first: the link still lists answers in the model's question order.
  await answer(page, info, "definition", "code");
  await expect(page).toHaveURL(/\/\?definition=code$/);
  await answer(page, info, "duration", "hours");
  await expect(page).toHaveURL(/\/\?duration=hours&definition=code$/);
  await expect(page.getByTestId("verdict")).not.toHaveText(neutral!);
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)2 of \d+ questions answered/);
  await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
  await expect(page.locator('input[name="definition"][value="code"]')).toBeChecked();
  // Express cannot run for hours: excluded, with the reason and no score.
  const express = optionCard(page, "step-functions-express");
  await expect(express).toHaveAttribute("data-excluded", "true");
  await expect(express.getByRole("heading", { name: "Excluded because" })).toBeVisible();
  await expect(express.getByTestId("score")).toHaveText("—");
  await expect(express.getByRole("img", { name: "Excluded: not scored" })).toBeVisible();
  await expect(ranking(page).locator(":scope > li").last()).toHaveAttribute("data-excluded", "true");
  // "Not sure" takes a question back out of the link.
  await answer(page, info, "duration", "unsure");
  await expect(page).toHaveURL(/\/\?definition=code$/);
  await expect(express).toHaveAttribute("data-excluded", "false");
  await expect(express.getByTestId("score")).toHaveText(/^\d+$/);
  await expectSameDocument(page, info);
});

test("a typed figure selects its range and the limits are checked at that number", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  await markDocument(page, info);
  await answerFigure(page, info, "duration", "36h");
  // 36 hours is 1.5 days: the "1 to 30 days" range.
  await expect(page.locator("#q-duration-days")).toBeChecked();
  await expect(page).toHaveURL(/\/\?duration=36h$/);
  await answerFigure(page, info, "rate", "450");
  await expect(page.locator("#q-rate-100-2000")).toBeChecked();
  await expect(page).toHaveURL(/\/\?duration=36h&rate=450$/);
  await expect(page.locator("#q-duration-figure")).toHaveValue("36h");
  await expect(page.locator("#q-rate-figure")).toHaveValue("450");
  await expect(page.getByTestId("notices")).toHaveCount(0);

  const standard = optionCard(page, "step-functions-standard");
  await standard.getByTestId("limits").locator("summary").click();
  await expect(standard.getByTestId("limits").getByRole("table")).toBeVisible();
  const duration = limitRow(page, "step-functions-standard", "std-duration");
  await expect(duration).toHaveAttribute("data-status", "Ok");
  await expect(duration.locator("td").first()).toHaveText("1.5 days of 1 year");
  const rate = limitRow(page, "step-functions-standard", "std-start-rate");
  await expect(rate).toHaveAttribute("data-status", "OverSoft");
  await expect(rate.locator("td").first()).toHaveText("450 per second of 300 per second");
  await expect(rate).toContainText("150%");
  const expressDuration = limitRow(page, "step-functions-express", "exp-duration");
  await expect(expressDuration).toHaveAttribute("data-status", "OverHard");
  await expect(expressDuration.locator("td").first()).toHaveText("1.5 days of 5 minutes");

  // A different figure in the same range moves the limits, not the range.
  await answerFigure(page, info, "duration", "20d");
  await expect(page.locator("#q-duration-days")).toBeChecked();
  await expect(duration.locator("td").first()).toHaveText("20 days of 1 year");
  await expectSameDocument(page, info);
});

test("a figure above the largest a question takes answers nothing, with or without JavaScript", async ({ page }, info) => {
  await page.goto("/?rate=450");
  await ready(page, info);
  await answerFigure(page, info, "duration", "20 years");
  // The form shows what the link says: no range is checked, the question is left unanswered.
  await expect(page.getByTestId("notices")).toContainText("outside what");
  await expect(page.locator("#q-duration-unsure")).toBeChecked();
  // With JavaScript the URL is written from the answers (without, it is what the form sent).
  if (hasJs(info)) await expect(page).toHaveURL(/\/\?rate=450$/);
  await expect(page.getByTestId("whatif-link")).not.toHaveAttribute("href", /duration/);
  await expect(page.getByTestId("verdict")).not.toContainText("No option fits");
});

test("refining a chosen range with a figure uses the figure and keeps a tidy link", async ({ page }, info) => {
  // The reader picked a range, then types the figure: without JavaScript both reach the server.
  await page.goto("/?duration=hours");
  await ready(page, info);
  await answerFigure(page, info, "duration", "36h");
  await expect(page.locator("#q-duration-days")).toBeChecked();
  await expect(limitRow(page, "step-functions-standard", "std-duration").locator("td").first()).toHaveText("1.5 days of 1 year");
  await expect(page.getByTestId("notices"), "the reader's own form is not a bad link").toHaveCount(0);
  await expect(page).toHaveURL(/\/\?duration=36h$/);
});

test("answers clicked while the page is still loading count once it is interactive", async ({ page }, info) => {
  test.skip(!hasJs(info), "without JavaScript nothing hydrates: the form submits what is checked");
  // Hold the wasm back, as a slow phone network would, and answer in the meantime.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/?duration=days", { waitUntil: "domcontentloaded" });
  await page.locator('label[for="q-waits-human"]').click();
  await page.locator('label[for="q-coordination-central"]').click();
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  release();
  await ready(page, info);
  await expect(page).toHaveURL(/\?duration=days&coordination=central.*&waits=human/);
  await expect(page.locator("#q-waits-human")).toBeChecked();
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)3 of \d+ questions answered/);
  // So do the parts that follow a frame later: the links to share and the answers on paper.
  await expect(page.getByTestId("whatif-link")).toHaveAttribute("href", /coordination%3Dcentral.*waits%3Dhuman/);
  await expect(page.getByTestId("print-answers")).toContainText(/One coordinator owns the order of steps/);
  // The next edit builds on all three.
  await answer(page, info, "sync", "async");
  await expect(page).toHaveURL(/duration=days&coordination=central.*&sync=async.*&waits=human/);
});

test("a reader who only reads never hydrates; the wasm is fetched after load and the first use hydrates", async ({ page }, info) => {
  test.skip(!hasJs(info), "without JavaScript nothing hydrates");
  const wasm: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await page.goto("/?duration=days&waits=human", { waitUntil: "load" });
  // Fetched and compiled in the background once the page is idle, not hydrated.
  await expect.poll(() => wasm.length).toBe(1);
  await page.waitForTimeout(500);
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  // The server-rendered result is whole meanwhile.
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)2 of \d+ questions answered/);
  // The first answer hydrates the island, and applies instantly with the rest of the form.
  await page.locator('label[for="q-sync-async"]').click();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page).toHaveURL(/\?duration=days&sync=async&waits=human$/);
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)3 of \d+ questions answered/);
  // The links to share follow that first answer too, a frame later.
  await expect(page.getByTestId("whatif-link")).toHaveAttribute("href", /sync%3Dasync/);
  expect(wasm, "the warmed wasm is reused, not fetched again").toHaveLength(1);
});

test("a browser that asks to save data fetches no wasm until first use", async ({ page, context }, info) => {
  test.skip(!hasJs(info), "without JavaScript nothing hydrates");
  // Chromium's Data Saver sets this (and sends `Save-Data: on`); Playwright has no switch for it.
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true }) }),
  );
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (/\.wasm$|\/pkg\/.*\.js$|\/assets\/model-/.test(r.url())) fetched.push(r.url());
  });
  await page.goto("/?duration=days", { waitUntil: "load" });
  // Past the idle callback the loader would have warmed up in, and past any request it made.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
  await page.waitForLoadState("networkidle");
  expect(fetched, "nothing fetched before first use").toEqual([]);
  await page.locator('label[for="q-waits-human"]').click();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page).toHaveURL(/\?duration=days&waits=human$/);
  expect(fetched.filter((u) => u.endsWith(".wasm"))).toHaveLength(1);
});

test("the 404 for a damaged short link has no island and fetches no wasm", async ({ page }, info) => {
  test.skip(!hasJs(info), "without JavaScript nothing is fetched anyway");
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (/\.wasm$|\/pkg\/.*\.js$|\/assets\/model-/.test(r.url())) fetched.push(r.url());
  });
  const res = await page.goto("/r/not-a-code", { waitUntil: "load" });
  expect(res?.status()).toBe(404);
  await expect(page.locator("leptos-island")).toHaveCount(0);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
  await page.waitForLoadState("networkidle");
  expect(fetched).toEqual([]);
});

test("a wasm fetch that failed in the background is retried on first use", async ({ page, consoleErrors }, info) => {
  test.skip(!hasJs(info), "without JavaScript nothing hydrates");
  // The background fetch fails, as on a connection that dropped after the page arrived.
  let attempts = 0;
  await page.route(/\.wasm$/, (route) => (++attempts === 1 ? route.abort("internetdisconnected") : route.continue()));
  await page.goto("/?duration=days", { waitUntil: "load" });
  await expect.poll(() => attempts).toBe(1);
  await page.locator('label[for="q-waits-human"]').click();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page).toHaveURL(/\?duration=days&waits=human$/);
  expect(attempts).toBe(2);
  // The browser logs the dropped fetch itself; nothing else may be logged.
  const dropped = consoleErrors.filter((e) => /ERR_INTERNET_DISCONNECTED/.test(e));
  expect(dropped.length).toBeLessThanOrEqual(1);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !dropped.includes(e)));
});

test("when the wasm never loads, the form is a plain form again and its button shows the result", async ({ page, consoleErrors }, info) => {
  test.skip(!hasJs(info), "without JavaScript the button is always there");
  // A proxy that blocks wasm: the background fetch and the retry on first use both fail.
  let attempts = 0;
  await page.route(/\.wasm$/, (route) => (++attempts, route.abort("blockedbyclient")));
  await page.goto("/?duration=days", { waitUntil: "load" });
  await expect.poll(() => attempts).toBe(1);
  const button = page.getByRole("button", { name: "Show recommendation" });
  await expect(button).toBeHidden();
  await page.locator('label[for="q-waits-human"]').click();
  await expect(page.locator("html")).toHaveClass(/\bno-island\b/);
  expect(attempts).toBe(2);
  await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
  await expect(button).toBeVisible();
  await expect(page.getByText("The live result could not load here")).toBeVisible();
  await expectAccessibleInBothThemes(page);
  // The next page's loader would fetch the wasm again once idle; let that one through, so no
  // blocked fetch is logged after this test has counted them.
  await page.unroute(/\.wasm$/);
  await submitAndWait(page, button);
  await expect(page).toHaveURL(/[?&]waits=human(&|$)/);
  await expect(page).toHaveURL(/[?&]duration=days(&|$)/);
  await expect(page.locator("#q-waits-human")).toBeChecked();
  await expect(page.getByTestId("verdict")).not.toBeEmpty();
  // The browser logs each blocked fetch itself; nothing else may be logged.
  const blocked = consoleErrors.filter((e) => /ERR_BLOCKED_BY_CLIENT/.test(e));
  expect(blocked.length).toBeLessThanOrEqual(4);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !blocked.includes(e)));
});

test("a link with bad values is still a page: a notice says what was dropped, the rest applies", async ({ page }, info) => {
  const res = await page.goto("/?duration=hours&rate=lots&colour=blue");
  expect(res?.status()).toBe(200);
  await ready(page, info);
  const notice = page.getByTestId("notices");
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute("role", "status");
  await expect(notice.getByRole("heading")).toHaveText("Part of this link was not applied as written");
  await expect(notice).toContainText("colour");
  await expect(notice).toContainText("lots");
  await expect(notice).toContainText("The rest of the answers apply.");
  await expect(optionCard(page, "step-functions-express")).toHaveAttribute("data-excluded", "true");
  await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
  await expect(page.locator("#q-rate-unsure")).toBeChecked();
  await expect(page.locator("#q-rate-figure")).toHaveValue("");
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)1 of \d+ questions answered/);
});

test("a figure the reader types that cannot be read is named, and fixing it clears the notice", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await ready(page, info);
  await answerFigure(page, info, "payload", "lots of");
  const notice = page.getByTestId("notices");
  await expect(notice).toContainText("lots of");
  // In the page the fault is the reader's answer; without JavaScript the form arrives as a link.
  await expect(notice.getByRole("heading")).toHaveText(
    hasJs(info) ? "Part of your answers was not applied as written" : "Part of this link was not applied as written",
  );
  await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
  await answerFigure(page, info, "payload", "40");
  await expect(notice).toHaveCount(0);
  await expect(page).toHaveURL(/\/\?duration=hours&payload=40$/);
});

test("an answer set beyond the four leads with its architecture, the four ranked below", async ({ page }, info) => {
  // 24,000 steps in one run: over Standard's history, which continue-as-new splits; the split
  // leads, and Standard leads the four below it.
  await page.goto("/?steps=24000&duration=hours&coordination=central");
  await ready(page, info);
  const split = page.getByTestId("architecture");
  await expect(split).toHaveAttribute("data-kind", "Split");
  await expect(split).toContainText("leads the result");
  await expect(split.getByRole("heading")).toHaveText(/^Split: /);
  await expect(page.getByTestId("verdict")).toContainText("Split the run leads:");
  await expect(ranking(page).locator(":scope > li")).toHaveCount(4);

  // Eighteen months: no option runs it as one run, and the two that can be split are level
  // once split, so no split leads and the verdict names both.
  await page.goto("/?duration=18mo");
  await ready(page, info);
  await expect(page.getByTestId("architecture")).toHaveCount(0);
  await expect(page.getByTestId("verdict")).toContainText("No option fits as one run as described");
  await expect(page.getByTestId("verdict")).toContainText("Lambda durable functions and Step Functions Standard are level once split");
  await expect(page.getByTestId("unmet")).toContainText("chained durable executions");
  await expect(page.getByTestId("unmet")).toContainText("a chain of Standard executions");
  await expect(ranking(page).locator(":scope > li")).toHaveCount(4);
  await expect(ranking(page).locator(':scope > li[data-fit="Fits"]')).toHaveCount(0);

  // One step per item and nothing waits: a queue feeding Lambda, no orchestrator at all.
  await page.goto("/?steps=1&trigger=event");
  await ready(page, info);
  await expect(page.getByTestId("architecture")).toHaveCount(0);
  await markDocument(page, info);
  await answer(page, info, "waits", "none");
  const queue = page.getByTestId("architecture");
  await expect(queue).toHaveAttribute("data-kind", "NoOrchestrator");
  await expect(queue.getByRole("heading")).toHaveText("No orchestrator: a queue feeding Lambda");
  await expect(queue).toContainText("SQS");
  await expect(queue.locator('a[href^="/sources#fact-"]').first()).toBeVisible();
  await expect(ranking(page).locator(":scope > li")).toHaveCount(4);
  await expectSameDocument(page, info);

  // A steady high rate: the arithmetic is shown.
  await page.goto("/?rate=2000&steps=3&duration=1s&load_shape=steady&waits=none&repeat_safe=all-idempotent");
  await ready(page, info);
  const service = page.getByTestId("architecture");
  await expect(service.getByRole("heading")).toHaveText("No orchestrator: a long-running service");
  await expect(service.locator("dl")).toBeVisible();
  await expect(service.locator("dl")).toContainText("transitions per second");
  await expect(service.locator("dl")).toContainText("6,000");
});

test("a run longer than a year is said plainly: no option fits it as one run", async ({ page }, info) => {
  // "Longer than a year" is the range that holds 18 months (above): it must not read as a fit.
  await page.goto("/?duration=over-year");
  await ready(page, info);
  await expect(page.getByTestId("unmet")).toContainText(/split/i);
  await expect(page.getByTestId("verdict")).not.toContainText("fits this workflow best");
  await expect(ranking(page).locator(':scope > li[data-fit="Fits"]')).toHaveCount(0);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("'what would change this' names changes that really change the pick, and the next question", async ({ page }, info) => {
  const base = "/?duration=days&services=few";
  await page.goto(base);
  await ready(page, info);
  const top = await ranking(page).locator(":scope > li").first().getAttribute("data-option");
  const links = page.getByTestId("what-would-change").getByRole("link");
  await expect(links.first()).toBeVisible();
  const changes = await links.evaluateAll((as) => as.map((a) => [a.getAttribute("href")!, a.textContent!] as const));
  expect(changes.length).toBeGreaterThan(0);
  for (const [href, text] of changes.slice(0, 3)) {
    const m = text.match(/^If the answer to “(.+?)” were “(.+?)” instead of “(.+?)”, (.+) would come first\.$/);
    expect(m, `readable change: ${text}`).not.toBeNull();
    const [, prompt, wanted, , winner] = m!;
    expect(href).toMatch(/^#q-[a-z_]+$/);
    await page.goto(base);
    await ready(page, info);
    const fieldset = page.locator(href);
    await expect(fieldset.locator("legend")).toHaveText(prompt);
    // The link leads to the question.
    await page.getByTestId("what-would-change").getByRole("link", { name: text }).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(fieldset).toBeInViewport();
    // Making that change makes the named option come first.
    const choice = fieldset.locator("label").filter({ has: page.locator("span", { hasText: new RegExp(`^${escape(wanted)}$`) }) });
    await expect(choice).toHaveCount(1);
    await choice.click();
    if (!hasJs(info)) await submitAdvisor(page);
    const first = ranking(page).locator(":scope > li").first();
    await expect(first.getByRole("heading").first(), text).toContainText(winner);
    await expect(first).not.toHaveAttribute("data-option", top!);
  }

  // The next question is one not answered yet; answering it moves on to another.
  await page.goto(base);
  await ready(page, info);
  const next = page.getByTestId("next-question").getByRole("link");
  const nextHref = (await next.getAttribute("href"))!;
  const qid = nextHref.replace("#q-", "");
  await expect(page.locator(`#q-${qid}-unsure`)).toBeChecked();
  const firstChoice = page.locator(`${nextHref} input[type="radio"]:not([value=""])`).first();
  await page.locator(`label[for="${await firstChoice.getAttribute("id")}"]`).click();
  if (!hasJs(info)) await submitAdvisor(page);
  await expect(page).toHaveURL(new RegExp(`[?&]${qid}=`));
  await expect(page.getByTestId("next-question").getByRole("link")).not.toHaveAttribute("href", nextHref);
});

test("reasons link to their facts on the sources page", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await ready(page, info);
  const cite = optionCard(page, "step-functions-express").locator('a[href^="/sources#fact-"]').first();
  const href = (await cite.getAttribute("href"))!;
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`${escape(href)}$`));
  const fact = page.locator(href.slice("/sources".length));
  await expect(fact).toBeInViewport();
  await expect(fact).toContainText(/20\d\d-\d\d-\d\d/);
});

test("the short link opens the same answers and result", async ({ page }, info) => {
  await page.goto("/?duration=36h&waits=human&languages=java&runs_per_month=2.5M");
  await ready(page, info);
  const verdict = await page.getByTestId("verdict").textContent();
  const scores = await page.getByTestId("score").allTextContents();
  const short = page.getByTestId("short-link");
  const href = (await short.getAttribute("href"))!;
  expect(href).toMatch(/^\/r\/[A-Za-z0-9_-]+$/);
  expect(href.length).toBeLessThan(40);
  await expect(short).toHaveText(`${new URL(page.url()).origin}${href}`);
  const res = await page.goto(href);
  expect(res?.status()).toBe(200);
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toHaveText(verdict!);
  await expect(page.getByTestId("score")).toHaveText(scores);
  await expect(page.locator('input[name="waits"][value="human"]')).toBeChecked();
  await expect(page.locator('input[name="languages"][value="java"]')).toBeChecked();
  await expect(page.locator("#q-duration-figure")).toHaveValue("36h");
  await expect(page.locator("#q-runs_per_month-figure")).toHaveValue(/^2\.5M$|^2500000$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/\?duration=36h&waits=human&languages=java&runs_per_month=/);
});

test("the copied link opens the same answers in a fresh browser", async ({ page, browser, context }, info) => {
  await page.goto("/?duration=days&definition=code&languages=python");
  await ready(page, info);
  let link: string;
  if (hasJs(info)) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link", exact: true }).click();
    await expect(page.locator("#site-status")).toHaveText("Copied");
    link = await page.evaluate(() => navigator.clipboard.readText());
  } else {
    await expect(page.getByRole("button", { name: "Copy link", exact: true })).toBeHidden();
    link = page.url();
  }
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?duration=days&definition=code&languages=python$/);
  const verdict = await page.getByTestId("verdict").textContent();
  const fresh = await browser.newContext({ javaScriptEnabled: hasJs(info) });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId("verdict")).toHaveText(verdict!);
  await expect(other.locator('input[name="languages"][value="python"]')).toBeChecked();
  await fresh.close();
});

test("back and forward restore earlier answers", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await ready(page, info);
  await answer(page, info, "duration", "days");
  await expect(page).toHaveURL(/\?duration=days$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?duration=days$/);
  await ready(page, info);
  await expect(page.locator('input[name="duration"][value="days"]')).toBeChecked();
  await expect(optionCard(page, "step-functions-express")).toHaveAttribute("data-excluded", "true");
  if (!hasJs(info)) {
    // Each GET submission is a history entry of its own.
    await page.goBack();
    await expect(page).toHaveURL(/\?duration=hours$/);
    await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
    await page.goForward();
    await expect(page.locator('input[name="duration"][value="days"]')).toBeChecked();
  }
});

test("link previews: title, description, canonical, Open Graph and a PNG card", async ({ page, request }, info) => {
  await page.goto("/?waits=human&duration=days&repeat_safe=some-exactly-once&audit=required");
  await ready(page, info);
  await expect(page).toHaveTitle(/^Step Functions Standard fits this workflow best/);
  // The verdict's closing full stop gives way to the dash.
  await expect(page).toHaveTitle(/[^.] — Orchestration Advisor$/);
  // The same after an answer in the browser (the island sets the title).
  await answer(page, info, "definition", "visual");
  await expect(page).toHaveTitle(/Step Functions Standard.*[^.] — Orchestration Advisor$/);
  await page.goto("/?waits=human&duration=days&repeat_safe=some-exactly-once&audit=required");
  await ready(page, info);
  const meta = (sel: string) => page.locator(sel).getAttribute("content");
  expect(await meta('meta[property="og:title"]')).toMatch(/Step Functions Standard/);
  expect(await meta('meta[name="description"]')).toMatch(/Based on 4 of \d+ answers\./);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/\?duration=days&repeat_safe=some-exactly-once&audit=required&waits=human$/,
  );
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  const image = await meta('meta[property="og:image"]');
  const res = await request.get(image!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const body = await res.body();
  expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(body.readUInt32BE(16)).toBe(1200);
  expect(body.readUInt32BE(20)).toBe(630);
});

test("the advisor is usable by keyboard alone", async ({ page }, info) => {
  test.skip(!hasJs(info), "keyboard answers apply instantly only once hydrated; the no-JS form is covered above");
  await page.goto("/");
  await ready(page, info);
  await page.locator("#q-duration-unsure").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\?duration=seconds$/);
  await expect(page.locator("#q-duration-seconds")).toBeFocused();
  await expect(page.getByTestId("confidence")).toContainText(/(^|\D)1 of \d+ questions answered/);
  // The input is visually hidden: the pill that shows it carries the focus ring.
  const ring = await page
    .locator("#q-duration-seconds + span")
    .evaluate((pill) => {
      const s = getComputedStyle(pill);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
  expect(ring.style).toBe("solid");
  expect(ring.width).toBeGreaterThanOrEqual(2);
});

test("axe finds nothing on a rich result, light and dark", async ({ page }, info) => {
  test.slow();
  // Notices, an architecture card, limits at the team's numbers, conflicts and the cost chart.
  await page.goto(
    "/?duration=days&waits=human&repeat_safe=some-exactly-once&fanout=hundreds&rate=450&languages=go&runs_per_month=2.5M&colour=blue",
  );
  await ready(page, info);
  await expect(page.getByTestId("architecture")).toBeVisible();
  await expect(page.getByTestId("notices")).toBeVisible();
  await expectAccessibleInBothThemes(page, info, async (p) => {
    // Open what a reader would open: the limits of the top pick and the chart's table.
    await p.locator('[data-testid="ranking"] > li').first().locator('[data-testid="limits"] summary').click();
    await p.locator('[data-testid="cost-chart"] details summary').click();
    await expect(p.getByTestId("cost-table")).toBeVisible();
  });
});

test("on a phone the pinned verdict of a tie names the level options, not a question cut off", async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?duration=36h&waits=human");
  await ready(page, info);
  // The full verdict goes on to the question to answer next; two lines cannot hold it.
  await expect(page.getByTestId("verdict")).toContainText("Next, answer “");
  const bar = page.getByTestId("pinned-verdict");
  await expect(bar).toContainText("Lambda durable functions and Step Functions Standard are level on your answers so far.");
  await expect(bar).not.toContainText("Next, answer");
});

test("on a phone the verdict stays in sight while answering, and leads to the result", async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?duration=seconds&services=few&waits=human");
  await ready(page, info);
  const bar = page.getByTestId("pinned-verdict");
  await expect(bar).toContainText("Step Functions Standard fits this workflow best.");
  // The result itself is below every question.
  await expect(page.locator("#result-title")).not.toBeInViewport();
  if (!hasJs(info)) {
    // Without JavaScript the verdict is the last submitted answers': it stays in its place
    // above the result instead of passing for the current ones.
    await expect(bar).not.toBeInViewport();
    await expect(page.getByRole("link", { name: "Jump to the recommendation" })).toBeVisible();
    await answer(page, info, "waits", "none");
    await expect(bar).toContainText("Step Functions Express fits this workflow best.");
    await bar.click();
    await expect(page).toHaveURL(/#result-title$/);
    return;
  }
  await expect(bar).toBeInViewport();
  // Keyboard focus moving down the questions is never hidden behind the bar.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const [focused, barTop] = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const pinned = document.querySelector('[data-testid="pinned-verdict"]')!;
      if (pinned.contains(el)) return ["the bar", Infinity] as const;
      // A pill's radio is drawn by its label.
      const shown = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el;
      const r = shown.getBoundingClientRect();
      return [{ id: el.id || el.tagName, bottom: r.bottom }, pinned.getBoundingClientRect().top] as const;
    });
    if (focused === "the bar") continue;
    expect(focused.bottom, `${focused.id} after ${i + 1} tabs clears the pinned verdict`).toBeLessThanOrEqual(barTop + 1);
  }
  await page.goto("/?duration=seconds&services=few&waits=human");
  await ready(page, info);
  await answer(page, info, "waits", "none");
  await expect(bar).toContainText("Step Functions Express fits this workflow best.");
  await expect(bar).toBeInViewport();
  await bar.click();
  await expect(page).toHaveURL(/#result-title$/);
  await expect(page.locator("#result-title")).toBeInViewport();
  await expectAccessibleInBothThemes(page, info);
});

test("on a wide screen the result sits beside the questions, and no verdict is pinned", async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/?duration=seconds&services=few&waits=human");
  await ready(page, info);
  await expect(page.getByTestId("pinned-verdict")).toBeHidden();
  await expect(page.locator("#result-title")).toBeInViewport();
});
