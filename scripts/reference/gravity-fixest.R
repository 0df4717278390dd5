# The gravity estimators against the REAL fixest (not run in CI, which has no fixest): every model of
# tests/fixtures/ppml.reference.json (fepois) and hac.reference.json (feols / fepois with vcov_DK / vcov_NW) re-run
# with fixest itself at its tightest tolerances (glm.tol 3e-13, fixef.tol 3e-12: at 1e-10 fepois stops one IRLS step
# early, which moves its SEs by ~1e-6 relative while the coefficients agree to 1e-10), one thread. Prints JSON {id: {coef, se, nobs}}.
#   R_LIBS=/tmp/Rlib Rscript scripts/reference/gravity-fixest.R
suppressPackageStartupMessages({library(fixest); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
fix <- file.path(root, "tests", "fixtures")
setFixest_nthreads(1)
flows <- read.csv(file.path(fix, "ppml_flows.csv"), stringsAsFactors = FALSE)
gaps <- read.csv(file.path(fix, "unbalanced_gaps.csv"), stringsAsFactors = FALSE, na.strings = "NA")
bt <- function(v) paste0("`", v, "`")
run <- function(m) {
  s <- m$spec
  d <- if (s$id == "country") gaps else flows
  if (s$id == "country") d <- d[complete.cases(d[, c("y", "dstri", "lngdp", "lnpopu")]), ]
  x <- unlist(s$x); fe <- unlist(s$fe)
  # Separation by a regressor (ids sep_*): fixest 0.12 does not detect it; the engine drops the separated rows and
  # the then-constant regressor as ppmlhdfe does, so compare with fepois on the data without them.
  if (startsWith(m$id, "sep_")) { d <- d[d$sepx == 0, ]; x <- setdiff(x, "sepx") }
  f <- paste(bt(s$y), "~", paste(bt(x), collapse = " + "))
  if (length(fe)) f <- paste(f, "|", paste(vapply(fe, function(e) paste(bt(strsplit(e, "^", fixed = TRUE)[[1]]), collapse = "^"), ""), collapse = " + "))
  v <- s$vcov; pid <- NULL
  if (is.null(v) || identical(v, "iid")) vc <- "iid"
  else if (identical(v, "hetero")) vc <- "hetero"
  else if (is.list(v) && !is.null(v$cluster)) {
    cl <- unlist(v$cluster)
    for (c in cl[grepl("^", cl, fixed = TRUE)]) d[[c]] <- do.call(paste, c(lapply(strsplit(c, "^", fixed = TRUE)[[1]], function(p) d[[p]]), sep = "^"))
    vc <- as.formula(paste("~", paste(bt(cl), collapse = " + ")))
  }
  else {
    kind <- if (is.character(v)) v else names(v)[1]
    lag <- if (is.list(v)) v[[1]]$lag else NULL
    pid <- as.formula(paste("~", bt(s$id), "+", bt(s$time)))
    vc <- if (kind == "driscoll_kraay") (if (is.null(lag)) vcov_DK() else vcov_DK(lag = lag)) else (if (is.null(lag)) vcov_NW() else vcov_NW(lag = lag))
  }
  est <- if (identical(s$estimator, "ppml")) {
    fepois(as.formula(f), d, vcov = vc, panel.id = pid, glm.tol = 3e-13, glm.iter = 200, fixef.tol = 3e-12, notes = FALSE)
  } else feols(as.formula(f), d, vcov = vc, panel.id = pid, fixef.tol = 3e-12, notes = FALSE)
  list(coef = unname(coef(est)), se = unname(se(est)), nobs = nobs(est), terms = names(coef(est)))
}
out <- list()
for (file in c("ppml.reference.json", "hac.reference.json")) {
  ms <- fromJSON(file.path(fix, file), simplifyVector = FALSE)$models
  for (m in ms) out[[m$id]] <- tryCatch(run(m), error = function(e) list(error = conditionMessage(e)))
}
cat(toJSON(list(fixest = as.character(packageVersion("fixest")), models = out), digits = NA, auto_unbox = TRUE))
