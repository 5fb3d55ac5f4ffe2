import { test, expect, hasJs, expectAccessible } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3005);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 3006);
const strictPort = Number(process.env.E2E_STRICT_PORT ?? port + 2);
const site = `http://127.0.0.1:${port}`;
const host = (src: string) => `http://127.0.0.1:${hostPort}/?src=${encodeURIComponent(src)}`;

for (const path of ["/embed?duration=hours", "/embed/compare?duration=hours"]) {
  test(`a page on another origin frames ${path}`, async ({ page }, info) => {
    await page.goto(host(`${site}${path}`));
    const frame = page.frameLocator("#advisor");
    await expect(frame.locator('[data-embed="true"]')).toBeVisible();
    await expect(frame.getByRole("link", { name: /Open the full view/ })).toHaveAttribute("href", /duration=hours/);
    // No site header or footer inside the frame.
    await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    if (hasJs(info)) {
      // The frame reports its height and the host's snippet applies it.
      await expect.poll(() => page.evaluate(() => (window as any).heights.length)).toBeGreaterThan(0);
      const height = await page.evaluate(() => document.getElementById("advisor")!.getBoundingClientRect().height);
      expect(height).toBeGreaterThan(300);
    }
  });
}

test("the framed advisor answers questions and stays usable at 320 px", async ({ page }, info) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(host(`${site}/embed?theme=dark`));
  const frame = page.frameLocator("#advisor");
  await frame.locator('label[for="q-coordination-independent"]').click();
  if (!hasJs(info)) {
    await frame.getByRole("button", { name: "Show recommendation" }).click();
  }
  await expect(frame.getByTestId("ranking").locator("li").first()).toHaveAttribute("data-option", "eventbridge-lambda");
  // The theme survives answer changes.
  const url = await frame.locator("body").evaluate(() => location.search);
  expect(url).toContain("theme=dark");
  const overflow = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** The browser logs each refused frame as a console error: expected here, and only here. */
function takeFramingErrors(consoleErrors: string[]) {
  const framing = consoleErrors.filter((e) => /frame-ancestors/.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/frame-ancestors/.test(e)));
  return framing;
}

test("the full site refuses to be framed by another origin", async ({ page, consoleErrors }) => {
  const errors = consoleErrors;
  await page.goto(host(`${site}/?duration=hours`));
  const frame = page.frameLocator("#advisor");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveCount(0);
  await expect.poll(() => errors.some((e) => /frame-ancestors 'self'/.test(e))).toBe(true);
  takeFramingErrors(errors);
});

test("with --embed-origins set to another origin the embed view is refused", async ({ page, consoleErrors }) => {
  const errors = consoleErrors;
  await page.goto(host(`http://127.0.0.1:${strictPort}/embed`));
  const frame = page.frameLocator("#advisor");
  await expect(frame.locator('[data-embed="true"]')).toHaveCount(0);
  await expect.poll(() => errors.some((e) => /wiki\.example\.com/.test(e))).toBe(true);
  takeFramingErrors(errors);
});

test("axe finds nothing inside the frame, light and dark", async ({ page }, info) => {
  test.setTimeout(90_000);
  for (const theme of ["light", "dark"]) {
    await page.goto(host(`${site}/embed?duration=hours&waits=human&theme=${theme}`));
    await expect(page.frameLocator("#advisor").locator('[data-embed="true"]')).toBeVisible();
    await page.goto(`/embed?duration=hours&waits=human&theme=${theme}`);
    await expectAccessible(page, info);
    await page.goto(`/embed/compare?duration=hours&theme=${theme}`);
    await expectAccessible(page, info);
  }
});

test("the Embed disclosure gives the snippet for the current answers", async ({ page }, info) => {
  await page.goto("/?duration=hours");
  await page.getByText("Embed in a wiki page").click();
  const code = page.getByTestId("embed-code");
  await expect(code).toContainText(`src="${site}/embed?duration=hours"`);
  if (hasJs(info)) {
    await page.getByLabel("Theme", { exact: true }).selectOption("dark");
    await expect(code).toContainText("/embed?duration=hours&amp;theme=dark");
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
    const page = await request.get("/api/v1/recommendation?duration=days");
    const short = (await page.json()).links.short;
    const res = await request.get(`/oembed?url=${encodeURIComponent(site + short)}`);
    expect(res.status()).toBe(200);
    expect((await res.json()).html).toContain("/embed?duration=days");
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

  test("pages carry the oEmbed discovery link", async ({ page }) => {
    await page.goto("/?duration=hours");
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute("href");
    expect(href).toContain("/oembed?format=json&url=");
  });
});
