# Reference numbers for leads, the event study, randomization inference and the within standard deviation
# (issue 24), in fixest 0.12.1 conventions, computed with base R lm + dummies + sandwich through lib.R (fixest is
# not used). Writes tests/fixtures/inference/expected.json and tests/fixtures/inference/ri_panel.csv:
#   Rscript scripts/reference/inference.R        (from the repository root)
#
# A. Leads: models with F.x / F2.x (x at (id, t + k), missing if that row is absent), built by lib.R's add_lags,
#    on the gappy panel tests/fixtures/unbalanced_gaps.csv.
# B. Event study (Schmidheiny & Siegloch 2023, binned endpoints), the regressors built here by hand from leads and
#    lags of dstri: window -3..2 (reference -1): es_m3 = -x(t+2), es_m2 = x(t+2) - x(t+1), es_0 = x(t) - x(t-1),
#    es_1 = x(t-1) - x(t-2), es_2 = x(t-2); window -2..0: es_m2 = -x(t+1), es_0 = x(t). Pre-trend test:
#    W = b' V^-1 b over the leads, F = W / q with pf(F, q, df_t), and pchisq(W, q). Leave-one-out coefficients
#    for three partners.
# C. Randomization inference on a 7-partner panel: every permutation of the partners' dstri series (5,040), each
#    model re-estimated with its clustered variance; p = share of permutations with |t*| >= |t| (1e-10 relative
#    tie tolerance). An unbalanced variant (two partners miss the first year) permutes within the two strata of
#    partners observed in the same years (5! x 2! = 240 permutations).
# D. Within SD (Mummolo & Peterson 2018): sd() of the residual of each regressor on the model's fixed effects, on
#    the model's estimation sample (pooled: the ordinary sd).
suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
root <- normalizePath(file.path(here, "..", ".."))
outdir <- file.path(root, "tests", "fixtures", "inference")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

d <- read_panel(file.path(root, "tests", "fixtures", "unbalanced_gaps.csv"))
spec <- function(x, fe, vcov, y = "y") list(id = "country", time = "year", y = y, x = as.list(x), fe = as.list(fe), vcov = vcov)
CL <- list(cluster = list("country"))
TW <- c("country", "year")

# ---- A. leads ------------------------------------------------------------------------------------------------
lead_specs <- list(
  lead1_twfe_cl = spec(c("F.dstri", "dstri", "lngdp"), TW, CL),
  lead2_lag_twfe_hetero = spec(c("F2.dstri", "L.dstri", "lngdp", "urban"), TW, "hetero"),
  lead1_fe1_iid = spec(c("F.dstri"), "country", "iid")
)
leads <- lapply(names(lead_specs), function(id) list(id = id, spec = lead_specs[[id]], expected = fit_spec(d, lead_specs[[id]])$expected))

# ---- B. event study -------------------------------------------------------------------------------------------
shift <- function(d, k) {  # x at (id, t - k): lag for k > 0, lead for k < 0
  key <- paste(d$country, d$year, sep = "\r")
  d$dstri[match(paste(d$country, d$year - k, sep = "\r"), key)]
}
es_columns <- function(d, leads, lags) {
  out <- list(); names_ <- character(0)
  for (j in seq(-leads, lags)) {
    if (j == -1) next
    v <- if (j == -leads) -shift(d, -(leads - 1)) else if (j == lags) shift(d, lags) else shift(d, j) - shift(d, j + 1)
    nm <- paste0("es_", ifelse(j < 0, paste0("m", -j), j))
    d[[nm]] <- v; names_ <- c(names_, nm)
  }
  list(d = d, names = names_)
}
es_case <- function(id, leads, lags, controls, vcov, loo = character(0)) {
  b <- es_columns(d, leads, lags)
  sp <- spec(c(b$names, controls), TW, vcov)
  f <- fit_spec(b$d, sp)$expected
  q <- leads - 1
  bl <- f$coef[seq_len(q)]; Vl <- f$vcov[seq_len(q), seq_len(q), drop = FALSE]
  W <- drop(t(bl) %*% solve(Vl) %*% bl)
  stopifnot(all(loo %in% d$country))
  loo_out <- lapply(loo, function(cc) {
    dd <- b$d[b$d$country != cc, , drop = FALSE]
    g <- fit_spec(dd, sp)$expected
    list(id = cc, coef = g$coef[seq_along(b$names)])
  })
  list(id = id, leads = leads, lags = lags, controls = as.list(controls), vcov = vcov, regressors = as.list(b$names),
       expected = f, pretrend = list(f = W / q, df1 = q, df2 = f$df_t, p_f = pf(W / q, q, f$df_t, lower.tail = FALSE),
                                     chi2 = W, p_chi2 = pchisq(W, q, lower.tail = FALSE)),
       leave_one_out = loo_out)
}
event <- list(
  es_case("w3_2_cl", 3, 2, c("lngdp"), CL, loo = c("AUS", "DEU", "SWE")),
  es_case("w2_0_hetero", 2, 0, c("lngdp", "urban"), "hetero")
)

# ---- C. randomization inference -------------------------------------------------------------------------------
set.seed(20261206)
P <- c("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"); years <- 2014:2021
ri <- expand.grid(year = years, country = P, stringsAsFactors = FALSE)[, c("country", "year")]
alpha <- setNames(rnorm(7, 0, 1), P); gam <- setNames(rnorm(8, 0, 0.3), years)
base <- setNames(round(runif(7, 0.05, 0.3), 2), P)
step <- setNames(c(-0.02, 0.04, -0.06, 0, 0, 0, 0), P)        # three partners change, in different years
when <- setNames(c(2016, 2018, 2019, 9999, 9999, 9999, 9999), P)
ri$dstri <- round(base[ri$country] + step[ri$country] * (ri$year >= when[ri$country]), 6)
ri$lngdp <- round(rnorm(nrow(ri), 0, 1), 6)
ri$y <- round(alpha[ri$country] + gam[as.character(ri$year)] + 3 * ri$dstri + 0.5 * ri$lngdp + rnorm(nrow(ri), 0, 0.05), 6)
write.csv(ri, file.path(outdir, "ri_panel.csv"), row.names = FALSE)

perms <- function(v) {
  if (length(v) <= 1) return(list(v))
  out <- list()
  for (i in seq_along(v)) for (p in perms(v[-i])) out[[length(out) + 1]] <- c(v[i], p)
  out
}
ri_t <- function(dd, sp) { f <- fit_spec(dd, sp)$expected; f$tstat[match("dstri", f$terms)] }
ri_case <- function(id, dd, sp) {
  t0 <- ri_t(dd, sp)
  # strata: partners with the same set of years
  sets <- tapply(dd$year, dd$country, function(v) paste(sort(v), collapse = ","))
  strata <- split(names(sets), unname(sets))
  series <- function(cc) setNames(dd$dstri[dd$country == cc], dd$year[dd$country == cc])
  one <- function(assign) {  # assign: named vector, partner -> partner whose series it gets
    e <- dd
    for (cc in names(assign)) { s <- series(assign[[cc]]); rows <- e$country == cc; e$dstri[rows] <- s[as.character(e$year[rows])] }
    ri_t(e, sp)
  }
  combos <- list(setNames(character(0), character(0)))
  for (st in strata) {
    nxt <- list()
    for (cmb in combos) for (p in perms(st)) nxt[[length(nxt) + 1]] <- c(cmb, setNames(p, st))
    combos <- nxt
  }
  ts <- vapply(combos, one, numeric(1))
  list(id = id, spec = sp, t = t0, n_perm = length(ts), n_strata = length(strata),
       p_value = mean(abs(ts) >= abs(t0) * (1 - 1e-10)))
}
ri_spec <- list(id = "country", time = "year", y = "y", x = list("dstri", "lngdp"), fe = list("country", "year"), vcov = CL)
ri_unbal <- ri[!(ri$country %in% c("FFF", "GGG") & ri$year == 2014), ]
randomization <- list(
  ri_case("balanced_cl", ri, ri_spec),
  ri_case("unbalanced_cl", ri_unbal, ri_spec),
  ri_case("balanced_iid_pooled", ri, list(id = "country", time = "year", y = "y", x = list("dstri", "lngdp"), fe = list(), vcov = "iid"))
)

# ---- D. within SD -------------------------------------------------------------------------------------------------
within_case <- function(id, sp) {
  s <- build_sample(d, sp)
  fe <- unlist(sp$fe)
  D <- fe_design(s, fe)
  xs <- unlist(sp$x)
  list(id = id, spec = sp, terms = as.list(xs),
       within_sd = vapply(xs, function(v) sd(lm.fit(D, s[[v]])$residuals), numeric(1)),
       total_sd = vapply(xs, function(v) sd(s[[v]]), numeric(1)))
}
within <- list(
  within_case("twfe", spec(c("dstri", "lngdp"), TW, CL)),
  within_case("fe1_lag", spec(c("L.dstri", "urban"), "country", "iid")),
  within_case("pooled", spec(c("dstri"), character(0), "hetero"))
)

out <- list(meta = list(generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%SZ", tz = "UTC"), versions = versions(),
                        script = "scripts/reference/inference.R", panel = "tests/fixtures/unbalanced_gaps.csv"),
            leads = leads, event_study = event, randomization = randomization, within_sd = within)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), file.path(outdir, "expected.json"))
cat(sprintf("leads %d, event studies %d, randomization %s, within %d\n", length(leads), length(event),
            paste(vapply(randomization, function(r) sprintf("%s p=%.4f (%d perms)", r$id, r$p_value, r$n_perm), ""), collapse = "; "), length(within)))
