// Types of the bundled @stdlib distribution functions (scripts/vendor-stdlib.mjs), as in the packages' own docs.
/** Student's t CDF, P(T <= x) with `v` degrees of freedom (@stdlib/stats-base-dists-t-cdf). */
export declare function tcdf(x: number, v: number): number;
/** Student's t quantile for probability `p` with `v` degrees of freedom (@stdlib/stats-base-dists-t-quantile). */
export declare function tQuantile(p: number, v: number): number;
/** Normal CDF with mean `mu` and standard deviation `sigma` (@stdlib/stats-base-dists-normal-cdf). */
export declare function normalCdf(x: number, mu: number, sigma: number): number;
/** Chi-square CDF with `k` degrees of freedom (@stdlib/stats-base-dists-chisquare-cdf). */
export declare function chisqCdf(x: number, k: number): number;
