import {openSession, visit} from "./tests/browser/harness.ts";
const [, , ...specs] = process.argv;
const s = await openSession();
const page = await s.newPage();
for (const spec of specs) {
  // name|path|width|height|scrollSelector|action
  const [name, path, w, h, sel, action] = spec.split("|");
  await page.setViewportSize({width: Number(w), height: Number(h)});
  await visit(page, s.url(path));
  if (action) await page.evaluate(action);
  await page.waitForTimeout(300);
  if (sel) await page.$eval(sel, (e) => e.scrollIntoView({block: "start"}));
  await page.screenshot({path: `/tmp/shot_${name}.png`});
  console.log("shot", name);
}
await s.close();
