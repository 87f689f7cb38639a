/**
 * Banner tables: questions down the side, a Total and the categories of banner variables across the top, with
 * weighted column percentages, bases, significance letters, disclosure control and renderers.
 */
@NullMarked
package dev.insight.stats.table;

import org.jspecify.annotations.NullMarked;
