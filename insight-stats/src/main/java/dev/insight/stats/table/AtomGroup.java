package dev.insight.stats.table;

/** Single-choice banner variables combined: atom of each row (-1 when filtered out) and columns of each atom. */
record AtomGroup(int[] atomOf, int atomCount, int[][] columnsOfAtom) {}
