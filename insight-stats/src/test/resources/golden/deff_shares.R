# Design effects when margins are given as shares: the weights are raked to shares x n (they sum to the sample
# size), so R's svymean(deff = TRUE) would compare with sampling without replacement from a population of n and
# divide by zero; insight then compares with sampling with replacement, R's deff = "replace". This script writes
# R's figures for the staff survey raked to the shares of margins.csv, overall and by sector.
# Usage (from this folder): Rscript deff_shares.R
suppressMessages(library(survey))
fmt <- function(x) sprintf("%.12g", x)
df <- read.csv("staff_survey.csv", stringsAsFactors = FALSE)
m <- read.csv("margins.csv", stringsAsFactors = FALSE)
n <- nrow(df)
pop <- lapply(c("sector", "area", "age"), function(v) {
  t <- m[m$variable == v, ]
  d <- data.frame(t$category, Freq = t$target / sum(t$target) * n)
  names(d)[1] <- v
  d
})
df$w0 <- 1
d0 <- svydesign(ids = ~1, weights = ~w0, data = df)
raked <- rake(d0, list(~sector, ~area, ~age), pop, control = list(maxit = 1000, epsilon = 1e-12))
rows <- list()
for (g in c("(all)", sort(unique(df$sector)))) {
  d <- if (g == "(all)") raked else subset(raked, sector == g)
  e <- svymean(~pri_housing, d, deff = "replace")
  rows[[length(rows) + 1]] <- data.frame(subgroup = g, estimate = fmt(coef(e)), se = fmt(SE(e)),
                                         deff = fmt(deff(e)))
}
write.csv(do.call(rbind, rows), "expected_deff_shares.csv", row.names = FALSE)
