# Reference numbers for the engine's GMM (src/lib/engine/gmm/) on the project's own panels, from plm's pgmm
# (two-step, Windmeijer-robust SE, as ../shared/reference/ESTIMATION.md section 4 describes), so that a bare
# clone tests GMM with nothing beside it:
#   Rscript scripts/reference/gmm.R        (run from the repository root; needs plm and jsonlite)
# Writes
#   tests/fixtures/gmm_dynamic.csv          120 countries x 2010-2019, y with a lagged dependent variable, late
#                                           entrants, early exits, interior gaps and missing cells (fixed seed,
#                                           6 decimals); N is large enough that plm inverts regular matrices.
#   tests/fixtures/<panel>.gmm.json         for gmm_dynamic and unbalanced_gaps (35 countries: the second-step
#                                           matrix is singular there, plm takes its Moore-Penrose inverse): the
#                                           four study variants (difference / system, all lags / collapsed,
#                                           effect twoways) plus effect "individual" and a finite window
#                                           lag(y, 3:5) with two lags of y.
# The spec of each model is written in the engine's terms (tests/lib/engine/gmm/project-fixtures.test.ts).

suppressMessages({library(plm); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- file.path(root, "tests", "fixtures")

make_dynamic_panel <- function() {
  set.seed(20261206)
  nc <- 120; years <- 2006:2019; nt <- length(years); burn <- 4
  codes <- sprintf("C%03d", seq_len(nc))
  tau <- 0.03 * seq_len(nt) + rnorm(nt, 0, 0.05)
  rows <- vector("list", nc)
  for (i in seq_len(nc)) {
    alpha <- rnorm(1, 0, 0.5)
    dstri <- pmax(0, runif(1, 0, 0.35) + cumsum(rnorm(nt, 0, 0.02)))
    lngdp <- rnorm(1, 10.4, 0.6) + 0.015 * seq_len(nt) + cumsum(rnorm(nt, 0, 0.03))
    lnpopu <- rnorm(1, 17.1, 1.2) + 0.004 * seq_len(nt) + rnorm(nt, 0, 0.01)
    gov <- rnorm(1, 0.9, 0.6) + rnorm(nt, 0, 0.15)
    urban <- min(97, max(50, rnorm(1, 75, 10))) + 0.15 * seq_len(nt) + rnorm(nt, 0, 0.3)
    y <- numeric(nt); y[1] <- 10 + alpha / 0.5
    for (t in 2:nt) {
      y[t] <- 0.5 * y[t - 1] + alpha + tau[t] - 0.25 * dstri[t - 1] + 0.3 * lngdp[t] + 0.1 * lnpopu[t] +
        0.05 * gov[t] + 0.005 * urban[t] + rnorm(1, 0, 0.08)
    }
    rows[[i]] <- data.frame(country = codes[i], year = years, y = y, dstri = dstri, lngdp = lngdp,
                            lnpopu = lnpopu, gov = gov, urban = urban, stringsAsFactors = FALSE)[-seq_len(burn), ]
  }
  d <- do.call(rbind, rows)
  # Late entrants, early exits, interior gaps, missing cells.
  d <- d[!(d$country %in% codes[1:8] & d$year < 2013), ]
  d <- d[!(d$country %in% codes[9:14] & d$year > 2016), ]
  d <- d[!(d$country %in% codes[15:22] & d$year == 2014), ]
  for (k in 23:32) d[d$country == codes[k] & d$year == 2012 + (k %% 6), c("y", "gov", "dstri")[1 + k %% 3]] <- NA
  num <- c("y", "dstri", "lngdp", "lnpopu", "gov", "urban")
  d[num] <- lapply(d[num], function(v) round(v, 6))
  d <- d[order(d$country, d$year), ]
  write.csv(d, file.path(fixdir, "gmm_dynamic.csv"), row.names = FALSE, na = "NA")
  d
}

X_STUDY <- c("L.y", "L.dstri", "lngdp", "lnpopu", "gov", "urban")
R_STUDY <- "y ~ lag(y, 1) + lag(dstri, 1) + lngdp + lnpopu + gov + urban"
CASES <- list(
  list(id = "diff_all_lags", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "d", effect = "twoways", collapse = FALSE,
       x = X_STUDY, lags = c(2, 99)),
  list(id = "diff_collapsed", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "d", effect = "twoways", collapse = TRUE,
       x = X_STUDY, lags = c(2, 99)),
  list(id = "sys_all_lags", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "ld", effect = "twoways", collapse = FALSE,
       x = X_STUDY, lags = c(2, 99)),
  list(id = "sys_collapsed", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "ld", effect = "twoways", collapse = TRUE,
       x = X_STUDY, lags = c(2, 99)),
  list(id = "diff_individual", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "d", effect = "individual", collapse = FALSE,
       x = X_STUDY, lags = c(2, 99)),
  list(id = "sys_individual_collapsed", r = paste(R_STUDY, "| lag(y, 2:99)"), tr = "ld", effect = "individual",
       collapse = TRUE, x = X_STUDY, lags = c(2, 99)),
  list(id = "diff_two_lags_window", r = "y ~ lag(y, 1:2) + dstri + gov | lag(y, 3:5)", tr = "d", effect = "twoways",
       collapse = FALSE, x = c("L.y", "L2.y", "dstri", "gov"), lags = c(3, 5)),
  list(id = "sys_two_lags_window_collapsed", r = "y ~ lag(y, 1:2) + dstri + gov | lag(y, 3:5)", tr = "ld",
       effect = "twoways", collapse = TRUE, x = c("L.y", "L2.y", "dstri", "gov"), lags = c(3, 5))
)

fit_case <- function(p, cs) {
  warns <- character(0)
  keep <- function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") }
  m <- withCallingHandlers(
    pgmm(as.formula(cs$r), data = p, effect = cs$effect, model = "twosteps", transformation = cs$tr,
         collapse = cs$collapse),
    warning = keep)
  sr <- withCallingHandlers(summary(m, robust = TRUE), warning = keep)
  sn <- withCallingHandlers(summary(m, robust = FALSE), warning = keep)
  k <- length(cs$x)
  cf <- sr$coefficients
  b2 <- coef(m)                                   # two-step, time dummies included (summary drops them)
  all_terms <- names(b2)
  td <- if (length(b2) > k) seq.int(k + 1, length(b2)) else integer(0)
  list(
    id = cs$id,
    spec = list(id = "country", time = "year", y = "y", x = I(cs$x),
                estimator = if (cs$tr == "d") "gmm-diff" else "gmm-sys", effect = cs$effect,
                gmm = list(instruments = "y", lags = I(cs$lags), collapse = cs$collapse)),
    call = paste0("pgmm(", cs$r, ", effect='", cs$effect, "', model='twosteps', transformation='", cs$tr,
                  "', collapse=", cs$collapse, ")"),
    expected = list(
      terms = I(cs$x), r_terms = I(rownames(cf)),
      coef = I(unname(cf[seq_len(k), 1])), se_robust = I(unname(cf[seq_len(k), 2])),
      z_robust = I(unname(cf[seq_len(k), 3])), p_robust = I(unname(cf[seq_len(k), 4])),
      se_nonrobust = I(unname(sn$coefficients[seq_len(k), 2])),
      coef_onestep = I(unname(as.numeric(m$coefficients[[1]])[seq_len(k)])),
      time_dummy_terms = I(all_terms[td]), time_dummy_coef = I(unname(b2[td])),
      n_obs_used = sum(unlist(m$residuals, use.names = FALSE) != 0),
      n_groups = length(m$W), n_instruments = ncol(m$W[[1]]),
      sargan_hansen = list(stat = unname(sr$sargan$statistic), df = unname(sr$sargan$parameter),
                           p = unname(sr$sargan$p.value)),
      ar1 = list(z = unname(sr$m1$statistic), p = unname(sr$m1$p.value)),
      ar2 = if (is.null(sr$m2)) NULL else list(z = unname(sr$m2$statistic), p = unname(sr$m2$p.value)),
      wald_coef = list(stat = unname(sr$wald.coef$statistic), df = unname(sr$wald.coef$parameter),
                       p = unname(sr$wald.coef$p.value)),
      warnings = I(unique(warns))
    )
  )
}

run_panel <- function(name, d) {
  p <- pdata.frame(d, index = c("country", "year"))
  models <- lapply(CASES, function(cs) fit_case(p, cs))
  out <- list(
    meta = list(generator = "scripts/reference/gmm.R", input = paste0("tests/fixtures/", name, ".csv"),
                n_rows = nrow(d), versions = list(R = R.version.string, plm = as.character(packageVersion("plm"))),
                conventions = "plm pgmm two-step; SE = summary(robust = TRUE) (Windmeijer); z tests, normal p"),
    models = models)
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"),
             file.path(fixdir, paste0(name, ".gmm.json")))
  cat(name, ":", length(models), "GMM models; singular second step in",
      sum(sapply(models, function(m) length(m$expected$warnings) > 0)), "\n")
}

run_panel("gmm_dynamic", make_dynamic_panel())
run_panel("unbalanced_gaps", read.csv(file.path(fixdir, "unbalanced_gaps.csv"), stringsAsFactors = FALSE))
