# Golden values for banner tables (insight table) on weighted and replicate designs, from R's api samples:
#  - column percentages of a single-choice row by a banner variable (svymean of the row in each column's domain)
#    with their standard errors (in percentage points) and the Rao-Scott test of the row against the banner (svychisq, its default second-order F);
#  - quantile rows: svyby(~api00, ~banner, design, svyquantile, quantiles = c(.25, .5, .75), ci = TRUE) with
#    R 4.x's defaults (qrule = "math", interval.type = "mean"), each column's interval from svyquantile on the
#    column's subset (checked equal to svyby's estimates and standard errors);
# on these designs:
#  strat_raking_bounded  the stratified sample calibrated to ~stype + comp.imp + stype:comp.imp + enroll with
#                        calfun = "raking", bounds = c(0.5, 2) (the case of make_calibrate.R)
#  clus1_raked_trim      the one-stage cluster sample calibrated to ~stype + sch.wide + enroll (raking), then
#                        trimWeights(lower = 28, upper = 50)
#  clus1                 the one-stage cluster sample as drawn
#  strat                 the stratified sample as drawn
#  clus1_jk1             as.svrepdesign(clus1, type = "JK1")
#  clus1_jk1_raking      that replicate design calibrated to ~stype + sch.wide + enroll (raking): every replicate
#                        calibrated to the same totals
# Every table has the row awards and the banner stype.
# Usage: Rscript make_table_weighting.R OUTDIR   (reads apistrat.csv and apiclus1.csv there: the weights decide
# quantile ties in the last bit, so the designs are read from the same files as the command reads)
# Writes expected_table_weighting.csv (a cell: design, row, column, estimate, se, ci_low, ci_high; the interval of
# quantile rows only) and expected_table_weighting_tests.csv (svychisq: f, ndf, ddf, p).
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
data(api)
pop <- apipop
pop$enroll[is.na(pop$enroll)] <- 0
g15 <- function(x) sprintf("%.15g", x)
strat <- read.csv(file.path(out, "apistrat.csv"))
clus1 <- read.csv(file.path(out, "apiclus1.csv"))
for (v in c("stype", "sch.wide", "comp.imp", "awards")) {
  strat[[v]] <- factor(strat[[v]])
  clus1[[v]] <- factor(clus1[[v]])
}
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat, fpc = ~fpc)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = clus1, fpc = ~fpc)
totals <- function(f) colSums(model.matrix(f, model.frame(f, pop)))
f1 <- ~stype + comp.imp + stype:comp.imp + enroll
f2 <- ~stype + sch.wide + enroll
designs <- list(
  strat_raking_bounded = list(d = calibrate(dstrat, f1, population = totals(f1), calfun = "raking",
    bounds = c(0.5, 2), maxit = 200, epsilon = 1e-12), banner = "stype"),
  clus1_raked_trim = list(d = trimWeights(calibrate(dclus1, f2, population = totals(f2), calfun = "raking",
    maxit = 200, epsilon = 1e-12), lower = 28, upper = 50), banner = "stype"),
  clus1 = list(d = dclus1, banner = "stype"),
  strat = list(d = dstrat, banner = "stype"),
  clus1_jk1 = list(d = as.svrepdesign(dclus1, type = "JK1"), banner = "stype"),
  clus1_jk1_raking = list(d = calibrate(as.svrepdesign(dclus1, type = "JK1"), f2, population = totals(f2),
    calfun = "raking", maxit = 200, epsilon = 1e-12), banner = "stype"))
ps <- c(0.25, 0.5, 0.75)
rows <- list()
tests <- list()
add <- function(id, row, column, estimate, se = NA, low = NA, high = NA)
  rows[[length(rows) + 1]] <<- data.frame(design = id, row = row, column = column, estimate = g15(estimate),
    se = g15(se), ci_low = g15(low), ci_high = g15(high))
for (id in names(designs)) {
  d <- designs[[id]]$d
  b <- designs[[id]]$banner
  fb <- as.formula(paste0("~", b))
  domains <- c(list(Total = d), setNames(lapply(levels(d$variables[[b]]),
    function(l) d[d$variables[[b]] == l, ]), paste0(b, "=", levels(d$variables[[b]]))))
  # the column percentages of awards (Yes and No) in Total and each column
  for (column in names(domains)) {
    m <- svymean(~awards, domains[[column]])
    for (l in levels(d$variables$awards)) add(id, paste0("awards=", l), column, 100 * coef(m)[[paste0("awards", l)]],
      100 * unname(SE(m))[match(paste0("awards", l), names(coef(m)))])
  }
  x <- svychisq(as.formula(paste0("~awards + ", b)), d)
  tests[[length(tests) + 1]] <- data.frame(design = id, row = "awards", banner = b, f = g15(x$statistic[[1]]),
    ndf = g15(x$parameter[["ndf"]]), ddf = g15(x$parameter[["ddf"]]), p = g15(x$p.value[[1]]))
  # quantile rows: each column's quantiles with their intervals; svyby's must agree
  by <- svyby(~api00, fb, d, svyquantile, quantiles = ps, ci = TRUE)
  for (column in names(domains)) {
    q <- svyquantile(~api00, domains[[column]], quantiles = ps, ci = TRUE)$api00
    if (column != "Total") {
      l <- sub(".*=", "", column)
      stopifnot(isTRUE(all.equal(unname(unlist(coef(by)[paste0(l, ":api00.", ps)])), unname(q[, 1]))),
        isTRUE(all.equal(unname(unlist(SE(by)[l, ])), unname(q[, 4]))))
    }
    for (k in seq_along(ps)) add(id, paste0("api00@", ps[k]), column, q[k, 1], q[k, 4], q[k, 2], q[k, 3])
  }
}
write.csv(do.call(rbind, rows), file.path(out, "expected_table_weighting.csv"), row.names = FALSE)
write.csv(do.call(rbind, tests), file.path(out, "expected_table_weighting_tests.csv"), row.names = FALSE)
