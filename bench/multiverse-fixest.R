# fixest's multiple estimation of the multiverse default grid (bench/multiverse.ts runs this when
# library(fixest) loads; the reference of issue #8's speed target). Single-threaded: setFixest_nthreads(1).
#
# The whole OLS/FE grid is expressed with fixest's own multiple estimation:
#   feols(y ~ KEY + mvsw(5 controls) | sw0(iso3, year, iso3 + year), fsplit = ~group)
#   = 32 control subsets x 4 fixed-effect choices x 3 partner samples (all, OECD, non-OECD) in one call,
# called once per key term (6 DSTRI measures x lags 0-2, given as columns built by the TypeScript side so
# that both use identical inputs) and per year window (all years, without 2020): 36 calls, 13,824 fits.
# Each fit's key standard error is then computed for the four flavours (iid, HC1, by partner, two-way) with
# se(fit, vcov = ...): 55,296 specifications, the same as the page's default grid.
#
# Usage: Rscript bench/multiverse-fixest.R IN.csv OUT.csv
# Prints the elapsed seconds of estimation + standard errors (data reading and output excluded).
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(fixest))
setFixest_nthreads(1)
setFixest_notes(FALSE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
keys <- grep("^key__", names(d), value = TRUE)
controls <- c("lngdp", "lnpopu", "lngov", "urban", "gov_share")
vcovs <- list(iid = "iid", hetero = "hetero", cluster = ~iso3, twoway = ~iso3 + year)
rows <- vector("list", 0)
t0 <- proc.time()[["elapsed"]]
for (w in c("all", "no2020")) {
  dw <- if (w == "all") d else d[d$year != 2020, ]
  for (k in keys) {
    f <- as.formula(paste0("lnexport_cn ~ ", k, " + mvsw(", paste(controls, collapse = ", "), ") | sw0(iso3, year, iso3 + year)"))
    est <- feols(f, dw, fsplit = ~group)
    for (j in seq_along(est)) {
      m <- est[[j]]
      b <- coef(m)
      if (!(k %in% names(b))) next
      ctl <- setdiff(strsplit(m$model_info$rhs, " + ", fixed = TRUE)[[1]], k)  # as requested (a dropped control stays listed)
      ses <- vapply(vcovs, function(v) unname(suppressMessages(se(m, vcov = v))[k]), numeric(1))
      rows[[length(rows) + 1]] <- list(key = k, window = w, group = m$model_info$sample$value, fe = m$model_info$fixef,
                                       controls = paste(ctl, collapse = "+"), coef = unname(b[k]), se = ses)
    }
  }
}
elapsed <- proc.time()[["elapsed"]] - t0
out <- do.call(rbind, lapply(rows, function(r) data.frame(key = r$key, window = r$window, group = r$group, fe = r$fe, controls = r$controls,
  vcov = names(vcovs), coef = sprintf("%.17g", r$coef), se = sprintf("%.17g", r$se))))
write.csv(out, args[2], row.names = FALSE)
cat(sprintf("%.3f\n", elapsed))
