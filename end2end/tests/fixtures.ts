import { test as base, expect, Page, TestInfo, BrowserContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The servers playwright.config.ts starts. */
export const port = Number(process.env.E2E_PORT ?? 3005);
export const hostPort = Number(process.env.E2E_HOST_PORT ?? 3006);
export const strictPort = Number(process.env.E2E_STRICT_PORT ?? port + 2);
/** The main server: framing allowed from any origin. */
export const site = `http://127.0.0.1:${port}`;
/** The same server with `--embed-origins https://wiki.example.com`. */
export const strictSite = `http://127.0.0.1:${strictPort}`;
/** The stand-in wiki on another origin (host-server.mjs). */
export const hostOrigin = `http://127.0.0.1:${hostPort}`;
export const host = (src: string) => `${hostOrigin}/?src=${encodeURIComponent(src)}`;
export const nestedHost = (src: string) => `${hostOrigin}/nested?src=${encodeURIComponent(src)}`;
/** A wiki whose sandboxed middle frame has an opaque origin (no allow-same-origin). */
export const opaqueHost = (src: string) => `${hostOrigin}/opaque?src=${encodeURIComponent(src)}`;

export type CspViolation = { directive: string; blocked: string; source: string; line: number; sample: string; frame: string };

/**
 * Collects `securitypolicyviolation` events from every page and frame of a context: each
 * document keeps its own in `window.__csp` and reports it to the test through a binding, so
 * violations in documents the test has since left are counted too.
 */
async function watchCsp(context: BrowserContext, sink: CspViolation[]) {
  await context.exposeBinding("__reportCsp", ({ frame }, v: Omit<CspViolation, "frame">) => {
    sink.push({ ...v, frame: frame.url() });
  });
  await context.addInitScript(() => {
    const w = window as any;
    w.__csp = [];
    addEventListener(
      "securitypolicyviolation",
      (e: SecurityPolicyViolationEvent) => {
        const v = {
          directive: e.effectiveDirective || e.violatedDirective,
          blocked: e.blockedURI,
          source: e.sourceFile,
          line: e.lineNumber,
          sample: e.sample,
        };
        w.__csp.push(v);
        w.__reportCsp?.(v);
      },
      true,
    );
  });
}

/**
 * Every page test fails on any console error, uncaught exception or CSP violation.
 *
 * CSP violations: with JavaScript on, `securitypolicyviolation` events are collected in every
 * document (see [`watchCsp`]). With JavaScript off no script can listen, but Chromium still
 * reports each violation (inline style, a blocked load) as a console error, which
 * `consoleErrors` catches; inline scripts do not run there, so they cannot violate anything.
 * The axe helper and shell.spec.ts also load the no-JS pages in a JavaScript-enabled context
 * with the wasm blocked and check `window.__csp` there.
 */
export const test = base.extend<{ consoleErrors: string[]; cspViolations: CspViolation[] }>({
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
  cspViolations: [
    async ({ page, context }, use, info) => {
      const violations: CspViolation[] = [];
      if (hasJs(info)) await watchCsp(context, violations);
      await use(violations);
      if (hasJs(info) && !page.isClosed()) {
        // Whatever the current document holds that has not reached the binding yet.
        const pending = await page.evaluate(() => (window as any).__csp ?? []).catch(() => []);
        for (const v of pending) {
          if (!violations.some((w) => w.directive === v.directive && w.blocked === v.blocked && w.line === v.line)) {
            violations.push({ ...v, frame: page.url() });
          }
        }
      }
      expect(violations, "CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** With JS: the site script has run and any island has hydrated, after a pointer over it. */
async function interactive(target: Page | import("@playwright/test").Frame) {
  await target.waitForFunction(() => document.documentElement.classList.contains("js"));
  const island = target.locator("leptos-island").first();
  if ((await island.count()) > 0) {
    await island.dispatchEvent("pointerover");
    await target.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
  }
}

export const hasJs = (info: TestInfo) => info.project.name === "js";

/**
 * Waits until the page is interactive. With JS: the site script has run (`html.js`) and, on a
 * page with an island, the island has hydrated (`data-hydrated="true"`). Islands hydrate on the
 * reader's first sign of use (see `app/src/island_loader.js`), so this gives one: the pointer
 * moving over the island, as a reader's would before a click. Without JS: loaded.
 */
export async function ready(page: Page, info: TestInfo) {
  if (hasJs(info)) {
    await interactive(page);
  } else {
    await page.waitForLoadState("load");
  }
}

/** The same, for a document inside a frame. */
export async function frameReady(frame: import("@playwright/test").Frame, js: boolean) {
  if (js) {
    await interactive(frame);
  } else {
    await frame.waitForLoadState("load");
  }
}

/**
 * Opens `url` as a reader without JavaScript gets it, in a JavaScript-enabled page (so axe and
 * the CSP listener can run) whose wasm, JS glue and site script are blocked: the page keeps
 * its no-JS look (no `html.js`, the plain forms' buttons shown).
 */
export async function openServerRendered(page: Page, url: string) {
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  await context.addInitScript(() => {
    const w = window as any;
    w.__csp = [];
    addEventListener("securitypolicyviolation", (e: SecurityPolicyViolationEvent) => w.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  const target = await context.newPage();
  await target.route("**/pkg/**", (route) => route.abort());
  await target.route(/\/assets\/site-[^/]*\.js$/, (route) => route.abort());
  await target.goto(url);
  return { target, close: () => context.close() };
}

/** CSP violations the current document of `page` saw (needs JavaScript in that page). */
export const cspOf = (page: Page) => page.evaluate(() => (window as any).__csp as unknown[]);

async function runAxe(page: Page, colourOnly: boolean) {
  let builder = new AxeBuilder({ page });
  // The page's structure is the same in both themes; only the colours change, so the second
  // theme runs the rules about colour.
  builder = colourOnly
    ? builder.withRules(["color-contrast", "link-in-text-block"])
    : builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe-core (WCAG 2.x A and AA plus best practices) on the page as the current project sees it,
 * in light and dark. axe needs JavaScript, so for the no-JS project the same URL is opened in a
 * JavaScript-enabled page whose wasm and JS glue are blocked: the server-rendered page as a
 * reader without JavaScript gets it; that page must raise no CSP violation either.
 *
 * `prepare` runs on the page axe checks before it does (e.g. to open disclosures).
 */
export async function expectAccessibleInBothThemes(page: Page, info?: TestInfo, prepare?: (p: Page) => Promise<void>) {
  let target = page;
  let close = async () => {};
  if (info && !hasJs(info)) {
    ({ target, close } = await openServerRendered(page, page.url()));
  }
  if (prepare) await prepare(target);
  let first = true;
  for (const scheme of ["light", "dark"] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await runAxe(target, !first);
    first = false;
  }
  await target.emulateMedia({ colorScheme: "light" });
  if (target !== page) expect(await cspOf(target), "CSP violations (server-rendered page)").toEqual([]);
  await close();
}

export const expectAccessible = async (page: Page, info?: TestInfo) => expectAccessibleInBothThemes(page, info);

/** Picks an answer on the advisor: instantly once hydrated, through the GET form without JS. */
export async function answer(page: Page, info: TestInfo, question: string, choice: string) {
  await page.locator(`label[for="q-${question}-${choice}"]`).click();
  if (!hasJs(info)) await submitAdvisor(page);
}

/** Types a figure into a question's figure field (and submits the form without JS). */
export async function answerFigure(page: Page, info: TestInfo, question: string, figure: string) {
  await page.locator(`#q-${question}-figure`).fill(figure);
  if (!hasJs(info)) await submitAdvisor(page);
}

/** Submits the advisor's form the way a reader without JavaScript does. */
export async function submitAdvisor(page: Page) {
  await submitAndWait(page, page.locator("#questionnaire").getByRole("button", { name: "Show recommendation" }));
}

/** Clicks a submit button and waits for the page the GET form leads to (after any redirect). */
export async function submitAndWait(page: Page, button: import("@playwright/test").Locator) {
  const loaded = page.waitForEvent("load");
  await button.click();
  await loaded;
}

export const ranking = (page: Page) => page.getByTestId("ranking");
export const optionCard = (page: Page, id: string) => ranking(page).locator(`:scope > li[data-option="${id}"]`);
