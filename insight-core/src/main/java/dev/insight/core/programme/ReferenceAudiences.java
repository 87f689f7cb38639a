package dev.insight.core.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Built-in reference lists of audiences. A programme copies the list it works to into its own audiences and may
 * add its own groups; nothing here is global or mutable.
 */
public final class ReferenceAudiences {
  private static final List<String> HEALTH_INEQUALITIES = List.of(
      "Black and minority ethnic communities",
      "Children and young people",
      "Children and young people with special educational needs and disabilities",
      "Disabled people",
      "Inclusion health groups",
      "LGBTQ+ people",
      "Maternity voices partnerships",
      "Armed forces members and families",
      "Older people",
      "Parent and carer panels",
      "Parents, carers and families",
      "Peer supporters and informal advocates",
      "People in contact with the criminal justice system",
      "People living in deprived areas",
      "People who draw on care and support",
      "People who draw on mental health services",
      "People with a learning disability, autism or other neurodevelopmental conditions",
      "People with lived experience of suicide and self-harm",
      "Religious and faith groups",
      "Transient populations",
      "Unpaid carers (including young carers and care at a distance)",
      "Women's and men's health and care groups");

  private ReferenceAudiences() {}

  /**
   * The 22 groups most affected by health inequalities that an integrated care partnership works to reach, each
   * flagged as a {@linkplain Audience#reference() reference} audience. Ids are derived from the names (lower case,
   * words joined by hyphens, for example {@code older-people}).
   *
   * @return a new list in the published order
   */
  public static List<Audience> healthInequalities() {
    List<Audience> audiences = new ArrayList<>();
    for (String name : HEALTH_INEQUALITIES) {
      audiences.add(new Audience(AudienceId.of(slug(name)), name, null, true));
    }
    return audiences;
  }

  /**
   * The id derived from a name: lower case (in the root locale), runs of anything but letters and digits replaced
   * by one hyphen.
   *
   * @param name a name
   * @return the slug
   */
  public static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replace("+", "-plus").replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("^-|-$", "");
  }
}
