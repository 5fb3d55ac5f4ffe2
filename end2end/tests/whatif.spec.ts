import { test, expect, hasJs, ready, expectAccessibleInBothThemes, submitAndWait } from "./fixtures";
import type { Page, TestInfo } from "@playwright/test";

const q = (answers: string) => encodeURIComponent(answers);
const today = "duration=hours&runs_per_month=1M";
const whatIf = "duration=20s&runs_per_month=50M";
const both = `/whatif?a=${q(today)}&b=${q(whatIf)}`;

const moves = (page: Page) => page.getByTestId("moves").locator("tbody tr[data-option]");
const move = (page: Page, option: string) => page.getByTestId("moves").locator(`tbody tr[data-option="${option}"]`);

/** Picks an answer in one side's form; without JavaScript that form is submitted (GET). */
async function answerSide(page: Page, info: TestInfo, side: "a" | "b", question: string, choice: string) {
  const form = page.locator(`#whatif-${side}`);
  await form.locator(`label[for="whatif-${side}-q-${question}-${choice}"]`).click();
  if (!hasJs(info)) await submitAndWait(page, form.getByRole("button", { name: "Show recommendation" }));
}

/** Each side's ranking from the moves table: option → place. */
async function places(page: Page) {
  return moves(page).evaluateAll((rows) =>
    rows.map((r) => {
      // "#4 → #1" then, in a span of its own, the scores.
      const m = r.querySelector("td")!.firstChild!.textContent!.match(/^#(\d+) → #(\d+)$/)!;
      return { option: (r as HTMLElement).dataset.option!, direction: (r as HTMLElement).dataset.direction!, a: Number(m[1]), b: Number(m[2]) };
    }),
  );
}

test("the advisor's What if… link opens both sides with the current answers", async ({ page }, info) => {
  await page.goto("/?duration=hours&waits=human");
  await ready(page, info);
  const verdict = (await page.getByTestId("verdict").textContent())!;
  await page.getByTestId("whatif-link").click();
  await expect(page).toHaveURL(/\/whatif\?a=duration%3Dhours%26waits%3Dhuman&b=duration%3Dhours%26waits%3Dhuman$/);
  await ready(page, info);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What if…");
  await expect(page.getByTestId("verdict-a")).toContainText(verdict);
  await expect(page.getByTestId("verdict-b")).toContainText(verdict);
  await expect(page.getByTestId("whatif")).toContainText("The two sets of answers are the same");
  await expect(page.locator("[data-changed]")).toHaveCount(0);
  await expect(page.locator("#whatif-b-q-duration-hours")).toBeChecked();
  await expect(page.locator("#whatif-b-q-waits-human")).toBeChecked();
});

test("two rankings side by side: changed answers highlighted, every move explained", async ({ page }, info) => {
  await page.goto(both);
  await ready(page, info);
  // The changed answers, marked.
  await expect(page.locator("[data-changed]")).toHaveCount(2);
  await expect(page.locator('[data-changed="duration"] mark')).toContainText("20 seconds");
  await expect(page.locator('[data-changed="runs_per_month"] mark')).toContainText("50 million");
  // Both rankings: each a full ranking of the four, and each row's direction follows its places.
  await expect(moves(page)).toHaveCount(4);
  const p = await places(page);
  expect(p.map((x) => x.a).sort()).toEqual([1, 2, 3, 4]);
  expect(p.map((x) => x.b).sort()).toEqual([1, 2, 3, 4]);
  for (const x of p) {
    if (x.b < x.a) expect(x.direction, x.option).toBe("rises");
    if (x.b > x.a) expect(x.direction, x.option).toBe("falls");
  }
  // The table lists the options in the what-if order.
  expect(p.map((x) => x.b)).toEqual([1, 2, 3, 4]);
  // Express: excluded for a run of hours, fits for 20 seconds; why, its limit and cost move.
  const express = move(page, "step-functions-express");
  await expect(express).toHaveAttribute("data-direction", "rises");
  await expect(express.locator("th")).toContainText("rises");
  await expect(express).toContainText("excluded → fits");
  await expect(express).toContainText(/New: .+/);
  await expect(express).toContainText(/Gone: .*5 minutes/);
  await expect(express).toContainText(/Run duration: .+ → 20 seconds of 5 minutes/);
  await expect(express).toContainText(/\$[\d,.]+ → \$[\d,.]+/);
  const falls = moves(page).filter({ has: page.locator("th", { hasText: "falls" }) });
  await expect(falls.first()).toContainText(/New: |Gone: /);
  // The verdicts are the advisor's for each side.
  const verdictB = (await page.getByTestId("verdict-b").locator("p").last().textContent())!;
  await page.getByRole("link", { name: "Open the what-if answers in the advisor" }).click();
  await expect(page).toHaveURL(/\/\?duration=20s&runs_per_month=50/);
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toHaveText(verdictB);
});

test("the what-if's short link opens both sides, in full and framed", async ({ page, request }, info) => {
  await page.goto(both);
  await ready(page, info);
  const verdictA = (await page.getByTestId("verdict-a").textContent())!;
  const verdictB = (await page.getByTestId("verdict-b").textContent())!;
  const short = page.getByTestId("whatif-short-link");
  const href = (await short.getAttribute("href"))!;
  expect(href).toMatch(/^\/w\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  await expect(short).toHaveText(`${new URL(page.url()).origin}${href}`);
  expect((await page.goto(href))?.status()).toBe(200);
  await ready(page, info);
  await expect(page.getByTestId("verdict-a")).toHaveText(verdictA);
  await expect(page.getByTestId("verdict-b")).toHaveText(verdictB);
  const framed = await request.get(`/embed${href}`);
  expect(framed.status()).toBe(200);
  expect(await framed.text()).toContain('data-embed="true"');
});

test("editing the what-if side changes the result and the URL", async ({ page }, info) => {
  await page.goto(both);
  await ready(page, info);
  if (hasJs(info)) await page.evaluate(() => ((window as any).__sameDocument = true));
  const before = (await page.getByTestId("verdict-b").textContent())!;
  // People approve each run on the what-if side: Express is out again there.
  await answerSide(page, info, "b", "waits", "human");
  await expect(page).toHaveURL(/\/whatif\?a=duration%3Dhours%26runs_per_month%3D1000000&b=duration%3D20s%26waits%3Dhuman%26runs_per_month%3D50000000$/);
  await expect(page.getByTestId("verdict-b")).not.toHaveText(before);
  await expect(move(page, "step-functions-express")).toContainText("excluded → excluded");
  await expect(page.locator("[data-changed]")).toHaveCount(3);
  await expect(page.locator('[data-changed="waits"] mark')).toBeVisible();
  await expect(page.locator("#whatif-b-q-waits-human")).toBeChecked();
  await expect(page.getByTestId("notices")).toHaveCount(0);
  if (hasJs(info)) expect(await page.evaluate(() => (window as any).__sameDocument), "updated without a navigation").toBe(true);
});

test("choosing a range on the what-if side replaces its figure, as on the advisor", async ({ page }, info) => {
  test.skip(!hasJs(info), "without JavaScript a form cannot clear the figure it holds; the server says which one it used");
  await page.goto(both);
  await ready(page, info);
  // The what-if side says "20 seconds"; the reader picks "1 to 30 days" instead.
  await answerSide(page, info, "b", "duration", "days");
  await expect(page.locator("#whatif-b-q-duration-figure")).toHaveValue("");
  await expect(page).toHaveURL(/&b=duration%3Ddays%26runs_per_month%3D50000000$/);
  await expect(move(page, "step-functions-express")).toContainText("excluded → excluded");
});

test("editing today's side changes the result and the URL", async ({ page }, info) => {
  await page.goto(both);
  await ready(page, info);
  if (hasJs(info)) await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByText("Edit today's answers").click();
  // Today's volume becomes the what-if volume: only the duration still differs.
  const form = page.locator("#whatif-a");
  await form.locator("#whatif-a-q-runs_per_month-figure").fill("50M");
  if (!hasJs(info)) await submitAndWait(page, form.getByRole("button", { name: "Show recommendation" }));
  await expect(page).toHaveURL(/\/whatif\?a=duration%3Dhours%26runs_per_month%3D50000000&b=duration%3D20s%26runs_per_month%3D50000000$/);
  await expect(page.locator("[data-changed]")).toHaveCount(1);
  await expect(page.locator("[data-changed]")).toHaveAttribute("data-changed", "duration");
  await expect(page.getByTestId("notices")).toHaveCount(0);
  if (hasJs(info)) expect(await page.evaluate(() => (window as any).__sameDocument), "updated without a navigation").toBe(true);
});

test("the framed what-if view: no site chrome, a link to the full view", async ({ page }, info) => {
  await page.goto(`/embed/whatif?a=${q(today)}&b=${q(whatIf)}&theme=dark`);
  await ready(page, info);
  await expect(page.locator('[data-embed="true"]')).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("contentinfo")).toHaveCount(0);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("link", { name: /Open the full view/ })).toHaveAttribute("href", `/whatif?a=${q(today)}&b=${q(whatIf)}`);
  await expect(moves(page)).toHaveCount(4);
  // Search engines are pointed at the full view (not told to drop the page: canonical and
  // noindex together are contradictory signals).
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/whatif\\?a=`));
  // Editing keeps the framed view and its theme.
  await answerSide(page, info, "b", "waits", "human");
  await expect(page).toHaveURL(/\/embed\/whatif\?a=.+&b=duration%3D20s%26waits%3Dhuman.+&theme=dark$/);
  await expect(move(page, "step-functions-express")).toContainText("excluded → excluded");
});

test("axe finds nothing on a what-if, light and dark", async ({ page }, info) => {
  test.slow();
  await page.goto(both);
  await ready(page, info);
  await expectAccessibleInBothThemes(page, info);
});
