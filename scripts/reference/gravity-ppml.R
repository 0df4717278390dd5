# Reference for the gravity lab's PPML (the engine's, called by src/lib/simulate/fit-ppml.ts): three cross-sections drawn from the
# gravity lab's process in R (y = exp(b0 + b x) eta, x ~ U(0, 2), ln eta ~ N(-s(x)/2, s(x)), s = s0 + s1 x),
# written to tests/fixtures/gravity_ppml.csv at full precision, and R's Poisson pseudo-ML on each:
#   coefficients        glm(y ~ x, family = poisson, control = glm.control(epsilon = 1e-14, maxit = 100)),
#                       refitted from its own estimate so the weights are evaluated at it
#   iid (fixest)        vcov(glm) * (n - 1) / (n - K)           (fixest ssc adj; dispersion fixed at 1)
#   HC1                 sandwich::vcovHC(fit, type = "HC1")      (= fixest "hetero" for fepois)
# Writes tests/fixtures/gravity_ppml.reference.json. Run: Rscript scripts/reference/gravity-ppml.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))
fixdir <- file.path(root, "tests", "fixtures")
set.seed(20261206)
cases <- list(list(id = "n50", N = 50, b0 = 0, b = 1, s0 = 0.5, s1 = 1),
              list(id = "n500", N = 500, b0 = 1, b = -0.5, s0 = 0.2, s1 = 2),
              list(id = "n2000", N = 2000, b0 = -1, b = 2, s0 = 1, s1 = 0.5))
rows <- list(); out <- list()
for (k in cases) {
  x <- runif(k$N, 0, 2); s <- k$s0 + k$s1 * x
  y <- exp(k$b0 + k$b * x) * exp(rnorm(k$N, -s / 2, sqrt(s)))
  rows[[k$id]] <- data.frame(case = k$id, x = x, y = y)
  fit <- glm(y ~ x, family = poisson(), control = glm.control(epsilon = 1e-14, maxit = 100))
  # glm's vcov uses the weights of its last IRLS step, i.e. mu one step before convergence (~1e-8 off in the
  # SEs); a refit started at the converged coefficients evaluates the weights at the estimate itself.
  fit <- glm(y ~ x, family = poisson(), start = coef(fit), control = glm.control(epsilon = 1e-14, maxit = 100))
  n <- k$N; K <- 2
  out[[k$id]] <- list(coef = unname(coef(fit)),
                      se_iid = unname(sqrt(diag(vcov(fit)) * (n - 1) / (n - K))),
                      se_hc1 = unname(sqrt(diag(vcovHC(fit, type = "HC1")))))
}
d <- do.call(rbind, rows)
write.csv(data.frame(case = d$case, x = sprintf("%.17g", d$x), y = sprintf("%.17g", d$y)), file.path(fixdir, "gravity_ppml.csv"), row.names = FALSE, quote = FALSE)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(fixdir, "gravity_ppml.reference.json"))
cat("wrote gravity_ppml.csv and gravity_ppml.reference.json\n")
