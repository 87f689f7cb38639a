package dev.insight.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code insight} launcher the build leaves beside {@code insight.jar}, run as a user runs it. It runs after
 * the package phase (the {@code launcher-it} execution of surefire), on the jar, launcher and start-up archive the
 * build made; skipped only when the build was told to leave the archive out.
 */
class LauncherIT {
  private static final Path TARGET = Path.of("target");

  @TempDir Path dir;

  @Test
  void launcher_mapsTheStartupArchive_forTheApplicationsOwnClasses() throws Exception {
    assumeArchiveMade();
    assertThat(TARGET.resolve("insight.jsa")).isRegularFile();
    Path classes = dir.resolve("classes.log");

    Result run = run(TARGET.resolve("insight"), Map.of("INSIGHT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
        "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("insight ");
    assertThat(run.err()).isEmpty();
    List<String> loads = Files.readAllLines(classes, UTF_8);
    assertThat(loads).filteredOn(line -> line.contains(" dev.insight.examples.cli.Insight "))
        .singleElement().asString().contains("source: shared objects file (top)");
  }

  @Test
  void launcher_withoutTheArchive_startsAsJavaJarDoes() throws Exception {
    Path jar = Files.copy(TARGET.resolve("insight.jar"), dir.resolve("insight.jar"));
    Path launcher = Files.copy(TARGET.resolve("insight"), dir.resolve("insight"), StandardCopyOption.COPY_ATTRIBUTES);
    assertThat(jar).isRegularFile();

    Result run = run(launcher, Map.of(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("insight ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void launcher_withAnArchiveOfAnotherJar_ignoresItQuietly() throws Exception {
    assumeArchiveMade();
    Path jar = Files.copy(TARGET.resolve("insight.jar"), dir.resolve("insight.jar"));
    Files.copy(TARGET.resolve("insight.jsa"), dir.resolve("insight.jsa"));
    Path launcher = Files.copy(TARGET.resolve("insight"), dir.resolve("insight"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0));

    Result run = run(launcher, Map.of(), "--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("insight ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void launcher_passesArgumentsWithSpacesWhole_andReturnsTheCommandsExitCode() throws Exception {
    Result run = run(TARGET.resolve("insight"), Map.of(), "describe", "--data", dir.resolve("no such file.csv").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no such file.csv").doesNotContain("Exception");
  }

  /**
   * The build makes the archive unless told not to, on a JDK with its own default archive (a dynamic archive is
   * made on top of it; a JDK built without one cannot make it and runs the demo without).
   */
  private static void assumeArchiveMade() {
    assumeFalse(Boolean.getBoolean("insight.startupArchive.skip"), "the build left the start-up archive out");
    Path jdkArchive = Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa");
    assumeTrue(Files.isRegularFile(jdkArchive), "this JDK has no default class-data-sharing archive: " + jdkArchive);
  }

  private Result run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("INSIGHT_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not end within 120 s: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
  }

  private record Result(int exit, String out, String err) {}
}
