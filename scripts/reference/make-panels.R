# Generates the project's own synthetic test panels (fixed seed) into tests/fixtures/*.csv:
#   Rscript scripts/reference/make-panels.R        (run from the repository root)
# Columns as in the shared fixtures: country, year, y, dstri, lngdp, lnpopu, gov, urban ("NA" = missing).
# Numbers are rounded to 6 decimals, so the CSV holds exactly the values used by expected.R.
#
#  unbalanced_gaps.csv  35 countries x 2008-2021: late entrants, early exits, interior year gaps
#                       (L.x missing after a gap), a few missing cells in y and the regressors.
#  singletons.csv       like the above (30 countries) plus "SGL" with a single row (country singleton)
#                       and "SG2" with rows 2007 and 2009 only, 2007 being the only observation of that
#                       year (year singleton). One non-recursive pass (fixest 0.12.1 fixef.rm="singleton")
#                       drops SGL-2015 and SG2-2007 but keeps SG2-2009, which only becomes a singleton
#                       after the first pass (a recursive pass, as in reghdfe or fixest >= 0.13, would drop it).
#                       (SG2 has a gap in 2008 so that its L.dstri is always missing: a lone SG2 row in a
#                       year with no other lag observation would disconnect the country-year graph.)
#  twoway_cluster.csv   40 countries x 2008-2021, nearly balanced, errors and dstri with country AND
#                       year correlated components (year shocks with country-specific loadings, so
#                       year clustering matters even with year fixed effects).

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
outdir <- file.path(root, "tests", "fixtures")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

CODES <- c("AUS", "AUT", "BEL", "CAN", "CHE", "CHL", "COL", "CZE", "DEU", "DNK", "ESP", "EST",
           "FIN", "FRA", "GBR", "GRC", "HUN", "IRL", "ISL", "ISR", "ITA", "JPN", "KOR", "LTU",
           "LUX", "LVA", "MEX", "NLD", "NOR", "NZL", "POL", "PRT", "SVK", "SVN", "SWE", "TUR",
           "USA", "BRA", "IND", "ZAF")

# Full balanced panel for the given countries and years.
simulate <- function(codes, years, year_shock_sd = 0.03, loading_sd = 0, ar = 0.3, noise_sd = 0.06) {
  nc <- length(codes); nt <- length(years)
  tt <- years - min(years)
  alpha <- rnorm(nc, 0, 0.4)
  gamma <- 0.02 * tt + rnorm(nt, 0, year_shock_sd)
  load <- 1 + rnorm(nc, 0, loading_sd)          # country loading on the common year shock
  ys <- rnorm(nt, 0, 1)                         # common year shock (enters y and dstri)
  rows <- vector("list", nc)
  for (i in seq_len(nc)) {
    base <- runif(1, 0, 0.35)
    dstri <- pmax(0, base + cumsum(rnorm(nt, 0, 0.012)) + 0.01 * loading_sd * ys * load[i])
    if (runif(1) < 0.1) dstri[] <- 0
    lngdp <- rnorm(1, 10.4, 0.6) + 0.015 * tt + cumsum(rnorm(nt, 0, 0.02))
    lnpopu <- rnorm(1, 17.1, 1.2) + 0.004 * tt + rnorm(nt, 0, 0.002)
    gov <- rnorm(1, 0.9, 0.6) + rnorm(nt, 0, 0.1)
    urban <- min(97, max(50, rnorm(1, 75, 10))) + 0.15 * tt + rnorm(nt, 0, 0.2)
    u <- numeric(nt); u[1] <- rnorm(1, 0, noise_sd)
    for (t in 2:nt) u[t] <- ar * u[t - 1] + rnorm(1, 0, noise_sd)
    y <- 2 + alpha[i] + gamma - 0.25 * dstri + 0.8 * lngdp + 0.5 * lnpopu + 0.1 * gov + 0.01 * urban +
      u + loading_sd * 0.05 * load[i] * ys
    rows[[i]] <- data.frame(country = codes[i], year = years, y = y, dstri = dstri, lngdp = lngdp,
                            lnpopu = lnpopu, gov = gov, urban = urban, stringsAsFactors = FALSE)
  }
  do.call(rbind, rows)
}

drop_rows <- function(d, code, years) d[!(d$country == code & d$year %in% years), ]
set_na <- function(d, code, year, var) { d[d$country == code & d$year == year, var] <- NA; d }

finish <- function(d) {
  for (v in c("y", "dstri", "lngdp", "lnpopu", "gov", "urban")) d[[v]] <- round(d[[v]], 6)
  d <- d[order(d$country, d$year), ]
  rownames(d) <- NULL
  d
}

write_panel <- function(d, name) {
  path <- file.path(outdir, paste0(name, ".csv"))
  write.csv(d, path, row.names = FALSE, na = "NA")
  cat(sprintf("%-22s %4d rows, %2d countries, years %d-%d, %d missing cells\n", basename(path), nrow(d),
              length(unique(d$country)), min(d$year), max(d$year), sum(is.na(d))))
}

years <- 2008:2021

# ---- unbalanced_gaps ----
set.seed(20240611)
codes <- CODES[1:35]
d <- simulate(codes, years)
d <- drop_rows(d, "AUS", 2008:2009)              # late entrants
d <- drop_rows(d, "CHL", 2008:2010)
d <- drop_rows(d, "COL", 2008:2011)
d <- drop_rows(d, "EST", 2008:2012)
d <- drop_rows(d, "LTU", 2008:2014)
d <- drop_rows(d, "GRC", 2017:2021)              # early exits
d <- drop_rows(d, "HUN", 2018:2021)
d <- drop_rows(d, "ISL", 2019:2021)
d <- drop_rows(d, "MEX", 2020:2021)
d <- drop_rows(d, "BEL", 2012)                   # interior gaps
d <- drop_rows(d, "CAN", 2014:2015)
d <- drop_rows(d, "DNK", 2017)
d <- drop_rows(d, "FIN", c(2011, 2018))
d <- drop_rows(d, "IRL", 2019)                   # gap right before the excluded year 2020
d <- drop_rows(d, "KOR", 2013)
d <- drop_rows(d, "LTU", 2017)                   # late entrant with a gap
d <- set_na(d, "AUT", 2010, "y")                 # missing cells
d <- set_na(d, "FRA", 2016, "y")
d <- set_na(d, "NOR", 2021, "y")
d <- set_na(d, "DEU", 2013, "dstri")             # -> L.dstri missing in 2014 too
d <- set_na(d, "ESP", 2009, "dstri")
d <- set_na(d, "JPN", 2020, "dstri")             # -> L.dstri missing in 2021 (also with 2020 excluded)
d <- set_na(d, "NLD", 2012, "lngdp")
d <- set_na(d, "POL", 2015, "gov")
d <- set_na(d, "SWE", 2009, "gov")
d <- set_na(d, "PRT", 2018, "urban")
write_panel(finish(d), "unbalanced_gaps")

# ---- singletons ----
set.seed(20240612)
codes <- CODES[1:30]
d <- simulate(codes, years)
d <- drop_rows(d, "AUS", 2008:2010)
d <- drop_rows(d, "CHL", 2008:2012)
d <- drop_rows(d, "GRC", 2018:2021)
d <- drop_rows(d, "HUN", 2020:2021)
d <- drop_rows(d, "BEL", 2013)
d <- drop_rows(d, "DNK", 2016:2017)
d <- drop_rows(d, "KOR", 2010)
d <- set_na(d, "AUT", 2011, "y")
d <- set_na(d, "FRA", 2015, "dstri")
d <- set_na(d, "NOR", 2019, "lngdp")
d <- set_na(d, "NZL", 2012, "urban")
extra <- simulate(c("SGL", "SG2"), 2007:2021)
extra <- rbind(extra[extra$country == "SGL" & extra$year == 2015, ],
               extra[extra$country == "SG2" & extra$year %in% c(2007, 2009), ])
d <- rbind(d, extra)
write_panel(finish(d), "singletons")

# ---- twoway_cluster ----
set.seed(20240613)
codes <- CODES[1:40]
d <- simulate(codes, years, year_shock_sd = 0.05, loading_sd = 0.8, ar = 0.5, noise_sd = 0.05)
d <- drop_rows(d, "ZAF", 2008:2009)
d <- drop_rows(d, "IND", 2021)
d <- drop_rows(d, "BRA", 2015)
d <- set_na(d, "AUT", 2012, "y")
d <- set_na(d, "CAN", 2016, "dstri")
d <- set_na(d, "NZL", 2010, "gov")
write_panel(finish(d), "twoway_cluster")
