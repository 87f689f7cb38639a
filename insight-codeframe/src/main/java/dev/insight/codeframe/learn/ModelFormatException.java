package dev.insight.codeframe.learn;

/**
 * A model file that cannot be loaded: not a model, written in a format version this library does not read, or
 * corrupt or truncated, or trained with sentence embeddings that are not on the class path. The message names
 * the file and says which.
 */
public final class ModelFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message.
   *
   * @param message what is wrong, naming the file
   * @param cause the underlying failure, if any
   */
  public ModelFormatException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
  }
}
