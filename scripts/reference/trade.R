# Multi-way fixed-effect fixtures in the shape of fixest's public `trade` data set (origin,
# destination, product, year), small enough for lm with the full dummy design:
#   Rscript scripts/reference/trade.R
# writes tests/fixtures/trade_fe.csv and tests/fixtures/trade_fe.reference.json. Numbers follow the
# fixest 0.12.1 conventions of scripts/reference/README.md, computed by lib.R (lm + dummies +
# sandwich, rescaled); fixest itself is not used. Combined effects (`a^b`, one level per observed
# pair, as fixest) are columns named `a^b` built here with paste().

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "lib.R"))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- file.path(root, "tests", "fixtures")

set.seed(20261130)
countries <- c("CHN", "USA", "DEU", "JPN", "KOR", "FRA", "GBR", "ITA", "BRA", "IND")
products <- sprintf("%02d", c(3, 16, 27, 39, 44, 61, 84, 85))
years <- 2015:2019
g <- expand.grid(origin = countries, destination = countries, product = products, year = years,
                 stringsAsFactors = FALSE)
g <- g[g$origin != g$destination, ]
g <- g[runif(nrow(g)) < 0.8, ]             # unbalanced: 20% of flows missing at random
rownames(g) <- NULL
eff <- function(levels, sd) setNames(rnorm(length(levels), 0, sd), levels)
a_o <- eff(countries, 1); b_d <- eff(countries, 1); c_p <- eff(products, 0.7); g_t <- eff(years, 0.3)
pair <- paste(g$origin, g$destination)
pe <- eff(unique(pair), 0.5)
dy <- paste(g$destination, g$year); dye <- eff(unique(dy), 0.2)
n <- nrow(g)
# Regressors correlated with the effects (so absorbing them matters); errors clustered by pair and
# heteroskedastic by product.
g$x1 <- round(0.5 * b_d[g$destination] + 0.3 * c_p[g$product] + rnorm(n), 6)           # tariff-like
g$x2 <- round(0.4 * a_o[g$origin] + dye[dy] + rnorm(n), 6)                              # dstri-like
g$x3 <- round(0.3 * pe[pair] + 0.2 * g_t[as.character(g$year)] + rnorm(n), 6)
e <- rnorm(n) * (0.5 + as.integer(factor(g$product)) / 8) + 0.5 * eff(unique(pair), 1)[pair]
g$y <- round(0.5 * g$x1 - 0.8 * g$x2 + 0.3 * g$x3 + a_o[g$origin] + b_d[g$destination] +
             c_p[g$product] + g_t[as.character(g$year)] + pe[pair] + dye[dy] + e, 6)
g$flow <- paste(g$origin, g$destination, g$product, sep = "-")   # panel id: unique per (flow, year)
g <- g[, c("origin", "destination", "product", "year", "flow", "y", "x1", "x2", "x3")]
write.csv(g, file.path(fixdir, "trade_fe.csv"), row.names = FALSE)

d <- read.csv(file.path(fixdir, "trade_fe.csv"), stringsAsFactors = FALSE,
              colClasses = c(origin = "character", destination = "character", product = "character", flow = "character"))
combos <- list(c("origin", "destination"), c("origin", "year"), c("destination", "year"))
for (cb in combos) d[[paste(cb, collapse = "^")]] <- paste(d[[cb[1]]], d[[cb[2]]], sep = "^")

FES <- list(
  fe3 = list("origin", "destination", "year"),
  fe4 = list("origin", "destination", "product", "year"),
  pair3 = list("origin^destination", "product", "year"),
  exporter_year = list("origin^year", "destination", "product")
)
VCOVS <- list(iid = "iid", hetero = "hetero",
              cl = list(cluster = list("origin")),
              cl2 = list(cluster = list("origin", "destination")))
models <- list(); skipped <- list(); checks <- list()
for (fn in names(FES)) for (vn in names(VCOVS)) {
  id <- paste(fn, vn, sep = "_")
  spec <- list(id = "flow", time = "year", y = "y", x = list("x1", "x2", "x3"), fe = FES[[fn]], vcov = VCOVS[[vn]])
  r <- tryCatch(fit_spec(d, spec), error = function(err) err)
  if (inherits(r, "error")) { skipped[[length(skipped) + 1]] <- list(id = id, reason = conditionMessage(r)); next }
  checks[[id]] <- r$check
  e <- r$expected
  e$terms <- I(e$terms); e$coef <- I(e$coef); e$se <- I(e$se); e$tstat <- I(e$tstat); e$pvalue <- I(e$pvalue)
  e$vcov <- lapply(seq_len(nrow(e$vcov)), function(i) I(e$vcov[i, ]))
  models[[length(models) + 1]] <- list(id = id, spec = spec, expected = e)
}
chk <- do.call(rbind, lapply(checks, unlist))
out <- list(
  meta = list(
    generator = "scripts/reference/trade.R (lm + factor dummies + sandwich; fixest NOT used)",
    input = "trade_fe.csv", n_rows = nrow(d), versions = versions(),
    target = "fixest 0.12.1 feols defaults (scripts/reference/README.md); nparams = k + sum(FE sizes) - (#FE - 1), the dummy design's rank (checked)",
    checks = list(max = as.list(apply(chk, 2, max))),
    skipped = skipped
  ),
  models = models
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null", pretty = FALSE),
           file.path(fixdir, "trade_fe.reference.json"))
cat(sprintf("trade_fe: %d rows, %d models, %d skipped; self-check max: %s\n", nrow(d), length(models), length(skipped),
            paste(colnames(chk), formatC(apply(chk, 2, max), format = "e", digits = 1), sep = "=", collapse = " ")))
