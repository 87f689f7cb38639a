# Golden values for calibrating a replicate-weight design to the totals of a model with a numeric variable and an
# interaction (R survey's calibrate of an svyrep.design): the full-sample weights and every replicate weight column
# are calibrated to the same population totals with the same distance (linear, unbounded: R's regcalibrate; raking:
# R's grake), and every standard error comes from the calibrated replicates.
# Usage: Rscript make_replicate_calibrate.R OUTDIR
# Reads the replicate files make_replicate_golden.R wrote (apiclus1_replicates.csv: JK1 as as.svrepdesign of the
# one-stage cluster sample, and bootstrap; apistrat_replicates.csv: JKn), as the Java tests read them.
# Writes replicate_calibrate_totals.csv (the totals, one row per term and cell; a blank category marks a numeric
# variable) and expected_replicate_calibrate.csv (estimates and SEs of a mean, a total and a proportion, overall
# and in a domain). Population totals come from R's apipop (missing enroll counted as 0). Replicates that R does
# not calibrate to every total are left out: the bootstrap's cannot all be calibrated to these totals (R: a
# singular system for linear, no convergence for raking), so it has no expected values; insight refuses it,
# naming the replicate.
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
fmt <- function(d) { for (c in names(d)) if (is.numeric(d[[c]])) d[[c]] <- sprintf("%.15g", d[[c]]); d }
data(api)
pop <- apipop
pop$enroll[is.na(pop$enroll)] <- 0
clus <- read.csv(file.path(out, "apiclus1_replicates.csv"), colClasses = c(cds = "character"))
strat <- read.csv(file.path(out, "apistrat_replicates.csv"), colClasses = c(cds = "character"))
rscales <- read.csv(file.path(out, "apistrat_jkn_rscales.csv"))$jkn_rscales
for (d in c("clus", "strat")) {
  x <- get(d); x$stype <- factor(x$stype, levels = c("E", "H", "M")); x$sch.wide <- factor(x$sch.wide)
  x$awards <- factor(x$awards); assign(d, x)
}
designs <- list(
  jk1 = svrepdesign(data = clus, repweights = "jk1_[0-9]+", weights = ~pw, type = "JK1", scale = 14 / 15,
    combined.weights = TRUE),
  jkn = svrepdesign(data = strat, repweights = "jkn_[0-9]+", weights = ~pw, type = "JKn", rscales = rscales,
    combined.weights = TRUE),
  bootstrap = svrepdesign(data = clus, repweights = "boot_[0-9]+", weights = ~pw, type = "bootstrap",
    combined.weights = TRUE))
pop$stype <- factor(pop$stype, levels = c("E", "H", "M"))
formula <- ~stype + sch.wide + stype:sch.wide + enroll
population <- colSums(model.matrix(formula, model.frame(formula, pop)))
# the same totals by term and cell, as insight's calibration terms take them
totals <- rbind(
  data.frame(variable = "stype", category = levels(pop$stype), target = as.vector(table(pop$stype))),
  data.frame(variable = "sch.wide", category = levels(pop$sch.wide), target = as.vector(table(pop$sch.wide))),
  do.call(rbind, lapply(levels(pop$stype), function(s) data.frame(variable = "stype:sch.wide",
    category = paste(s, levels(pop$sch.wide), sep = ":"),
    target = as.vector(table(pop$sch.wide[pop$stype == s]))))),
  data.frame(variable = "enroll", category = "", target = sum(pop$enroll)))
write.csv(fmt(totals), file.path(out, "replicate_calibrate_totals.csv"), row.names = FALSE)
calfuns <- c("linear", "raking")
rows <- list()
add <- function(design, calfun, quantity, domain, est, name = 1) rows[[length(rows) + 1]] <<- data.frame(
  design = design, calfun = calfun, quantity = quantity, domain = domain, estimate = coef(est)[[name]],
  se = setNames(as.vector(SE(est)), names(coef(est)))[[name]])
for (nm in names(designs)) {
  for (cf in calfuns) {
    d <- tryCatch(calibrate(designs[[nm]], formula, population, calfun = cf, maxit = 200, epsilon = 1e-12,
      compress = FALSE), error = function(e) { message(nm, " ", cf, ": ", conditionMessage(e)); NULL })
    mm <- model.matrix(formula, model.frame(formula, designs[[nm]]$variables))
    if (!is.null(d)) {
      rep.totals <- crossprod(mm, as.matrix(weights(d, "analysis")))
      met <- apply(abs(rep.totals - population) / (1 + abs(population)) < 1e-8, 2, all)
    }
    if (is.null(d) || !all(met)) {
      # some replicate R cannot calibrate (linear: a singular system; raking: not converged): no expected values
      message(nm, " ", cf, ": a replicate cannot be calibrated")
      next
    }
    add(nm, cf, "mean(api00)", "", svymean(~api00, d))
    add(nm, cf, "mean(api00)", "sch.wide=Yes", svymean(~api00, subset(d, sch.wide == "Yes")))
    add(nm, cf, "total(enroll)", "", svytotal(~enroll, d))
    add(nm, cf, "total(enroll)", "awards=No", svytotal(~enroll, subset(d, awards == "No")))
    add(nm, cf, "proportion(awards=Yes)", "", svymean(~awards, d), "awardsYes")
    add(nm, cf, "proportion(awards=Yes)", "stype=M", svymean(~awards, subset(d, stype == "M")), "awardsYes")
  }
}
write.csv(fmt(do.call(rbind, rows)), file.path(out, "expected_replicate_calibrate.csv"), row.names = FALSE)
