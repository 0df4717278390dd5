# The real fixest on the trade-shaped multi-way models of trade.R (tests/fixtures/trade_fe.csv and the
# specs of trade_fe.reference.json): feols with the same fixed effects (3 and 4 dimensions, combined
# `a^b` effects) and vcov (iid, hetero, cluster by origin, two-way origin + destination), printed as
# JSON on stdout: per model, coefficients, standard errors and the vcov, with fixest's default demeaning
# tolerance (fixef.tol = 1e-6) and a tight one (1e-11; fixest refuses below 2.2e-12). Needs fixest (not in CI):
#   R_LIBS=/tmp/Rlib Rscript scripts/reference/trade-fixest.R > /tmp/trade-fixest.json
# Used by tests/lib/engine/trade-fixest.test.ts, which is skipped when library(fixest) does not load.
suppressMessages({library(fixest); library(jsonlite)})
setFixest_nthreads(1)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
fixdir <- file.path(here, "..", "..", "tests", "fixtures")
d <- read.csv(file.path(fixdir, "trade_fe.csv"), stringsAsFactors = FALSE,
              colClasses = c(origin = "character", destination = "character", product = "character", flow = "character"))
ref <- fromJSON(file.path(fixdir, "trade_fe.reference.json"), simplifyVector = FALSE)
fit <- function(spec, tol) {
  fml <- as.formula(paste("y ~", paste(unlist(spec$x), collapse = " + "), "|", paste(unlist(spec$fe), collapse = " + ")))
  v <- spec$vcov
  vc <- if (is.character(v)) v else as.formula(paste("~", paste(unlist(v$cluster), collapse = " + ")))
  m <- feols(fml, d, vcov = vc, fixef.tol = tol, fixef.iter = 100000, notes = FALSE)
  list(coef = unname(coef(m)), se = unname(se(m)), vcov = unname(vcov(m)), nobs = nobs(m), fixest = as.character(packageVersion("fixest")))
}
out <- lapply(ref$models, function(m) list(id = m$id, default = fit(m$spec, 1e-6), tight = fit(m$spec, 1e-11)))
cat(toJSON(out, digits = NA, auto_unbox = TRUE))
