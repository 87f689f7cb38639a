# Synthetic survey for the weighting benchmarks: N respondents, weighting variables of 5, 3 and 4 categories,
# a 0/1 outcome, and population margins (counts) for raking.
# Usage: Rscript make_weighting_data.R N OUTDIR
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
set.seed(42)
region <- sample(paste0("r", 1:5), n, replace = TRUE, prob = c(.30, .25, .20, .15, .10))
sex <- sample(c("f", "m", "x"), n, replace = TRUE, prob = c(.52, .46, .02))
age <- sample(c("16-34", "35-49", "50-64", "65+"), n, replace = TRUE, prob = c(.20, .30, .30, .20))
y <- as.integer(runif(n) < ifelse(region == "r1", .45, .35))
df <- data.frame(id = sprintf("P%07d", 1:n), region = region, sex = sex, age = age, y = y)
write.csv(df, file.path(out, "data.csv"), row.names = FALSE, quote = FALSE)
total <- 5e6
margins <- rbind(
  data.frame(variable = "region", category = paste0("r", 1:5), target = total * c(.22, .22, .22, .17, .17)),
  data.frame(variable = "sex", category = c("f", "m", "x"), target = total * c(.50, .49, .01)),
  data.frame(variable = "age", category = c("16-34", "35-49", "50-64", "65+"), target = total * c(.28, .26, .25, .21)))
write.csv(margins, file.path(out, "margins.csv"), row.names = FALSE, quote = FALSE)
