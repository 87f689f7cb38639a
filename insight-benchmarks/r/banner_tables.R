# R survey's equivalent of BannerTableBenchmark, on the same data (written by the benchmark's setup with
# -Dinsight.bench.csv=PATH). Usage: Rscript banner_tables.R PATH [full]
# Times, for fixed weights (svydesign(ids = ~1, weights = ~w)):
#   - one single-choice question by one banner variable: svyby(svymean) for the column percentages with SEs,
#     and svychisq (Rao-Scott F);
#   - one multiple-response option by one banner variable: the same;
# and extrapolates to the benchmark's whole table (10 single-choice questions and 80 options, each by 3 banner
# variables: 30 + 240 such units). With "full" it runs the whole table instead (tens of minutes).
# R has no column-letters test; svyby + svychisq is the closest standard workflow.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
t_read <- system.time(df <- read.csv(args[1], stringsAsFactors = FALSE))[["elapsed"]]
full <- length(args) > 1 && args[2] == "full"
for (b in paste0("banner", 0:2)) df[[b]] <- factor(df[[b]])
d <- svydesign(ids = ~1, weights = ~w, data = df)
unit <- function(question, banner) {
  df_q <- as.formula(paste0("~factor(", question, ")"))
  t1 <- system.time(svyby(df_q, as.formula(paste0("~", banner)), d, svymean, na.rm = TRUE))[["elapsed"]]
  t2 <- system.time(svychisq(as.formula(paste0("~", question, "+", banner)), d))[["elapsed"]]
  c(svyby = t1, svychisq = t2)
}
if (full) {
  total <- 0
  for (b in paste0("banner", 0:2)) {
    for (q in paste0("single", 0:9)) total <- total + sum(unit(q, b))
    for (q in paste0("multi", 0:9)) for (o in 0:7) total <- total + sum(unit(paste0(q, "_opt", o), b))
  }
  cat(sprintf("read %.1f s; whole table svyby + svychisq %.1f s\n", t_read, total))
} else {
  s <- unit("single0", "banner0")
  m <- unit("multi0_opt3", "banner0")
  est <- 30 * sum(s) + 240 * sum(m)
  cat(sprintf("read.csv %.1f s\n", t_read))
  cat(sprintf("single-choice x banner: svyby %.2f s, svychisq %.2f s\n", s[["svyby"]], s[["svychisq"]]))
  cat(sprintf("option x banner: svyby %.2f s, svychisq %.2f s\n", m[["svyby"]], m[["svychisq"]]))
  cat(sprintf("whole table (30 + 240 units), extrapolated: %.0f s\n", est))
}
