/**
 * Checking a typed numeric answer: accepts "0.25", "-1,5" (decimal comma), "−0.3" (Unicode minus), "12%".
 * Example: `checkAnswer("0.49", 0.4878, 0.01)` -> "right"; `checkAnswer("abc", 1, 0.1)` -> "invalid".
 */
export function parseAnswer(text: string): number {
  const t = text.trim().replace(/\u2212/g, "-").replace(/%$/, "").replace(/^\+/, "").replace(",", ".").trim();
  return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t) ? Number(t) : NaN;
}

export function checkAnswer(text: string, answer: number, tolerance: number): "right" | "wrong" | "invalid" {
  const v = parseAnswer(text);
  if (!Number.isFinite(v)) return "invalid";
  return Math.abs(v - answer) <= tolerance + 1e-12 ? "right" : "wrong";
}
