# Confidence intervals of a proportion on a cluster design, by R's svyciprop methods (logit, xlogit, beta, and mean
# for insight's wald), overall and in each stype domain, with df = degf of the domain (svyciprop's default), for
# the command's --ci. Usage: Rscript make_ci_methods.R OUTDIR (reads apiclus1_replicates.csv here).
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
clus <- read.csv(file.path(out, "apiclus1_replicates.csv"), colClasses = c(cds = "character"))
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = clus, fpc = ~fpc)
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
rows <- list()
for (dom in c("(all)", "E", "H", "M")) {
  d <- if (dom == "(all)") dclus1 else subset(dclus1, stype == dom)
  for (m in c("logit", "xlogit", "beta", "mean")) {
    ci <- svyciprop(~I(sch.wide == "Yes"), d, method = m, df = degf(d))
    rows[[length(rows) + 1]] <- data.frame(subgroup = dom, method = if (m == "mean") "wald" else m,
      estimate = coef(ci)[[1]], se = SE(ci)[[1]], ci_low = confint(ci)[1], ci_high = confint(ci)[2], df = degf(d))
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_ci_methods.csv"), row.names = FALSE)
