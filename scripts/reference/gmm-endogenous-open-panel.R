# Does plm 2.6 pgmm estimate the replication page's Table 7 with the DSTRI endogenous on the whole open panel (China's
# exports, 2008-2024)? No: both models stop with "system is exactly singular". The cause is the sample, not the model:
# in the years without the DSTRI (before 2014) or without exports (after 2020) no partner-year is usable, so those
# years' time dummies are all zero. The engine drops those time effects with a note and goes on (its estimates are
# then weakly identified and unchecked); the page therefore estimates the option on the years where both exist, where
# plm runs and the engine equals it (scripts/reference/gmm-table7-overlap.R). Reproduce:
#   node bin/dtb.js panel --out /tmp/panel.csv && Rscript scripts/reference/gmm-endogenous-open-panel.R /tmp/panel.csv
suppressPackageStartupMessages(library(plm))
path <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(path)) stop("usage: Rscript scripts/reference/gmm-endogenous-open-panel.R PANEL.csv")
pd <- pdata.frame(read.csv(path), index = c("iso3", "year"))
f <- lnexport_cn ~ lag(lnexport_cn, 1) + lag(dstri, 1) + lngdp + lnpopu + lngov + urban | lag(lnexport_cn, 2:99) + lag(dstri, 2:99)
for (tr in c("d", "ld")) {
  res <- tryCatch({
    m <- suppressWarnings(pgmm(f, data = pd, effect = "twoways", model = "twosteps", transformation = tr, collapse = TRUE))
    paste("estimated:", paste(sprintf("%.6g", coef(m)[1:6]), collapse = " "))
  }, error = function(e) paste("plm stops:", conditionMessage(e)))
  cat(if (tr == "d") "difference GMM" else "system GMM", "-", res, "\n")
}
