import { test, expect, hasJs, ready, expectAccessibleInBothThemes, submitAndWait, optionCard } from "./fixtures";
import * as fs from "node:fs";

/** Rows of the guide's tables, in the guide's words. */
const choosingRows = ["best_for", "runtime"];
const versusRows = ["runtime", "programming_model", "definition", "integrations", "visibility", "max_duration", "semantics", "billing", "best_for_teams"];
const limitRows = ["max_duration", "start_rate", "history_limit", "payload", "retention", "pricing", "open_runs"];
const options = ["durable-functions", "step-functions-standard", "step-functions-express", "eventbridge-lambda"];

/** The team whose numbers the tables are checked at. */
const team = "duration=36h&rate=450&waits=human&runs_per_month=2.5M";

test("the three tables carry every row and every option, each value with its source", async ({ page }, info) => {
  await page.goto("/compare");
  await ready(page, info);
  for (const [table, rows] of [
    ["table-choosing", choosingRows],
    ["table-versus", versusRows],
    ["table-limits", limitRows],
  ] as const) {
    const t = page.getByTestId(table);
    await expect(t.locator("caption")).not.toBeEmpty();
    await expect(t.locator("thead th[data-option]")).toHaveCount(4);
    await expect(t.locator("tbody tr[data-attribute]")).toHaveCount(rows.length);
    for (const row of rows) {
      const tr = t.locator(`tbody tr[data-attribute="${row}"]`);
      await expect(tr.locator('th[scope="row"]'), `${table} ${row}`).toHaveCount(1);
      for (const option of options) {
        await expect(tr.locator(`td[data-option="${option}"]`), `${table} ${row} ${option}`).not.toBeEmpty();
      }
    }
  }
  // Without answers nothing is highlighted and there are no "your numbers" rows.
  await expect(page.locator('tr[data-highlight="true"]')).toHaveCount(0);
  await expect(page.locator('tr[data-numbers="true"]')).toHaveCount(0);
  await expect(page.getByTestId("answers-summary")).toContainText("Answer the advisor's questions");
  const versus = page.getByTestId("table-versus");
  await expect(versus.locator('tr[data-attribute="max_duration"] [data-option="step-functions-express"]')).toContainText("5 minutes");
  await expect(versus.locator('tr[data-attribute="max_duration"] [data-option="step-functions-standard"]')).toContainText(/1 year/);
});

test("answers highlight the rows that matter and show the team's numbers against each limit", async ({ page, browser }, info) => {
  await page.goto(`/compare?${team}`);
  await ready(page, info);
  await expect(page.getByTestId("answers-summary")).toContainText("With your 4 answers");
  const versus = page.getByTestId("table-versus");
  const duration = versus.locator('tr[data-attribute="max_duration"]');
  await expect(duration).toHaveAttribute("data-highlight", "true");
  await expect(duration.locator("th")).toContainText("Matters for your answers");
  const express = duration.locator('[data-option="step-functions-express"]');
  await expect(express).toHaveAttribute("data-violation", "true");
  await expect(express).toContainText("Rules it out for your answers");
  await expect(duration.locator('[data-option="step-functions-standard"]')).not.toHaveAttribute("data-violation", "true");
  await expect(versus.locator('tr[data-attribute="definition"]')).toHaveAttribute("data-highlight", "false");
  await expect(page.getByTestId("table-versus").locator("thead th").filter({ hasText: "Step Functions Express" })).toContainText("Excluded by your answers");

  // "Your numbers" rows: the figures the answers give, against each option's limit.
  const limits = page.getByTestId("table-limits");
  const numbers = (label: string) => limits.locator('tr[data-numbers="true"]').filter({ has: page.locator("th", { hasText: label }) });
  const runDuration = numbers("Your numbers: run duration");
  await expect(runDuration.locator('[data-option="durable-functions"]')).toContainText("1.5 days of 1 year");
  await expect(runDuration.locator('[data-option="step-functions-express"]')).toContainText("1.5 days of 5 minutes");
  await expect(runDuration.locator('[data-option="step-functions-express"]')).toContainText("over the hard limit");
  const starts = numbers("Your numbers: starts per second");
  await expect(starts.locator('[data-option="step-functions-standard"]')).toContainText("450 per second of 300 per second");
  await expect(starts.locator('[data-option="step-functions-standard"]')).toContainText("over the default quota");

  // The cost row is each option's monthly cost at the team's volume: the advisor's figure.
  const cost = numbers("Your numbers: monthly cost");
  await expect(cost).toHaveCount(1);
  const advisorCtx = await browser.newContext({ javaScriptEnabled: false });
  const advisor = await advisorCtx.newPage();
  await advisor.goto(new URL(`/?${team}`, page.url()).toString());
  for (const option of options) {
    const monthly = (await optionCard(advisor, option).getByTestId("monthly").textContent())!;
    await expect(cost.locator(`[data-option="${option}"] p`).first(), option).toHaveText(new RegExp(`^${monthly.replace("$", "\\$")} a month at `));
  }
  await advisorCtx.close();

  // Back to the advisor with the same answers.
  await page.getByTestId("back-to-advisor").click();
  await expect(page).toHaveURL(/\/\?duration=36h&rate=450&waits=human&runs_per_month=/);
  await ready(page, info);
  await expect(page.locator("#q-duration-figure")).toHaveValue("36h");
});

test("the option picker keeps the choice in the URL: autosubmit with JavaScript, a button without", async ({ page }, info) => {
  await page.goto("/compare?duration=hours");
  await ready(page, info);
  const update = page.getByTestId("option-picker").getByRole("button", { name: "Update" });
  if (hasJs(info)) {
    await expect(update).toBeHidden();
    await page.getByRole("checkbox", { name: "Step Functions Express" }).uncheck();
    await expect(page).toHaveURL(/\/compare\?duration=hours&options=durable-functions,step-functions-standard,eventbridge-lambda$/);
    await ready(page, info);
    await page.getByRole("checkbox", { name: "EventBridge + Lambda" }).uncheck();
  } else {
    await expect(update).toBeVisible();
    await page.getByRole("checkbox", { name: "Step Functions Express" }).uncheck();
    await page.getByRole("checkbox", { name: "EventBridge + Lambda" }).uncheck();
    await submitAndWait(page, update);
  }
  // Tidied to one options= list, the answers kept.
  await expect(page).toHaveURL(/\/compare\?duration=hours&options=durable-functions,step-functions-standard$/);
  await page.reload();
  await ready(page, info);
  for (const table of ["table-choosing", "table-versus", "table-limits"]) {
    await expect(page.getByTestId(table).locator("thead th[data-option]")).toHaveText(["Lambda durable functions", "Step Functions Standard"]);
  }
  await expect(page.getByRole("checkbox", { name: "Step Functions Express" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Lambda durable functions" })).toBeChecked();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/compare\?duration=hours&options=durable-functions,step-functions-standard$/);
});

test("CSV download and Markdown copy hold the table as shown", async ({ page, context }, info) => {
  await page.goto(`/compare?${team}&options=durable-functions,step-functions-standard`);
  await ready(page, info);
  const table = page.getByTestId("table-limits");
  const rows = await table.locator("tbody tr").count();
  const names = await table.locator("thead th[data-option]").allTextContents();
  expect(names.map((n) => n.trim())).toEqual(["Lambda durable functions", "Step Functions Standard"]);
  const costCell = (await table.locator('tr[data-numbers="true"]').last().locator('[data-option="durable-functions"] p').first().textContent())!.trim();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CSV.*Limits and prices/ }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(csv.length).toBe(rows + 1);
  expect(csv[0]).toBe("Attribute,Lambda durable functions,Step Functions Standard");
  const csvCost = csv.find((l) => l.startsWith("Your numbers: monthly cost"));
  expect(csvCost, "the cost row is exported").toBeTruthy();
  expect(csvCost).toContain(costCell);

  const copy = page.getByRole("button", { name: /Copy as Markdown.*Limits and prices/ });
  if (!hasJs(info)) {
    await expect(copy).toBeHidden();
    return;
  }
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await copy.click();
  await expect(page.locator("#site-status")).toHaveText("Copied");
  const md = (await page.evaluate(() => navigator.clipboard.readText())).trim().split("\n");
  expect(md[0]).toBe("**Limits and prices**");
  const header = md.findIndex((l) => l.startsWith("|"));
  expect(md[header]).toMatch(/^\|\s*\|\s*Lambda durable functions\s*\|\s*Step Functions Standard\s*\|$/);
  expect(md[header + 1]).toMatch(/^\|(\s*:?-+:?\s*\|)+$/);
  const tableRows = md.slice(header + 2).filter((l) => l.startsWith("|"));
  expect(tableRows.length).toBe(rows);
  expect(tableRows.find((l) => l.includes("Your numbers: monthly cost"))).toContain(costCell);
});

test("link previews: canonical link and a PNG card for the comparison", async ({ page, request }, info) => {
  await page.goto(`/compare?${team}`);
  await ready(page, info);
  await expect(page).toHaveTitle("Compare — Orchestration Advisor");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^http:\/\/127\.0\.0\.1:\d+\/compare\?duration=36h&rate=450&waits=human&runs_per_month=2500000$/);
  const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
  expect(image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/og\/compare\/[A-Za-z0-9_-]+\.png$/);
  const res = await request.get(image);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const body = await res.body();
  expect(body.readUInt32BE(16)).toBe(1200);
  expect(body.readUInt32BE(20)).toBe(630);
  await expect(page.locator('link[type="application/json+oembed"]')).toHaveAttribute("href", /\/oembed\?format=json&url=/);
});

test("no sideways scrolling at 360 px: one card per option", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/compare?${team}`);
  await ready(page, info);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId("table-versus")).toBeHidden();
  const cards = page.getByTestId("cards-limits").locator("[data-card-option]");
  await expect(cards).toHaveCount(4);
  await expect(cards.first()).toBeVisible();
  await expect(cards.filter({ hasText: "Step Functions Express" })).toContainText("1.5 days of 5 minutes");
});

test("every cell's source is reachable by keyboard", async ({ page }, info) => {
  await page.goto("/compare");
  await ready(page, info);
  const cell = page.getByTestId("table-versus").locator('tr[data-attribute="max_duration"] [data-option="step-functions-standard"]');
  const summary = cell.locator("summary").first();
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(cell.locator("details").first()).toHaveAttribute("open", "");
  await expect(cell.locator("details").first()).toContainText(/20\d\d-\d\d-\d\d/);
  await expect(cell.locator('details a[href^="https://"]').first()).toBeVisible();
});

test("axe finds nothing on a comparison with answers, light and dark", async ({ page }, info) => {
  test.slow();
  await page.goto(`/compare?${team}&colour=blue`);
  await ready(page, info);
  await expect(page.getByTestId("notices")).toBeVisible();
  await expectAccessibleInBothThemes(page, info);
});
