# Reference numbers for GMM with an endogenous regressor (issue 24): plm 2.6 pgmm with the regressor's own lags as
# GMM-style instruments beside the outcome's,
#   pgmm(y ~ lag(y, 1) + dstri + lngdp | lag(y, 2:99) + lag(dstri, 2:99), ...)
# (plm then drops dstri from the IV-style instruments; lngdp stays one). Writes
# tests/fixtures/gmm-endogenous/{panel.csv,expected.json}:
#   Rscript scripts/reference/gmm-endogenous.R        (from the repository root)
# The panel is synthetic: 50 partners x 9 years, y_t = 0.5 y_(t-1) + 0.3 dstri_t + 0.2 lngdp_t + a_i + e_t, with
# dstri correlated with e_t (feedback), a few missing cells and two partners entering late.
suppressPackageStartupMessages({library(plm); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
outdir <- file.path(root, "tests", "fixtures", "gmm-endogenous")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

set.seed(24)
N <- 50; Tn <- 9; years <- 2012:(2012 + Tn - 1)
ids <- sprintf("P%02d", seq_len(N))
rows <- list()
for (i in seq_len(N)) {
  a <- rnorm(1); y <- a / 0.5 + rnorm(1); d <- runif(1, 0.05, 0.3)
  for (t in seq_len(Tn)) {
    e <- rnorm(1, 0, 0.3)
    d <- d + 0.02 * rnorm(1) + 0.05 * e              # feedback: dstri moves with the current shock
    g <- rnorm(1)
    y <- 0.5 * y + 0.3 * d + 0.2 * g + a + e
    rows[[length(rows) + 1]] <- data.frame(country = ids[i], year = years[t], y = round(y, 6), dstri = round(d, 6), lngdp = round(g, 6))
  }
}
p <- do.call(rbind, rows)
p <- p[!(p$country %in% c("P07", "P19") & p$year < 2014), ]   # late entrants
p$y[c(40, 200)] <- NA; p$dstri[c(120)] <- NA; p$lngdp[c(333)] <- NA
write.csv(p, file.path(outdir, "panel.csv"), row.names = FALSE, na = "NA")

pd <- pdata.frame(p, index = c("country", "year"))
cases <- list(
  list(id = "diff_all", tr = "d", collapse = FALSE, r = "y ~ lag(y, 1) + dstri + lngdp | lag(y, 2:99) + lag(dstri, 2:99)",
       x = c("L.y", "dstri", "lngdp"), endo = c("dstri")),
  list(id = "diff_collapsed", tr = "d", collapse = TRUE, r = "y ~ lag(y, 1) + dstri + lngdp | lag(y, 2:99) + lag(dstri, 2:99)",
       x = c("L.y", "dstri", "lngdp"), endo = c("dstri")),
  list(id = "sys_collapsed", tr = "ld", collapse = TRUE, r = "y ~ lag(y, 1) + dstri + lngdp | lag(y, 2:99) + lag(dstri, 2:99)",
       x = c("L.y", "dstri", "lngdp"), endo = c("dstri")),
  list(id = "diff_lagged_collapsed", tr = "d", collapse = TRUE, r = "y ~ lag(y, 1) + lag(dstri, 1) + lngdp | lag(y, 2:99) + lag(dstri, 2:99)",
       x = c("L.y", "L.dstri", "lngdp"), endo = c("dstri"))
)
out <- lapply(cases, function(cs) {
  m <- pgmm(as.formula(cs$r), data = pd, effect = "twoways", model = "twosteps", transformation = cs$tr, collapse = cs$collapse)
  s <- summary(m, robust = TRUE)
  ct <- s$coefficients
  k <- length(cs$x)
  V <- vcovHC(m)[seq_len(k), seq_len(k)]
  list(id = cs$id, call = cs$r,
       spec = list(id = "country", time = "year", y = "y", x = as.list(cs$x),
                   estimator = if (cs$tr == "d") "gmm-diff" else "gmm-sys", effect = "twoways",
                   gmm = list(instruments = "y", lags = c(2, 99), collapse = cs$collapse, endogenous = as.list(cs$endo))),
       expected = list(coef = unname(ct[seq_len(k), 1]), se = unname(ct[seq_len(k), 2]), z = unname(ct[seq_len(k), 3]),
                       pvalue = unname(ct[seq_len(k), 4]), vcov = unname(V),
                       hansen = list(statistic = unname(s$sargan$statistic), df = unname(s$sargan$parameter), pvalue = unname(s$sargan$p.value)),
                       ar1 = list(statistic = unname(s$m1$statistic), pvalue = unname(s$m1$p.value)),
                       ar2 = list(statistic = unname(s$m2$statistic), pvalue = unname(s$m2$p.value)),
                       n_instruments = ncol(m$W[[1]]),
                       nobs = sum(unlist(lapply(residuals(m), function(e) sum(e != 0))))))
})
writeLines(toJSON(list(meta = list(generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
                                   plm = as.character(packageVersion("plm")), R = R.version.string,
                                   script = "scripts/reference/gmm-endogenous.R"),
                       models = out), digits = NA, auto_unbox = TRUE, pretty = FALSE),
           file.path(outdir, "expected.json"))
for (o in out) cat(sprintf("%-22s coef %s  J p=%.3f  inst=%d\n", o$id, paste(sprintf("%.4f", o$expected$coef), collapse = " "), o$expected$hansen$pvalue, o$expected$n_instruments))
