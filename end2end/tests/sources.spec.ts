import { test, expect, ready, expectAccessibleInBothThemes } from "./fixtures";

test("every fact is listed once, with its value, date and a link to its source", async ({ page, request }, info) => {
  await page.goto("/sources");
  await ready(page, info);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sources");
  const model = await (await request.get("/api/v1/model")).json();
  const facts = page.locator('[id^="fact-"]');
  const ids = await facts.evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size, "ids are unique").toBe(ids.length);
  expect(ids.sort()).toEqual(model.facts.map((f: { id: string }) => `fact-${f.id}`).sort());
  // Each entry: the value, the date the source gives, and the source's own address.
  const entries = await facts.evaluateAll((els) =>
    els.map((e) => ({
      id: e.id,
      date: e.querySelector(":scope > p time, :scope > div:not([data-superseded]) time, :scope time")?.getAttribute("datetime") ?? "",
      href: e.querySelector('a[href^="http"]')?.getAttribute("href") ?? "",
    })),
  );
  const byId = new Map(model.facts.map((f: { id: string; as_of: string }) => [`fact-${f.id}`, f.as_of]));
  for (const e of entries) {
    expect(e.date, `${e.id} date`).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(e.href, `${e.id} source link`).toMatch(/^https:\/\//);
  }
  // A plain entry's date is its fact's date.
  const plain = page.locator("#fact-df-best-for");
  await expect(plain.locator("time")).toHaveAttribute("datetime", byId.get("fact-df-best-for") as string);
  // Disagreeing sources are shown side by side, the older one marked as not used.
  const disagreement = page.locator('li[data-disagreement="true"]').first();
  await expect(disagreement).toContainText("Sources disagree");
  await expect(disagreement.locator('[data-superseded="true"]').first()).toContainText("Older · not used");
  await expect(disagreement).toContainText("Newer · the model uses this");
  // The list of sources, each with its kind and date.
  const sources = page.locator("#all-sources li[data-source]");
  await expect(sources).toHaveCount(model.sources.length);
  await expect(sources.first()).toContainText(/as of 20\d\d-\d\d-\d\d/);
});

test("the prices the cost estimates use are listed under #prices", async ({ page, request }, info) => {
  await page.goto("/sources");
  await ready(page, info);
  const model = await (await request.get("/api/v1/model")).json();
  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Prices" }).click();
  await expect(page).toHaveURL(/\/sources#prices$/);
  const prices = page.locator("#prices");
  await expect(prices.getByRole("heading", { name: "Prices" })).toBeInViewport();
  const rows = prices.locator("tr[data-price]");
  await expect(rows).toHaveCount(model.prices.length);
  const transition = prices.locator('tr[data-price="sfn-standard-transition"]');
  await expect(transition).toContainText("Step Functions Standard state transitions");
  await expect(transition).toContainText("$0.025 per 1,000; 4,000 free a month");
  await expect(transition).toContainText("us-east-1");
  // Each price links to the facts it rests on, which are on the same page.
  const cite = transition.locator('a[href^="#fact-"]').first();
  const target = (await cite.getAttribute("href"))!;
  await cite.click();
  await expect(page.locator(target)).toBeInViewport();
});

test("a fact's own link lands on its entry", async ({ page }, info) => {
  await page.goto("/sources#fact-sfn-std-history-limit");
  await ready(page, info);
  const fact = page.locator("#fact-sfn-std-history-limit");
  await expect(fact).toHaveCount(1);
  await expect(fact).toBeInViewport();
  expect(await fact.evaluate((e) => e.matches(":target"))).toBe(true);
  await expect(fact).toContainText("25,000");
});

test("axe finds nothing on the sources page, light and dark", async ({ page }, info) => {
  test.slow();
  await page.goto("/sources");
  await ready(page, info);
  await expectAccessibleInBothThemes(page, info);
});
