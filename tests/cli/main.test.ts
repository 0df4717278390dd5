import {describe, expect, it, vi} from "vitest";
import {main} from "../../cli/main.ts";

describe("dtb dispatcher", () => {
  it("rejects an unknown command with one line and exit code 2", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await main(["frobnicate"])).toBe(2);
    expect(err.mock.calls[0][0]).toMatch(/^dtb: unknown command "frobnicate" \(try: .*\)\n$/);
    err.mockRestore();
  });
});
