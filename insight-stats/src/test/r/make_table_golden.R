# Reference values for banner-table tests that the shared golden files do not cover.
# Usage: Rscript make_table_golden.R GOLDEN_DIR OUT_DIR   (GOLDEN_DIR = /work/shared/golden/staff-survey)
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
src <- args[1]; out <- args[2]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
df <- read.csv(file.path(src, "staff_survey.csv"), stringsAsFactors = FALSE)
m <- read.csv(file.path(src, "margins.csv"), stringsAsFactors = FALSE)
pop <- function(v) { x <- m[m$variable == v, ]; d <- data.frame(x$category, x$target); names(d) <- c(v, "Freq"); d }
for (v in c("sector", "area", "age")) df[[v]] <- factor(df[[v]], levels = m$category[m$variable == v])
df$base_weight <- sum(pop("sector")$Freq) / nrow(df)
d0 <- svydesign(ids = ~1, weights = ~base_weight, data = df)
draked <- rake(d0, list(~sector, ~area, ~age), list(pop("sector"), pop("area"), pop("age")),
               control = list(maxit = 1000, epsilon = 1e-9))
rows <- list()
for (v in grep("^pri_", names(df), value = TRUE)) {
  f <- as.formula(paste0("~sector+", v))
  t1 <- svychisq(f, draked, statistic = "F")
  t2 <- svychisq(f, draked, statistic = "Chisq")
  rows[[length(rows) + 1]] <- data.frame(variable = v, rao_scott_F = t1$statistic[[1]],
     ndf = t1$parameter[[1]], ddf = t1$parameter[[2]], p_F = t1$p.value[[1]],
     rao_scott_chisq = t2$statistic[[1]], p_chisq = t2$p.value[[1]])
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_sector_tests_raked_design.csv"), row.names = FALSE)
# a filtered (domain) test: commenters only, fixed raked weights
fixedw <- svydesign(ids = ~1, weights = ~w, data = transform(df, w = weights(draked)))
com <- subset(fixedw, commented == 1)
t1 <- svychisq(~contact + pri_workforce, com, statistic = "F")
t2 <- svychisq(~contact + pri_workforce, com, statistic = "Chisq")
write.csv(fmt(data.frame(variable = "pri_workforce", banner = "contact", filter = "commented == 1",
   rao_scott_F = t1$statistic[[1]], ndf = t1$parameter[[1]], ddf = t1$parameter[[2]], p_F = t1$p.value[[1]],
   rao_scott_chisq = t2$statistic[[1]], p_chisq = t2$p.value[[1]])),
   file.path(out, "expected_domain_test.csv"), row.names = FALSE)
cat("written to", out, "\n")
