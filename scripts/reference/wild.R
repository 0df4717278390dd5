# Wild cluster bootstrap (WCR: restricted, bootstrap-t with CR1 statistics; Cameron, Gelbach & Miller 2008)
# computed the slow, direct way as an independent reference for src/lib/engine/wild-bootstrap.ts (which uses the
# per-cluster algorithm of Roodman et al. 2019): the fixed effects are projected out once (lm residuals on the
# dummies, as boottest / fwildclusterboot do with absorbed effects), then for EVERY one of the 2^G Rademacher sign
# vectors the restricted residuals are flipped by cluster, the model is re-estimated with lm.fit and its CR1
# t-statistic computed. p = share of |t*| >= |t|. Also p at a few other null values (for the interval by test
# inversion) and, for Webb weights, p from 20,000 random draws (R's generator; compared within Monte Carlo error).
#   Rscript scripts/reference/wild.R     -> tests/fixtures/wild_panels.csv, tests/fixtures/wild.reference.json
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
fixdir <- file.path(normalizePath(file.path(here, "..", "..")), "tests", "fixtures")

set.seed(20261207)
panels <- list()
for (G in 8:12) {
  grid <- expand.grid(firm = 1:3, group = seq_len(G), year = 2011:2018)
  grid <- grid[runif(nrow(grid)) < 0.9, ]
  n <- nrow(grid)
  gs <- rnorm(G, 0, 0.5); ys <- rnorm(8, 0, 0.3); fe <- rnorm(3 * G)
  id <- (grid$group - 1) * 3 + grid$firm
  x <- round(0.5 * gs[grid$group] + rnorm(n), 6)
  z <- round(rnorm(n) + 0.3 * fe[id], 6)
  e <- rnorm(n) * (0.5 + grid$group / G) + gs[grid$group] * rnorm(G)[grid$group]
  y <- round(0.15 * x + 0.5 * z + fe[id] + ys[grid$year - 2010] + e, 6)
  panels[[length(panels) + 1]] <- data.frame(panel = paste0("G", G), group = sprintf("g%02d", grid$group),
    firm = sprintf("f%02d_%d", grid$group, grid$firm), year = grid$year, y = y, x = x, z = z)
}
d <- do.call(rbind, panels)
write.csv(d, file.path(fixdir, "wild_panels.csv"), row.names = FALSE)
d <- read.csv(file.path(fixdir, "wild_panels.csv"), stringsAsFactors = FALSE)

cr1_t <- function(X, y, cl, j, b0) {
  f <- lm.fit(X, y)
  b <- f$coefficients; e <- f$residuals
  B <- solve(crossprod(X))
  S <- rowsum(X * e, cl)
  V <- B %*% crossprod(S) %*% B              # any constant CR1 factor cancels in |t*| >= |t|
  (b[j] - b0) / sqrt(V[j, j])
}
wcr <- function(Xt, yt, cl, j, b0, V) {
  Xr <- Xt[, -j, drop = FALSE]
  yr <- yt - b0 * Xt[, j]
  fr <- if (ncol(Xr) > 0) lm.fit(Xr, yr) else list(residuals = yr, fitted.values = 0 * yr)
  u <- fr$residuals; fit <- yt - u                     # X_{-j} gamma + b0 x_j
  t0 <- cr1_t(Xt, yt, cl, j, b0)
  g <- match(cl, sort(unique(cl)))
  ts <- apply(V, 1, function(v) cr1_t(Xt, fit + u * v[g], cl, j, b0))
  list(t = unname(t0), p = mean(abs(ts) >= abs(t0) * (1 - 1e-10)))
}
models <- list()
for (pn in unique(d$panel)) for (fe in list(c("firm", "year"), character(0))) {
  s <- d[d$panel == pn, ]
  G <- length(unique(s$group))
  X <- as.matrix(s[, c("x", "z")]); y <- s$y
  if (length(fe) > 0) {
    D <- model.matrix(as.formula(paste("~", paste0("factor(", fe, ")", collapse = " + "))), s)
    Xt <- apply(X, 2, function(v) residuals(lm.fit(D, v))); yt <- residuals(lm.fit(D, y))
  } else { Xt <- cbind(1, X); yt <- y }                 # pooled: the intercept stays a regressor
  j <- if (length(fe) > 0) 1 else 2
  V <- as.matrix(expand.grid(rep(list(c(1, -1)), G)))
  b <- solve(crossprod(Xt), crossprod(Xt, yt))[j]
  Bi <- solve(crossprod(Xt)); S <- rowsum(Xt * as.numeric(yt - Xt %*% solve(crossprod(Xt), crossprod(Xt, yt))), s$group)
  se <- sqrt((Bi %*% crossprod(S) %*% Bi)[j, j])
  r0 <- wcr(Xt, yt, s$group, j, 0, V)
  nulls <- b + c(-3, -2, -1, 1, 2) * se
  at <- lapply(nulls, function(b0) wcr(Xt, yt, s$group, j, b0, V)$p)
  m <- list(id = paste(pn, if (length(fe)) "fe" else "pooled", sep = "_"), panel = pn, G = G,
            spec = list(id = "firm", time = "year", y = "y", x = list("x", "z"), fe = as.list(fe), vcov = list(cluster = list("group")),
                        bootstrap = list(type = "wild", term = "x", cluster = "group", weights = "rademacher")),
            expected = list(p_value = r0$p, reps = nrow(V), nulls = nulls, p_at = unlist(at)))
  if (G %in% c(8, 10) && length(fe) > 0) {
    webb <- c(-sqrt(1.5), -1, -sqrt(0.5), sqrt(0.5), 1, sqrt(1.5))
    W <- matrix(sample(webb, 20000 * G, replace = TRUE), ncol = G)
    m$expected$webb_p <- wcr(Xt, yt, s$group, j, 0, W)$p
    m$expected$webb_reps <- 20000
  }
  models[[length(models) + 1]] <- m
  cat(m$id, "p =", r0$p, "\n")
}
meta <- list(generated_by = "scripts/reference/wild.R", data = "tests/fixtures/wild_panels.csv", R = R.version.string)
writeLines(toJSON(list(meta = meta, models = models), digits = NA, auto_unbox = TRUE), file.path(fixdir, "wild.reference.json"))
