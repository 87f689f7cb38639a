# Golden values for replicate-weight designs (R survey's svrepdesign and as.svrepdesign).
# Usage: Rscript make_replicate_golden.R OUTDIR
# Degrees of freedom are degf() of the design, or of the domain's subset (R recomputes it there).
# Writes the data with its replicate weights as columns (so a reader of the CSV can rebuild each design from the
# columns alone, combined weights) and, per design, estimates with their replicate standard errors and R's degf.
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
data(scd)
keep <- c("cds", "stype", "dnum", "snum", "api00", "api99", "enroll", "sch.wide", "awards", "pw", "fpc")
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
dclus1nofpc <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1)
jk1 <- as.svrepdesign(dclus1nofpc, type = "JK1")
jkn <- as.svrepdesign(dstrat, type = "JKn")
set.seed(20261201)
boot <- as.svrepdesign(dclus1, type = "bootstrap", replicates = 50)
repcols <- function(design, prefix) {
  w <- weights(design, "analysis")
  colnames(w) <- paste0(prefix, "_", seq_len(ncol(w)))
  as.data.frame(w)
}
clus <- cbind(apiclus1[, keep], repcols(jk1, "jk1"), repcols(boot, "boot"))
strat <- cbind(apistrat[, keep], repcols(jkn, "jkn"))
write.csv(fmt(clus), file.path(out, "apiclus1_replicates.csv"), row.names = FALSE)
write.csv(fmt(strat), file.path(out, "apistrat_replicates.csv"), row.names = FALSE)
# scd: 6 ambulance stations in 3 strata of 2 PSUs; BRR half-samples from ?svrepdesign, and Fay with rho = 0.3
h <- cbind(c(1, 0, 1, 0, 1, 0), c(1, 0, 0, 1, 0, 1), c(0, 1, 1, 0, 0, 1), c(0, 1, 0, 1, 1, 0))
scd2 <- cbind(id = paste0("s", 1:6), scd, w = 1, setNames(as.data.frame(2 * h), paste0("brr_", 1:4)),
  setNames(as.data.frame(ifelse(h == 1, 2 - 0.3, 0.3)), paste0("fay_", 1:4)))
write.csv(fmt(scd2), file.path(out, "scd_replicates.csv"), row.names = FALSE)
write.csv(fmt(data.frame(jkn_rscales = jkn$rscales)), file.path(out, "apistrat_jkn_rscales.csv"), row.names = FALSE)

designs <- list(
  jk1 = list(svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = jk1$scale,
    combined.weights = TRUE), "apiclus1"),
  jk1_mse = list(svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = jk1$scale,
    combined.weights = TRUE, mse = TRUE), "apiclus1"),
  jkn = list(svrepdesign(data = strat, repweights = "jkn_[0-9]+", weights = ~pw, type = "JKn", rscales = jkn$rscales,
    combined.weights = TRUE), "apistrat"),
  bootstrap = list(svrepdesign(data = clus, repweights = "boot_[0-9]+", weights = ~pw, type = "bootstrap",
    combined.weights = TRUE), "apiclus1"),
  sdr = list(svrepdesign(data = clus, repweights = "boot_[0-9]+", weights = ~pw, type = "successive-difference",
    combined.weights = TRUE), "apiclus1"),
  other = list(svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "other", scale = 0.5,
    rscales = seq(0.5, 1.9, by = 0.1), combined.weights = TRUE), "apiclus1"),
  brr = list(svrepdesign(data = scd2, repweights = "brr_[0-9]", weights = ~w, type = "BRR", combined.weights = TRUE),
    "scd"),
  fay = list(svrepdesign(data = scd2, repweights = "fay_[0-9]", weights = ~w, type = "Fay", rho = 0.3,
    combined.weights = TRUE), "scd"))
rows <- list()
add <- function(design, data, quantity, est, se, df) rows[[length(rows) + 1]] <<- data.frame(design = design,
  data = data, quantity = quantity, estimate = est, se = se, df = df)
for (nm in names(designs)) {
  d <- designs[[nm]][[1]]
  dat <- designs[[nm]][[2]]
  df <- degf(d)
  if (dat == "scd") {
    m <- svymean(~alive, d); add(nm, dat, "mean(alive)", coef(m)[[1]], SE(m)[[1]], df)
    t <- svytotal(~arrests, d); add(nm, dat, "total(arrests)", coef(t)[[1]], SE(t)[[1]], df)
    r <- svyratio(~alive, ~arrests, d); add(nm, dat, "ratio(alive/arrests)", coef(r)[[1]], SE(r)[[1]], df)
    next
  }
  m <- svymean(~api00, d); add(nm, dat, "mean(api00)", coef(m)[[1]], SE(m)[[1]], df)
  t <- svytotal(~enroll, d); add(nm, dat, "total(enroll)", coef(t)[[1]], SE(t)[[1]], df)
  p <- svymean(~sch.wide, d); add(nm, dat, "proportion(sch.wide=Yes)", coef(p)[[2]], SE(p)[[2]], df)
  r <- svyratio(~api00, ~api99, d); add(nm, dat, "ratio(api00/api99)", coef(r)[[1]], SE(r)[[1]], df)
  b <- svyby(~api00, ~stype, d, svymean)
  for (k in seq_len(nrow(b))) add(nm, dat, paste0("mean(api00)|stype=", b$stype[k]), b$api00[k], SE(b)[k],
    degf(subset(d, stype == b$stype[k])))
  for (stat in c("F", "Chisq")) {
    x <- svychisq(~sch.wide + stype, d, statistic = stat)
    add(nm, dat, paste0("svychisq(sch.wide+stype) statistic=", stat), x$statistic[[1]], x$p.value[[1]],
      if (stat == "F") x$parameter[["ddf"]] else x$parameter[["df"]])
  }
  b <- svyby(~sch.wide, ~awards, d, svymean)
  for (k in seq_len(nrow(b))) add(nm, dat, paste0("proportion(sch.wide=Yes)|awards=", b$awards[k]),
    b$sch.wideYes[k], SE(b)[k, 2], degf(subset(d, awards == b$awards[k])))
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_replicate_estimates.csv"), row.names = FALSE)
# the scales as.svrepdesign gives (its replicate weights are the jk1_ and jkn_ columns above)
write.csv(fmt(data.frame(design = c("jk1", "jkn"), scale = c(jk1$scale, jkn$scale))), file.path(out,
  "expected_replicate_scales.csv"), row.names = FALSE)
