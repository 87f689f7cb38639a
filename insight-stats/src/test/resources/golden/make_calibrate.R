# Golden values for calibration to totals of a model's terms (R survey's calibrate): numeric totals, interactions
# of categorical variables, numeric variables within categories, the linear, raking and logit distances, bounds on
# the g-weights and on the weights (bounds.const), and trimming of the g-weights (trim), on R's api samples: the
# stratified apistrat, the one-stage cluster apiclus1 and the two-stage apiclus2. For each calibration: every
# respondent's calibrated weight, and means, totals and proportions with their linearised SEs, overall and in
# domains (subset). Population totals come from R's apipop (missing enroll counted as 0).
# Then trimWeights (one pass and strict) on the designs and on a calibrated one: trim_settings.csv,
# expected_trim.csv and expected_trim_weights.csv.
# Then rake with its control (maxit, epsilon), R's stopping rule, converged or not:
# rake_control_settings.csv, rake_control_margins.csv, expected_rake_control.csv and
# expected_rake_control_weights.csv.
# Usage: Rscript make_calibrate.R OUTDIR
# Reads nothing; writes calibrate_apiclus2.csv (apiclus2 with the columns used: apiclus2.csv lacks some),
# calibrate_settings.csv (one row per calibration), calibrate_totals.csv (the totals in the variable,category,
# target form of `insight weight --margins`), expected_calibrate.csv and expected_calibrate_weights.csv.
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
data(api)
pop <- apipop
pop$enroll[is.na(pop$enroll)] <- 0
designs <- list(
  dstrat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  dclus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  dclus2 = svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = apiclus2))
cal <- function(id, design, terms, calfun = "linear", bounds = c(-Inf, Inf), bounds.const = FALSE,
                trim = NULL, r.formula = NULL)
  list(id = id, design = design, terms = terms, calfun = calfun, bounds = bounds, bounds.const = bounds.const,
       trim = trim, r.formula = r.formula)
cals <- list(
  cal("strat_linear_numeric", "dstrat", c("stype", "enroll")),
  cal("clus1_linear_numeric", "dclus1", c("stype", "enroll")),
  cal("clus2_linear_numeric", "dclus2", c("stype", "api99")),
  cal("clus1_linear_interaction", "dclus1", c("stype:sch.wide"), r.formula = ~stype:sch.wide - 1),
  cal("strat_linear_crossed", "dstrat", c("stype", "comp.imp", "stype:comp.imp")),
  cal("strat_linear_numeric_within", "dstrat", c("sch.wide", "stype:enroll")),
  cal("clus1_raking_numeric", "dclus1", c("stype", "sch.wide", "enroll"), calfun = "raking"),
  cal("strat_raking_bounded", "dstrat", c("stype", "comp.imp", "stype:comp.imp", "enroll"), calfun = "raking",
      bounds = c(0.5, 2)),
  cal("clus2_raking_bounded", "dclus2", c("stype", "sch.wide", "stype:sch.wide"), calfun = "raking",
      bounds = c(0.4, 4.5)),
  cal("clus1_logit", "dclus1", c("stype", "enroll"), calfun = "logit", bounds = c(0.5, 2)),
  cal("strat_logit", "dstrat", c("stype", "comp.imp", "enroll"), calfun = "logit", bounds = c(0.7, 1.6)),
  cal("clus2_logit", "dclus2", c("stype", "api99"), calfun = "logit", bounds = c(0.3, 3)),
  cal("clus1_linear_bounded", "dclus1", c("stype", "sch.wide", "enroll"), bounds = c(0.75, 1.7)),
  cal("strat_linear_bounded", "dstrat", c("stype", "sch.wide", "stype:sch.wide", "enroll"), bounds = c(0.6, 1.6)),
  cal("clus1_raking_bounds_const", "dclus1", c("stype", "enroll"), calfun = "raking", bounds = c(20, 60),
      bounds.const = TRUE),
  cal("strat_linear_bounds_const", "dstrat", c("stype", "comp.imp", "enroll"), bounds = c(5, 60),
      bounds.const = TRUE),
  # R applies trim only on its bounded path (unbounded linear calibration returns before trimming), so the linear
  # case has bounds wide enough not to bind
  cal("strat_linear_trim", "dstrat", c("stype", "sch.wide", "enroll"), bounds = c(0.3, 3), trim = c(0.9, 1.1)),
  cal("clus1_raking_trim", "dclus1", c("stype", "comp.imp", "enroll"), calfun = "raking", trim = c(0.85, 1.15)))

numeric <- function(v) is.numeric(pop[[v]])
# the totals of one term: a row per cell of its categorical variables (codes joined by ':'; a blank part marks a
# numeric variable), the product of its numeric variables summed, or counted when it has none
term.totals <- function(term) {
  vars <- strsplit(term, ":", fixed = TRUE)[[1]]
  cats <- vars[!sapply(vars, numeric)]
  x <- rep(1, nrow(pop))
  for (v in vars[sapply(vars, numeric)]) x <- x * pop[[v]]
  if (length(cats) == 0) return(data.frame(variable = term, category = "", target = sum(x)))
  levs <- expand.grid(lapply(rev(cats), function(v) levels(factor(pop[[v]]))), stringsAsFactors = FALSE)
  levs <- levs[, rev(seq_along(cats)), drop = FALSE]
  rows <- list()
  for (r in seq_len(nrow(levs))) {
    inside <- rep(TRUE, nrow(pop))
    for (j in seq_along(cats)) inside <- inside & as.character(pop[[cats[j]]]) == levs[r, j]
    parts <- sapply(vars, function(v) if (numeric(v)) "" else levs[r, match(v, cats)])
    rows[[r]] <- data.frame(variable = term, category = paste(parts, collapse = ":"), target = sum(x[inside]))
  }
  do.call(rbind, rows)
}
g15 <- function(x) sprintf("%.15g", x)
settings <- list(); totals <- list(); expected <- list(); weights <- list(); calibrated <- list()
add <- function(id, quantity, domain, est) expected[[length(expected) + 1]] <<- data.frame(calibration = id,
  quantity = quantity, domain = domain, estimate = g15(coef(est)[[1]]), se = g15(SE(est)[[1]]))
addp <- function(id, quantity, domain, est, name) expected[[length(expected) + 1]] <<- data.frame(
  calibration = id, quantity = quantity, domain = domain, estimate = g15(coef(est)[[name]]),
  se = g15(SE(est)[[name]]))
estimates <- function(id, dc) {
  add(id, "mean(api00)", "", svymean(~api00, dc))
  add(id, "mean(api00)", "awards=Yes", svymean(~api00, subset(dc, awards == "Yes")))
  add(id, "total(meals)", "", svytotal(~meals, dc))
  add(id, "total(meals)", "awards=No", svytotal(~meals, subset(dc, awards == "No")))
  addp(id, "proportion(awards=Yes)", "", svymean(~awards, dc), "awardsYes")
  addp(id, "proportion(awards=Yes)", "stype=H", svymean(~awards, subset(dc, stype == "H")), "awardsYes")
  addp(id, "proportion(both=Yes)", "sch.wide=Yes", svymean(~both, subset(dc, sch.wide == "Yes")), "bothYes")
}
for (c in cals) {
  d <- designs[[c$design]]
  f <- if (is.null(c$r.formula)) as.formula(paste("~", paste(c$terms, collapse = " + "))) else c$r.formula
  mm <- model.matrix(f, model.frame(f, pop))
  population <- colSums(mm)
  dc <- calibrate(d, f, population = population, calfun = c$calfun, bounds = c$bounds,
                  bounds.const = c$bounds.const, trim = c$trim, maxit = 200, epsilon = 1e-12)
  settings[[length(settings) + 1]] <- data.frame(calibration = c$id, design = c$design,
    formula = paste(deparse(f), collapse = ""), calfun = c$calfun, lower = g15(c$bounds[1]),
    upper = g15(c$bounds[2]), bounds_const = c$bounds.const,
    trim_low = if (is.null(c$trim)) "" else g15(c$trim[1]), trim_high = if (is.null(c$trim)) "" else g15(c$trim[2]))
  for (term in c$terms) totals[[length(totals) + 1]] <- cbind(calibration = c$id, term.totals(term))
  calibrated[[c$id]] <- dc
  weights[[length(weights) + 1]] <- data.frame(calibration = c$id, cds = dc$variables$cds,
    weight = g15(weights(dc)))
  estimates(c$id, dc)
}
totals <- do.call(rbind, totals)
totals$target <- g15(totals$target)
write.csv(apiclus2[, c("cds", "stype", "dnum", "snum", "api00", "api99", "enroll", "meals", "sch.wide", "comp.imp",
  "both", "awards", "pw", "fpc1", "fpc2")], file.path(out, "calibrate_apiclus2.csv"), row.names = FALSE, na = "")
write.csv(do.call(rbind, settings), file.path(out, "calibrate_settings.csv"), row.names = FALSE)
write.csv(totals, file.path(out, "calibrate_totals.csv"), row.names = FALSE)
write.csv(do.call(rbind, expected), file.path(out, "expected_calibrate.csv"), row.names = FALSE)
write.csv(do.call(rbind, weights), file.path(out, "expected_calibrate_weights.csv"), row.names = FALSE)

# trimWeights: R shares the trimmed weight equally among the weights inside the bounds; strict repeats
trims <- list(
  list(id = "strat_trim", design = "dstrat", base = "", lower = 18, upper = 40, strict = FALSE),
  list(id = "strat_trim_strict", design = "dstrat", base = "", lower = 18, upper = 40, strict = TRUE),
  list(id = "clus1_raked_trim", design = "dclus1", base = "clus1_raking_numeric", lower = 28, upper = 50,
       strict = FALSE),
  list(id = "clus1_raked_trim_strict", design = "dclus1", base = "clus1_raking_numeric", lower = 28, upper = 50,
       strict = TRUE),
  list(id = "clus2_cap_strict", design = "dclus2", base = "", lower = -Inf, upper = 100, strict = TRUE))
settings <- list(); expected <- list(); weights <- list()
for (t in trims) {
  d <- if (t$base == "") designs[[t$design]] else calibrated[[t$base]]
  dt <- trimWeights(d, upper = t$upper, lower = t$lower, strict = t$strict)
  settings[[length(settings) + 1]] <- data.frame(trim = t$id, design = t$design, calibration = t$base,
    lower = g15(t$lower), upper = g15(t$upper), strict = t$strict)
  weights[[length(weights) + 1]] <- data.frame(trim = t$id, cds = dt$variables$cds, weight = g15(weights(dt)))
  estimates(t$id, dt)
}
write.csv(do.call(rbind, settings), file.path(out, "trim_settings.csv"), row.names = FALSE)
write.csv(do.call(rbind, expected), file.path(out, "expected_trim.csv"), row.names = FALSE)
write.csv(do.call(rbind, weights), file.path(out, "expected_trim_weights.csv"), row.names = FALSE)

# rake(design, sample.margins, population.margins, control = list(maxit, epsilon)): R's default control stops
# after 10 sweeps or when no cell of the weighted cross-table moves by 1; epsilon below 1 is a share of the total
rakes <- list(
  list(id = "clus1_rake_default", design = "dclus1", vars = c("stype", "sch.wide"), maxit = 10, epsilon = 1),
  list(id = "strat_rake_default", design = "dstrat", vars = c("sch.wide", "comp.imp", "awards"), maxit = 10,
       epsilon = 1),
  list(id = "clus2_rake_share", design = "dclus2", vars = c("stype", "sch.wide", "comp.imp"), maxit = 50,
       epsilon = 1e-4),
  list(id = "strat_rake_two_sweeps", design = "dstrat", vars = c("sch.wide", "comp.imp", "awards"), maxit = 2,
       epsilon = 1e-10))
settings <- list(); margins <- list(); expected <- list(); weights <- list()
for (r in rakes) {
  d <- designs[[r$design]]
  pm <- lapply(r$vars, function(v) { t <- as.data.frame(table(pop[[v]])); names(t) <- c(v, "Freq"); t })
  converged <- TRUE
  dr <- withCallingHandlers(rake(d, lapply(r$vars, function(v) as.formula(paste("~", v))), pm,
    control = list(maxit = r$maxit, epsilon = r$epsilon)),
    warning = function(w) { converged <<- FALSE; invokeRestart("muffleWarning") })
  settings[[length(settings) + 1]] <- data.frame(rake = r$id, design = r$design, maxit = r$maxit,
    epsilon = g15(r$epsilon), converged = converged)
  for (t in pm) margins[[length(margins) + 1]] <- data.frame(rake = r$id, variable = names(t)[1],
    category = as.character(t[[1]]), target = g15(t$Freq))
  weights[[length(weights) + 1]] <- data.frame(rake = r$id, cds = dr$variables$cds, weight = g15(weights(dr)))
  estimates(r$id, dr)
}
write.csv(do.call(rbind, settings), file.path(out, "rake_control_settings.csv"), row.names = FALSE)
write.csv(do.call(rbind, margins), file.path(out, "rake_control_margins.csv"), row.names = FALSE)
write.csv(do.call(rbind, expected), file.path(out, "expected_rake_control.csv"), row.names = FALSE)
write.csv(do.call(rbind, weights), file.path(out, "expected_rake_control_weights.csv"), row.names = FALSE)
