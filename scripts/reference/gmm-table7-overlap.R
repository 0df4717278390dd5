# Reference numbers for the replication page's Table 7 on the years where the DSTRI and exports both exist
# (2014-2020 in the shipped snapshot): plm 2.6 pgmm, two-step, collapsed, twoways, for difference and system GMM
# with L.dstri exogenous (the page's Table 7) and with the DSTRI endogenous (its own lags 2:99 as GMM instruments,
# the page's option). Outside these years every partner-year lacks the DSTRI or exports, so their time dummies are
# all zero and pgmm stops with "system is exactly singular" (scripts/reference/gmm-endogenous-open-panel.R); on the
# cut panel it estimates all four models. Writes tests/fixtures/gmm-table7-overlap/expected.json:
#   node bin/dtb.js panel --out /tmp/panel.csv && Rscript scripts/reference/gmm-table7-overlap.R /tmp/panel.csv
# (from the repository root; the test rebuilds the same panel offline from the shipped snapshot).
suppressPackageStartupMessages({library(plm); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
path <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(path)) stop("usage: Rscript scripts/reference/gmm-table7-overlap.R PANEL.csv (from: node bin/dtb.js panel --out PANEL.csv)")
outdir <- file.path(root, "tests", "fixtures", "gmm-table7-overlap")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

d <- read.csv(path)
both <- d$year[!is.na(d$dstri) & !is.na(d$lnexport_cn)]
years <- c(min(both), max(both))
d <- d[d$year >= years[1] & d$year <= years[2], ]
pd <- pdata.frame(d, index = c("iso3", "year"))

x <- c("L.lnexport_cn", "L.dstri", "lngdp", "lnpopu", "lngov", "urban")
rhs <- "lnexport_cn ~ lag(lnexport_cn, 1) + lag(dstri, 1) + lngdp + lnpopu + lngov + urban"
cases <- list(
  list(id = "diff_exo", tr = "d", inst = "lag(lnexport_cn, 2:99)", endo = list()),
  list(id = "sys_exo", tr = "ld", inst = "lag(lnexport_cn, 2:99)", endo = list()),
  list(id = "diff_endo", tr = "d", inst = "lag(lnexport_cn, 2:99) + lag(dstri, 2:99)", endo = list("dstri")),
  list(id = "sys_endo", tr = "ld", inst = "lag(lnexport_cn, 2:99) + lag(dstri, 2:99)", endo = list("dstri"))
)
k <- length(x)
out <- lapply(cases, function(cs) {
  f <- paste(rhs, "|", cs$inst)
  m <- pgmm(as.formula(f), data = pd, effect = "twoways", model = "twosteps", transformation = cs$tr, collapse = TRUE)
  s <- summary(m, robust = TRUE)   # robust = Windmeijer (2005) for two-step, as the engine reports
  ct <- s$coefficients
  gmm <- list(instruments = "y", lags = c(2, 99), collapse = TRUE)
  if (length(cs$endo) > 0) gmm$endogenous <- cs$endo
  list(id = cs$id, call = f,
       spec = list(id = "iso3", time = "year", y = "lnexport_cn", x = as.list(x),
                   estimator = if (cs$tr == "d") "gmm-diff" else "gmm-sys", effect = "twoways", gmm = gmm),
       expected = list(coef = unname(ct[seq_len(k), 1]), se = unname(ct[seq_len(k), 2]),
                       hansen = list(statistic = unname(s$sargan$statistic), df = unname(s$sargan$parameter), pvalue = unname(s$sargan$p.value)),
                       ar1 = list(statistic = as.numeric(s$m1$statistic), pvalue = as.numeric(s$m1$p.value)),
                       ar2 = list(statistic = as.numeric(s$m2$statistic), pvalue = as.numeric(s$m2$p.value)),
                       n_instruments = ncol(m$W[[1]]),
                       nobs = sum(unlist(lapply(residuals(m), function(e) sum(e != 0))))))
})
writeLines(toJSON(list(meta = list(generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"),
                                   plm = as.character(packageVersion("plm")), R = R.version.string,
                                   script = "scripts/reference/gmm-table7-overlap.R",
                                   years = years, partners = length(unique(d$iso3))),
                       models = out), digits = NA, auto_unbox = TRUE, na = "null", pretty = FALSE),
           file.path(outdir, "expected.json"))
for (o in out) cat(sprintf("%-10s coef %s  J p=%.3f  inst=%d nobs=%d\n", o$id, paste(sprintf("%.6g", o$expected$coef), collapse = " "), o$expected$hansen$pvalue, o$expected$n_instruments, o$expected$nobs))
