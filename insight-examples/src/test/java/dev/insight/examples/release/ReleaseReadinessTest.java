package dev.insight.examples.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What Maven Central asks of a release, checked on the build files themselves: the metadata in every POM that is
 * published, sources and Javadoc jars of every library, the licence, signing and publishing in the release
 * profile, and no application published as a library.
 */
class ReleaseReadinessTest {
  /** The repository root: the tests run in the module's folder. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static Document pom(String module) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
  }

  private static String text(Document pom, String path) throws Exception {
    XPath xpath = XPathFactory.newInstance().newXPath();
    return ((String) xpath.evaluate(path, pom, XPathConstants.STRING)).strip();
  }

  private static List<String> texts(Document pom, String path) throws Exception {
    XPath xpath = XPathFactory.newInstance().newXPath();
    NodeList nodes = (NodeList) xpath.evaluate(path, pom, XPathConstants.NODESET);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().strip());
    }
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "insight-bom"})
  void publishedPomsWithoutAParent_carryNameUrlLicenceScmAndDevelopers(String module) throws Exception {
    Document pom = pom(module);

    assertThat(text(pom, "/project/name")).isNotEmpty();
    assertThat(text(pom, "/project/description")).isNotEmpty();
    assertThat(text(pom, "/project/url")).startsWith("https://");
    assertThat(text(pom, "/project/licenses/license/name")).isEqualTo("Apache License, Version 2.0");
    assertThat(text(pom, "/project/licenses/license/url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
    assertThat(text(pom, "/project/scm/url")).startsWith("https://");
    assertThat(text(pom, "/project/scm/connection")).startsWith("scm:git:");
    assertThat(text(pom, "/project/scm/developerConnection")).startsWith("scm:git:");
    assertThat(texts(pom, "/project/developers/developer/name")).isNotEmpty().allSatisfy(n -> assertThat(n)
        .isNotBlank());
    assertThat(texts(pom, "/project/profiles/profile[id='release']/build/plugins/plugin/artifactId"))
        .as("signing in the release profile").contains("maven-gpg-plugin");
  }

  /** Every module of the build but the BOM and the two applications: a library module added later is checked too. */
  static List<String> libraries() throws Exception {
    List<String> modules = new java.util.ArrayList<>(texts(pom("."), "/project/modules/module"));
    modules.removeAll(List.of("insight-bom", "insight-examples", "insight-benchmarks"));
    assertThat(modules).contains("insight-core", "insight-spark");
    return modules;
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("libraries")
  void everyLibrary_inheritsTheMetadata_andAttachesSourcesAndJavadoc(String module) throws Exception {
    Document pom = pom(module);

    assertThat(text(pom, "/project/parent/artifactId")).isEqualTo("insight-parent");
    assertThat(text(pom, "/project/name")).isNotEmpty();
    assertThat(text(pom, "/project/description")).isNotEmpty();
    assertThat(texts(pom, "/project/build/plugins/plugin/artifactId")).contains("maven-source-plugin",
        "maven-javadoc-plugin");
    assertThat(texts(pom, "/project/build/plugins/plugin[artifactId='maven-javadoc-plugin']/executions/execution"
        + "/goals/goal")).contains("jar");
    assertThat(texts(pom, "/project/properties/maven.deploy.skip")).doesNotContain("true");
  }

  @Test
  void releaseProfile_signsAndPublishes_leavingTheApplicationsOut() throws Exception {
    Document parent = pom(".");
    String profile = "/project/profiles/profile[id='release']/build/plugins/plugin";

    assertThat(texts(parent, profile + "/artifactId")).contains("maven-gpg-plugin",
        "central-publishing-maven-plugin");
    assertThat(texts(parent, profile + "[artifactId='central-publishing-maven-plugin']/configuration"
        + "/excludeArtifacts/excludeArtifact")).containsExactlyInAnyOrder("insight-examples", "insight-benchmarks");
    assertThat(texts(parent, "/project/build/pluginManagement/plugins/plugin[artifactId='maven-source-plugin']"
        + "/executions/execution/goals/goal")).containsExactly("jar-no-fork");
    for (String application : List.of("insight-examples", "insight-benchmarks")) {
      assertThat(texts(pom(application), "/project/properties/maven.deploy.skip")).as(application)
          .containsExactly("true");
    }
    assertThat(Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8)).doesNotContain("-Prelease");
  }

  @Test
  void licenceAndSecurityPolicy_areAtTheRoot() throws IOException {
    assertThat(Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8)).contains("Apache License",
        "Version 2.0, January 2004", "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
    assertThat(Files.readString(ROOT.resolve("SECURITY.md"), StandardCharsets.UTF_8))
        .contains("docs/limits.md", "Reporting a vulnerability", "formula injection", "Zip bombs", "external entity", "loopback");
  }
}
