# Golden values for weighting a replicate-weight design, and for quantiles on replicate designs (weighted or not,
# svyquantile.svyrep.design with its default interval.type = "mean") (R survey's postStratify, rake and calibrate on an
# svyrep.design): every replicate weight column is calibrated to the same population totals, and every estimate's
# standard error comes from the re-weighted replicates.
# Usage: Rscript make_replicate_weighting.R OUTDIR
# The designs are read from the replicate files make_replicate_golden.R wrote (apiclus1_replicates.csv,
# apistrat_replicates.csv), as the Java tests read them. Targets are the population's counts in R's apipop.
# Raking runs to a tight convergence (epsilon 1e-13 of the weights' sum) so that R's fixed number of sweeps per
# replicate and insight's per-replicate convergence meet at the same raking limit.
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
clus <- read.csv(file.path(out, "apiclus1_replicates.csv"), colClasses = c(cds = "character"))
strat <- read.csv(file.path(out, "apistrat_replicates.csv"), colClasses = c(cds = "character"))
rscales <- read.csv(file.path(out, "apistrat_jkn_rscales.csv"))$jkn_rscales
for (d in c("clus", "strat")) {
  x <- get(d); x$stype <- factor(x$stype, levels = c("E", "H", "M")); x$sch.wide <- factor(x$sch.wide)
  x$awards <- factor(x$awards); assign(d, x)
}
designs <- list(
  jk1 = svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = 14 / 15,
    combined.weights = TRUE),
  jkn = svrepdesign(data = strat, repweights = "jkn_[0-9]+", weights = ~pw, type = "JKn", rscales = rscales,
    combined.weights = TRUE),
  bootstrap = svrepdesign(data = clus, repweights = "boot_[0-9]+", weights = ~pw, type = "bootstrap",
    combined.weights = TRUE))
pop.stype <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
pop.sw <- data.frame(sch.wide = c("No", "Yes"), Freq = as.vector(table(apipop$sch.wide)[c("No", "Yes")]))
N <- nrow(apipop)
totals <- c(`(Intercept)` = N, stypeH = pop.stype$Freq[2], stypeM = pop.stype$Freq[3],
  sch.wideYes = pop.sw$Freq[2])
write.csv(rbind(data.frame(variable = "stype", category = pop.stype$stype, target = pop.stype$Freq),
  data.frame(variable = "sch.wide", category = pop.sw$sch.wide, target = pop.sw$Freq)),
  file.path(out, "replicate_weighting_margins.csv"), row.names = FALSE)
weightings <- list(
  none = function(d) d,
  poststratify = function(d) postStratify(d, ~stype, pop.stype),
  rake = function(d) rake(d, list(~stype, ~sch.wide), list(pop.stype, pop.sw),
    control = list(maxit = 500, epsilon = 1e-13)),
  linear = function(d) calibrate(d, ~stype + sch.wide, totals, compress = FALSE),
  linear_bounded = function(d) calibrate(d, ~stype + sch.wide, totals, bounds = c(0.7, 2.2), maxit = 200,
    compress = FALSE, epsilon = 1e-12))
# bounds that bind in the jackknife's replicates and that every replicate meets; the bootstrap's and JKn's
# replicates cannot all meet them (R warns and keeps weights that miss the targets; insight refuses)
bounded <- "jk1"
rows <- list()
add <- function(design, weighting, quantity, est, se, df) rows[[length(rows) + 1]] <<- data.frame(
  design = design, weighting = weighting, quantity = quantity, estimate = est, se = se, df = df)
for (nm in names(designs)) {
  for (wn in names(weightings)) {
    if (wn == "linear_bounded" && !(nm %in% bounded)) next
    d <- weightings[[wn]](designs[[nm]])
    df <- degf(d)
    m <- svymean(~api00, d); add(nm, wn, "mean(api00)", coef(m)[[1]], SE(m)[[1]], df)
    t <- svytotal(~enroll, d); add(nm, wn, "total(enroll)", coef(t)[[1]], SE(t)[[1]], df)
    p <- svymean(~awards, d); add(nm, wn, "proportion(awards=Yes)", coef(p)[[2]], SE(p)[[2]], df)
    p <- svymean(~sch.wide, d); add(nm, wn, "proportion(sch.wide=Yes)", coef(p)[[2]], SE(p)[[2]], df)
    r <- svyratio(~api00, ~api99, d); add(nm, wn, "ratio(api00/api99)", coef(r)[[1]], SE(r)[[1]], df)
    v <- svyvar(~api00, d); add(nm, wn, "variance(api00)", coef(v)[[1]], SE(v)[[1]], df)
    q <- svyquantile(~api00, d, quantiles = c(0.25, 0.5), ci = TRUE)$api00
    for (k in 1:2) add(nm, wn, paste0("quantile(api00:", c(0.25, 0.5)[k], ")"), q[k, 1], q[k, 4], df)
    add(nm, wn, "quantile_ci(api00:0.5)", q[2, 2], q[2, 3], df)
    for (s in c("E", "H", "M")) {
      ds <- subset(d, stype == s)
      q <- svyquantile(~api00, ds, quantiles = 0.5, ci = TRUE)$api00
      add(nm, wn, paste0("quantile(api00:0.5)|stype=", s), q[1, 1], q[1, 4], degf(ds))
      add(nm, wn, paste0("quantile_ci(api00:0.5)|stype=", s), q[1, 2], q[1, 3], degf(ds))
    }
    b <- svyby(~api00, ~stype, d, svymean)
    for (k in seq_len(nrow(b))) add(nm, wn, paste0("mean(api00)|stype=", b$stype[k]), b$api00[k], SE(b)[k],
      degf(subset(d, stype == b$stype[k])))
    b <- svyby(~awards, ~stype, d, svymean)
    for (k in seq_len(nrow(b))) add(nm, wn, paste0("proportion(awards=Yes)|stype=", b$stype[k]),
      b$awardsYes[k], SE(b)[k, 2], degf(subset(d, stype == b$stype[k])))
    x <- svychisq(~awards + stype, d, statistic = "F")
    add(nm, wn, "svychisq(awards+stype) statistic=F", x$statistic[[1]], x$p.value[[1]], x$parameter[["ddf"]])
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_replicate_weighting.csv"), row.names = FALSE)
# insight table --margins with --cluster dnum --replicates JK1: equal starting weights summing to the margins'
# total, JK1 replicates made from the clusters, then every replicate raked (as.svrepdesign, then rake)
eq <- clus
eq$w0 <- N / nrow(eq)
jk <- as.svrepdesign(svydesign(id = ~dnum, weights = ~w0, data = eq), type = "JK1")
rj <- rake(jk, list(~stype, ~sch.wide), list(pop.stype, pop.sw), control = list(maxit = 500, epsilon = 1e-13))
x <- svychisq(~awards + stype, rj, statistic = "F")
write.csv(fmt(data.frame(design = "jk1_equal_start", weighting = "rake",
  quantity = "svychisq(awards+stype) statistic=F", estimate = x$statistic[[1]], se = x$p.value[[1]],
  df = x$parameter[["ddf"]])), file.path(out, "expected_table_replicate_rake.csv"), row.names = FALSE)
