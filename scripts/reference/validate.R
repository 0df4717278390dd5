# Validates scripts/reference/lib.R against the shared fixest/plm fixtures:
#   Rscript scripts/reference/validate.R            (run from the repository root)
# For panel.csv and panel_unbalanced.csv in ../shared/reference/fixtures, every model
# (ols_*, twfe_*; vcov iid / hc1 / cluster by country) is recomputed with lm + dummies + sandwich
# and compared with the fixest numbers (coef, se, t, p, df_t, dof_K, vcov, r2, adj_r2, within r2,
# adj within r2, nobs, n_groups), plus descriptives, correlations and VIF.
# Prints the max abs / rel difference per panel and fails (exit 1) if any rel. diff > 1e-10.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- normalizePath(file.path(root, "..", "shared", "reference", "fixtures"), mustWork = TRUE)

TOL <- 1e-10
vmap <- list(iid = "iid", hc1 = "hetero", cluster = list(cluster = list("country")))

# Relative difference with a floor: |a - e| / max(|e|, floor). The shared JSON has 15 significant digits.
# `cond`: optional per-element condition number dividing the relative difference; used for p-values,
# whose relative error is (1 + t^2) times the relative error of t in the tails (d log p / d log|t|).
cmp <- function(acc, what, a, e, floor = 1e-300, cond = 1) {
  a <- unlist(a); e <- unlist(e)
  if (length(a) != length(e)) stop(what, ": length ", length(a), " vs ", length(e))
  if (!length(e)) return(acc)
  ad <- abs(a - e)
  rd <- ad / pmax(abs(e), floor)
  rd[ad == 0] <- 0
  if (cond[1] != 1 || length(cond) > 1) {
    acc$max_rel_p_raw <- max(acc$max_rel_p_raw, rd)
    rd <- rd / cond
  }
  i <- which.max(rd)
  if (rd[i] > acc$max_rel) { acc$max_rel <- rd[i]; acc$where_rel <- what }
  acc$max_abs <- max(acc$max_abs, max(ad))
  acc$n <- acc$n + length(e)
  acc
}

validate_panel <- function(name) {
  exp <- fromJSON(file.path(fixdir, paste0(name, ".expected.json")), simplifyVector = FALSE)
  d <- read_panel(file.path(fixdir, paste0(name, ".csv")))
  acc <- list(max_abs = 0, max_rel = 0, where_rel = "", n = 0, max_rel_p_raw = 0)
  for (id in names(exp$models)) {
    em <- exp$models[[id]]
    x1 <- if (grepl("_lag_", id)) "L.dstri" else "dstri"
    xs <- if (grepl("ctrl", id)) c(x1, CONTROLS) else x1
    fe <- if (startsWith(id, "twfe")) list("country", "year") else list()
    for (vt in names(vmap)) {
      spec <- list(id = "country", time = "year", y = "y", x = as.list(xs), fe = fe,
                   vcov = vmap[[vt]], drop_singletons = FALSE)
      if (grepl("_excl$", id)) spec$exclude <- list(year = list(2020))
      r <- fit_spec(d, spec)$expected
      w <- paste(name, id, vt)
      if (!identical(r$terms, unlist(em$terms))) stop(w, ": terms differ")
      acc <- cmp(acc, paste(w, "coef"), r$coef, em$coef)
      acc <- cmp(acc, paste(w, "se"), r$se, em$se[[vt]])
      acc <- cmp(acc, paste(w, "tstat"), r$tstat, em$tstat[[vt]])
      acc <- cmp(acc, paste(w, "pvalue / (1 + t^2)"), r$pvalue, em$pvalue[[vt]], cond = 1 + r$tstat^2)
      acc <- cmp(acc, paste(w, "df_t"), r$df_t, em$df_t[[vt]])
      acc <- cmp(acc, paste(w, "dof_K"), r$dof_K, em$dof_K[[vt]])
      sc <- outer(r$se, r$se)  # compare on the correlation scale: |a - e| / (se_i se_j)
      ev <- do.call(rbind, lapply(em$vcov[[vt]], unlist))
      acc <- cmp(acc, paste(w, "vcov (rel. to se_i*se_j)"), r$vcov / sc, ev / sc, floor = 1)
      acc <- cmp(acc, paste(w, "nobs"), r$nobs, em$sample$n_obs)
      acc <- cmp(acc, paste(w, "n_groups"), r$n_groups, em$sample$n_groups)
      acc <- cmp(acc, paste(w, "n_clusters"), if (vt == "cluster") r$n_clusters else em$n_clusters, em$n_clusters)
      acc <- cmp(acc, paste(w, "r2"), r$r2, em$fit$r2)
      acc <- cmp(acc, paste(w, "adj_r2"), r$adj_r2, em$fit$adj_r2)
      acc <- cmp(acc, paste(w, "nparams"), r$nparams, em$fit$nparams)
      acc <- cmp(acc, paste(w, "ssr"), r$ssr, em$fit$ssr)
      if (length(fe)) {
        acc <- cmp(acc, paste(w, "r2_within"), r$r2_within, em$fit$within_r2)
        acc <- cmp(acc, paste(w, "adj_r2_within"), r$adj_r2_within, em$fit$adj_within_r2)
        acc <- cmp(acc, paste(w, "ssr_fe_only"), r$ssr_fe_only, em$fit$ssr_fe_only)
      } else if (!is.null(em$fit$within_r2)) stop(w, ": pooled model with within r2")
    }
  }
  # descriptives / correlations / vif
  de <- descriptives(d)
  for (blk in c("available_cases", "estimation_sample_ctrl")) {
    for (i in seq_along(de[[blk]])) {
      a <- de[[blk]][[i]]; e <- exp$descriptives[[blk]][[i]]
      if (a$variable != e$variable) stop("descriptives variable order")
      for (f in c("n", "mean", "sd", "min", "max")) acc <- cmp(acc, paste(name, "descriptives", blk, a$variable, f), a[[f]], e[[f]])
    }
  }
  co <- correlations(d)
  for (blk in c("pairwise", "listwise")) {
    e <- exp$correlations[[blk]]
    if (!identical(co[[blk]]$variables, unlist(e$variables))) stop("correlation variables")
    for (f in c("r", "p", "n")) {
      ev <- do.call(rbind, lapply(e[[f]], unlist))
      acc <- cmp(acc, paste(name, "correlations", blk, f), co[[blk]][[f]], ev, floor = if (f == "p") 1e-300 else 1e-300)
    }
  }
  vf <- vif_block(d)
  acc <- cmp(acc, paste(name, "vif"), vf$vif, exp$vif$vif)
  acc <- cmp(acc, paste(name, "vif n"), vf$n, exp$vif$n)
  acc
}

ok <- TRUE
for (p in c("panel", "panel_unbalanced")) {
  acc <- validate_panel(p)
  cat(sprintf("%-18s values compared: %5d   max abs diff: %.3e   max rel diff: %.3e  (at: %s)\n%-18s p-values: max raw rel diff %.3e (tolerance applied to rel diff / (1 + t^2))\n",
              p, acc$n, acc$max_abs, acc$max_rel, acc$where_rel, "", acc$max_rel_p_raw))
  if (acc$max_rel > TOL) ok <- FALSE
}
if (!ok) { cat("VALIDATION FAILED (tolerance ", TOL, ")\n"); quit(status = 1) }
cat("validation OK (max rel diff <= ", TOL, ")\n", sep = "")
