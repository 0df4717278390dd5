# PPML (fixest `fepois` conventions) and panel HAC variances (fixest `vcov_DK`, `vcov_NW`) on the project's own
# synthetic data, computed with base R (glm + factor dummies, lm for the weighted within transformation); fixest
# is not used. Run from the repository root:
#   Rscript scripts/reference/ppml.R
# writes tests/fixtures/ppml_flows.csv, tests/fixtures/ppml.reference.json (PPML models) and
# tests/fixtures/hac.reference.json (Driscoll-Kraay and Newey-West for OLS and PPML, several lags, gappy panels).
#
# Conventions (fixest 0.12.1, R/ESTIMATION_FUNS.R feglm.fit and R/VCOV.R):
#  - fixef.rm = "perfect": rows of a fixed-effect level whose outcome is all 0 are removed (repeated until none);
#  - rows separated by a regressor (outcome 0 where the regressor is > 0, and the regressor 0 wherever y > 0)
#    are removed, and the regressor, then constant, is dropped (ppmlhdfe: the estimate equals fepois on the rest);
#  - bread B = (X~' W X~)^{-1}, W = mu, X~ the mu-weighted residual of X on the fixed-effect dummies; scores
#    x~_i (y_i - mu_i); iid V = (n-1)/(n-K) B, K = nparams = k + sum(|f| - 1) + 1 (k with the intercept if pooled);
#    hetero n/(n-K) B M B; cluster G_min/(G_min-1) (n-1)/(n-K_nested) with inclusion-exclusion for multi-way;
#  - z = b/se, p = 2 pnorm(-|z|); deviance, log-likelihood sum(y log mu - mu - lgamma(y+1)), null model
#    intercept only; McFadden pseudo R2 1 - ll/ll_null;
#  - DK: scores summed by period (ranks of the distinct times), Bartlett w_l = 1 - l/(L+1) for l <= min(L, T-2),
#    V = T/(T-1) (n-1)/(n-K) B meat B, K "nested" in the time variable; NW: products of scores of the same unit
#    l periods apart, K "nested" in unit or time; OLS t df = T - 1.
suppressMessages({library(jsonlite); library(sandwich)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- file.path(root, "tests", "fixtures")

# ---------------------------------------------------------------- data
set.seed(20261206)
origins <- c("CHN", "USA", "DEU", "JPN", "KOR", "FRA", "GBR", "ZZZ")
dests <- c("AUS", "BRA", "CAN", "IND", "MEX", "NLD", "ZAF")
products <- c("p1", "p2", "p3")
years <- 2011:2020
g <- expand.grid(origin = origins, destination = dests, product = products, year = years, stringsAsFactors = FALSE)
g <- g[runif(nrow(g)) < 0.85, ]                       # gaps: 15% of flow-years missing at random
rownames(g) <- NULL
n <- nrow(g)
eff <- function(levels, sd) setNames(rnorm(length(levels), 0, sd), levels)
a_o <- eff(origins, 0.8); b_d <- eff(dests, 0.6); c_p <- eff(products, 0.4); g_t <- eff(as.character(years), 0.2)
oy <- paste(g$origin, g$year); oye <- eff(unique(oy), 0.2)
g$x1 <- round(0.4 * b_d[g$destination] + 0.3 * g_t[as.character(g$year)] + rnorm(n), 6)        # dstri-like
g$x2 <- round(0.5 * a_o[g$origin] + oye[oy] + rnorm(n, 0, 0.7), 6)
g$d1 <- as.numeric(runif(n) < 0.4)
eta <- 1.5 + 0.4 * g$x1 - 0.3 * g$x2 + 0.2 * g$d1 + a_o[g$origin] + b_d[g$destination] + c_p[g$product] +
  g_t[as.character(g$year)] + oye[oy]
mu <- exp(eta)
g$y <- ifelse(runif(n) < 0.25, 0, round(mu * exp(rnorm(n, 0, 0.5) - 0.125), 3))       # trade values, 25% zeros
g$y0 <- ifelse(runif(n) < 0.6, 0, round(mu * exp(rnorm(n, 0, 0.8) - 0.32), 3))        # many zeros (60%)
g$ycount <- rpois(n, exp(eta - 0.5))                                                # counts
g$y[g$origin == "ZZZ"] <- 0; g$y0[g$origin == "ZZZ"] <- 0; g$ycount[g$origin == "ZZZ"] <- 0  # FE-only separation
# A regressor that separates: > 0 only on some rows with y = 0 (and 0 wherever y > 0).
g$sepx <- ifelse(g$y == 0 & g$origin != "ZZZ" & runif(n) < 0.2, round(runif(n, 0.5, 2), 3), 0)
g$flow <- paste(g$origin, g$destination, g$product, sep = "-")
g <- g[order(runif(n)), ]                               # rows in arbitrary order
g <- g[, c("origin", "destination", "product", "year", "flow", "y", "y0", "ycount", "x1", "x2", "d1", "sepx")]
write.csv(g, file.path(fixdir, "ppml_flows.csv"), row.names = FALSE)
d <- read.csv(file.path(fixdir, "ppml_flows.csv"), stringsAsFactors = FALSE)
for (cb in list(c("origin", "year"), c("destination", "year"), c("origin", "destination"), c("destination", "product")))
  d[[paste(cb, collapse = "^")]] <- paste(d[[cb[1]]], d[[cb[2]]], sep = "^")

# ---------------------------------------------------------------- shared pieces
nparams_of <- function(k, sizes) if (length(sizes) == 0) k else k + sum(sizes - 1) + 1
is_nested_in <- function(f, cl) all(tapply(cl, f, function(v) length(unique(v))) == 1)
k_nested <- function(s, fe, vars, k, sizes) {
  np <- nparams_of(k, sizes)
  if (length(fe) == 0) return(np)
  nested <- vapply(fe, function(f) f %in% vars || any(vapply(vars, function(c) is_nested_in(s[[f]], s[[c]]), logical(1))), logical(1))
  if (!any(nested)) return(np)
  K <- if (all(nested)) np - (sum(sizes) - (length(fe) - 1)) + 1 else np - sum(sizes[nested] - 1)
  max(K, k + 1)
}
cl_index <- function(s, vars) if (length(vars) == 1) as.character(s[[vars]]) else do.call(paste, c(lapply(vars, function(v) as.character(s[[v]])), sep = "\r"))
meat_cluster <- function(S, s, vars) {
  M <- 0
  for (i in seq_along(vars)) {
    cmb <- combn(vars, i, simplify = FALSE)
    for (cv in cmb) { R <- rowsum(S, cl_index(s, cv)); M <- M + (-1)^(i + 1) * crossprod(R) }
  }
  M
}
time_rank <- function(t) match(t, sort(unique(t)))
hac_weights <- function(lag, T) { L <- min(lag, T - 2); if (L < 1) numeric(0) else 1 - (1:L) / (lag + 1) }
meat_dk <- function(S, time, lag) {
  r <- time_rank(time); T <- max(r)
  St <- rowsum(S, r, reorder = TRUE)
  M <- crossprod(St)
  w <- hac_weights(lag, T)
  for (l in seq_along(w)) {
    G <- crossprod(St[(l + 1):T, , drop = FALSE], St[1:(T - l), , drop = FALSE])
    M <- M + w[l] * (G + t(G))
  }
  M
}
meat_nw <- function(S, unit, time, lag) {
  r <- time_rank(time); T <- max(r)
  key <- paste(unit, r)
  if (anyDuplicated(key)) stop("duplicate unit-time")
  M <- crossprod(S)
  w <- hac_weights(lag, T)
  pos <- setNames(seq_along(key), key)
  for (l in seq_along(w)) {
    prev <- pos[paste(unit, r - l)]
    ok <- !is.na(prev)
    G <- crossprod(S[ok, , drop = FALSE], S[prev[ok], , drop = FALSE])
    M <- M + w[l] * (G + t(G))
  }
  M
}
num <- function(x) unname(as.numeric(x))

# Perfect fixed effects: remove, repeatedly, rows of FE levels whose outcome is all 0.
drop_perfect <- function(s, y, fe) {
  repeat {
    bad <- rep(FALSE, nrow(s))
    for (f in fe) { tot <- tapply(s[[y]], s[[f]], sum); bad <- bad | tot[as.character(s[[f]])] == 0 }
    if (!any(bad)) return(s)
    s <- s[!bad, , drop = FALSE]
  }
}

# ---------------------------------------------------------------- PPML
fit_ppml <- function(d, spec) {
  y <- spec$y; x <- unlist(spec$x); fe <- unlist(spec$fe)
  s <- d
  n_perfect <- 0; n_sep <- 0
  if (length(fe) > 0) { n0 <- nrow(s); s <- drop_perfect(s, y, fe); n_perfect <- n0 - nrow(s) }
  collinear <- character(0)
  if ("sepx" %in% x) {                                  # separated by construction: y = 0 where sepx > 0
    sep <- s$sepx > 0
    stopifnot(all(s[[y]][sep] == 0), all(s$sepx[s[[y]] > 0] == 0))
    n_sep <- sum(sep); s <- s[!sep, , drop = FALSE]
    if (length(fe) > 0) { n0 <- nrow(s); s <- drop_perfect(s, y, fe); n_perfect <- n_perfect + n0 - nrow(s) }
    x <- setdiff(x, "sepx"); collinear <- "sepx"
  }
  rownames(s) <- NULL
  n <- nrow(s)
  fe_terms <- if (length(fe) > 0) paste0("factor(`", fe, "`)") else character(0)
  fml <- as.formula(paste(y, "~", paste(c(x, fe_terms), collapse = " + ")))
  ctrl <- glm.control(epsilon = 1e-12, maxit = 200)
  m <- suppressWarnings(glm(fml, family = poisson(), data = s, control = ctrl))
  m <- suppressWarnings(glm(fml, family = poisson(), data = s, control = ctrl, start = coef(m)))
  if (!m$converged) stop("glm did not converge: ", paste(deparse(fml), collapse = ""), " max|coef| ", max(abs(coef(m)), na.rm = TRUE))
  mu <- fitted(m)
  X <- as.matrix(s[, x, drop = FALSE])
  if (length(fe) > 0) {
    D <- model.matrix(as.formula(paste("~", paste(fe_terms, collapse = " + "))), s)
    Xt <- apply(X, 2, function(v) residuals(lm.wfit(D, v, w = mu)))
    Xt <- matrix(Xt, nrow = n)
    terms <- x
    coef <- num(coef(m)[x])
  } else {
    X <- cbind(1, X); Xt <- X; terms <- c("(Intercept)", x)
    coef <- num(coef(m)[c("(Intercept)", x)])
  }
  k <- ncol(Xt)
  sizes <- vapply(fe, function(f) length(unique(s[[f]])), numeric(1))
  np <- nparams_of(k, sizes)
  B <- solve(crossprod(Xt, mu * Xt))
  S <- Xt * (s[[y]] - mu)
  v <- spec$vcov
  if (identical(v, "iid")) { V <- B * (n - 1) / (n - np); K <- np }
  else if (identical(v, "hetero")) { V <- B %*% crossprod(S) %*% B * n / (n - np); K <- np }
  else if (!is.null(v$cluster)) {
    cv <- unlist(v$cluster)
    K <- k_nested(s, fe, cv, k, sizes)
    G <- min(vapply(cv, function(c) length(unique(s[[c]])), numeric(1)))
    V <- B %*% meat_cluster(S, s, cv) %*% B * G / (G - 1) * (n - 1) / (n - K)
    ev <- eigen(V, symmetric = TRUE)
    if (any(diag(V) < 0)) V <- ev$vectors %*% diag(pmax(ev$values, 1e-10)) %*% t(ev$vectors)
  } else stop("vcov")
  se <- sqrt(diag(V)); z <- coef / se
  yy <- s[[y]]
  ll <- sum(yy * log(mu) - mu - lgamma(yy + 1))
  ybar <- mean(yy)
  ll0 <- sum(yy * log(ybar) - ybar - lgamma(yy + 1))
  dev <- 2 * sum(ifelse(yy > 0, yy * log(yy / mu), 0) - (yy - mu))
  dev0 <- 2 * sum(ifelse(yy > 0, yy * log(yy / ybar), 0) - (yy - ybar))
  stopifnot(abs(dev - deviance(m)) < 1e-8 * (1 + dev))
  list(terms = terms, coef = coef, se = num(se), tstat = num(z), pvalue = num(2 * pnorm(-abs(z))), nobs = n,
       nparams = np, dof_K = K, deviance = dev, null_deviance = dev0, loglik = ll, ll_null = ll0, pseudo_r2 = 1 - ll / ll0,
       n_perfect = n_perfect, n_separated = n_sep, collinear = collinear, vcov = unname(V), S = S, B = B, s = s, Xt = Xt, k = k, sizes = sizes)
}

cl <- function(...) list(cluster = list(...))
P <- function(id, y, x, fe, vcov) list(id = id, spec = list(id = "flow", time = "year", y = y, x = as.list(x), fe = as.list(fe), vcov = vcov, estimator = "ppml"))
ppml_models <- list(
  P("pooled_iid", "y", c("x1", "x2"), character(0), "iid"),
  P("pooled_hetero", "y", c("x1", "x2", "d1"), character(0), "hetero"),
  P("pooled_cl_year", "y", c("x1"), character(0), cl("year")),
  P("o_iid", "y", c("x1", "x2"), "origin", "iid"),
  P("o_cl_o", "y", c("x1", "x2"), "origin", cl("origin")),
  P("od_iid", "y", c("x1", "x2"), c("origin", "destination"), "iid"),
  P("od_hetero", "y", c("x1", "x2"), c("origin", "destination"), "hetero"),
  P("od_cl_o", "y", c("x1", "x2"), c("origin", "destination"), cl("origin")),
  P("ody_cl_d", "y", c("x1", "x2", "d1"), c("origin", "destination", "year"), cl("destination")),
  P("oy_cl2_od", "y", c("x1", "x2"), c("origin", "year"), cl("origin", "destination")),
  P("odyp_cl_o", "y", c("x1", "x2"), c("origin", "destination", "year", "product"), cl("origin")),
  P("oXy_d_cl_o", "y", c("x1", "x2"), c("origin^year", "destination"), cl("origin")),
  P("oXy_dXp_cl2", "y", c("x1", "x2"), c("origin^year", "destination^product"), cl("origin", "destination")),
  P("oXd_y_cl_oXd", "y", c("x1", "x2"), c("origin^destination", "year"), cl("origin^destination")),
  P("oXd_y_p_hetero", "y", c("x1", "x2"), c("origin^destination", "year", "product"), "hetero"),
  P("y0_od_cl_o", "y0", c("x1", "x2"), c("origin", "destination"), cl("origin")),
  P("y0_ody_iid", "y0", c("x1", "x2"), c("origin", "destination", "year"), "iid"),
  P("y0_dXy_cl_d", "y0", c("x1", "x2"), c("destination^year", "origin"), cl("destination")),
  P("count_oy_iid", "ycount", c("x1", "x2"), c("origin", "year"), "iid"),
  P("count_dXy_cl_d", "ycount", c("x1", "x2", "d1"), c("destination^year", "origin"), cl("destination")),
  P("count_pooled_hetero", "ycount", c("x1", "x2"), character(0), "hetero"),
  P("sep_oy_cl_o", "y", c("x1", "sepx", "x2"), c("origin", "year"), cl("origin")),
  P("sep_pooled_hetero", "y", c("x1", "sepx"), character(0), "hetero"),
  P("sep_ody_cl2", "y", c("sepx", "x1", "x2"), c("origin", "destination", "year"), cl("origin", "year"))
)
strip <- function(r) r[c("terms", "coef", "se", "tstat", "pvalue", "nobs", "nparams", "dof_K", "deviance", "null_deviance", "loglik", "ll_null", "pseudo_r2", "n_perfect", "n_separated", "collinear", "vcov")]
out <- lapply(ppml_models, function(m) { r <- fit_ppml(d, m$spec); c(list(id = m$id, spec = m$spec), list(expected = strip(r))) })
meta <- list(generated_by = "scripts/reference/ppml.R", data = "tests/fixtures/ppml_flows.csv", R = R.version.string,
             conventions = "fixest 0.12.1 fepois (glm + dummies, fixest ssc); fixest not used")
writeLines(toJSON(list(meta = meta, models = out), digits = NA, auto_unbox = TRUE, pretty = FALSE), file.path(fixdir, "ppml.reference.json"))
cat("PPML models:", length(out), "\n")

# ---------------------------------------------------------------- HAC (DK, NW) for OLS and PPML
ols_fit <- function(s, y, x, fe) {
  X <- as.matrix(s[, x, drop = FALSE]); yy <- s[[y]]
  if (length(fe) > 0) {
    D <- model.matrix(as.formula(paste("~", paste0("factor(`", fe, "`)", collapse = " + "))), s)
    Xt <- matrix(apply(X, 2, function(v) residuals(lm.fit(D, v))), nrow = nrow(s)); yt <- residuals(lm.fit(D, yy)); terms <- x
  } else { Xt <- cbind(1, X); yt <- yy; terms <- c("(Intercept)", x) }
  B <- solve(crossprod(Xt)); b <- B %*% crossprod(Xt, yt); e <- as.numeric(yt - Xt %*% b)
  sizes <- vapply(fe, function(f) length(unique(s[[f]])), numeric(1))
  list(terms = terms, coef = num(b), B = B, S = Xt * e, k = ncol(Xt), sizes = sizes, n = nrow(s), s = s)
}
hac <- function(f, type, lag, unit, time, fe, ppml) {
  s <- f$s; n <- nrow(s); T <- length(unique(s[[time]]))
  L <- if (is.null(lag)) floor(T^(1/4)) else lag
  if (type == "DK") { M <- meat_dk(f$S, s[[time]], L); vars <- time }
  else { M <- meat_nw(f$S, s[[unit]], s[[time]], L); vars <- c(unit, time) }
  K <- k_nested(s, fe, vars, f$k, f$sizes)
  V <- f$B %*% M %*% f$B * T / (T - 1) * (n - 1) / (n - K)
  se <- sqrt(diag(V)); t <- f$coef / se
  p <- if (ppml) 2 * pnorm(-abs(t)) else 2 * pt(-abs(t), T - 1)
  list(terms = f$terms, coef = f$coef, se = num(se), tstat = num(t), pvalue = num(p), nobs = n, dof_K = K, lag = L, df_t = if (ppml) NULL else T - 1, vcov = unname(V))
}
vspec <- function(type, lag) { nm <- if (type == "DK") "driscoll_kraay" else "newey_west"; if (is.null(lag)) nm else setNames(list(list(lag = lag)), nm) }

gaps <- read.csv(file.path(fixdir, "unbalanced_gaps.csv"), stringsAsFactors = FALSE)
gaps <- gaps[complete.cases(gaps[, c("y", "dstri", "lngdp", "lnpopu")]), ]
rownames(gaps) <- NULL
hac_models <- list()
add <- function(id, spec, res) hac_models[[length(hac_models) + 1]] <<- list(id = id, spec = spec, expected = res)
OLS_FE <- list(pooled = character(0), country = "country", twfe = c("country", "year"), year = "year")
for (fn in names(OLS_FE)) {
  fe <- OLS_FE[[fn]]
  f <- ols_fit(gaps, "y", c("dstri", "lngdp", "lnpopu"), fe)
  for (type in c("DK", "NW")) for (lag in list(NULL, 1, 2, 3)) {
    id <- paste("ols", fn, type, if (is.null(lag)) "default" else lag, sep = "_")
    spec <- list(id = "country", time = "year", y = "y", x = list("dstri", "lngdp", "lnpopu"), fe = as.list(fe), vcov = vspec(type, lag))
    add(id, spec, hac(f, type, lag, "country", "year", fe, FALSE))
  }
}
# Cross-check of the hand-written DK meat: sandwich::vcovPL (cross-section sums by period, Bartlett), pooled OLS.
lmp <- lm(y ~ dstri + lngdp + lnpopu, data = gaps)
f <- ols_fit(gaps, "y", c("dstri", "lngdp", "lnpopu"), character(0))
for (L in 1:3) {
  V1 <- vcovPL(lmp, cluster = ~ country, order.by = ~ year, lag = L, adjust = FALSE, fix = FALSE)
  V2 <- f$B %*% meat_dk(f$S, gaps$year, L) %*% f$B
  stopifnot(max(abs(V1 - V2) / sqrt(outer(diag(V1), diag(V1)))) < 1e-10)
}
# PPML: DK and NW on the gappy flows (unit = flow, unique flow-year pairs).
PP_FE <- list(od = c("origin", "destination"), ody = c("origin", "destination", "year"), pooled = character(0))
for (fn in names(PP_FE)) {
  fe <- PP_FE[[fn]]
  spec0 <- list(id = "flow", time = "year", y = "y", x = list("x1", "x2"), fe = as.list(fe), vcov = "iid", estimator = "ppml")
  r <- fit_ppml(d, spec0)
  f <- list(terms = r$terms, coef = r$coef, B = r$B, S = r$S, k = r$k, sizes = r$sizes, s = r$s)
  for (type in c("DK", "NW")) for (lag in list(NULL, 1, 2, 4)) {
    id <- paste("ppml", fn, type, if (is.null(lag)) "default" else lag, sep = "_")
    spec <- spec0; spec$vcov <- vspec(type, lag)
    add(id, spec, hac(f, type, lag, "flow", "year", fe, TRUE))
  }
}
# Driscoll-Kraay allows several rows per id and period (here id = origin): OLS on the flows.
f <- ols_fit(d, "y0", c("x1", "x2"), c("origin", "year"))
for (lag in list(NULL, 2)) add(paste0("ols_flows_dup_DK_", if (is.null(lag)) "default" else lag),
  list(id = "origin", time = "year", y = "y0", x = list("x1", "x2"), fe = list("origin", "year"), vcov = vspec("DK", lag)),
  hac(f, "DK", lag, "origin", "year", c("origin", "year"), FALSE))
meta$data <- "tests/fixtures/unbalanced_gaps.csv (complete cases of y, dstri, lngdp, lnpopu), tests/fixtures/ppml_flows.csv"
writeLines(toJSON(list(meta = meta, models = hac_models), digits = NA, auto_unbox = TRUE, null = "null"), file.path(fixdir, "hac.reference.json"))
cat("HAC models:", length(hac_models), "\n")
