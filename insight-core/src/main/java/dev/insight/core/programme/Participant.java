package dev.insight.core.programme;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.core.internal.Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A person heard by a programme, known by a pseudonym only. Real names belong in the speaker list used for
 * redaction, never here.
 *
 * @param id its id
 * @param pseudonym the name used in analysis, such as "P07" or "Participant 3"
 * @param role the role that may attribute a quote, such as "representative of a children and young people's
 *     organisation", or null
 * @param organisation the organisation the person speaks for, or null
 * @param audiences the audiences the person belongs to or represents
 * @param attributes other attributes (staff group, area...), by name
 */
public record Participant(ParticipantId id, String pseudonym, @Nullable String role,
    @Nullable OrganisationId organisation, List<AudienceId> audiences, Map<String, String> attributes) {

  /**
   * Validates and copies.
   *
   * @param id its id
   * @param pseudonym the name used in analysis, such as "P07" or "Participant 3"
   * @param role the role that may attribute a quote, such as "representative of a children and young people's organisation", or null
   * @param organisation the organisation the person speaks for, or null
   * @param audiences the audiences the person belongs to or represents
   * @param attributes other attributes (staff group, area...), by name
   */
  public Participant {
    checkNotNull(id, "id");
    Check.text(pseudonym, "participant pseudonym");
    audiences = Check.list(audiences);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * The organisation, if any.
   *
   * @return the organisation id
   */
  public Optional<OrganisationId> organisationId() {
    return Optional.ofNullable(organisation);
  }
}
