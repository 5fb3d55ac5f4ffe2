import { test, expect, hasJs, ready, expectAccessibleInBothThemes } from "./fixtures";
import type { Page, TestInfo } from "@playwright/test";

/** Picks an answer: instantly once hydrated, through the GET form without JavaScript. */
async function answer(page: Page, info: TestInfo, question: string, choice: string) {
  await page.locator(`label[for="q-${question}-${choice}"]`).click();
  if (!hasJs(info)) {
    await Promise.all([page.waitForURL(/\?/), page.getByRole("button", { name: "Show recommendation" }).click()]);
  }
}

const ranking = (page: Page) => page.getByTestId("ranking");
const optionCard = (page: Page, id: string) => ranking(page).locator(`[data-option="${id}"]`);

test("no answers shows the neutral state and invites the first question", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toContainText("Nothing separates the 4 options yet");
  await expect(ranking(page).locator("li")).toHaveCount(4);
  for (const score of await page.getByTestId("score").allTextContents()) expect(score).toBe("50");
  await expect(page.getByTestId("next-question")).toBeVisible();
  await expect(page.getByTestId("answered-count")).toContainText("0 of");
});

test("answering questions changes the result and the URL follows", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  await answer(page, info, "duration", "hours");
  await expect(page).toHaveURL(/\?duration=hours$/);
  await expect(optionCard(page, "step-functions-express")).toHaveAttribute("data-excluded", "true");
  await expect(optionCard(page, "step-functions-express")).toContainText("Excluded because");
  await answer(page, info, "coordination", "independent");
  // Canonical order is the model's question order, whatever order the answers came in.
  await expect(page).toHaveURL(/\?duration=hours&coordination=independent$/);
  await expect(page.getByTestId("answered-count")).toContainText("2 of");
  await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
  // "Not sure" takes a question back out of the link.
  await answer(page, info, "duration", "unsure");
  await expect(page).toHaveURL(/\?coordination=independent$/);
  await expect(ranking(page).locator("li").first()).toHaveAttribute("data-option", "eventbridge-lambda");
});

test("reasons link to their facts on the sources page", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await ready(page, info);
  const cite = optionCard(page, "step-functions-express").locator('a[href^="/sources#fact-"]').first();
  const href = await cite.getAttribute("href");
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace("#", "#")}$`));
  await expect(page.locator(href!.slice("/sources".length))).toBeVisible();
});

test("a scenario from the guide: claims processing picks Standard and excludes Express", async ({ page }, info) => {
  await page.goto(
    "/?duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few&languages=java&coordination=central",
  );
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toContainText("Step Functions Standard fits this workflow best");
  await expect(ranking(page).locator("li").first()).toHaveAttribute("data-option", "step-functions-standard");
  await expect(optionCard(page, "step-functions-express")).toHaveAttribute("data-excluded", "true");
  await expect(page.getByTestId("what-would-change")).toBeVisible();
});

test("a run longer than a year is said plainly, with advice to split", async ({ page }, info) => {
  await page.goto("/?duration=over-year");
  await ready(page, info);
  await expect(page.getByTestId("unmet")).toContainText(/split/i);
  await expect(ranking(page).locator('li[data-excluded="true"]')).toHaveCount(4);
});

test("a link with a bad value shows a notice and the rest of the result", async ({ page }, info) => {
  const res = await page.goto("/?duration=hours&rate=lots&colour=blue");
  expect(res?.status()).toBe(200);
  await ready(page, info);
  const notice = page.getByRole("status").filter({ hasText: "Part of this link was not applied" });
  await expect(notice).toContainText("colour");
  await expect(notice).toContainText("lots");
  await expect(optionCard(page, "step-functions-express")).toHaveAttribute("data-excluded", "true");
  await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
});

test("the copied link opens the same answers in a fresh browser", async ({ page, browser, context }, info) => {
  await page.goto("/?duration=days&definition=code&languages=python");
  await ready(page, info);
  let link: string;
  if (hasJs(info)) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied" }).first()).toBeVisible();
    link = await page.evaluate(() => navigator.clipboard.readText());
  } else {
    link = page.url();
  }
  // Canonical order is the model's question order.
  expect(link).toMatch(/\?duration=days&definition=code&languages=python$/);
  const verdict = await page.getByTestId("verdict").textContent();
  const fresh = await browser.newContext({ javaScriptEnabled: hasJs(info) });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId("verdict")).toHaveText(verdict!);
  await expect(other.locator('input[name="languages"][value="python"]')).toBeChecked();
  await fresh.close();
});

test("the short link round-trips to the same answers and result", async ({ page }, info) => {
  await page.goto("/?duration=days&waits=human&languages=java");
  await ready(page, info);
  const verdict = await page.getByTestId("verdict").textContent();
  const short = page.getByTestId("short-link");
  const href = await short.getAttribute("href");
  expect(href).toMatch(/^\/r\/[A-Za-z0-9_-]+$/);
  expect(href!.length).toBeLessThan(30);
  const res = await page.goto(href!);
  expect(res?.status()).toBe(200);
  await ready(page, info);
  await expect(page.getByTestId("verdict")).toHaveText(verdict!);
  await expect(page.locator('input[name="waits"][value="human"]')).toBeChecked();
  const bad = await page.goto("/r/AAAAAAAA");
  expect(bad?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Back to the advisor" })).toBeVisible();
});

test("back and forward restore earlier answers", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await ready(page, info);
  await answer(page, info, "duration", "days");
  await expect(page).toHaveURL(/\?duration=days$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare/);
  await page.goBack();
  await expect(page).toHaveURL(/\?duration=days$/);
  await expect(page.locator('input[name="duration"][value="days"]')).toBeChecked();
  if (!hasJs(info)) {
    // Each GET submission is a history entry of its own.
    await page.goBack();
    await expect(page).toHaveURL(/\?duration=hours$/);
    await expect(page.locator('input[name="duration"][value="hours"]')).toBeChecked();
    await page.goForward();
    await expect(page.locator('input[name="duration"][value="days"]')).toBeChecked();
  }
  await page.goForward();
  await expect(page).toHaveURL(/\/compare/);
  await page.goBack();
  await expect(page.locator('input[name="duration"][value="days"]')).toBeChecked();
});

test("link previews: title, description, Open Graph and a PNG card", async ({ page, request }, info) => {
  await page.goto("/?duration=days&waits=human&repeat_safe=some-exactly-once&audit=required");
  await ready(page, info);
  await expect(page).toHaveTitle(/Step Functions Standard fits this workflow best/);
  const og = async (p: string) => page.locator(`meta[property="${p}"]`).getAttribute("content");
  expect(await og("og:title")).toMatch(/Step Functions Standard/);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/of 4 options/);
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?duration=days/);
  expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
  const image = await og("og:image");
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
});

test("axe finds nothing on a full result, light and dark", async ({ page }, info) => {
  await page.goto("/?duration=seconds&waits=human&rate=2000-100k&languages=go&colour=blue");
  await ready(page, info);
  await expectAccessibleInBothThemes(page, info);
});

test("screenshots at 1280 and 390 px, light and dark", async ({ page }, info) => {
  for (const width of [1280, 390]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/?duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&languages=java");
      await ready(page, info);
      await page.screenshot({ path: info.outputPath(`advisor-${width}-${scheme}.png`), fullPage: false });
    }
  }
});
