# Golden values for design-based banner letters: the difference between two banner columns' estimates
# (proportion of sch.wide = "Yes", mean of api00) with its design-based t test, as R's svyttest on the design
# restricted to the two columns, and each column against the rest of the table.
# Usage: Rscript make_design_letters.R OUTDIR
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
designs <- list(
  dclus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc))
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(...)
for (nm in names(designs)) {
  d <- update(designs[[nm]], yes = as.numeric(sch.wide == "Yes"), award = awards)
  for (banner in c("stype", "awards")) {
    levels <- sort(unique(as.character(d$variables[[banner]])))
    for (row in c("yes", "api00")) {
      for (i in seq_along(levels)) {
        a <- levels[i]
        # the column against the rest of the table
        d$variables$in_a <- as.numeric(d$variables[[banner]] == a)
        t <- svyttest(as.formula(paste(row, "~ in_a")), d)
        add(design = nm, banner = banner, row = row, column = a, versus = "(rest)",
            difference = unname(t$estimate), se = unname(t$estimate / t$statistic),
            df = unname(t$parameter), p = t$p.value)
        if (i == length(levels)) next
        for (b in levels[(i + 1):length(levels)]) {
          pair <- subset(d, d$variables[[banner]] %in% c(a, b))
          t <- svyttest(as.formula(paste(row, "~ in_a")), pair)
          add(design = nm, banner = banner, row = row, column = a, versus = b,
              difference = unname(t$estimate), se = unname(t$estimate / t$statistic),
              df = unname(t$parameter), p = t$p.value)
        }
      }
    }
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_design_letters.csv"), row.names = FALSE)
