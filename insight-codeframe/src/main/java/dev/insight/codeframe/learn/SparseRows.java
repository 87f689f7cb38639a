package dev.insight.codeframe.learn;

import java.util.Arrays;

/** Rows of a sparse matrix in compressed sparse row form: row {@code r} is entries {@code start[r]..start[r+1]}. */
final class SparseRows {
  final int[] start;
  final int[] index;
  final float[] value;

  private SparseRows(int[] start, int[] index, float[] value) {
    this.start = start;
    this.index = index;
    this.value = value;
  }

  int rows() {
    return start.length - 1;
  }

  /** The squared length of row {@code r}. */
  double squaredNorm(int r) {
    double sum = 0;
    for (int k = start[r]; k < start[r + 1]; k++) {
      sum += (double) value[k] * value[k];
    }
    return sum;
  }

  /** The dot product of row {@code r} and {@code w}. */
  double dot(int r, double[] w) {
    double sum = 0;
    for (int k = start[r]; k < start[r + 1]; k++) {
      sum += value[k] * w[index[k]];
    }
    return sum;
  }

  /** These rows with column {@code j} multiplied by {@code scale[j]}. */
  SparseRows scaled(float[] scale) {
    float[] scaledValue = new float[value.length];
    for (int k = 0; k < value.length; k++) {
      scaledValue[k] = value[k] * scale[index[k]];
    }
    return new SparseRows(start, index, scaledValue);
  }

  /**
   * These rows with a dense block appended: row {@code r} gains {@code dense[r][j]} at column {@code offset + j}
   * (zeros are left out).
   */
  SparseRows withDense(float[][] dense, int offset) {
    Builder block = new Builder(dense.length, dense.length == 0 ? 0 : dense.length * dense[0].length);
    int[] index = new int[dense.length == 0 ? 0 : dense[0].length];
    float[] value = new float[index.length];
    for (float[] vector : dense) {
      int n = 0;
      for (int j = 0; j < vector.length; j++) {
        if (vector[j] != 0) {
          index[n] = j;
          value[n++] = vector[j];
        }
      }
      block.add(index, value, n);
    }
    return withSparse(block.build(), offset);
  }

  /** These rows with another matrix's rows appended, its column {@code j} becoming {@code offset + j}. */
  SparseRows withSparse(SparseRows other, int offset) {
    int rows = rows();
    int[] newStart = new int[rows + 1];
    int[] newIndex = new int[index.length + other.index.length];
    float[] newValue = new float[newIndex.length];
    int at = 0;
    for (int r = 0; r < rows; r++) {
      int length = start[r + 1] - start[r];
      System.arraycopy(index, start[r], newIndex, at, length);
      System.arraycopy(value, start[r], newValue, at, length);
      at += length;
      for (int k = other.start[r]; k < other.start[r + 1]; k++) {
        newIndex[at] = offset + other.index[k];
        newValue[at++] = other.value[k];
      }
      newStart[r + 1] = at;
    }
    return new SparseRows(newStart, newIndex, newValue);
  }

  static final class Builder {
    private int[] start;
    private int[] index;
    private float[] value;
    private int rows;
    private int size;

    Builder(int expectedRows, int expectedEntries) {
      start = new int[expectedRows + 1];
      index = new int[Math.max(16, expectedEntries)];
      value = new float[index.length];
    }

    void add(int[] rowIndex, float[] rowValue, int n) {
      if (size + n > index.length) {
        int capacity = Math.max(size + n, index.length * 2);
        index = Arrays.copyOf(index, capacity);
        value = Arrays.copyOf(value, capacity);
      }
      System.arraycopy(rowIndex, 0, index, size, n);
      System.arraycopy(rowValue, 0, value, size, n);
      size += n;
      rows++;
      if (rows + 1 > start.length) {
        start = Arrays.copyOf(start, start.length * 2);
      }
      start[rows] = size;
    }

    SparseRows build() {
      return new SparseRows(Arrays.copyOf(start, rows + 1), Arrays.copyOf(index, size),
          Arrays.copyOf(value, size));
    }
  }
}
