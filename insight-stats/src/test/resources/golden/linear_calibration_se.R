# Reference values for LinearCalibrationVarianceTest, computed by the insight-stats developer with R survey 4.1.1
# (Rscript linear_calibration_se.R, with staff_survey.csv beside it in the shared golden folder).
suppressMessages(library(survey))
df <- read.csv("/work/shared/golden/staff-survey/staff_survey.csv", stringsAsFactors = FALSE)
sectors <- c("NHS", "County council", "District council", "VCFSE", "Other public")
areas <- c("East and North Herts", "South and West Herts", "West Essex")
df$sector <- factor(df$sector, levels = sectors); df$area <- factor(df$area, levels = areas)
df$base <- 103000 / nrow(df)
d0 <- svydesign(ids = ~1, weights = ~base, data = df)
pop <- c(`(Intercept)` = 103000, setNames(c(14500, 9800, 11200, 6500), paste0("sector", sectors[-1])),
         setNames(c(39800, 23000), paste0("area", areas[-1])))
dcal <- calibrate(d0, ~sector + area, population = pop, calfun = "linear", bounds = c(0.3, 3), maxit = 500)
dlin <- calibrate(d0, ~sector + area, population = pop, calfun = "linear")
for (des in list(dcal, dlin)) {
  m <- svymean(~pri_workforce, des); cat(sprintf("%.12g %.12g\n", coef(m), SE(m)))
  m <- svymean(~pri_housing, subset(des, area == "West Essex")); cat(sprintf("%.12g %.12g\n", coef(m), SE(m)))
  t <- svytotal(~pri_carers, des); cat(sprintf("%.12g %.12g\n", coef(t), SE(t)))
}
