# The R side of the whole-process comparison with `insight weight`: read the CSV, rake to the margins
# (1e-9, at most 1000 sweeps), write id,weight with 12 significant digits.
# Usage: Rscript rake_process.R data.csv margins.csv out.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
df <- read.csv(args[1], stringsAsFactors = FALSE)
m <- read.csv(args[2], stringsAsFactors = FALSE)
pops <- lapply(unique(m$variable), function(v) {
  p <- data.frame(m$category[m$variable == v], m$target[m$variable == v])
  names(p) <- c(v, "Freq")
  p
})
vars <- unique(m$variable)
df$base <- sum(pops[[1]]$Freq) / nrow(df)
d <- svydesign(ids = ~1, weights = ~base, data = df)
r <- rake(d, lapply(vars, function(v) as.formula(paste0("~", v))), pops,
          control = list(maxit = 1000, epsilon = 1e-9))
write.csv(data.frame(id = df$id, weight = sprintf("%.12g", weights(r))), args[3], row.names = FALSE, quote = FALSE)
