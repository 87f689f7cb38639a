package dev.insight.stats.table;

import dev.insight.core.data.CategoricalVariable;
import dev.insight.core.data.MultiResponseVariable;
import org.jspecify.annotations.Nullable;

/** A banner variable and its columns {@code first .. first + size - 1}. */
record BannerVar(String name, int first, int size, int[] columnOfCategory,
    @Nullable CategoricalVariable categorical,
    @Nullable MultiResponseVariable multi, long @Nullable [][] members) {}
