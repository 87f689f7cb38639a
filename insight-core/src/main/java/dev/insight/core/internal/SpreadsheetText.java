package dev.insight.core.internal;

import java.util.regex.Pattern;

/**
 * Spreadsheet formula injection defence for the text cells insight writes (CSV and XLSX).
 *
 * <p>A spreadsheet that opens a CSV file takes a cell starting with {@code =}, {@code +}, {@code -} or {@code @} as
 * a formula, and a tab or carriage return at the start hides such a cell from simple checks; a formula can read
 * other cells, fetch web addresses or, through DDE, run programs. As OWASP recommends, such a text cell is
 * prefixed with a single quote, which spreadsheets show as text. The check looks past leading spaces and quotes
 * (some importers trim them) and also covers the full-width forms of the four signs, which some spreadsheets
 * accept.
 *
 * <p>A cell that is entirely a decimal number ({@code -1.5}, {@code +2}, {@code -3e-4}) is left as it is: it is
 * not a formula, and a negative estimate must stay a number. The prefix is reversible: {@link #restore} gives the
 * original text back, so insight reads its own outputs (weights, codings) exactly.
 */
public final class SpreadsheetText {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

  private SpreadsheetText() {}

  /**
   * The cell as it is safe to write: prefixed with {@code '} when a spreadsheet could take it as a formula.
   *
   * @param text the cell's text
   * @return the text, or {@code '} followed by the text
   */
  public static String neutralise(String text) {
    return isFormulaLike(text) ? "'" + text : text;
  }

  /**
   * The inverse of {@link #neutralise}: the original text of a cell insight wrote.
   *
   * @param cell a cell as read back
   * @return the cell without the prefix {@link #neutralise} added, or the cell as it is
   */
  public static String restore(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && isFormulaLike(cell.substring(1)) ? cell.substring(1)
        : cell;
  }

  /**
   * Whether a spreadsheet could take the text as a formula.
   *
   * @param text the cell's text
   * @return true when its first character, past spaces and quotes, starts a formula and it is not a plain number
   */
  public static boolean isFormulaLike(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == ' ' || text.charAt(i) == '\u00A0'
        || text.charAt(i) == '\u3000' || text.charAt(i) == '\n')) {
      i++;
    }
    if (i == text.length()) {
      return false;
    }
    boolean trigger = switch (text.charAt(i)) {
      case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
    return trigger && !NUMBER.matcher(text).matches();
  }
}
