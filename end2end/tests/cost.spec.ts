import { test, expect, hasJs, ready, answerFigure, optionCard } from "./fixtures";
import type { Page } from "@playwright/test";

/** "$1,182" → 1182, "$10K" → 10000, "$0.0091" → 0.0091. */
function dollars(text: string): number {
  const m = text.trim().match(/^\$([\d,]*\.?\d*)\s*([KMB])?$/);
  if (!m) throw new Error(`not a dollar figure: ${text}`);
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[m[2] as "K" | "M" | "B"] ?? 1;
  return Number(m[1].replaceAll(",", "")) * scale;
}

/** "10,000" → 1e4, "1 million" → 1e6, "10 billion" → 1e10. */
function runs(text: string): number {
  const m = text.trim().match(/^([\d,.]+)(?: (thousand|million|billion))?$/);
  if (!m) throw new Error(`not a volume: ${text}`);
  const scale = { thousand: 1e3, million: 1e6, billion: 1e9 }[m[2] as "thousand"] ?? 1;
  return Number(m[1].replaceAll(",", "")) * scale;
}

type ChartData = {
  options: string[];
  paths: { option: string; d: string }[];
  legend: string[];
  yTicks: { y: number; label: string }[];
  head: string[];
  rows: { label: string; cells: string[] }[];
  crossovers: string[];
  marker: string | null;
};

/** Everything the chart and its table show, read from the DOM. */
async function readChart(page: Page): Promise<ChartData> {
  return page.getByTestId("cost-chart").evaluate((fig) => {
    const svg = fig.querySelector("svg")!;
    const text = (e: Element) => (e.textContent ?? "").trim();
    return {
      options: [...document.querySelectorAll('[data-testid="ranking"] > li')].map((li) => (li as HTMLElement).dataset.option!),
      paths: [...svg.querySelectorAll("path")].map((p) => ({ option: p.dataset.option!, d: p.getAttribute("d")! })),
      legend: [...fig.querySelectorAll('figcaption ul[aria-label="Lines"] li')].map(text),
      // The y axis's labels are the ones centred on their gridline.
      yTicks: [...svg.querySelectorAll('text[dominant-baseline="middle"]')].map((t) => ({ y: Number(t.getAttribute("y")), label: text(t) })),
      head: [...fig.querySelectorAll('[data-testid="cost-table"] thead th')].map(text),
      rows: [...fig.querySelectorAll('[data-testid="cost-table"] tbody tr')].map((tr) => ({
        label: text(tr.querySelector("th")!),
        cells: [...tr.querySelectorAll("td")].map(text),
      })),
      crossovers: [...fig.querySelectorAll('[data-testid="crossovers"] li')].map(text),
      marker: [...svg.querySelectorAll("text")].map(text).find((t) => t.startsWith("you: ")) ?? null,
    };
  });
}

const points = (d: string) => [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

/** The table's figures must be what the chart draws: each decade's point, read back through the y axis. */
function expectTableMatchesChart(c: ChartData) {
  // One line per option, the table's columns in the lines' order, named as the legend names them.
  expect(c.paths.map((p) => p.option).sort()).toEqual([...c.options].sort());
  expect(c.head[0]).toBe("Runs a month");
  expect(c.head.slice(1)).toEqual(c.legend);
  expect(c.legend).toHaveLength(c.paths.length);
  expect(c.rows.map((r) => runs(r.label))).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]);
  // The y axis is logarithmic: fit it from two of its labelled ticks.
  const ticks = c.yTicks.map((t) => ({ y: t.y, log: Math.log10(dollars(t.label)) }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  const logAt = (y: number) => lo.log + ((y - lo.y) * (hi.log - lo.log)) / (hi.y - lo.y);
  const axisY = Math.max(...ticks.map((t) => t.y));
  let compared = 0;
  c.paths.forEach((path, column) => {
    const pts = points(path.d);
    // Four points per decade over seven decades.
    expect(pts, path.option).toHaveLength(29);
    c.rows.forEach((row, r) => {
      const [, y] = pts[4 * r];
      const table = dollars(row.cells[column]);
      if (table < 0.01 || y >= axisY - 0.05) return; // below the axis' first tick: drawn on the axis
      const drawn = 10 ** logAt(y);
      // The table rounds to its last digit (cents, or dollars for large figures); the drawing
      // to a tenth of a unit, well under 2% on these axes.
      const decimals = row.cells[column].split(".")[1]?.length ?? 0;
      const allowed = 0.5 * 10 ** -decimals + 0.02 * table;
      expect(Math.abs(drawn - table), `${path.option} at ${row.label}: chart ${drawn.toFixed(4)} vs table ${row.cells[column]}`).toBeLessThanOrEqual(allowed);
      compared++;
    });
  });
  expect(compared).toBeGreaterThan(16);
}

/** Each "A is cheaper than B above N runs a month" must hold in the table on both sides of N. */
function expectCrossoversMatchTable(c: ChartData) {
  const column = (name: string) => c.head.indexOf(name) - 1;
  for (const words of c.crossovers) {
    const m = words.match(/^(.+) is cheaper than (.+) above ([\d,.]+(?: thousand| million| billion)?) runs a month$/);
    expect(m, words).not.toBeNull();
    const [, a, b, at] = m!;
    const n = runs(at);
    const [ia, ib] = [column(a), column(b)];
    expect(ia, a).toBeGreaterThanOrEqual(0);
    expect(ib, b).toBeGreaterThanOrEqual(0);
    const above = c.rows.find((r) => runs(r.label) > n)!;
    expect(dollars(above.cells[ia]), `${words}: at ${above.label}`).toBeLessThan(dollars(above.cells[ib]));
    const below = [...c.rows].reverse().find((r) => runs(r.label) <= n);
    if (below) expect(dollars(below.cells[ia]), `${words}: at ${below.label}`).toBeGreaterThanOrEqual(dollars(below.cells[ib]));
  }
}

/** Each option's "Cost: $X a month" at the team's volume is the table's figure for that volume. */
async function expectMonthlyMatchesTable(page: Page, c: ChartData, volumeLabel: string) {
  const row = c.rows.find((r) => r.label === volumeLabel)!;
  expect(row, volumeLabel).toBeTruthy();
  for (const [i, path] of c.paths.entries()) {
    await expect(optionCard(page, path.option).getByTestId("monthly"), `${path.option} at ${volumeLabel}`).toHaveText(row.cells[i]);
  }
}

test("the cost chart draws one line per option and its table holds the same figures", async ({ page }, info) => {
  await page.goto("/?steps=3&free_tier=include&runs_per_month=10M");
  await ready(page, info);
  const chart = page.getByTestId("cost-chart");
  await expect(chart.getByRole("img", { name: /Monthly cost against volume/ })).toBeVisible();
  await expect(chart.locator("svg path")).toHaveCount(4);
  const c = await readChart(page);
  expectTableMatchesChart(c);
  // The team's volume is marked and each option's monthly cost there is the table's.
  expect(c.marker).toBe("you: 10 million");
  await expectMonthlyMatchesTable(page, c, "10 million");
  // Crossovers are named in words, and they agree with the table.
  expect(c.crossovers.length).toBeGreaterThan(1);
  expectCrossoversMatchTable(c);
  // The table is the chart's accessible alternative: behind a disclosure, with a caption.
  await expect(page.getByTestId("cost-table")).toBeHidden();
  await chart.getByText("The chart's figures as a table").click();
  await expect(page.getByTestId("cost-table")).toBeVisible();
  await expect(page.getByTestId("cost-table").locator("caption")).toHaveText("Monthly cost in US dollars by runs per month");
});

test("without crossovers the chart says which option costs least throughout", async ({ page }, info) => {
  await page.goto("/?runs_per_month=10M&steps=12&memory_mb=512");
  await ready(page, info);
  const c = await readChart(page);
  expect(c.crossovers).toHaveLength(1);
  const m = c.crossovers[0].match(/^The lines do not cross between 1 thousand and 10 billion runs a month: (.+) costs least throughout\.$/);
  expect(m, c.crossovers[0]).not.toBeNull();
  const cheapest = c.head.indexOf(m![1]) - 1;
  expect(cheapest).toBeGreaterThanOrEqual(0);
  for (const row of c.rows) {
    const values = row.cells.map(dollars);
    expect(values[cheapest], row.label).toBe(Math.min(...values));
  }
  expectTableMatchesChart(c);
});

test("the figures follow an answer: at once with JavaScript, after the form without", async ({ page }, info) => {
  await page.goto("/?steps=12&memory_mb=512&runs_per_month=10M");
  await ready(page, info);
  if (hasJs(info)) await page.evaluate(() => ((window as any).__sameDocument = true));
  const before = await readChart(page);
  const monthlyBefore = await optionCard(page, "durable-functions").getByTestId("monthly").textContent();
  // Four times the memory: every option that runs Lambda work costs more.
  await answerFigure(page, info, "memory_mb", "2048");
  await expect(page).toHaveURL(/memory_mb=2048/);
  await expect(optionCard(page, "durable-functions").getByTestId("monthly")).not.toHaveText(monthlyBefore!);
  const after = await readChart(page);
  expect(after.paths.map((p) => p.d)).not.toEqual(before.paths.map((p) => p.d));
  const col = after.head.indexOf("Lambda durable functions") - 1;
  const at = (c: ChartData) => dollars(c.rows.find((r) => r.label === "10 million")!.cells[col]);
  expect(at(after)).toBeGreaterThan(at(before));
  expectTableMatchesChart(after);
  await expectMonthlyMatchesTable(page, after, "10 million");
  // The volume moves the marker and the monthly figures, not the table's decades.
  await answerFigure(page, info, "runs_per_month", "100M");
  await expect(page.getByTestId("cost-chart").locator("svg text").filter({ hasText: /^you: / })).toHaveText("you: 100 million");
  await expectMonthlyMatchesTable(page, await readChart(page), "100 million");
  if (hasJs(info)) expect(await page.evaluate(() => (window as any).__sameDocument), "updated without a navigation").toBe(true);
});

test("each option's cost names the volume it is priced at, and no figure twice", async ({ page }, info) => {
  // No volume given: a typical million runs a month, where the price per million runs and the
  // month's cost are one figure, and the line read "$127.04 a month, $127.04 per million runs".
  await page.goto("/?duration=5m&waits=human&steps=12");
  await ready(page, info);
  const summaries = page.getByTestId("cost").locator("summary");
  expect(await summaries.count()).toBeGreaterThanOrEqual(3);
  for (const text of await summaries.allTextContents()) {
    expect(text).toContain(" a month at 1 million runs");
    const dollars = text.match(/\$[\d,.]+/g) ?? [];
    expect(new Set(dollars).size, text).toBe(dollars.length);
  }
  // A volume of its own: the month is priced at it, and the rate per million runs follows.
  await answerFigure(page, info, "runs_per_month", "3000");
  await expect(summaries.first()).toContainText(/ a month at 3,000 runs, \$[\d,.]+ per million runs/);
});

test("on a phone the chart's labels stay legible, apart, and inside it, the volume marker's too", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 800 });
  // Two billion runs a month: the marker sits near the right edge of the chart.
  await page.goto("/?duration=seconds&runs_per_month=2000000000");
  await ready(page, info);
  const chart = page.getByTestId("cost-chart").locator("svg").first();
  const box = (await chart.boundingBox())!;
  const labels = chart.locator("text");
  await expect(labels.filter({ hasText: /^you: / })).toHaveCount(1);
  const n = await labels.count();
  expect(n, "axis labels and the marker").toBeGreaterThan(10);
  const boxes: { text: string; b: { x: number; y: number; width: number; height: number } }[] = [];
  for (let i = 0; i < n; i++) {
    const text = (await labels.nth(i).textContent()) ?? "";
    const b = (await labels.nth(i).boundingBox())!;
    boxes.push({ text, b });
    // Drawn at 11 of the chart's 640 units, a label was about 5 px tall on this screen.
    expect(b.height, `“${text}” is legible`).toBeGreaterThanOrEqual(8);
    expect(b.x, `“${text}” starts inside the chart`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.x + b.width, `“${text}” ends inside the chart`).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  // No two labels overlap (the lowest cost and the first volume met in the corner).
  const apart = (p: (typeof boxes)[0]["b"], q: (typeof boxes)[0]["b"]) =>
    p.x + p.width <= q.x + 0.5 || q.x + q.width <= p.x + 0.5 || p.y + p.height <= q.y + 0.5 || q.y + q.height <= p.y + 0.5;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect(apart(boxes[i].b, boxes[j].b), `“${boxes[i].text}” and “${boxes[j].text}” do not overlap`).toBe(true);
});
