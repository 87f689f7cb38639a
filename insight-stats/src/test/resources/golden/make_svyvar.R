# Golden values for svyvar (population variances with their standard errors) on the cluster, stratified,
# two-stage and JK1 replicate designs, overall, by domain and with missing values.
# Usage: Rscript make_svyvar.R OUTDIR   (reads apiclus1_replicates.csv from OUTDIR)
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
clus <- read.csv(file.path(out, "apiclus1_replicates.csv"))
designs <- list(
  dclus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  dclus2 = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = apiclus2),
  jk1 = svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = 14 / 15,
    combined.weights = TRUE))
rows <- list()
add <- function(design, quantity, est, se) rows[[length(rows) + 1]] <<- data.frame(design = design,
  quantity = quantity, estimate = est, se = se)
for (nm in names(designs)) {
  d <- designs[[nm]]
  v <- svyvar(~api00, d); add(nm, "variance(api00)", coef(v)[[1]], SE(v)[[1]])
  v <- svyvar(~enroll, d, na.rm = TRUE); add(nm, "variance(enroll)", coef(v)[[1]], SE(v)[[1]])
  for (a in c("No", "Yes")) {
    v <- svyvar(~api00, subset(d, awards == a)); add(nm, paste0("variance(api00)|awards=", a), coef(v)[[1]],
      SE(v)[[1]])
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_svyvar.csv"), row.names = FALSE)
