import { test, expect, hasJs, ready, expectAccessibleInBothThemes } from "./fixtures";
import * as fs from "node:fs";

/** Rows of the guide's tables, in the guide's words (shared/guide/orchestration-and-workflows.md). */
const choosingRows = ["best_for", "runtime"];
const versusRows = [
  "programming_model",
  "runtime",
  "definition",
  "integrations",
  "visibility",
  "max_duration",
  "semantics",
  "billing",
  "best_for_teams",
];
const options = ["durable-functions", "step-functions-standard", "step-functions-express", "eventbridge-lambda"];

test("both guide tables carry every row and every option", async ({ page }, info) => {
  await page.goto("/compare");
  await ready(page, info);
  for (const [table, rows] of [
    ["table-choosing", choosingRows],
    ["table-versus", versusRows],
  ] as const) {
    const t = page.getByTestId(table);
    await expect(t.locator("caption")).not.toBeEmpty();
    for (const row of rows) {
      const tr = t.locator(`tbody tr[data-attribute="${row}"]`);
      await expect(tr, `${table} ${row}`).toHaveCount(1);
      await expect(tr.locator('th[scope="row"]')).toHaveCount(1);
      for (const option of options) {
        await expect(tr.locator(`[data-option="${option}"]`), `${row} ${option}`).not.toBeEmpty();
      }
    }
  }
  const versus = page.getByTestId("table-versus");
  await expect(versus).toContainText("Up to 1 year");
  await expect(versus).toContainText(/5 minutes/);
  await expect(page.getByTestId("table-limits")).toBeAttached();
  // The guide's durable runtimes and AWS's newer list are both shown, with dates.
  await expect(versus.locator('tr[data-attribute="runtime"] [data-option="durable-functions"]')).toContainText(/Java/);
  await expect(versus.locator('tr[data-attribute="runtime"] [data-option="durable-functions"]')).toContainText(/Python 3\.13\+, Node\.js 22\+/);
});

test("answers highlight the rows that matter and mark the broken constraint", async ({ page }, info) => {
  await page.goto("/compare?duration=hours");
  await ready(page, info);
  const row = page.getByTestId("table-versus").locator('tr[data-attribute="max_duration"]');
  await expect(row).toHaveAttribute("data-highlight", "true");
  const cell = row.locator('[data-option="step-functions-express"]');
  await expect(cell).toHaveAttribute("data-violation", "true");
  await expect(cell).toContainText(/5 minutes/);
  await expect(page.getByTestId("table-versus").locator('tr[data-attribute="billing"]')).not.toHaveAttribute("data-highlight", "true");
  await page.getByRole("link", { name: /Back to the advisor/ }).click();
  await expect(page).toHaveURL(/\/\?duration=hours$/);
});

test("the option choice lives in the URL and survives reload", async ({ page }, info) => {
  await page.goto("/compare?duration=hours");
  await ready(page, info);
  await page.getByRole("checkbox", { name: /Step Functions Express/ }).uncheck();
  await page.getByRole("checkbox", { name: /EventBridge/ }).uncheck();
  if (!hasJs(info)) await page.getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(/options=/);
  await expect(page).toHaveURL(/duration=hours/);
  await page.reload();
  await ready(page, info);
  const header = page.getByTestId("table-versus").locator("thead th");
  await expect(header).toHaveCount(3);
  await expect(page.getByRole("checkbox", { name: /Step Functions Express/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Lambda durable functions/ })).toBeChecked();
});

test("CSV download and Markdown copy match the table", async ({ page, context }, info) => {
  await page.goto("/compare?options=durable-functions,step-functions-standard");
  await ready(page, info);
  const table = page.getByTestId("table-choosing");
  const rows = await table.locator("tbody tr").count();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CSV.*Choosing/ }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8").trim().split(/\r?\n/);
  expect(csv.length).toBe(rows + 1);
  expect(csv[0]).toContain("Lambda durable functions");
  expect(csv[0]).toContain("Step Functions Standard");
  expect(csv[0]).not.toContain("Express");
  if (hasJs(info)) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy as Markdown" }).first().click();
    const md = (await page.evaluate(() => navigator.clipboard.readText())).trim().split("\n");
    const header = md.findIndex((l) => /^\|.*Lambda durable functions.*\|$/.test(l));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(md[header + 1]).toMatch(/^\|(\s*:?-+:?\s*\|)+$/);
    const tableRows = md.slice(header + 2).filter((l) => l.startsWith("|"));
    expect(tableRows.length).toBe(rows);
  }
});

test("no sideways scrolling at 360 px: one card per option", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/compare?duration=hours");
  await ready(page, info);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId("table-versus")).toBeHidden();
});

test("every cell's source is reachable by keyboard", async ({ page }, info) => {
  await page.goto("/compare");
  await ready(page, info);
  const cell = page.getByTestId("table-versus").locator('tr[data-attribute="max_duration"] [data-option="step-functions-standard"]');
  const summary = cell.locator("summary").first();
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(cell.locator("details").first()).toHaveAttribute("open", "");
  await expect(cell).toContainText(/20\d\d-\d\d-\d\d/);
});

test("sources list every fact with a date, and disagreements side by side", async ({ page }, info) => {
  await page.goto("/sources");
  await ready(page, info);
  await expect(page.locator('[id^="fact-"]').first()).toBeVisible();
  const ids = await page.locator('[id^="fact-"]').evaluateAll((els) => els.map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);
  const model = await (await page.request.get("/api/v1/model")).json();
  expect(ids.length).toBe(model.facts.length);
  const runtimes = page.locator('[data-disagreement="true"]').filter({ hasText: /Python 3\.13\+/ }).first();
  await expect(runtimes).toContainText(/Java/);
  await expect(runtimes).toContainText(/Older · not used/);
});

test("axe finds nothing on compare and sources, light and dark", async ({ page }, info) => {
  for (const path of ["/compare?duration=hours&waits=human", "/sources"]) {
    await page.goto(path);
    await ready(page, info);
    await expectAccessibleInBothThemes(page, info);
  }
});
