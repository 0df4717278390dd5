# Reference numbers for the model language (`feols(...)` formulas of the notebook and of
# `dtb estimate --formula`), in fixest 0.12.1 conventions, computed with lm + dummies + sandwich by
# lib.R's fit_spec (fixest is not used). Writes tests/fixtures/formulas/{panel,flows}.csv (fixed seed)
# and tests/fixtures/formulas/formulas.expected.json:
#   Rscript scripts/reference/formulas.R        (run from the repository root)
#
# Each case gives the formula text (parsed by the TypeScript code under test) and, independently, the
# R construction of every derived column (product, log, lag, dummies, combined FE) written out here.
# Conventions (src/lib/formula/compile.ts): x1:x2 = product; log(x) with x <= 0 -> missing;
# l(x, k) / Lk.x = x at (id, t - k), missing if that row is absent; i(g) = 0/1 per level but the
# reference (first sorted level unless ref =), named g::level; a^b = one FE per observed combination;
# vcov omitted -> clustered by the first FE (fixest's default), iid without FE.

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
root <- normalizePath(file.path(here, "..", ".."))
outdir <- file.path(root, "tests", "fixtures", "formulas")
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
invisible(Sys.setlocale("LC_COLLATE", "C"))

# ---- data ----
set.seed(20261130)
panel <- read.csv(file.path(root, "tests", "fixtures", "unbalanced_gaps.csv"), stringsAsFactors = FALSE,
                  colClasses = c(country = "character"))
countries <- sort(unique(panel$country))
region_of <- setNames(c("A", "B", "C", "D", "E")[(seq_along(countries) - 1) %% 5 + 1], countries)
size_of <- setNames(sample(1:3, length(countries), replace = TRUE), countries)
panel$region <- unname(region_of[panel$country])
panel$size <- unname(size_of[panel$country])
panel$region[c(7, 140)] <- NA       # missing category -> row leaves the sample when i(region) is used
panel$size[c(33)] <- NA
write.csv(panel, file.path(outdir, "panel.csv"), row.names = FALSE, na = "NA")

# Trade flows: exporter x importer x product x year, sparse; repeated (exporter, year) pairs.
ex <- c("CHN", "DEU", "JPN", "KOR", "USA", "VNM", "MEX", "ITA")
im <- c("AUS", "BRA", "CAN", "FRA", "GBR", "IND", "NLD", "ZAF", "SGP")
pr <- c("p1", "p2", "p3")
yrs <- 2015:2020
g <- expand.grid(exporter = ex, importer = im, product = pr, year = yrs, stringsAsFactors = FALSE)
g <- g[runif(nrow(g)) > 0.2, ]
a_ex <- setNames(rnorm(length(ex)), ex); a_im <- setNames(rnorm(length(im)), im)
a_pr <- setNames(rnorm(length(pr)), pr); a_yr <- setNames(rnorm(length(yrs), 0, 0.2), yrs)
dist <- matrix(runif(length(ex) * length(im), 500, 15000), length(ex), dimnames = list(ex, im))
dstri_m <- matrix(runif(length(im) * length(yrs), 0, 0.4), length(im), dimnames = list(im, yrs))
g$dist <- round(dist[cbind(g$exporter, g$importer)], 6)
g$dstri_m <- round(dstri_m[cbind(g$importer, as.character(g$year))] + rnorm(nrow(g), 0, 0.01), 6)
g$tariff <- round(runif(nrow(g), 0, 0.15), 6)
g$lnflow <- round(a_ex[g$exporter] + a_im[g$importer] + a_pr[g$product] + a_yr[as.character(g$year)] -
                  0.8 * log(g$dist) - 2 * g$tariff - 0.5 * g$dstri_m - 1.5 * g$tariff * g$dstri_m +
                  rnorm(nrow(g), 0, 0.3), 6)
g$lnflow[c(5, 50, 300)] <- NA
g$tariff[c(77)] <- NA
g <- g[order(g$year, g$exporter, g$importer, g$product), ]
rownames(g) <- NULL
write.csv(g, file.path(outdir, "flows.csv"), row.names = FALSE, na = "NA")

DATA <- list(
  panel = read.csv(file.path(outdir, "panel.csv"), stringsAsFactors = FALSE, colClasses = c(country = "character", region = "character")),
  flows = read.csv(file.path(outdir, "flows.csv"), stringsAsFactors = FALSE)
)
PANEL <- list(panel = c(id = "country", time = "year"), flows = c(id = "exporter", time = "year"))

# ---- constructors of derived columns (written independently of the TypeScript parser) ----
col <- function(v) list(name = v, make = function(d, p) d[[v]])
lg <- function(v) list(name = paste0("log(", v, ")"), make = function(d, p) { x <- d[[v]]; ifelse(!is.na(x) & x > 0, log(pmax(x, 1e-300)), NA) })
lagk <- function(v, k, label = paste0("l(", v, ",", k, ")")) list(name = label, make = function(d, p) {
  key <- paste(d[[p["id"]]], d[[p["time"]]], sep = "\r")
  if (anyDuplicated(key)) stop("lag on data with duplicate id-time pairs")
  d[[v]][match(paste(d[[p["id"]]], d[[p["time"]]] - k, sep = "\r"), key)]
})
inter <- function(...) { parts <- list(...); list(name = paste(vapply(parts, `[[`, "", "name"), collapse = ":"),
  make = function(d, p) Reduce(`*`, lapply(parts, function(a) a$make(d, p)))) }
# i(g): list of dummy columns for every sorted level but the reference
idum <- function(v, ref = NULL) list(dummies = TRUE, make = function(d, p) {
  x <- d[[v]]; lev <- sort(unique(x[!is.na(x)]))
  r <- if (is.null(ref)) lev[1] else ref
  out <- list()
  for (l in lev[lev != r]) out[[paste0(v, "::", l)]] <- ifelse(is.na(x), NA, as.numeric(x == l))
  out
})
combo <- function(d, parts) {
  if (length(parts) == 1) return(d[[parts]])
  v <- do.call(paste, c(lapply(parts, function(q) as.character(d[[q]])), sep = "\r"))
  v[Reduce(`|`, lapply(parts, function(q) is.na(d[[q]])))] <- NA
  v
}

CASES <- list(
  list(id = "pooled_two", data = "panel", formula = "y ~ dstri + lngdp", y = col("y"), x = list(col("dstri"), col("lngdp"))),
  list(id = "twfe_cl", data = "panel", formula = "feols(y ~ dstri + lngdp | country + year, vcov = ~country)", y = col("y"), x = list(col("dstri"), col("lngdp")), fe = list("country", "year"), vcov = list("country")),
  list(id = "twfe_default_vcov", data = "panel", formula = "y ~ dstri + lngdp + gov | country + year", y = col("y"), x = list(col("dstri"), col("lngdp"), col("gov")), fe = list("country", "year"), vcov = list("country")),
  list(id = "interaction", data = "panel", formula = "y ~ dstri:lngdp + dstri + lngdp | country + year, vcov = ~country", y = col("y"), x = list(inter(col("dstri"), col("lngdp")), col("dstri"), col("lngdp")), fe = list("country", "year"), vcov = list("country")),
  list(id = "star_hetero", data = "panel", formula = "feols(y ~ dstri*lngdp | country, vcov = \"hetero\")", y = col("y"), x = list(col("dstri"), col("lngdp"), inter(col("dstri"), col("lngdp"))), fe = list("country"), vcov = "hetero"),
  list(id = "log_x", data = "panel", formula = "y ~ log(urban) + dstri | country + year, vcov = \"iid\"", y = col("y"), x = list(lg("urban"), col("dstri")), fe = list("country", "year"), vcov = "iid"),
  list(id = "log_nonpositive", data = "panel", formula = "y ~ log(gov) + dstri | country + year, vcov = ~country", y = col("y"), x = list(lg("gov"), col("dstri")), fe = list("country", "year"), vcov = list("country")),
  list(id = "log_y", data = "panel", formula = "log(y) ~ dstri + lngdp | country, vcov = hetero", y = lg("y"), x = list(col("dstri"), col("lngdp")), fe = list("country"), vcov = "hetero"),
  list(id = "lag1", data = "panel", formula = "y ~ l(dstri, 1) + lngdp | country + year, vcov = ~country", y = col("y"), x = list(lagk("dstri", 1), col("lngdp")), fe = list("country", "year"), vcov = list("country")),
  list(id = "lag2_lag1", data = "panel", formula = "y ~ l(dstri,2) + l(lngdp,1) | country + year, vcov = 'hetero'", y = col("y"), x = list(lagk("dstri", 2), lagk("lngdp", 1)), fe = list("country", "year"), vcov = "hetero"),
  list(id = "engine_lag_name", data = "panel", formula = "y ~ L.dstri + lngdp + gov | country + year, vcov = \"iid\"", y = col("y"), x = list(lagk("dstri", 1, "L.dstri"), col("lngdp"), col("gov")), fe = list("country", "year"), vcov = "iid"),
  list(id = "dyn_twoway_cl", data = "panel", formula = "y ~ dstri + l(dstri,1) + urban | country, vcov = ~country + year", y = col("y"), x = list(col("dstri"), lagk("dstri", 1), col("urban")), fe = list("country"), vcov = list("country", "year")),
  list(id = "i_pooled", data = "panel", formula = "y ~ dstri + i(region) + lngdp", y = col("y"), x = list(col("dstri"), idum("region"), col("lngdp"))),
  list(id = "i_numeric_fe", data = "panel", formula = "y ~ dstri + i(size) | year, vcov = ~country", y = col("y"), x = list(col("dstri"), idum("size")), fe = list("year"), vcov = list("country")),
  list(id = "i_ref", data = "panel", formula = "y ~ dstri + i(region, ref = \"C\") | year, vcov = \"hetero\"", y = col("y"), x = list(col("dstri"), idum("region", "C")), fe = list("year"), vcov = "hetero"),
  list(id = "fe_combo", data = "panel", formula = "y ~ dstri + lngdp | region^year, vcov = ~country", y = col("y"), x = list(col("dstri"), col("lngdp")), fe = list(c("region", "year")), vcov = list("country")),
  list(id = "fe_combo_only", data = "panel", formula = "y ~ dstri + lngdp + gov | region^size + year, vcov = ~country", y = col("y"), x = list(col("dstri"), col("lngdp"), col("gov")), fe = list(c("region", "size"), "year"), vcov = list("country")),
  list(id = "inter_lag", data = "panel", formula = "y ~ dstri:l(lngdp,1) + dstri + lngdp | country + year", y = col("y"), x = list(inter(col("dstri"), lagk("lngdp", 1)), col("dstri"), col("lngdp")), fe = list("country", "year"), vcov = list("country")),
  list(id = "inter_log", data = "panel", formula = "y ~ log(urban):dstri + dstri | country + year, vcov = ~country", y = col("y"), x = list(inter(lg("urban"), col("dstri")), col("dstri")), fe = list("country", "year"), vcov = list("country")),
  list(id = "cluster_combo", data = "panel", formula = "y ~ dstri + lngdp + gov | country + year, vcov = ~region^year", y = col("y"), x = list(col("dstri"), col("lngdp"), col("gov")), fe = list("country", "year"), vcov = list(c("region", "year"))),
  list(id = "i_with_fe", data = "panel", formula = "y ~ dstri + i(region) + lngdp | year, vcov = ~country", y = col("y"), x = list(col("dstri"), idum("region"), col("lngdp")), fe = list("year"), vcov = list("country")),
  list(id = "flows_4fe", data = "flows", formula = "lnflow ~ tariff + dstri_m | exporter + importer + product + year, vcov = ~exporter", y = col("lnflow"), x = list(col("tariff"), col("dstri_m")), fe = list("exporter", "importer", "product", "year"), vcov = list("exporter")),
  list(id = "flows_exyear", data = "flows", formula = "lnflow ~ tariff + log(dist) + dstri_m | exporter^year + importer + product, vcov = ~importer", y = col("lnflow"), x = list(col("tariff"), lg("dist"), col("dstri_m")), fe = list(c("exporter", "year"), "importer", "product"), vcov = list("importer")),
  list(id = "flows_inter_hetero", data = "flows", formula = "lnflow ~ tariff + dstri_m:tariff + dstri_m | exporter + importer + year, vcov = \"hetero\"", y = col("lnflow"), x = list(col("tariff"), inter(col("dstri_m"), col("tariff")), col("dstri_m")), fe = list("exporter", "importer", "year"), vcov = "hetero"),
  list(id = "flows_i_2way", data = "flows", formula = "lnflow ~ tariff + i(product) + log(dist) | exporter + importer + year, vcov = ~importer", y = col("lnflow"), x = list(col("tariff"), idum("product"), lg("dist")), fe = list("exporter", "importer", "year"), vcov = list("importer")),
  list(id = "flows_pair_fe", data = "flows", formula = "lnflow ~ tariff + dstri_m | exporter^importer + year", y = col("lnflow"), x = list(col("tariff"), col("dstri_m")), fe = list(c("exporter", "importer"), "year"), vcov = list(c("exporter", "importer"))),
  list(id = "flows_pooled", data = "flows", formula = "feols(lnflow ~ tariff + log(dist), vcov = ~exporter)", y = col("lnflow"), x = list(col("tariff"), lg("dist")), vcov = list("exporter"))
)

run_case <- function(cs) {
  d <- DATA[[cs$data]]; p <- PANEL[[cs$data]]
  safe <- 0; names_map <- c(); s_d <- d
  newcol <- function(values, label) { safe <<- safe + 1; nm <- paste0("z", safe); s_d[[nm]] <<- values; names_map[nm] <<- label; nm }
  y <- newcol(cs$y$make(d, p), cs$y$name)
  xs <- c()
  for (t in cs$x) {
    if (isTRUE(t$dummies)) { dm <- t$make(d, p); for (nm in names(dm)) xs <- c(xs, newcol(dm[[nm]], nm)) }
    else xs <- c(xs, newcol(t$make(d, p), t$name))
  }
  fe <- lapply(cs$fe, function(parts) newcol(combo(d, parts), paste(parts, collapse = "^")))
  vc <- if (is.null(cs$vcov)) "iid" else if (is.character(cs$vcov) && length(cs$vcov) == 1 && !is.list(cs$vcov)) cs$vcov else
    list(cluster = lapply(cs$vcov, function(parts) newcol(combo(d, parts), paste(parts, collapse = "^"))))
  # fixest removes rows with a missing FE or cluster value: listwise deletion on them too
  keep <- rep(TRUE, nrow(s_d))
  for (f in unlist(fe)) keep <- keep & !is.na(s_d[[f]])
  if (is.list(vc)) for (f in unlist(vc$cluster)) keep <- keep & !is.na(s_d[[f]])
  s_d <- s_d[keep, , drop = FALSE]
  spec <- list(id = p[["id"]], time = p[["time"]], y = y, x = as.list(xs), fe = fe, vcov = vc)
  r <- fit_spec(s_d, spec)
  e <- r$expected
  e$terms <- unname(ifelse(e$terms %in% names(names_map), names_map[e$terms], e$terms))
  if (!is.null(e$fixef_sizes)) names(e$fixef_sizes) <- unname(names_map[names(e$fixef_sizes)])
  e$n_clusters_by_var <- NULL
  list(id = cs$id, data = cs$data, formula = cs$formula, panel = as.list(p), expected = as_json(e), check = r$check)
}
as_json <- function(e) {
  e$terms <- I(e$terms); e$coef <- I(e$coef); e$se <- I(e$se); e$tstat <- I(e$tstat); e$pvalue <- I(e$pvalue)
  e$vcov <- lapply(seq_len(nrow(e$vcov)), function(i) I(e$vcov[i, ]))
  e
}

models <- lapply(CASES, run_case)
chk <- do.call(rbind, lapply(models, function(m) unlist(m$check)))
models <- lapply(models, function(m) { m$check <- NULL; m })
out <- list(
  meta = list(
    generator = "scripts/reference/formulas.R (lm + factor dummies + sandwich via lib.R fit_spec; fixest NOT used)",
    target = "fixest 0.12.1 feols defaults (see scripts/reference/README.md)",
    versions = versions(),
    checks_max = as.list(apply(chk, 2, max))
  ),
  models = models
)
path <- file.path(outdir, "formulas.expected.json")
tmp <- paste0(path, ".tmp")
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE), tmp)
invisible(file.rename(tmp, path))
cat(sprintf("%s: %d formulas; self-check max %s\n", basename(path), length(models),
            paste(colnames(chk), formatC(apply(chk, 2, max), format = "e", digits = 1), sep = "=", collapse = " ")))
