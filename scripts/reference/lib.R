# Reference implementation of the fixest 0.12.1 conventions (see scripts/reference/README.md)
# with base R `lm` + factor dummies + sandwich (+ car for VIF). fixest itself is not used.
#
# Every model is estimated twice: (1) lm with the full dummy design, vcov from sandwich,
# rescaled to fixest's small-sample conventions; (2) an explicit Frisch-Waugh-Lovell computation
# (X and y residualised on the dummies, sandwich formulas written out). The reported numbers
# come from (1); the max difference to (2) is stored in the output as a self-check.

suppressPackageStartupMessages({
  library(sandwich)
  library(jsonlite)
  library(car)
})

CONTROLS <- c("lngdp", "lnpopu", "gov", "urban")

read_panel <- function(path) {
  d <- read.csv(path, na.strings = "NA", stringsAsFactors = FALSE,
                colClasses = c(country = "character"))
  if (anyDuplicated(paste(d$country, d$year))) stop("duplicated (country, year) rows in ", path)
  d
}

# "L.x" -> list(k = 1, var = "x"); "L2.x" -> list(k = 2, var = "x"); leads are negative lags (Stata's F.,
# fixest's f(x, k)): "F.x" -> list(k = -1, var = "x"), "F2.x" -> list(k = -2, var = "x"); otherwise NULL
parse_lag <- function(term) {
  m <- regmatches(term, regexec("^([LF])([0-9]*)\\.(.+)$", term))[[1]]
  if (length(m) == 0) return(NULL)
  k <- if (m[3] == "") 1L else as.integer(m[3])
  list(k = if (m[2] == "L") k else -k, var = m[4])
}

# Lagged columns are built on the FULL data (before exclusions / listwise deletion):
# L{k}.x at (i, t) = x at the row (i, t - k); missing if that row is absent (calendar-time lag);
# F{k}.x at (i, t) = x at the row (i, t + k) (k negative in parse_lag).
add_lags <- function(d, terms, id = "country", time = "year") {
  key <- paste(d[[id]], d[[time]], sep = "\r")
  for (t in terms) {
    lg <- parse_lag(t)
    if (is.null(lg) || !is.null(d[[t]])) next
    src <- paste(d[[id]], d[[time]] - lg$k, sep = "\r")
    d[[t]] <- d[[lg$var]][match(src, key)]
  }
  d
}

# Estimation sample: lags -> exclusions -> listwise deletion on y, x -> (optional) singletons.
# Singleton removal (fixest fixef.rm = "singleton"): ONE non-recursive pass; an observation is
# removed when its level of any FE dimension occurs exactly once in the complete-case sample.
build_sample <- function(d, spec) {
  d <- add_lags(d, unlist(spec$x), spec$id, spec$time)
  if (!is.null(spec$exclude)) {
    for (col in names(spec$exclude)) d <- d[!(d[[col]] %in% unlist(spec$exclude[[col]])), , drop = FALSE]
  }
  vars <- c(spec$y, unlist(spec$x))
  ok <- stats::complete.cases(d[, vars, drop = FALSE])
  s <- d[ok, , drop = FALSE]
  n_complete <- nrow(s)
  fe <- unlist(spec$fe)
  if (isTRUE(spec$drop_singletons) && length(fe) > 0) {
    single <- rep(FALSE, nrow(s))
    for (f in fe) {
      tab <- table(s[[f]])
      single <- single | (tab[as.character(s[[f]])] == 1)
    }
    s <- s[!single, , drop = FALSE]
  }
  rownames(s) <- NULL
  attr(s, "n_complete") <- n_complete
  s
}

fe_design <- function(s, fe) {
  if (length(fe) == 0) return(matrix(1, nrow(s), 1, dimnames = list(NULL, "(Intercept)")))
  f <- as.formula(paste("~", paste0("factor(`", fe, "`)", collapse = " + ")))  # backticks: combined names a^b
  model.matrix(f, data = s)  # intercept + (|f| - 1) dummies per dimension
}

# Is FE `f` nested in cluster variable `cl` (every FE level within exactly one cluster)?
is_nested_in <- function(f, cl) all(tapply(cl, f, function(v) length(unique(v))) == 1)

# fixest 0.12.1 `fixef.K = "nested"` count of parameters for a clustered vcov
# (R/VCOV.R, vcov.fixest, section "NESTING"): an FE is nested if it is one of the cluster
# variables or each of its levels lies in exactly one cluster of ANY of the cluster variables.
k_nested <- function(s, fe, cl_vars, k, nparams, sizes) {
  if (length(fe) == 0) return(nparams)
  nested <- vapply(fe, function(f) {
    f %in% cl_vars || any(vapply(cl_vars, function(c) is_nested_in(s[[f]], s[[c]]), logical(1)))
  }, logical(1))
  K <- nparams
  if (all(nested)) {
    K <- K - (sum(sizes) - (length(fe) - 1)) + 1
  } else {
    K <- K - sum(sizes[nested] - 1)
  }
  max(K, k + 1)
}

cluster_index <- function(s, vars) {
  if (length(vars) == 1) return(as.character(s[[vars]]))
  do.call(paste, c(lapply(vars, function(v) as.character(s[[v]])), sep = "\r"))
}

# Full computation for one spec. Returns the expected block plus diagnostics.
fit_spec <- function(d, spec) {
  s <- build_sample(d, spec)
  fe <- unlist(spec$fe)
  xs <- unlist(spec$x)
  n <- nrow(s)
  y <- s[[spec$y]]
  X <- as.matrix(s[, xs, drop = FALSE]); colnames(X) <- xs
  D <- fe_design(s, fe)
  pooled <- length(fe) == 0
  if (pooled) {
    Z <- cbind(D, X); terms <- c("(Intercept)", xs); idx <- seq_len(ncol(Z))
  } else {
    Z <- cbind(X, D); terms <- xs; idx <- seq_along(xs)
  }
  k <- length(terms)
  sizes <- vapply(fe, function(f) length(unique(s[[f]])), numeric(1))
  nparams <- if (pooled) k else k + sum(sizes) - (length(fe) - 1)
  colnames(Z) <- paste0("z", seq_len(ncol(Z)))

  # (A) lm with the full dummy design (coefficients of X identical to FWL)
  m_dum <- lm(y ~ 0 + Z)
  if (m_dum$rank != ncol(Z) || m_dum$rank != nparams) stop("rank deficient design for ", toJSON(spec, auto_unbox = TRUE))

  # (B) primary: FWL. X and y residualised on the FE dummies by QR least squares (exact within
  # transformation), then lm without intercept on the residualised data. For pooled OLS it is lm(y ~ 1 + X).
  if (pooled) {
    Xt <- cbind(`(Intercept)` = 1, X); yt <- y
  } else {
    Xt <- lm.fit(D, X)$residuals; if (!is.matrix(Xt)) Xt <- matrix(Xt, ncol = k)
    yt <- lm.fit(D, y)$residuals
  }
  colnames(Xt) <- paste0("x", seq_len(k))
  m <- lm(yt ~ 0 + Xt)
  if (m$rank != k) stop("collinear regressors in ", toJSON(spec, auto_unbox = TRUE))
  b <- unname(coef(m))
  e <- unname(residuals(m))
  ssr <- sum(e^2)
  tss <- sum((y - mean(y))^2)

  vspec <- spec$vcov
  cl_vars <- if (is.list(vspec)) unlist(vspec$cluster) else character(0)
  G <- NULL
  if (identical(vspec, "iid") || identical(vspec, "hetero")) {
    K <- nparams; df_t <- n - nparams
  } else if (length(cl_vars) >= 1) {
    K <- k_nested(s, fe, cl_vars, k, nparams, sizes)
    G <- min(vapply(cl_vars, function(v) length(unique(s[[v]])), numeric(1)))
    df_t <- G - 1
  } else stop("unknown vcov")

  # sandwich on a fitted lm `fit` whose rank is `r` (k for the FWL fit, nparams for the dummy fit);
  # `sel` = rows/cols of the slopes. Rescaled to fixest 0.12.1 ssc() defaults.
  fixest_vcov <- function(fit, r, sel) {
    if (identical(vspec, "iid")) {
      # lm: SSR/(n - r) * B; fixest: SSR/(n - nparams) * B
      vcov(fit)[sel, sel] * (n - r) / (n - nparams)
    } else if (identical(vspec, "hetero")) {
      # sandwich HC1: n/(n - r) * B M B; fixest: n/(n - nparams) * B M B
      vcovHC(fit, type = "HC1")[sel, sel] * (n - r) / (n - nparams)
    } else if (length(cl_vars) == 1) {
      # sandwich CL HC1: G/(G-1) * (n-1)/(n - r) * B M B; fixest: G/(G-1) * (n-1)/(n - K_nested) * B M B
      vcovCL(fit, cluster = cluster_index(s, cl_vars), type = "HC1", cadjust = TRUE)[sel, sel] * (n - r) / (n - K)
    } else {
      # Cameron-Gelbach-Miller: sum over non-empty subsets S of the cluster variables of
      # (-1)^(|S|+1) * B M_S B with NO per-term G/(G-1) (cluster.df = "min"), then ONE factor
      # G_min/(G_min-1), G_min = min over the cluster variables (not their intersections), and
      # (n-1)/(n-K_nested).
      Vraw <- 0
      for (rr in seq_along(cl_vars)) for (S in combn(cl_vars, rr, simplify = FALSE)) {
        Vraw <- Vraw + (-1)^(rr + 1) * vcovCL(fit, cluster = cluster_index(s, S), type = "HC0", cadjust = FALSE)[sel, sel]
      }
      Vraw * G / (G - 1) * (n - 1) / (n - K)
    }
  }
  V <- unname(as.matrix(fixest_vcov(m, k, seq_len(k))))
  if (length(cl_vars) >= 2) {
    ev <- eigen(V, symmetric = TRUE, only.values = TRUE)$values
    if (min(ev) <= 0) stop("multiway vcov not positive definite (fixest would 'fix' it): ", toJSON(spec, auto_unbox = TRUE))
  }
  V_dum <- unname(as.matrix(fixest_vcov(m_dum, nparams, idx)))
  se <- sqrt(diag(V))
  tstat <- b / se
  pvalue <- 2 * pt(-abs(tstat), df_t)

  r2 <- 1 - ssr / tss
  adj_r2 <- 1 - (ssr / tss) * (n - 1) / (n - nparams)
  if (pooled) {
    r2w <- NULL; adj_r2w <- NULL; ssr_fe <- NULL
  } else {
    ssr_fe <- sum(lm.fit(D, y)$residuals^2)
    n_fe <- nparams - k
    r2w <- 1 - ssr / ssr_fe
    adj_r2w <- 1 - (ssr / ssr_fe) * (n - n_fe) / (n - n_fe - k)
  }

  # ---- independent checks: (A) dummy-design lm + sandwich; (C) written-out formulas on the FWL data ----
  B <- solve(crossprod(Xt))
  b2 <- drop(B %*% crossprod(Xt, yt))
  e2 <- drop(yt - Xt %*% b2)
  sc <- Xt * e2
  meat_cl <- function(g) { S <- rowsum(sc, g); crossprod(S) }
  if (identical(vspec, "iid")) {
    V2 <- sum(e2^2) / (n - nparams) * B
  } else if (identical(vspec, "hetero")) {
    V2 <- n / (n - nparams) * B %*% crossprod(sc) %*% B
  } else {
    M <- 0
    for (r in seq_along(cl_vars)) for (S in combn(cl_vars, r, simplify = FALSE)) M <- M + (-1)^(r + 1) * meat_cl(cluster_index(s, S))
    V2 <- G / (G - 1) * (n - 1) / (n - K) * B %*% M %*% B
  }
  relv <- function(A) max(abs(A - V) / sqrt(outer(diag(V), diag(V))))
  check <- list(
    coef_dummies = max(abs(b - unname(coef(m_dum)[idx])) / pmax(abs(b), 1e-300)),
    vcov_dummies = relv(V_dum),
    coef_formula = max(abs(b - b2) / pmax(abs(b), 1e-300)),
    vcov_formula = relv(V2),
    ssr_dummies = abs(ssr - sum(residuals(m_dum)^2)) / ssr
  )

  expected <- list(
    terms = terms,
    coef = b, se = se, tstat = tstat, pvalue = pvalue,
    df_t = df_t,
    nobs = n,
    n_groups = length(unique(s[[spec$id]])),
    r2 = r2, adj_r2 = adj_r2, r2_within = r2w, adj_r2_within = adj_r2w,
    vcov = V,
    ssr = ssr,
    tss = tss,
    ssr_fe_only = ssr_fe,
    nparams = nparams,
    dof_K = K,
    n_clusters = if (is.null(G)) NULL else G,
    n_clusters_by_var = if (length(cl_vars)) as.list(vapply(cl_vars, function(v) length(unique(s[[v]])), numeric(1))) else NULL,
    n_complete_cases = attr(s, "n_complete"),
    n_periods = length(unique(s[[spec$time]])),
    fixef_sizes = if (pooled) NULL else as.list(sizes)
  )
  list(expected = expected, check = check)
}

# ---- descriptives, correlations, VIF (conventions of ESTIMATION.md section "Descriptives") ----
desc_row <- function(v, name) {
  v <- v[!is.na(v)]
  list(variable = name, n = length(v), mean = mean(v), sd = sd(v), min = min(v), max = max(v))
}

descriptives <- function(d, y = "y", x = "dstri", controls = CONTROLS) {
  d <- add_lags(d, paste0("L.", x))
  vars <- c(y, x, paste0("L.", x), controls)
  cc <- stats::complete.cases(d[, c(y, x, controls)])
  list(
    available_cases = lapply(vars, function(v) desc_row(d[[v]], v)),
    estimation_sample_ctrl = lapply(vars, function(v) desc_row(d[[v]][cc], v))
  )
}

cor_block <- function(dd) {
  vars <- names(dd); p <- length(vars)
  r <- matrix(1, p, p); pv <- matrix(0, p, p); nn <- matrix(0L, p, p)
  for (i in seq_len(p)) for (j in seq_len(p)) {
    ok <- !is.na(dd[[i]]) & !is.na(dd[[j]])
    nn[i, j] <- sum(ok)
    if (i != j) {
      ct <- cor.test(dd[[i]][ok], dd[[j]][ok])
      r[i, j] <- unname(ct$estimate); pv[i, j] <- ct$p.value
    }
  }
  list(variables = vars, r = r, p = pv, n = nn)
}

correlations <- function(d, y = "y", x = "dstri", controls = CONTROLS) {
  vars <- c(y, x, controls)
  dd <- d[, vars]
  list(pairwise = cor_block(dd), listwise = cor_block(dd[stats::complete.cases(dd), ]))
}

vif_block <- function(d, y = "y", x = "dstri", controls = CONTROLS) {
  vars <- c(x, controls)
  dd <- d[stats::complete.cases(d[, c(y, vars)]), ]
  m <- lm(as.formula(paste(y, "~", paste(vars, collapse = " + "))), data = dd)
  v <- car::vif(m)
  manual <- vapply(vars, function(v) {
    r2 <- summary(lm(as.formula(paste(v, "~", paste(setdiff(vars, v), collapse = " + "))), data = dd))$r.squared
    1 / (1 - r2)
  }, numeric(1))
  list(model = paste0(y, " ~ ", paste(vars, collapse = " + "), " (pooled OLS, complete cases)"),
       n = nrow(dd), variables = vars, vif = unname(v[vars]),
       check_max_abs_diff_manual = max(abs(v[vars] - manual)))
}

versions <- function() {
  list(R = R.version.string,
       sandwich = as.character(packageVersion("sandwich")),
       car = as.character(packageVersion("car")),
       jsonlite = as.character(packageVersion("jsonlite")),
       stats = as.character(packageVersion("stats")))
}
