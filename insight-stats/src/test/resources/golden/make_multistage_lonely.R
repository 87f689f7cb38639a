# Golden values for a two-stage design (R's apiclus2: districts, then schools; id = ~dnum + snum,
# fpc = ~fpc1 + fpc2) and for every lonely-PSU policy (apistrat with stratum H cut to one school, no fpc).
# Usage: Rscript make_multistage_lonely.R OUTDIR
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
data(api)
keep <- c("cds", "stype", "dnum", "snum", "api00", "api99", "enroll", "sch.wide", "awards", "pw", "fpc1", "fpc2")
write.csv(apiclus2[, keep], file.path(out, "apiclus2.csv"), row.names = FALSE, na = "")
lonely <- rbind(apistrat[apistrat$stype != "H", ], apistrat[apistrat$stype == "H", ][1, ])
write.csv(lonely[, c("cds", "stype", "dnum", "snum", "api00", "api99", "enroll", "sch.wide", "awards", "pw")],
  file.path(out, "apistrat_lonely.csv"), row.names = FALSE, na = "")
rows <- list()
add <- function(design, quantity, est, se, df) rows[[length(rows) + 1]] <<- data.frame(design = design,
  quantity = quantity, estimate = est, se = se, df = df)
estimates <- function(nm, d) {
  m <- svymean(~api00, d); add(nm, "mean(api00)", coef(m)[[1]], SE(m)[[1]], degf(d))
  t <- svytotal(~enroll, d, na.rm = TRUE); add(nm, "total(enroll)", coef(t)[[1]], SE(t)[[1]], degf(d))
  r <- svyratio(~api00, ~api99, d); add(nm, "ratio(api00/api99)", coef(r)[[1]], SE(r)[[1]], degf(d))
  p <- svymean(~sch.wide, d); add(nm, "proportion(sch.wide=Yes)", coef(p)[[2]], SE(p)[[2]], degf(d))
  b <- svyby(~api00, ~awards, d, svymean)
  for (k in seq_len(nrow(b))) add(nm, paste0("mean(api00)|awards=", b$awards[k]), b$api00[k], SE(b)[k],
    degf(subset(d, awards == b$awards[k])))
}
estimates("dclus2", svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = apiclus2))
for (policy in c("remove", "adjust", "average", "certainty")) {
  options(survey.lonely.psu = policy)
  estimates(paste0("lonely_", policy), svydesign(id = ~1, strata = ~stype, weights = ~pw, data = lonely))
}
options(survey.lonely.psu = "fail")
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_multistage_lonely.csv"), row.names = FALSE)
