import { test, expect, hasJs, ready, expectAccessibleInBothThemes } from "./fixtures";

// axe on /sources (the longest page) runs in sources.spec.ts, with more time.
const pages = [
  { path: "/", heading: /Which AWS orchestration approach/, axe: true },
  { path: "/compare", heading: /Compare/, axe: true },
  { path: "/sources", heading: /Sources/, axe: false },
];

for (const { path, heading, axe } of pages) {
  test(`${path} renders the shell${axe ? " and passes axe in both themes" : ""}`, async ({ page }, info) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await ready(page, info);
    await expect(page.getByRole("link", { name: "Orchestration Advisor" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Advisor", "Compare", "Sources"]) {
      await expect(nav.getByRole("link", { name })).toBeVisible();
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("contentinfo")).toBeVisible();
    if (axe) await expectAccessibleInBothThemes(page, info);
  });
}

test("navigation moves between pages and marks the current one", async ({ page }, info) => {
  await page.goto("/");
  await ready(page, info);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(nav.getByRole("link", { name: "Compare" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Sources" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await nav.getByRole("link", { name: "Advisor" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Which AWS orchestration approach/);
});

test("unknown paths get the 404 page with status 404 and a way back", async ({ page }, info) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await page.getByRole("link", { name: "Back to the advisor" }).click();
  await expect(page).toHaveURL(/\/$/);
  await ready(page, info);
});

test("the theme toggle switches and remembers the choice", async ({ page }, info) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Switch between light and dark theme" });
  if (!hasJs(info)) {
    // Without JavaScript the page follows the system setting and offers no dead button.
    await expect(toggle).toBeHidden();
    return;
  }
  await ready(page, info);
  await page.emulateMedia({ colorScheme: "light" });
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(11, 17, 32)");
  await page.reload();
  await ready(page, info);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await toggle.click();
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
});

test("the layout never scrolls sideways at 320 px (WCAG reflow)", async ({ page }, info) => {
  await page.setViewportSize({ width: 320, height: 800 });
  // The rich answer set makes a long short link, which once pushed the page 181 px wide.
  const rich = "/?duration=36h&rate=450&steps=12&payload=40&fanout=200&cost=matters&waits=human";
  for (const path of ["/", "/compare", "/sources", "/whatif", "/?duration=hours&waits=human", rich, `/compare${rich.slice(1)}`]) {
    await page.goto(path);
    await ready(page, info);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("scripts run under a hash-based CSP: no unsafe-inline, no nonce, no violation", async ({ page }, info) => {
  // The fixture fails the test on any CSP violation; this checks the policy that made none.
  for (const path of ["/", "/compare", "/sources", "/embed"]) {
    const res = await page.goto(path);
    const csp = res!.headers()["content-security-policy"];
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc, path).toMatch(/'sha256-[A-Za-z0-9+/]+=*'/);
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    expect(scriptSrc, path).not.toContain("nonce-");
    await ready(page, info);
  }
});
