# The one check of the issue-24 engine pieces against the REAL fixest (not run in CI, which has no fixest): leads
# with fixest's own f() in feols, and the within SD as sd(resid(feols(x ~ 1 | country + year))). Prints JSON.
#   R_LIBS=/tmp/Rlib Rscript scripts/reference/inference-fixest.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
d <- read.csv(file.path(root, "tests", "fixtures", "unbalanced_gaps.csv"), na.strings = "NA")
setFixest_nthreads(1)
one <- function(m) list(coef = unname(coef(m)), se = unname(se(m)), nobs = nobs(m))
leads <- list(
  lead1_twfe_cl = one(feols(y ~ f(dstri, 1) + dstri + lngdp | country + year, d, panel.id = ~country + year, cluster = ~country, fixef.tol = 1e-11)),
  lead2_lag_twfe_hetero = one(feols(y ~ f(dstri, 2) + l(dstri, 1) + lngdp + urban | country + year, d, panel.id = ~country + year, vcov = "hetero", fixef.tol = 1e-11)),
  lead1_fe1_iid = one(feols(y ~ f(dstri, 1) | country, d, panel.id = ~country + year, vcov = "iid", fixef.tol = 1e-11))
)
# within SD on the estimation sample of y ~ dstri + lngdp | country + year
s <- d[complete.cases(d[, c("y", "dstri", "lngdp")]), ]
within <- list(dstri = sd(resid(feols(dstri ~ 1 | country + year, s, fixef.tol = 1e-11))),
               lngdp = sd(resid(feols(lngdp ~ 1 | country + year, s, fixef.tol = 1e-11))))
cat(toJSON(list(fixest = as.character(packageVersion("fixest")), leads = leads, within = within), digits = NA, auto_unbox = TRUE))
