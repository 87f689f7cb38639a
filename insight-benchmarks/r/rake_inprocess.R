# The R anchors measured inside one R session (reading the CSV not timed): rake to 1e-9, and svyby of a
# proportion with its SE over 5 groups on the fixed-weight and on the raked design.
# Usage: Rscript rake_inprocess.R data.csv margins.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
df <- read.csv(args[1], stringsAsFactors = FALSE)
m <- read.csv(args[2], stringsAsFactors = FALSE)
vars <- unique(m$variable)
pops <- lapply(vars, function(v) {
  p <- data.frame(m$category[m$variable == v], m$target[m$variable == v])
  names(p) <- c(v, "Freq")
  p
})
df$base <- sum(pops[[1]]$Freq) / nrow(df)
d <- svydesign(ids = ~1, weights = ~base, data = df)
best <- function(label, expr, reps = 3) {
  e <- substitute(expr)
  env <- parent.frame()
  times <- sapply(seq_len(reps), function(i) system.time(eval(e, env))[c("elapsed", "user.self")])
  k <- which.min(times["elapsed", ])
  cat(sprintf("%-40s best elapsed %.3f s (cpu %.3f s) of %d; all elapsed: %s\n", label, times["elapsed", k],
              times["user.self", k], reps, paste(sprintf("%.3f", times["elapsed", ]), collapse = ", ")))
}
best("rake 5x3x4 to 1e-9", r <- rake(d, lapply(vars, function(v) as.formula(paste0("~", v))), pops,
                                     control = list(maxit = 1000, epsilon = 1e-9)))
df$w <- weights(r)
fixed <- svydesign(ids = ~1, weights = ~w, data = df)
best("svyby proportion + SE, 5 groups, fixed", svyby(~y, ~region, fixed, svymean))
best("svyby proportion + SE, 5 groups, raked", svyby(~y, ~region, r, svymean), reps = 1)
best("svytable two-way", svytable(~region + sex, fixed))
