import { test, expect, ready } from "./fixtures";
import { getDocumentProxy, extractText } from "unpdf";

/** A result an architect would print for a design review. */
const result = "/?duration=days&waits=human&repeat_safe=some-exactly-once&audit=required&services=few";

async function printed(page: import("@playwright/test").Page, format: "A4" | "Letter", landscape = false) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format, landscape, printBackground: false });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  return text as string[];
}

for (const format of ["A4", "Letter"] as const) {
  test(`the advisor's result prints on one ${format} page with its sources`, async ({ page, request }, info) => {
    await page.goto(result);
    await ready(page, info);
    const top = await page.getByTestId("ranking").locator(":scope > li").first().getAttribute("data-option");
    const model = await (await request.get("/api/v1/model")).json();
    const name: string = model.options.find((o: { id: string }) => o.id === top).name;
    const pages = (await printed(page, format)).map((t) => t.replace(/\s+/g, " "));
    expect(pages.length, "pages").toBe(1);
    expect(pages[0]).toContain(name);
    // The printed page lists what its "[n]" marks cite, with full addresses.
    expect(pages[0]).toMatch(/Sources/);
    expect(pages[0]).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
  });
}

test("print media hides the navigation, the questionnaire and the buttons", async ({ page }, info) => {
  await page.goto(result);
  await ready(page, info);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.locator("#questionnaire")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  const visibleButtons = await page.getByRole("button").evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length);
  expect(visibleButtons, "buttons visible in print").toBe(0);
  await expect(page.getByRole("region", { name: "Sources cited" }).first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("region", { name: "Sources cited" }).first()).toBeHidden();
});

test("the comparison prints landscape with every option's column", async ({ page }, info) => {
  await page.goto("/compare?duration=days");
  await ready(page, info);
  const pages = await printed(page, "A4", true);
  const all = pages.join("\n");
  for (const name of ["Lambda durable functions", "Step Functions Standard", "Step Functions Express", "EventBridge"]) {
    expect(all).toContain(name);
  }
  expect(pages.length).toBeLessThanOrEqual(6);
});
