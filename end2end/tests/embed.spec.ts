import type { Page, FrameLocator, APIRequestContext } from "@playwright/test";
import {
  test,
  expect,
  hasJs,
  expectAccessible,
  frameReady,
  site,
  strictSite,
  host,
  nestedHost,
  opaqueHost,
  hostOrigin,
  CspViolation,
} from "./fixtures";

const answers = "duration=hours&waits=human";

/** The plain share links a reader pastes into a wiki, by kind; `/r/<code>` is asked of the API. */
async function shareLinks(request: APIRequestContext) {
  const links = (await (await request.get(`/api/v1/recommendation?${answers}`)).json()).links;
  expect(links.short).toMatch(/^\/r\/[A-Za-z0-9_-]+$/);
  return [
    { kind: "advisor", path: `/?${answers}`, full: `/?${answers}` },
    { kind: "short link", path: links.short, full: links.short },
    { kind: "compare", path: `/compare?${answers}`, full: `/compare?${answers}` },
    { kind: "what-if", path: links.whatif, full: links.whatif },
  ];
}

/** The browser logs each refused frame as a console error (and a CSP report): expected here, and only here. */
function takeFramingErrors(consoleErrors: string[], csp: CspViolation[]) {
  const framing = consoleErrors.filter((e) => /frame-ancestors/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/frame-ancestors/.test(e)));
  csp.splice(0, csp.length, ...csp.filter((v) => v.directive !== "frame-ancestors"));
  return framing;
}

/** The advisor's frame inside the host page (inside the sandboxed middle frame when nested). */
const advisorFrame = (page: Page, nested = false): FrameLocator =>
  nested ? page.frameLocator("#middle").frameLocator("#advisor") : page.frameLocator("#advisor");

async function expectFramedView(frame: FrameLocator, full: string) {
  await expect(frame.locator('[data-embed="true"]')).toBeVisible();
  // The slim header: the product's name and a link out to the same page in the full site.
  await expect(frame.getByRole("link", { name: /Open the full view/ })).toHaveAttribute("href", full);
  await expect(frame.getByRole("link", { name: /Open the full view/ })).toHaveAttribute("target", "_blank");
  await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(frame.getByRole("contentinfo")).toHaveCount(0);
}

test("share links pasted into a wiki on another origin show the framed view", async ({ page, request }, info) => {
  for (const link of await shareLinks(request)) {
    await test.step(link.kind, async () => {
      await page.goto(host(`${site}${link.path}`));
      const frame = advisorFrame(page);
      await expectFramedView(frame, link.full);
      if (link.kind === "advisor" || link.kind === "short link") {
        await expect(frame.getByTestId("verdict")).not.toBeEmpty();
        await expect(frame.locator("#q-duration-hours")).toBeChecked();
        // Links out of the frame open a new tab.
        await expect(frame.getByTestId("short-link")).toHaveAttribute("target", "_blank");
      }
      if (link.kind === "compare") await expect(frame.getByTestId("table-versus")).toBeAttached();
      if (link.kind === "what-if") await expect(frame.getByTestId("moves")).toBeAttached();
      if (hasJs(info)) {
        // The frame reports its height and the host's snippet applies it.
        await expect.poll(() => page.evaluate(() => (window as any).heights.length)).toBeGreaterThan(0);
        const height = await page.evaluate(() => document.getElementById("advisor")!.getBoundingClientRect().height);
        expect(height).toBeGreaterThan(300);
      }
    });
  }
});

test("the framed advisor answers questions, keeps its theme and fits 320 px", async ({ page }, info) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(host(`${site}/?theme=dark`));
  const frame = advisorFrame(page);
  await expect(frame.locator('[data-embed="true"]')).toBeVisible();
  const doc = page.frames().find((f) => f.url().startsWith(site))!;
  await frameReady(doc, hasJs(info));
  await frame.locator('label[for="q-coordination-independent"]').click();
  if (!hasJs(info)) {
    const loaded = doc.waitForLoadState("load");
    await frame.getByRole("button", { name: "Show recommendation" }).click();
    await loaded;
  }
  await expect(frame.getByTestId("ranking").locator(":scope > li").first()).toHaveAttribute("data-option", "eventbridge-lambda");
  // The framed view and its theme survive the answer.
  await expect.poll(() => page.frames().find((f) => f.url().startsWith(site))?.url()).toMatch(/\/embed\?coordination=independent&theme=dark$/);
  await expect(frame.locator("html")).toHaveClass(/\bdark\b/);
  // The link out opens the answers the frame holds now, without its theme.
  const [full] = await Promise.all([
    page.waitForEvent("popup"),
    frame.getByRole("link", { name: /Open the full view/ }).click(),
  ]);
  await full.waitForURL((url) => url.pathname + url.search === "/?coordination=independent");
  await full.close();
  // Frames put the result before the questions.
  const [result, questions] = await Promise.all([
    frame.locator("#result-title").boundingBox(),
    frame.locator("#questionnaire").boundingBox(),
  ]);
  expect(result!.y).toBeLessThan(questions!.y);
  // In the document too, not by CSS order: the browser paints while it parses, and questions
  // painted first would jump down when the result arrived (a layout shift of 0.56 on a phone).
  const resultFirst = await frame.locator("#result-title").evaluate(
    (r) => !!(r.compareDocumentPosition(document.getElementById("questionnaire")!) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  expect(resultFirst).toBe(true);
  const overflow = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("with --embed-origins set to another origin, frames on this host are refused", async ({ page, request, consoleErrors, cspViolations }) => {
  for (const link of await shareLinks(request)) {
    await test.step(link.kind, async () => {
      await page.goto(host(`${strictSite}${link.path}`));
      await expect.poll(() => consoleErrors.some((e) => /frame-ancestors 'self' https:\/\/wiki\.example\.com/.test(e))).toBe(true);
      await expect(advisorFrame(page).locator("[data-embed]")).toHaveCount(0);
      await expect(advisorFrame(page).getByText("Orchestration Advisor")).toHaveCount(0);
      expect(takeFramingErrors(consoleErrors, cspViolations).length).toBeGreaterThan(0);
    });
  }
});

test("a wiki that sandboxes its content in a frame of its own can frame the advisor", async ({ page }, info) => {
  // host → <iframe sandbox="allow-scripts allow-same-origin"> → the advisor: every ancestor
  // keeps the wiki's origin, so the default allowlist (any origin) matches each of them.
  await page.goto(nestedHost(`${site}/?${answers}`));
  const frame = advisorFrame(page, true);
  await expectFramedView(frame, `/?${answers}`);
  await expect(frame.getByTestId("verdict")).not.toBeEmpty();
  if (hasJs(info)) {
    // The middle page's snippet follows the advisor's height.
    const middle = page.frames().find((f) => f.url().startsWith(`${hostOrigin}/middle`))!;
    await expect.poll(() => middle.evaluate(() => (window as any).heights.length)).toBeGreaterThan(0);
  }
});

test("...and the strict server refuses the same nesting", async ({ page, consoleErrors, cspViolations }) => {
  await page.goto(nestedHost(`${strictSite}/?${answers}`));
  await expect.poll(() => consoleErrors.some((e) => /frame-ancestors 'self' https:\/\/wiki\.example\.com/.test(e))).toBe(true);
  await expect(advisorFrame(page, true).getByTestId("verdict")).toHaveCount(0);
  takeFramingErrors(consoleErrors, cspViolations);
});

test("a sandboxed ancestor without allow-same-origin (an opaque origin) cannot be allowed by any list", async ({ page, consoleErrors, cspViolations }) => {
  // CSP's frame-ancestors matches origins; an opaque origin has none, so even `*` refuses.
  // The README says so: such a wiki must add allow-same-origin to its sandbox.
  await page.goto(opaqueHost(`${site}/?${answers}`));
  await expect.poll(() => consoleErrors.some((e) => /frame-ancestors \*/.test(e))).toBe(true);
  await expect(advisorFrame(page, true).getByTestId("verdict")).toHaveCount(0);
  takeFramingErrors(consoleErrors, cspViolations);
});

test("the host's frame follows the content's height, growing and shrinking", async ({ page }, info) => {
  test.skip(!hasJs(info), "heights are reported by the site script");
  // One column: the result above the questions, so the result's length shows in the height.
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto(host(`${site}/?duration=hours&steps=24000&coordination=central`));
  const frame = advisorFrame(page);
  const doc = page.frames().find((f) => f.url().startsWith(site))!;
  await frameReady(doc, true);
  const hostState = () =>
    page.evaluate(() => ({
      heights: [...(window as any).heights] as number[],
      frame: document.getElementById("advisor")!.getBoundingClientRect().height,
      ignored: (window as any).ignored as number,
    }));
  /** Waits until the reported heights stop changing, then checks the frame fits its content. */
  async function settled(label: string) {
    let last = -1;
    await expect
      .poll(async () => {
        const n = (await hostState()).heights.length;
        const same = n === last;
        last = n;
        return same;
      }, { intervals: [150, 150, 150, 300], message: `${label}: heights settle` })
      .toBe(true);
    const h = await hostState();
    const content = await doc.evaluate(() => Math.ceil(document.querySelector("[data-embed]")!.getBoundingClientRect().height));
    expect(Math.abs(h.frame - content), `${label}: the frame is as tall as its content`).toBeLessThanOrEqual(1);
    expect(await doc.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight), `${label}: no scrolling inside`).toBeLessThanOrEqual(1);
    return h;
  }
  const start = await settled("loaded");
  expect(start.heights.length, "one message for the first layout").toBeLessThanOrEqual(3);

  // Opening a disclosure grows the frame; closing it shrinks it back.
  const facts = frame.locator("#q-duration summary");
  await facts.click();
  const opened = await settled("opened");
  expect(opened.frame).toBeGreaterThan(start.frame);
  await facts.click();
  const closed = await settled("closed");
  expect(closed.frame).toBeLessThan(opened.frame);
  expect(Math.abs(closed.frame - start.frame)).toBeLessThanOrEqual(1);

  // A shorter result shrinks the frame: without the step count, no split card leads.
  await expect(frame.getByTestId("architecture")).toBeVisible();
  await frame.locator("#q-steps-figure").fill("");
  await expect(frame.getByTestId("architecture")).toHaveCount(0);
  const shorter = await settled("shorter result");
  expect(shorter.frame).toBeLessThan(closed.frame - 50);
  // A few messages per change, each accepted by the README's snippet (origin, type, source).
  expect(shorter.heights.length - closed.heights.length, "messages for one change").toBeLessThanOrEqual(3);
  expect(shorter.ignored, "messages the README's snippet refuses").toBe(0);
});

test.describe("framing by Sec-Fetch-Dest", () => {
  test("top-level pages refuse frames, framed requests get the embed allowlist, caches keep them apart", async ({ request }) => {
    const top = await request.get(`/?${answers}`);
    expect(top.status()).toBe(200);
    const csp = top.headers()["content-security-policy"];
    expect(csp).toMatch(/frame-ancestors 'self'$/);
    expect(top.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    expect(top.headers()["vary"]).toMatch(/Sec-Fetch-Dest/i);
    expect(await top.text()).not.toContain('data-embed="true"');

    const framed = await request.get(`/?${answers}`, { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(framed.headers()["content-security-policy"]).toMatch(/frame-ancestors \*$/);
    expect(framed.headers()["x-frame-options"]).toBeUndefined();
    expect(framed.headers()["vary"]).toMatch(/Sec-Fetch-Dest/i);
    expect(await framed.text()).toContain('data-embed="true"');
    // The same URL top-level again: never the cached framed page.
    const again = await request.get(`/?${answers}`);
    expect(await again.text()).not.toContain('data-embed="true"');
    expect(again.headers()["content-security-policy"]).toMatch(/frame-ancestors 'self'$/);

    const strict = await request.get(`${strictSite}/compare?${answers}`, { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(strict.headers()["content-security-policy"]).toMatch(/frame-ancestors 'self' https:\/\/wiki\.example\.com$/);
    // The sources page has no framed view: it stays a top-level page.
    const sources = await request.get("/sources", { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(await sources.text()).not.toContain('data-embed="true"');
  });

  test("/embed/ redirects to /embed, keeping the query", async ({ request }) => {
    for (const [from, to] of [
      ["/embed/", "/embed"],
      ["/embed/?duration=hours", "/embed?duration=hours"],
      ["/embed/compare/", "/embed/compare"],
    ]) {
      const res = await request.get(from, { maxRedirects: 0 });
      expect(res.status(), from).toBe(301);
      expect(res.headers()["location"], from).toMatch(new RegExp(`^(${site})?${to.replace(/[?]/g, "\\?")}$`));
    }
  });
});

test("theme=dark paints the framed view dark whatever the reader's system says", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(host(`${site}/?${answers}&theme=dark`));
  const frame = advisorFrame(page);
  await expect(frame.locator('[data-embed="true"]')).toBeVisible();
  await expect(frame.locator("html")).toHaveClass(/\bdark\b/);
  const bg = await frame.locator('[data-embed="true"]').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(bg).toBe("rgb(11, 17, 32)");
  // The link out drops the frame's theme; the short link inside keeps the answers.
  await expect(frame.getByRole("link", { name: /Open the full view/ })).toHaveAttribute("href", `/?${answers}`);
  // theme=light wins over a dark system setting.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(host(`${site}/?${answers}&theme=light`));
  await expect(advisorFrame(page).locator("html")).toHaveClass(/\blight\b/);
  const light = await advisorFrame(page).locator('[data-embed="true"]').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(light).toBe("rgb(248, 250, 252)");
});

test("axe finds nothing in the framed view, light and dark", async ({ page }, info) => {
  test.slow();
  await page.goto(`/embed?${answers}&rate=450`);
  await expect(page.locator('[data-embed="true"]')).toBeVisible();
  await expectAccessible(page, info);
});

test("the Embed disclosure gives the snippet for the current answers", async ({ page }, info) => {
  await page.goto(`/?${answers}`);
  await page.getByText("Embed in a wiki page").click();
  const code = page.getByTestId("embed-code");
  await expect(code).toContainText(`src="${site}/embed?${answers.replace("&", "&amp;")}"`);
  if (hasJs(info)) {
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
    await page.getByLabel("Theme", { exact: true }).selectOption("dark");
    await expect(code).toContainText(`/embed?${answers.replace("&", "&amp;")}&amp;theme=dark`);
  }
});

test.describe("oEmbed", () => {
  test("answers rich iframes for advisor, compare and short links", async ({ request }) => {
    for (const [url, embed] of [
      [`${site}/?duration=hours`, "/embed?duration=hours"],
      [`${site}/compare?duration=days&options=durable-functions,step-functions-standard`, "/embed/compare?duration=days&amp;options=durable-functions,step-functions-standard"],
    ]) {
      const res = await request.get(`/oembed?format=json&url=${encodeURIComponent(url)}`);
      expect(res.status(), url).toBe(200);
      const body = await res.json();
      expect(body.type).toBe("rich");
      expect(body.version).toBe("1.0");
      expect(body.html).toContain(`<iframe src="${site}${embed}"`);
      expect(body.width).toBeGreaterThan(0);
    }
    const short = (await (await request.get("/api/v1/recommendation?duration=days")).json()).links.short;
    const res = await request.get(`/oembed?url=${encodeURIComponent(site + short)}`);
    expect(res.status()).toBe(200);
    expect((await res.json()).html).toContain(`<iframe src="${site}/embed${short}"`);
  });

  test("foreign or malformed URLs are 404 or 400, never 500", async ({ request }) => {
    const cases: [string, number][] = [
      ["url=" + encodeURIComponent("https://evil.example.com/?duration=hours"), 404],
      ["url=" + encodeURIComponent(`${site}/sources`), 404],
      ["url=" + encodeURIComponent(`${site}/r/garbage`), 404],
      ["url=not-a-url", 400],
      ["url=" + encodeURIComponent("javascript:alert(1)"), 400],
      ["", 400],
      ["url=%ZZ", 400],
      ["url=" + encodeURIComponent(`${site}/`) + "&maxwidth=wide", 400],
      ["url=" + encodeURIComponent(`${site}/`) + "&format=xml", 501],
    ];
    for (const [query, status] of cases) {
      const res = await request.get(`/oembed?${query}`);
      expect(res.status(), query).toBe(status);
    }
  });
});
