package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A standing panel, forum or network that is consulted repeatedly, such as a citizens' panel or a youth council.
 *
 * @param id its id
 * @param title its name
 * @param period the period it was consulted in, or null
 * @param audiences the audiences its members belong to
 * @param organisations the organisations that run it
 * @param principle the principle it is reported under, or null
 * @param members the number of members (a network's reach may be in the thousands)
 * @param meets how often it meets, such as "every two months", or null
 */
public record Panel(ActivityId id, String title, @Nullable Period period, List<AudienceId> audiences,
    List<OrganisationId> organisations, @Nullable PrincipleId principle, int members, @Nullable String meets)
    implements Activity {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param title its name
   * @param period the period it was consulted in, or null
   * @param audiences the audiences its members belong to
   * @param organisations the organisations that run it
   * @param principle the principle it is reported under, or null
   * @param members the number of members (a network's reach may be in the thousands)
   * @param meets how often it meets, such as "every two months", or null
   */
  public Panel {
    checkNotNull(id, "id");
    Check.text(title, "panel title");
    checkArgument(members >= 0, "panel %s: members cannot be negative: %s", id, members);
    audiences = Check.list(audiences);
    organisations = Check.list(organisations);
  }

  @Override
  public String kindLabel() {
    return "standing panel";
  }
}
