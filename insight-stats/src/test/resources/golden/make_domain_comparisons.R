# Golden values for differences between domains (svycontrast of svyby with covmat = TRUE) with their t tests
# (svyttest on the two domains' respondents; the same t on degf of those respondents minus 1 for totals and
# ratios), and for domains of two --by variables (svyby with ~stype + awards).
# Usage: Rscript make_domain_comparisons.R OUTDIR   (reads apiclus1_replicates.csv from OUTDIR for the JK1 design)
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
clus <- read.csv(file.path(out, "apiclus1_replicates.csv"))
designs <- list(
  dclus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  jk1 = svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = 14 / 15,
    combined.weights = TRUE))
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(...)
for (nm in names(designs)) {
  d <- update(designs[[nm]], yes = as.numeric(sch.wide == "Yes"))
  levels <- c("E", "H", "M")
  stats <- list(
    "mean(api00)" = function(d) svyby(~api00, ~stype, d, svymean, covmat = TRUE),
    "proportion(yes)" = function(d) svyby(~yes, ~stype, d, svymean, covmat = TRUE),
    "total(enroll)" = function(d) svyby(~enroll, ~stype, d, svytotal, covmat = TRUE),
    "ratio(api00/api99)" = function(d) svyby(~api00, by = ~stype, denominator = ~api99, design = d, svyratio,
      covmat = TRUE))
  for (q in names(stats)) {
    b <- stats[[q]](d)
    for (i in 1:2) for (j in (i + 1):3) {
      cc <- rep(0, 3); cc[i] <- 1; cc[j] <- -1
      k <- svycontrast(b, cc)
      est <- coef(k)[[1]]; se <- SE(k)[[1]]
      pair <- subset(d, stype %in% levels[c(i, j)])
      df <- degf(pair) - 1
      add(design = nm, quantity = q, by = "stype", first = levels[i], second = levels[j], difference = est,
        se = se, df = df, p = 2 * pt(-abs(est / se), df))
      if (q %in% c("mean(api00)", "proportion(yes)")) {
        pair <- update(pair, first = as.numeric(stype == levels[i]))
        y <- if (q == "mean(api00)") "api00" else "yes"
        t <- svyttest(as.formula(paste(y, "~ first")), pair)
        stopifnot(abs(t$p.value - 2 * pt(-abs(est / se), df)) < 1e-9 * max(1e-300, t$p.value))
      }
    }
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_domain_comparisons.csv"), row.names = FALSE)
rows <- list()
for (nm in names(designs)) {
  b <- svyby(~api00, ~stype + awards, designs[[nm]], svymean)
  for (k in seq_len(nrow(b))) rows[[length(rows) + 1]] <- data.frame(design = nm, stype = as.character(b$stype[k]),
    awards = as.character(b$awards[k]), estimate = b$api00[k], se = SE(b)[k])
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_two_way_domains.csv"), row.names = FALSE)
