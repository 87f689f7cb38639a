package dev.insight.examples.casestudy;

import dev.insight.core.csv.SurveyCsvReader;
import dev.insight.core.csv.SurveyMapping;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.input.ReadMode;
import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case study's bundled files: {@code programme.json} (the {@link CaseStudy#programme() programme} as JSON),
 * {@code staff-survey.csv} (the {@link StaffSurvey} generator's output), {@code margins.csv} (the workforce
 * profile by sector and area that the survey is weighted to) and {@code staff-comments.csv} (the 180 comments with
 * their manual codes, for {@code insight code agree}).
 *
 * <p>They are generated, then committed, so that users can open them; a test fails when they no longer match the
 * code. Regenerate with {@code java -cp insight-examples/target/insight.jar
 * dev.insight.examples.casestudy.CaseStudyFiles insight-examples/src/main/resources/dev/insight/examples/casestudy}.
 */
public final class CaseStudyFiles {
  /** The programme file's name. */
  public static final String PROGRAMME = "programme.json";
  /** The survey file's name. */
  public static final String SURVEY = "staff-survey.csv";
  /** The margins file's name. */
  public static final String MARGINS = "margins.csv";

  private CaseStudyFiles() {}

  /**
   * Writes the generated files.
   *
   * @param args the target folder
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length == 0 ? "." : args[0]);
    Files.createDirectories(folder);
    for (Map.Entry<String, String> file : generated().entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * What the bundled files should contain, generated from code.
   *
   * @return file name to content
   */
  public static Map<String, String> generated() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(PROGRAMME, ProgrammeJson.write(CaseStudy.programme()) + "\n");
    files.put(SURVEY, StaffSurvey.csv());
    files.put(MARGINS, margins());
    files.put(CaseStudyQualitative.COMMENTS, CaseStudyQualitative.commentsCsv(files.get(SURVEY)));
    return files;
  }

  private static String margins() {
    return """
        variable,category,target
        sector,NHS,61000
        sector,County council,14500
        sector,District council,9800
        sector,VCFSE,11200
        sector,Other public,6500
        area,East and North,40200
        area,South and West,39800
        area,West Essex,23000
        """;
  }

  /**
   * A bundled file's text.
   *
   * @param name one of {@link #PROGRAMME}, {@link #SURVEY}, {@link #MARGINS}
   * @return its content
   * @throws IllegalArgumentException when there is no such bundled file
   */
  public static String text(String name) {
    try (InputStream in = CaseStudyFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled case-study file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + name, e);
    }
  }

  /**
   * The bundled programme.
   *
   * @return the programme read from {@code programme.json}
   */
  public static Programme programme() {
    return ProgrammeJson.read(text(PROGRAMME), PROGRAMME);
  }

  /**
   * How the survey file's columns map to variables: categorical sector, area, age and contact with the codebook's
   * order; the priorities as one multiple-response variable {@code priorities}; the two addiction follow-ups; the
   * comment; the comment codes as the multiple-response variable {@code codes} (missing for non-commenters).
   *
   * @return the mapping
   */
  public static SurveyMapping surveyMapping() {
    Map<String, Category> priorities = new LinkedHashMap<>();
    StaffSurvey.PRIORITIES.forEach(p -> priorities.put(p.column(), Category.of(p.column().substring(4), p.label())));
    Map<String, Category> codes = new LinkedHashMap<>();
    StaffSurvey.CODES.forEach(c -> codes.put(c.column(), Category.of(c.column().substring(5), c.label())));
    List<Category> yesNo = List.of(Category.of("1", "Yes"), Category.of("0", "No"));
    return SurveyMapping.builder("id")
        .categorical("sector", "Sector", StaffSurvey.SECTORS.stream().map(Category::of).toList())
        .categorical("area", "Area", StaffSurvey.AREAS.stream().map(Category::of).toList())
        .categorical("age", "Age", StaffSurvey.AGES.stream().map(Category::of).toList())
        .categorical("contact", "Contact with service users, patients or the public",
            List.of(Category.of("Yes"), Category.of("No")))
        .multiColumns("priorities", "Priorities chosen for comment", priorities)
        .categorical("addiction_personal", "Addiction would affect me personally", yesNo)
        .categorical("addiction_family", "Addiction would affect my family or friends", yesNo)
        .categorical("commented", "Wrote a comment", yesNo)
        .text("comment")
        .multiColumns("codes", "Comment codes", codes)
        .build();
  }

  /**
   * The bundled survey as a dataset.
   *
   * @return 759 respondents
   */
  public static Dataset survey() {
    return SurveyCsvReader.read(new StringReader(text(SURVEY)), SURVEY, surveyMapping(), ReadMode.STRICT).value();
  }
}
