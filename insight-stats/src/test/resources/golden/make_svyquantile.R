# Golden values for svyquantile with R 4.x's defaults (qrule = "math": the smallest x with F(x) >= p;
# interval.type = "mean": Woodruff's interval, the design-based Wald interval of the proportion at or below the
# quantile on the design's df, mapped back through the same rule; se = interval width / (2 qt(0.975, df))) on the
# cluster, stratified and two-stage designs, overall and by domain of stype, with missing values (enroll in apiclus2).
# Each domain's row comes from svyquantile on the domain's subset, checked against svyby(..., svyquantile).
# Usage: Rscript make_svyquantile.R OUTDIR   (reads apiclus1_replicates.csv, apistrat.csv, apiclus2.csv)
# The weights decide ties at exactly p in the last bit: the design must be read from the same files as here.
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
clus1 <- read.csv(file.path(out, "apiclus1_replicates.csv"))
strat <- read.csv(file.path(out, "apistrat.csv"))
clus2 <- read.csv(file.path(out, "apiclus2.csv"))
designs <- list(
  dclus1 = svydesign(id = ~dnum, weights = ~pw, data = clus1, fpc = ~fpc),
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat, fpc = ~fpc),
  dclus2 = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = clus2))
ps <- c(0.1, 0.25, 0.5, 0.9)
rows <- list()
quantiles <- function(nm, d, v, domain) {
  q <- svyquantile(as.formula(paste0("~", v)), d, quantiles = ps, ci = TRUE, na.rm = TRUE)[[v]]
  rows[[length(rows) + 1]] <<- data.frame(design = nm, variable = v, domain = domain, p = ps,
    estimate = q[, 1], ci_low = q[, 2], ci_high = q[, 3], se = q[, 4])
  q
}
for (nm in names(designs)) {
  d <- designs[[nm]]
  for (v in c("api00", "enroll")) {
    quantiles(nm, d, v, "all")
    by <- svyby(as.formula(paste0("~", v)), ~stype, d, svyquantile, quantiles = ps, ci = TRUE, na.rm = TRUE)
    for (s in c("E", "H", "M")) {
      q <- quantiles(nm, subset(d, stype == s), v, paste0("stype=", s))
      stopifnot(isTRUE(all.equal(unname(unlist(coef(by)[paste0(s, ":", v, ".", ps)])), unname(q[, 1]))),
        isTRUE(all.equal(unname(unlist(SE(by)[s, ])), unname(q[, 4]))))
    }
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_svyquantile.csv"), row.names = FALSE)
