package dev.insight.examples.cli.code;

import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.coding.Comments;
import dev.insight.codeframe.interchange.CodeframeFiles;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code insight code review}: a local web page (and JSON API) for a person to code comments. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = {"Code comments by hand on a local web page: the codeframe beside one comment at a time, a key "
        + "per code, the comments that most improve the model first, and once enough are coded the model's "
        + "suggestions to accept or correct. Every decision is saved at once to the coded file (C.csv), with the "
        + "coder's name; run it again to resume.",
        "The page and its JSON API (GET /api/next, POST /api/code, GET /api/progress) are served on 127.0.0.1 "
            + "only and refuse requests from other origins. Stop with Ctrl-C."})
public final class ReviewCommand implements Callable<Integer> {
  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--codeframe", required = true, paramLabel = "F", description = "The codeframe (.json, .csv or "
      + ".qdc).")
  private Path codeframe = Path.of("");

  @Option(names = "--data", required = true, paramLabel = "D.csv", description = "The comments (CSV).")
  private Path data = Path.of("");

  @Option(names = "--id", required = true, paramLabel = "COL", description = "The column of comment ids.")
  private String id = "";

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column of comments.")
  private String text = "";

  @Option(names = "--coding", required = true, paramLabel = "C.csv", description = "The coded file the decisions "
      + "are saved to (created if absent, resumed if present).")
  private Path coding = Path.of("");

  @Option(names = "--port", defaultValue = "0", paramLabel = "P", description = "The port on 127.0.0.1 (default: "
      + "any free port).")
  private int port;

  @Option(names = "--precision", defaultValue = "0.9", paramLabel = "P", description = "The precision at which the "
      + "progress counts comments the model could code (default: ${DEFAULT-VALUE}).")
  private double precision;

  /** Creates the command (picocli instantiates it). */
  public ReviewCommand() {}

  @Override
  public Integer call() throws Exception {
    Codeframe frame = CodeframeFiles.read(codeframe);
    Comments comments = CommentsFile.read(data, id, text, null).withText();
    Path lockFile = coding.resolveSibling(coding.getFileName() + ".lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalArgumentException("another insight code review is saving to " + coding + "; use that one "
            + "(two tabs of one page share their work) or another coded file");
      }
      try (ReviewState review = new ReviewState(frame, comments, coding, precision, 42, Clock.systemUTC(),
          ReviewState.FIRST_MODEL_AT, ReviewState.SUGGESTIONS_FROM);
          ReviewServer server = new ReviewServer(review, port)) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("coding " + comments.size() + " comments of " + data + " into " + coding);
        out.println("open " + server.address() + " in a browser on this computer (Ctrl-C to stop)");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "insight-review-stop"));
        stop.await();
      }
    }
    return 0;
  }
}
