package dev.insight.codeframe.learn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Where a coded file keeps its codes.
 *
 * @param kind the layout
 * @param columns the code columns ({@link Kind#CODE_COLUMNS}) or the one column holding codes
 */
public record CodeSource(Kind kind, List<String> columns) {

  /** The layouts of codes in a file. */
  public enum Kind {
    /** One column per code, 1 when the comment has it, 0 or blank when not (multi-label). */
    CODE_COLUMNS,
    /** One column listing the comment's codes separated by {@code ;} (multi-label). */
    CODE_LIST,
    /** One column holding the comment's single code (single-label). */
    LABEL
  }

  /**
   * Validates the columns.
   *
   * @param kind the layout
   * @param columns the code columns ({@link Kind#CODE_COLUMNS}) or the one column holding codes
   */
  public CodeSource {
    checkNotNull(kind, "kind");
    columns = List.copyOf(columns);
    checkArgument(!columns.isEmpty(), "at least one code column is needed");
    checkArgument(kind == Kind.CODE_COLUMNS || columns.size() == 1, "%s takes one column, got %s", kind, columns);
  }

  /**
   * One 0/1 column per code.
   *
   * @param columns the code columns, in output order
   * @return the source
   */
  public static CodeSource codeColumns(List<String> columns) {
    return new CodeSource(Kind.CODE_COLUMNS, columns);
  }

  /**
   * A column of {@code ;}-separated codes.
   *
   * @param column the column
   * @return the source
   */
  public static CodeSource codeList(String column) {
    return new CodeSource(Kind.CODE_LIST, List.of(column));
  }

  /**
   * A column with one code per comment.
   *
   * @param column the column
   * @return the source
   */
  public static CodeSource label(String column) {
    return new CodeSource(Kind.LABEL, List.of(column));
  }

  /**
   * The mode this layout implies.
   *
   * @return single-label for {@link Kind#LABEL}, otherwise multi-label
   */
  public LabelMode mode() {
    return kind == Kind.LABEL ? LabelMode.SINGLE_LABEL : LabelMode.MULTI_LABEL;
  }
}
