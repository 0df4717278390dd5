// Run after `npm install` changes the lock: the registry here lacks some optional platform builds, so npm leaves them out of the lock,
// and `npm ci` then reports the lock "out of sync". Add a stub entry (os/cpu only) for each missing
// optional dependency so npm ci sees the edge satisfied and skips the package on this platform.
import {readFileSync, writeFileSync} from "node:fs";
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
const OS = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony", "cygwin"];
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    // resolution: nested first, then hoisted
    const nested = `${path ? path + "/" : ""}node_modules/${name}`;
    if (pkgs[nested] || pkgs[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os && !cpu) { console.error("not a platform package:", name); continue; }
    const entry = {version: spec.replace(/^[\^~=]/, ""), optional: true};
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (parts.includes("musl")) entry.libc = ["musl"];
    if (parts.includes("gnu")) entry.libc = ["glibc"];
    pkgs[`node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log("added", added);
