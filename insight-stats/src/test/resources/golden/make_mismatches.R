# R's values behind three conventions (docs/weighting.md, "Where we differ from R, and why"):
# (a) the standard deviation of a mean row when the variable has missing values: sqrt(svyvar(~y, domain,
#     na.rm = TRUE)), whose n / (n - 1) counts the domain's respondents with or without a value (R computes n
#     before dropping the missing values);
# (b) Rao-Scott in a filtered table of a raked design: svychisq on subset(raked, filter). R's subset of a
#     calibrated design keeps every other respondent with weight 0, and svychisq then counts N and the degrees of
#     freedom over the whole sample; on an uncalibrated design it counts the subset's. The rows "convention" hold
#     what the subset's own N and degf give (the F statistic does not depend on N; its ddf and p do);
# (c) the design effect of a domain with one respondent: NaN, since the variance under simple random sampling
#     needs two (svyvar divides by n - 1 = 0).
# Usage: Rscript make_mismatches.R OUTDIR
# Writes the columns of R's apiclus1 it uses (apiclus1_missing.csv, with acs.46 and avg.ed, which have missing
# values) and R's values (expected_mismatches.csv).
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
data(api)
write.csv(apiclus1[, c("cds", "stype", "dnum", "cname", "api00", "enroll", "acs.46", "avg.ed", "sch.wide",
  "awards", "pw", "fpc")], file.path(out, "apiclus1_missing.csv"), row.names = FALSE, na = "")
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.12g", d[[c]]); d }
rows <- list()
add <- function(case, design, domain, quantity, value) rows[[length(rows) + 1]] <<- data.frame(case = case,
  design = design, domain = domain, quantity = quantity, value = value)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
pop.stype <- data.frame(stype = c("E", "H", "M"), Freq = as.vector(table(apipop$stype)[c("E", "H", "M")]))
pop.sw <- data.frame(sch.wide = c("No", "Yes"), Freq = as.vector(table(apipop$sch.wide)[c("No", "Yes")]))
rclus1 <- rake(dclus1, list(~stype, ~sch.wide), list(pop.stype, pop.sw), control = list(maxit = 500,
  epsilon = 1e-13))

# (a) mean and SD of variables with missing values, in the whole sample, by awards, and by awards among stype E
for (y in c("acs.46", "avg.ed")) {
  f <- as.formula(paste0("~", y))
  for (nm in c("dclus1", "rclus1")) {
    d <- get(nm)
    for (flt in c("all", "E")) {
      base <- if (flt == "all") d else subset(d, stype == "E")
      doms <- list(Total = base, No = subset(base, awards == "No"), Yes = subset(base, awards == "Yes"))
      for (k in names(doms)) {
        add("sd", nm, paste0(if (flt == "all") "" else "stype=E;", k), paste0("mean(", y, ")"),
          coef(svymean(f, doms[[k]], na.rm = TRUE))[[1]])
        add("sd", nm, paste0(if (flt == "all") "" else "stype=E;", k), paste0("sd(", y, ")"),
          sqrt(coef(svyvar(f, doms[[k]], na.rm = TRUE))[[1]]))
      }
    }
  }
}

# (b) Rao-Scott of awards by sch.wide among stype M, on the raked design and on the design before raking
for (nm in c("rclus1", "dclus1")) {
  sub <- subset(get(nm), stype == "M")
  fx <- svychisq(~awards + sch.wide, sub, statistic = "F")
  cx <- svychisq(~awards + sch.wide, sub, statistic = "Chisq")
  add("raoscott", nm, "stype=M", "R F", fx$statistic[[1]])
  add("raoscott", nm, "stype=M", "R ndf", fx$parameter[["ndf"]])
  add("raoscott", nm, "stype=M", "R ddf", fx$parameter[["ddf"]])
  add("raoscott", nm, "stype=M", "R p", fx$p.value[[1]])
  add("raoscott", nm, "stype=M", "R chisq", cx$statistic[[1]])
  add("raoscott", nm, "stype=M", "R chisq p", cx$p.value[[1]])
  n.all <- nrow(apiclus1)
  n.sub <- sum(apiclus1$stype == "M")
  nu.all <- length(unique(apiclus1$dnum)) - 1
  nu.sub <- degf(sub)
  add("raoscott", nm, "stype=M", "R N", if (nm == "rclus1") n.all else n.sub)
  add("raoscott", nm, "stype=M", "R nu", if (nm == "rclus1") nu.all else nu.sub)
  ndf <- fx$parameter[["ndf"]]
  add("raoscott", nm, "stype=M", "convention F", fx$statistic[[1]])
  add("raoscott", nm, "stype=M", "convention ndf", ndf)
  add("raoscott", nm, "stype=M", "convention ddf", ndf * nu.sub)
  add("raoscott", nm, "stype=M", "convention p", pf(fx$statistic[[1]], ndf, ndf * nu.sub, lower.tail = FALSE))
  add("raoscott", nm, "stype=M", "convention chisq",
    cx$statistic[[1]] * n.sub / (if (nm == "rclus1") n.all else n.sub))
  add("raoscott", nm, "stype=M", "convention chisq p", cx$p.value[[1]])
}

# (c) a domain of one respondent (the one high school of Alameda county): estimate, SE and design effect
for (nm in c("dclus1", "rclus1")) {
  one <- subset(get(nm), cname == "Alameda" & stype == "H")
  m <- svymean(~api00, one, deff = TRUE)
  add("deff", nm, "cname=Alameda;stype=H", "mean(api00)", coef(m)[[1]])
  add("deff", nm, "cname=Alameda;stype=H", "se mean(api00)", SE(m)[[1]])
  add("deff", nm, "cname=Alameda;stype=H", "deff mean(api00)", attr(m, "deff")[[1]])
  t <- svytotal(~enroll, one, deff = TRUE)
  add("deff", nm, "cname=Alameda;stype=H", "total(enroll)", coef(t)[[1]])
  add("deff", nm, "cname=Alameda;stype=H", "se total(enroll)", SE(t)[[1]])
  add("deff", nm, "cname=Alameda;stype=H", "deff total(enroll)", attr(t, "deff")[[1]])
  r <- svymean(~api00, one, deff = "replace")
  add("deff", nm, "cname=Alameda;stype=H", "deff replace mean(api00)", attr(r, "deff")[[1]])
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_mismatches.csv"), row.names = FALSE)
