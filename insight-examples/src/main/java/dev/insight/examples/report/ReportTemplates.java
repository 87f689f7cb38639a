package dev.insight.examples.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The templates the report is written from (Pebble), shipped in the jar and overridable one file at a time: a
 * template file in the folder given to {@link #from(Path)} replaces the shipped one of the same name, and the rest
 * fall back to the shipped ones. TrueType fonts in the folder's {@code fonts/} are embedded in the PDF for characters
 * the shipped font lacks.
 *
 * <p>Every value a template prints is escaped for HTML (and characters XML forbids become U+FFFD), and no template
 * can switch that off: the {@code raw} filter and the {@code autoescape} tag are not available, and {@code escape}
 * always escapes for HTML whatever strategy it is given. A template with an error is reported naming its file and
 * line.
 */
public final class ReportTemplates {
  /** The templates shipped in the jar, by name; an override replaces one of these. */
  public static final List<String> NAMES = List.of("report.html", "style.css", "print.css", "macros.html",
      "glance.html", "heard.html", "survey.html", "themes.html", "focus-groups.html", "framework.html",
      "literature.html", "you-said.html", "methods.html", "coding.html", "machine-coding.html",
      "consideration-log.html");

  private static final String SHIPPED = "dev/insight/examples/report/templates";
  private static final String STRATEGY = "xhtml";

  private final PebbleEngine engine;
  private final @Nullable Path folder;
  private final List<Path> fonts;

  private ReportTemplates(PebbleEngine engine, @Nullable Path folder, List<Path> fonts) {
    this.engine = engine;
    this.folder = folder;
    this.fonts = List.copyOf(fonts);
  }

  /**
   * The shipped templates.
   *
   * @return the templates
   */
  public static ReportTemplates shipped() {
    return Shipped.INSTANCE;
  }

  /** Built once: parsing the templates is the engine's work, cached for every report. */
  private static final class Shipped {
    static final ReportTemplates INSTANCE = new ReportTemplates(engine(List.of(classpath())), null, List.of());
  }

  /**
   * The shipped templates with those in a folder in their place.
   *
   * @param folder a folder of template files named as {@link #NAMES} (any subset), and optionally {@code fonts/}
   *     with TrueType fonts
   * @return the templates
   * @throws IllegalArgumentException when the folder does not exist or is not a folder
   * @throws UncheckedIOException when it cannot be listed
   */
  public static ReportTemplates from(Path folder) {
    checkNotNull(folder, "folder");
    checkArgument(Files.isDirectory(folder), "templates folder %s does not exist or is not a folder", folder);
    FileLoader files = new FileLoader();
    files.setPrefix(folder.toAbsolutePath().toString());
    files.setCharset("UTF-8");
    List<Path> fonts = new ArrayList<>();
    Path fontFolder = folder.resolve("fonts");
    if (Files.isDirectory(fontFolder)) {
      try (Stream<Path> listed = Files.list(fontFolder)) {
        listed.filter(ReportPdf::isFont).sorted().forEach(fonts::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the fonts in " + fontFolder, e);
      }
    }
    return new ReportTemplates(engine(List.of(files, classpath())), folder, fonts);
  }

  /**
   * The files of a templates folder that replace no shipped template (a misspelt name, or a part the user's own
   * templates include), for a note to the user.
   *
   * @return their names, sorted; empty for the shipped templates
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public List<String> unknownFiles() {
    if (folder == null) {
      return List.of();
    }
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(name -> !NAMES.contains(name)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the templates in " + folder, e);
    }
  }

  /** The extra fonts for the PDF, in the order they are tried. */
  List<Path> fonts() {
    return fonts;
  }

  /**
   * Renders the page template with the model.
   *
   * @throws IllegalArgumentException naming the template file and line when a template has an error
   */
  String render(ReportModel.Page page) {
    StringWriter out = new StringWriter(128 * 1024);
    try {
      PebbleTemplate template = engine.getTemplate("report.html");
      Map<String, Object> context = new HashMap<>();
      context.put("page", page);
      template.evaluate(out, context, Locale.UK);
    } catch (PebbleException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the report's templates", e);
    }
    return out.toString();
  }

  private String describe(PebbleException e) {
    String name = e.getFileName();
    String where;
    if (name == null) {
      where = "a report template";
    } else if (folder != null && Files.isRegularFile(folder.resolve(name))) {
      where = "template " + folder.resolve(name);
    } else {
      where = "shipped template " + name;
    }
    return where + (e.getLineNumber() == null ? "" : ", line " + e.getLineNumber()) + ": " + e.getPebbleMessage();
  }

  private static Loader<String> classpath() {
    ClasspathLoader loader = new ClasspathLoader(ReportTemplates.class.getClassLoader());
    loader.setPrefix(SHIPPED);
    loader.setCharset("UTF-8");
    return loader;
  }

  private static PebbleEngine engine(List<Loader<?>> loaders) {
    return new PebbleEngine.Builder()
        .loader(loaders.size() == 1 ? loaders.get(0) : new DelegatingLoader(loaders))
        .strictVariables(true)
        .newLineTrimming(true)
        .autoEscaping(true)
        .addEscapingStrategy(STRATEGY, Html::escape)
        .defaultEscapingStrategy(STRATEGY)
        .defaultLocale(Locale.UK)
        .extension(new ReportFilters())
        .registerExtensionCustomizer(EscapingStaysOn::new)
        .build();
  }

  /** Takes away every way a template could print data unescaped. */
  private static final class EscapingStaysOn extends ExtensionCustomizer {
    EscapingStaysOn(io.pebbletemplates.pebble.extension.Extension extension) {
      super(extension);
    }

    @Override
    public @Nullable Map<String, Filter> getFilters() {
      Map<String, Filter> filters = super.getFilters();
      if (filters == null) {
        return null;
      }
      Map<String, Filter> kept = new HashMap<>(filters);
      kept.remove("raw");
      if (kept.containsKey("escape")) {
        kept.put("escape", new AlwaysHtml());
      }
      return kept;
    }

    @Override
    public @Nullable List<TokenParser> getTokenParsers() {
      List<TokenParser> parsers = super.getTokenParsers();
      return parsers == null ? null : parsers.stream().filter(p -> !p.getTag().equals("autoescape")).toList();
    }
  }

  /**
   * The {@code escape} filter, always for HTML: another strategy (json, js) could leave markup as it is. It is
   * Pebble's own filter (the engine lets its output through unescaped again only for that class) with the strategy
   * argument ignored.
   */
  private static final class AlwaysHtml extends EscapeFilter {
    AlwaysHtml() {
      addEscapingStrategy(STRATEGY, Html::escape);
      setDefaultStrategy(STRATEGY);
    }

    @Override
    public @Nullable Object apply(@Nullable Object input, Map<String, Object> args, PebbleTemplate self,
        EvaluationContext context, int lineNumber) {
      Map<String, Object> html = new HashMap<>(args);
      html.put("strategy", STRATEGY);
      return super.apply(input, html, self, context, lineNumber);
    }
  }
}
