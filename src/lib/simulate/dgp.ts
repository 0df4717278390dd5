/**
 * Data-generating processes of the labs, exactly as README.md ("Classroom simulation labs") states them.
 * Rows are sorted by country then year (row = i*T + t), which the engine's two-way demeaning and clustering
 * handle with their fast paths. Every draw comes from the one seeded RNG (src/lib/random/rng.ts) through the
 * portable normal of normal.ts, in a fixed order, so a seed gives the same panel in Node, a page and a worker.
 */
import type {Rng} from "../random/rng.js";
import type {Params} from "./labs.js";
import {portableExp} from "../random/portable-exp.js";
import {normalSource} from "./normal.js";

export interface SimPanel {
  N: number;
  T: number;
  y: Float64Array;
  x: Float64Array;
}

/**
 * `fe`: y_it = beta x_it + a_i + g_t + e_it, x_it = corr a_i + u_it; a, g, u, e iid N(0, 1).
 * Draw order: a_1..a_N, g_1..g_T, then per row (i, t): u_it, e_it.
 */
export function drawFe(rng: Rng, p: Params): SimPanel {
  const normal = normalSource(rng);
  const {N, T, beta, corr} = p;
  const a = new Float64Array(N);
  const g = new Float64Array(T);
  for (let i = 0; i < N; i++) a[i] = normal();
  for (let t = 0; t < T; t++) g[t] = normal();
  const n = N * T;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < N; i++)
    for (let t = 0; t < T; t++) {
      const r = i * T + t;
      x[r] = corr * a[i] + normal();
      y[r] = beta * x[r] + a[i] + g[t] + normal();
    }
  return {N, T, y, x};
}

/**
 * `cluster`: y_it = beta x_it + a_i + g_t + e_it; x and e each a stationary AR(1) within country with unit
 * variance: z_i1 ~ N(0, 1), z_it = rho z_i,t-1 + sqrt(1 - rho^2) v_it. a_i, g_t iid N(0, 1).
 * Draw order: a, g, then per row (i, t): innovation of x, innovation of e.
 */
export function drawCluster(rng: Rng, p: Params): SimPanel {
  const normal = normalSource(rng);
  const {N, T, beta, rho_x, rho_e} = p;
  const a = new Float64Array(N);
  const g = new Float64Array(T);
  for (let i = 0; i < N; i++) a[i] = normal();
  for (let t = 0; t < T; t++) g[t] = normal();
  const sx = Math.sqrt(1 - rho_x * rho_x);
  const se = Math.sqrt(1 - rho_e * rho_e);
  const n = N * T;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    let xv = 0;
    let ev = 0;
    for (let t = 0; t < T; t++) {
      const vx = normal();
      const ve = normal();
      // First period from the stationary distribution N(0, 1); then the AR(1) recursion.
      xv = t === 0 ? vx : rho_x * xv + sx * vx;
      ev = t === 0 ? ve : rho_e * ev + se * ve;
      const r = i * T + t;
      x[r] = xv;
      y[r] = beta * xv + a[i] + g[t] + ev;
    }
  }
  return {N, T, y, x};
}

/**
 * `nickell`: y_it = rho y_i,t-1 + a_i + e_it, a, e iid N(0, 1), y_i0 = a_i/(1 - rho) + e_i0/sqrt(1 - rho^2)
 * (the stationary distribution). Returns T + 1 periods per country (t = 0..T, row = i*(T+1) + t); the models
 * are estimated on t = 1..T with y_i0 as the first lag. Draw order per country: a_i, e_i0, e_i1..e_iT.
 */
export function drawNickell(rng: Rng, p: Params): {N: number; T: number; y: Float64Array} {
  const normal = normalSource(rng);
  const {N, T, rho} = p;
  const P = T + 1;
  const y = new Float64Array(N * P);
  const s0 = 1 / Math.sqrt(1 - rho * rho);
  for (let i = 0; i < N; i++) {
    const a = normal();
    let prev = a / (1 - rho) + normal() * s0;
    y[i * P] = prev;
    for (let t = 1; t <= T; t++) {
      prev = rho * prev + a + normal();
      y[i * P + t] = prev;
    }
  }
  return {N, T, y};
}

/**
 * `gravity` (Santos Silva & Tenreyro 2006, "The log of gravity", REStat 88(4)): a cross-section of N flows
 *   y_i = exp(beta0 + beta x_i) eta_i,  x_i ~ U(0, 2),  ln eta_i ~ N(-s(x_i)/2, s(x_i)),  s(x) = s0 + s1 x,
 * so E[eta | x] = 1 (E[y | x] = exp(beta0 + beta x)) while Var(ln eta | x) = s(x) grows with x: the
 * heteroskedasticity that biases log-linear OLS (E[ln eta | x] = -s0/2 - s1 x/2 is linear in x, so the OLS
 * slope of ln y on x has mean beta - s1/2 at any N). Draw order per flow: uniform for x, then a normal.
 * exp is `portableExp` (Math.exp's last bit differs between Node and Chromium), so a seed gives the CLI's flows.
 */
export function drawGravity(rng: Rng, p: Params): {N: number; y: Float64Array; x: Float64Array} {
  const normal = normalSource(rng);
  const {N, beta0, beta, s0, s1} = p;
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const xi = 2 * rng.uniform();
    const s = s0 + s1 * xi;
    const lnEta = -s / 2 + Math.sqrt(s) * normal();
    x[i] = xi;
    y[i] = portableExp(beta0 + beta * xi + lnEta);
  }
  return {N, y, x};
}
