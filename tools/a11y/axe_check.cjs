// Run axe-core on pages of the running site in headless chromium; print violations by impact.
// Usage: see run.sh. Arguments: base URL, then paths (default: both section indexes and their newest article).
const fs = require("fs");
const path = require("path");
const modules = process.env.A11Y_NODE_MODULES;
const puppeteer = require(path.join(modules, "puppeteer-core"));
const axeSource = fs.readFileSync(path.join(modules, "axe-core", "axe.min.js"), "utf8");

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const BLOCKING = new Set(["serious", "critical"]);
const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function firstArticle(page, base, indexPath) {
  await page.goto(base + indexPath, { waitUntil: "load" });
  const href = await page.$eval(".cms-card__title a", (a) => a.getAttribute("href")).catch(() => null);
  return href ? new URL(href, base).pathname : null;
}

(async () => {
  const [base, ...given] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844 }); // a phone first, as most readers are
  let paths = given;
  if (paths.length === 0) {
    paths = ["/tin-tuc/", "/tap-huan/"];
    for (const index of ["/tin-tuc/", "/tap-huan/"]) {
      const article = await firstArticle(page, base, index);
      if (article) paths.push(article);
    }
    // The shop: home, catalogue (filtered, and a search with no match), a product, basket, forms.
    paths.push("/", "/shop/catalogue/", "/shop/catalogue/?province=01&stars_min=4", "/shop/search/?q=khong+co+gi",
      "/shop/basket/", "/shop/seller/apply/", "/shop/checkout/order-status/", "/shop/accounts/register/");
    await page.goto(new URL("/shop/catalogue/", base).href);
    const product = await page.$eval(".card__title a", (a) => a.getAttribute("href")).catch(() => null);
    if (product) paths.push(new URL(product, base).pathname);
  }
  const report = [];
  let blocking = 0;
  for (const p of paths) {
    const response = await page.goto(base + p, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(
      (tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }),
      RULE_TAGS,
    );
    const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    blocking += violations.filter((v) => BLOCKING.has(v.impact)).length;
    report.push({ path: p, status: response.status(), passes: result.passes.length, violations });
    const summary = `${violations.length} violation(s), ${result.passes.length} rules passed`;
    console.log(`${p} (HTTP ${response.status()}): ${summary}`);
    for (const v of violations) console.log(`  [${v.impact}] ${v.id} ×${v.nodes}: ${v.help} — ${v.targets.join(", ")}`);
  }
  await browser.close();
  if (process.env.A11Y_JSON) fs.writeFileSync(process.env.A11Y_JSON, JSON.stringify(report, null, 2));
  console.log(blocking ? `${blocking} serious or critical violation(s).` : "No serious or critical violations.");
  process.exit(blocking ? 1 : 0);
})().catch((error) => { console.error(error); process.exit(2); });
