/**
 * Banner tables: questions down the side, a Total and the categories of banner variables across the top, with
 * weighted column percentages, bases, significance letters, Rao-Scott tests, disclosure control and renderers.
 *
 * <p>Public surface: {@link dev.insight.stats.table.BannerTables#compute(dev.insight.stats.design.SurveyDesign,
 * dev.insight.stats.table.TableSpec)} (the one entry) with its {@link dev.insight.stats.table.TableSpec},
 * {@link dev.insight.stats.table.RowSpec} and {@link dev.insight.stats.table.TableOptions}; the result
 * {@link dev.insight.stats.table.BannerTable} and its parts; {@link dev.insight.stats.table.Suppression} and
 * {@link dev.insight.stats.table.TableWriter}. How the table is computed (sums per column, the kinds of question,
 * the letters' tests) is package-private.
 */
@NullMarked
package dev.insight.stats.table;

import org.jspecify.annotations.NullMarked;
