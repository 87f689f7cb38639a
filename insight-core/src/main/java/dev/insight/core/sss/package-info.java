/**
 * Triple-S, the survey interchange standard: reading a {@code .sss} metadata file (versions 1.1 to 3.0) with its
 * fixed-width or CSV data into the same records and codebook as any other survey file, and writing a survey as
 * Triple-S 2.0 metadata with fixed-width data beside it.
 */
package dev.insight.core.sss;
