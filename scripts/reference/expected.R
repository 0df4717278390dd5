# Computes the expected numbers for the project's own panels (tests/fixtures/*.csv) and writes
# tests/fixtures/<panel>.expected.json:
#   Rscript scripts/reference/make-panels.R && Rscript scripts/reference/expected.R
# Conventions: fixest 0.12.1 defaults as documented in scripts/reference/README.md, computed with
# lm + factor dummies + sandwich (+ car) by scripts/reference/lib.R (validated by validate.R).

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- file.path(root, "tests", "fixtures")

XVARIANTS <- list(
  base    = list(x = "dstri"),
  ctrl    = list(x = c("dstri", CONTROLS)),
  lag     = list(x = c("L.dstri", CONTROLS)),
  dyn     = list(x = c("dstri", "L.dstri", CONTROLS)),
  excl    = list(x = c("dstri", CONTROLS), exclude = list(year = list(2020))),
  lagexcl = list(x = c("L.dstri", CONTROLS), exclude = list(year = list(2020)))
)
FEVARIANTS <- list(ols = list(), fe1 = list("country"), twfe = list("country", "year"))
VCOVS <- list(iid = "iid", hetero = "hetero",
              cl = list(cluster = list("country")),
              cl2 = list(cluster = list("country", "year")))

make_spec <- function(xv, fe, vc, drop_singletons = FALSE) {
  s <- list(id = "country", time = "year", y = "y", x = as.list(xv$x), fe = fe, vcov = vc)
  if (!is.null(xv$exclude)) s$exclude <- xv$exclude
  s$drop_singletons <- drop_singletons
  s
}

model_list <- function(panel) {
  out <- list()
  xvs <- XVARIANTS
  if (panel == "unbalanced_gaps") xvs$lag2 <- list(x = c("L2.dstri", CONTROLS))
  for (fn in names(FEVARIANTS)) for (xn in names(xvs)) for (vn in names(VCOVS)) {
    id <- paste(fn, xn, vn, sep = "_")
    out[[id]] <- make_spec(xvs[[xn]], FEVARIANTS[[fn]], VCOVS[[vn]])
    if (panel == "singletons" && fn != "ols") {
      out[[paste0(id, "_dropsgl")]] <- make_spec(xvs[[xn]], FEVARIANTS[[fn]], VCOVS[[vn]], drop_singletons = TRUE)
    }
  }
  out
}

# jsonlite: vectors of length 1 stay arrays for the fields that are arrays in the Result contract.
as_json_expected <- function(e) {
  e$terms <- I(e$terms); e$coef <- I(e$coef); e$se <- I(e$se); e$tstat <- I(e$tstat); e$pvalue <- I(e$pvalue)
  e$vcov <- lapply(seq_len(nrow(e$vcov)), function(i) I(e$vcov[i, ]))
  e
}

run_panel <- function(panel) {
  d <- read_panel(file.path(fixdir, paste0(panel, ".csv")))
  specs <- model_list(panel)
  models <- list(); skipped <- list(); checks <- list()
  for (id in names(specs)) {
    spec <- specs[[id]]
    r <- tryCatch(fit_spec(d, spec), error = function(err) err)
    if (inherits(r, "error")) {
      skipped[[length(skipped) + 1]] <- list(id = id, reason = conditionMessage(r))
      next
    }
    checks[[id]] <- r$check
    models[[length(models) + 1]] <- list(id = id, spec = spec, expected = as_json_expected(r$expected))
  }
  chk <- do.call(rbind, lapply(checks, unlist))
  maxchk <- as.list(apply(chk, 2, max))
  out <- list(
    meta = list(
      generator = "scripts/reference/expected.R (lm + factor dummies + sandwich + car; fixest NOT used)",
      generated = format(Sys.time(), "%Y-%m-%dT%H:%M:%S%z"),
      input = paste0(panel, ".csv"),
      n_rows = nrow(d),
      versions = versions(),
      target = "fixest 0.12.1 feols defaults: ssc(adj = TRUE, fixef.K = 'nested', cluster.adj = TRUE, cluster.df = 'min', t.df = 'min', fixef.force_exact = FALSE), fixef.rm = 'none' unless drop_singletons",
      conventions = list(
        sample = "lags (L.x, Lk.x: x at (id, t-k), missing if that row is absent) built on the full data; then exclude; then listwise deletion on y and x; then, if drop_singletons, ONE non-recursive pass removing observations whose level of any FE occurs once",
        nparams = "k (incl. intercept if pooled) + sum(FE sizes) - (#FE - 1); pooled: k",
        iid = "SSR/(n - nparams) * B, B = (X~'X~)^-1; df_t = n - nparams",
        hetero = "n/(n - nparams) * B (sum e_i^2 x~_i x~_i') B; df_t = n - nparams",
        cluster_oneway = "G/(G-1) * (n-1)/(n-K) * B (sum_g s_g s_g') B; K = nparams minus |f|-1 for each FE nested in the cluster, +1 if all FE nested, K = max(K, k+1) when there are FE; df_t = G - 1",
        cluster_multiway = "(sum over non-empty subsets S of cluster vars of (-1)^(|S|+1) B M_S B) * G_min/(G_min-1) * (n-1)/(n-K); G_min = min over cluster variables; K as one-way with 'nested' meaning nested in ANY cluster variable; df_t = G_min - 1; models whose matrix is not positive definite are skipped (fixest would eigen-fix them)",
        r2 = "1 - SSR/TSS; adj_r2 = 1 - SSR/TSS * (n-1)/(n-nparams)",
        r2_within = "1 - SSR/SSR_fe (SSR_fe = SSR of y on the FE dummies only, same sample); adj = 1 - SSR/SSR_fe * (n - n_fe)/(n - n_fe - k), n_fe = nparams - k; null for pooled",
        pvalue = "2 * pt(-|t|, df_t)",
        n_groups = "distinct ids in the estimation sample",
        numbers = "jsonlite digits = NA (15 significant digits)"
      ),
      checks = list(
        description = "max over models of the relative difference between the reported numbers (FWL + sandwich) and (a) lm with the full dummy design + sandwich, (b) written-out formulas; vcov relative to se_i*se_j. (a) loses ~1e-8 on HC1 with FE through cancellation in the dummy block.",
        max = maxchk
      ),
      skipped = skipped
    ),
    models = models
  )
  out$descriptives <- descriptives(d)
  out$correlations <- correlations(d)
  out$vif <- vif_block(d)
  path <- file.path(fixdir, paste0(panel, ".expected.json"))
  writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), path)
  cat(sprintf("%-32s %3d models, %d skipped; self-check max: %s\n", basename(path), length(models), length(skipped),
              paste(names(maxchk), formatC(unlist(maxchk), format = "e", digits = 1), sep = "=", collapse = " ")))
}

for (p in c("unbalanced_gaps", "singletons", "twoway_cluster")) run_panel(p)
