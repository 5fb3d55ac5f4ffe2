import { test as base, expect, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Every page test collects console errors and uncaught exceptions and fails on any. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // A test that opens a 404 page on purpose makes the browser log the document's status;
      // that is the only 404 forgiven.
      let expected404 = 0;
      page.on("response", (r) => {
        if (r.status() === 404 && r.request().isNavigationRequest()) expected404++;
      });
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        if (/status of 404/.test(m.text()) && expected404 > 0) {
          expected404--;
          return;
        }
        errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const hasJs = (info: TestInfo) => info.project.name === "js";

/** Waits until the page is interactive: hydrated with JS, loaded without. */
export async function ready(page: Page, info: TestInfo) {
  if (hasJs(info)) {
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
  } else {
    await page.waitForLoadState("load");
  }
}

async function runAxe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe-core (WCAG 2.x A and AA plus best practices) on the page as the current project sees it,
 * in light and dark. axe needs JavaScript, so for the no-JS project the same URL is opened in a
 * JavaScript-enabled page whose wasm and JS glue are blocked: the server-rendered page as a
 * reader without JavaScript gets it.
 */
export async function expectAccessibleInBothThemes(page: Page, info?: TestInfo) {
  let target = page;
  let close = async () => {};
  if (info && !hasJs(info)) {
    const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
    target = await context.newPage();
    await target.route("**/pkg/**", (route) => route.abort());
    await target.goto(page.url());
    close = () => context.close();
  }
  for (const scheme of ["light", "dark"] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await runAxe(target);
  }
  await target.emulateMedia({ colorScheme: "light" });
  await close();
}

export const expectAccessible = async (page: Page, info?: TestInfo) => expectAccessibleInBothThemes(page, info);
