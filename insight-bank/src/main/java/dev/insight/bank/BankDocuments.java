package dev.insight.bank;

import static com.google.common.base.Preconditions.checkArgument;

import dev.insight.core.evidence.Consent;
import dev.insight.core.evidence.Consideration;
import dev.insight.core.evidence.Finding;
import dev.insight.core.evidence.FindingId;
import dev.insight.core.evidence.PriorityId;
import dev.insight.core.evidence.Recommendation;
import dev.insight.core.evidence.Response;
import dev.insight.core.evidence.ThemePrevalence;
import dev.insight.core.evidence.Verbatim;
import dev.insight.core.programme.Activity;
import dev.insight.core.programme.ActivityId;
import dev.insight.core.programme.FocusGroup;
import dev.insight.core.programme.Interview;
import dev.insight.core.programme.Meeting;
import dev.insight.core.programme.Panel;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.ReferenceAudiences;
import dev.insight.core.programme.SourceStudy;
import dev.insight.core.programme.SurveyActivity;
import dev.insight.core.programme.Workshop;
import dev.insight.core.redact.RedactedText;
import dev.insight.core.redact.Redaction;
import dev.insight.core.redact.RedactionKind;
import dev.insight.core.redact.Redactor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.jspecify.annotations.Nullable;

/**
 * Turns a programme and its coded comments into the bank's documents: one per study, finding, recommendation,
 * consented quote, coded comment, prevalence and response, each carrying the filters of the activities behind it.
 * Quotes and comments are redacted before anything is stored; quotes without consent are not stored at all.
 */
final class BankDocuments {
  private static final Redactor REDACTOR = Redactor.standard();

  /** The documents, the texts to embed (by index into {@code items}), counts and notes for the user. */
  record Built(List<Document> items, List<String> embedTexts, List<Integer> embedItems, Map<ItemKind, Integer> counts,
      List<String> notes) {}

  private final Programme programme;
  private final Map<ActivityId, Activity> activities = new HashMap<>();
  private final Map<ActivityId, Set<String>> audiencesOf = new HashMap<>();
  private final List<Document> items = new ArrayList<>();
  private final List<String> embedTexts = new ArrayList<>();
  private final List<Integer> embedItems = new ArrayList<>();
  private final Map<ItemKind, Integer> counts = new EnumMap<>(ItemKind.class);
  private final List<String> notes = new ArrayList<>();

  private BankDocuments(Programme programme) {
    this.programme = programme;
    programme.activities().forEach(a -> activities.put(a.id(), a));
    programme.coverage().forEach((audience, heardBy) -> {
      for (Activity a : heardBy) {
        Set<String> keys = audiencesOf.computeIfAbsent(a.id(), k -> new TreeSet<>());
        keys.add(audience.id().value());
        keys.add(ReferenceAudiences.slug(audience.name()));
      }
    });
  }

  static Built of(Programme programme, List<CommentSet> comments) {
    BankDocuments documents = new BankDocuments(programme);
    documents.build(comments);
    return new Built(documents.items, documents.embedTexts, documents.embedItems, documents.counts,
        documents.notes);
  }

  private void build(List<CommentSet> commentSets) {
    Map<FindingId, Finding> findings = new HashMap<>();
    programme.findings().forEach(f -> findings.put(f.id(), f));
    for (SourceStudy study : programme.activities(SourceStudy.class)) {
      Set<String> themes = new LinkedHashSet<>();
      study.findings().forEach(id -> themes.add(findings.get(id).theme()));
      String text = study.title() + ". " + study.sample() + ". " + study.method() + ".";
      add(ItemKind.STUDY, study.id().value(), text, null, describe(study), baseOf(study), List.of(study.id()),
          themes, study.priorities(), dateOf(study), true);
    }
    for (Finding f : programme.findings()) {
      add(ItemKind.FINDING, f.id().value(), f.statement(), null, sources(f.sources()), basesOf(f.sources()),
          f.sources(), List.of(f.theme()), f.priorities(), earliest(f.sources()), true);
    }
    for (Recommendation r : programme.recommendations()) {
      Set<String> themes = new LinkedHashSet<>();
      r.findings().forEach(id -> themes.add(findings.get(id).theme()));
      add(ItemKind.RECOMMENDATION, r.id().value(), r.text(), null, sources(r.sources()), basesOf(r.sources()),
          r.sources(), themes, r.priorities(), earliest(r.sources()), true);
    }
    for (Verbatim q : programme.quotes()) {
      if (!q.publishable()) {
        notes.add("quote " + q.id() + " left out: consent " + label(q.consent()) + " (only consented quotes are "
            + "kept in the bank)");
        continue;
      }
      ActivityId from = q.source().activity();
      add(ItemKind.QUOTE, q.id().value(), q.text(), Consent.GIVEN, describe(activities.get(from)) + "; "
          + q.attribution(), baseOf(activities.get(from)), List.of(from), q.themes(), List.of(), dateOf(from), true);
    }
    for (ThemePrevalence p : programme.prevalences()) {
      String text = p.theme() + ": " + p.describe();
      add(ItemKind.PREVALENCE, p.id().value(), text, null, describe(activities.get(p.activity())) + "; "
          + p.method(), p.describe(), List.of(p.activity()), List.of(p.theme()), List.of(), dateOf(p.activity()),
          true);
    }
    for (Response r : programme.responses()) {
      Set<ActivityId> behind = new LinkedHashSet<>();
      Set<String> themes = new LinkedHashSet<>();
      r.findings().forEach(id -> {
        behind.addAll(findings.get(id).sources());
        themes.add(findings.get(id).theme());
      });
      programme.recommendations().stream().filter(x -> r.recommendations().contains(x.id()))
          .forEach(x -> behind.addAll(x.sources()));
      String text = "You said: " + r.youSaid() + " We did: " + r.weDid();
      LocalDate date = r.considerations().stream().map(Consideration::consideredOn).max(LocalDate::compareTo)
          .orElse(programme.period().end());
      add(ItemKind.RESPONSE, r.id().value(), text, null, "you said, we did (" + label(r.status()) + ")",
          considered(r), behind, themes, r.priorities(), date, true);
    }
    for (CommentSet set : commentSets) {
      Activity activity = activities.get(set.activity());
      checkArgument(activity != null, "comments from activity %s, which programme %s does not define",
          set.activity(), programme.id());
      Map<String, Integer> themeCounts = new HashMap<>();
      set.comments().forEach(c -> c.themes().forEach(t -> themeCounts.merge(t, 1, Integer::sum)));
      int n = set.comments().size();
      boolean shown = set.consent().allowsPublication();
      if (!shown && n > 0) {
        notes.add(n + " comments from " + set.activity() + " kept with their themes only: consent "
            + label(set.consent()));
      }
      String source = describe(activity) + "; \"" + set.question() + "\"";
      LocalDate date = dateOf(set.activity());
      for (CodedComment c : set.comments()) {
        StringBuilder base = new StringBuilder("1 of ").append(n).append(" coded comments");
        for (String theme : c.themes()) {
          base.append("; ").append(theme).append(": ").append(themeCounts.get(theme)).append(" of ").append(n);
        }
        add(ItemKind.COMMENT, set.activity().value() + "/" + c.unit(), shown ? c.text() : "", set.consent(), source,
            base.toString(), List.of(set.activity()), c.themes(), List.of(), date, false);
      }
    }
  }

  private void add(ItemKind kind, String id, String words, @Nullable Consent consent, String source, String base,
      Collection<ActivityId> behind, Collection<String> themes, List<PriorityId> priorities, @Nullable LocalDate date,
      boolean embed) {
    Document doc = new Document();
    doc.add(new StringField(Fields.DOC, Fields.ITEM, Field.Store.NO));
    doc.add(new StringField(Fields.KIND, kind.label(), Field.Store.YES));
    doc.add(new StringField(Fields.PROGRAMME, programme.id().value(), Field.Store.YES));
    doc.add(new StoredField(Fields.PROGRAMME_TITLE, programme.title()));
    doc.add(new StringField(Fields.ID, id, Field.Store.YES));
    String redaction;
    if (consent != null && !consent.allowsPublication()) {
      doc.add(new StoredField(Fields.DISPLAY, "(words withheld: consent " + label(consent) + ")"));
      redaction = "withheld";
    } else {
      RedactedText redacted = REDACTOR.redact(words);
      doc.add(new TextField(Fields.TEXT, redacted.text(), Field.Store.NO));
      doc.add(new StoredField(Fields.DISPLAY, redacted.text()));
      redaction = describe(redacted);
      if (embed) {
        embedTexts.add(redacted.text());
        embedItems.add(items.size());
      }
    }
    doc.add(new StoredField(Fields.REDACTION, redaction));
    doc.add(new StoredField(Fields.CONSENT, consent == null ? "not applicable" : label(consent)));
    doc.add(new StoredField(Fields.SOURCE, source));
    doc.add(new StoredField(Fields.BASE, base));
    for (String theme : themes) {
      doc.add(new StringField(Fields.THEME, ReferenceAudiences.slug(theme), Field.Store.NO));
      doc.add(new StoredField(Fields.THEME_NAME, theme));
      // a theme is searchable by its words too: "loneliness" finds a finding themed so that says "felt alone"
      doc.add(new TextField(Fields.TEXT, theme, Field.Store.NO));
    }
    Set<String> audiences = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    for (ActivityId a : behind) {
      audiences.addAll(audiencesOf.getOrDefault(a, Set.of()));
      Activity activity = activities.get(a);
      if (activity != null) {
        kinds.add(ReferenceAudiences.slug(activity.kindLabel()));
      }
    }
    audiences.forEach(a -> doc.add(new StringField(Fields.AUDIENCE, a, Field.Store.NO)));
    kinds.forEach(k -> doc.add(new StringField(Fields.ACTIVITY_KIND, k, Field.Store.NO)));
    priorities.forEach(p -> doc.add(new StringField(Fields.PRIORITY, p.value(), Field.Store.NO)));
    if (programme.place() != null) {
      doc.add(new StringField(Fields.PLACE, ReferenceAudiences.slug(programme.place()), Field.Store.NO));
      doc.add(new StoredField(Fields.PLACE_NAME, programme.place()));
    }
    if (date != null) {
      doc.add(new LongPoint(Fields.DATE, date.toEpochDay()));
      doc.add(new StoredField(Fields.DATE_TEXT, date.toString()));
    }
    doc.add(new StringField(Fields.VISIBILITY, programme.visibility().name(), Field.Store.YES));
    items.add(doc);
    counts.merge(kind, 1, Integer::sum);
  }

  private static String describe(RedactedText redacted) {
    if (redacted.redactions().isEmpty()) {
      return "redacted: nothing found";
    }
    Map<RedactionKind, Integer> byKind = new EnumMap<>(RedactionKind.class);
    for (Redaction r : redacted.redactions()) {
      byKind.merge(r.kind(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach((k, v) -> parts.add(v + " " + label(k)));
    return "redacted: " + String.join(", ", parts);
  }

  private String considered(Response r) {
    if (r.considerations().isEmpty()) {
      return "no consideration recorded";
    }
    List<String> parts = new ArrayList<>();
    for (Consideration c : r.considerations()) {
      int pieces = c.findings().size() + c.prevalences().size() + c.quotes().size() + c.sources().size();
      parts.add("considered by " + c.consideredBy() + " on " + c.consideredOn() + " (" + pieces + " pieces of "
          + "evidence)");
    }
    return String.join("; ", parts);
  }

  private String sources(Collection<ActivityId> ids) {
    List<String> parts = new ArrayList<>();
    ids.forEach(id -> parts.add(describe(activities.get(id))));
    return parts.isEmpty() ? programme.title() : String.join("; ", parts);
  }

  private String basesOf(Collection<ActivityId> ids) {
    List<String> parts = new ArrayList<>();
    ids.forEach(id -> parts.add(baseOf(activities.get(id))));
    return parts.isEmpty() ? "no source named" : String.join("; ", parts);
  }

  private static String describe(Activity a) {
    return a.title() + " (" + a.kindLabel() + ")";
  }

  static String baseOf(Activity a) {
    if (a instanceof SurveyActivity s) {
      return "survey of " + s.responses() + " responses";
    } else if (a instanceof FocusGroup g) {
      return "focus group of " + g.participants().size() + " participants";
    } else if (a instanceof Interview i) {
      return i.participants().size() + " interviews";
    } else if (a instanceof Workshop w) {
      return "workshop of " + w.attendees() + " attendees";
    } else if (a instanceof Panel p) {
      return "panel of " + p.members() + " members";
    } else if (a instanceof Meeting m) {
      return "meeting of " + m.board();
    } else if (a instanceof SourceStudy s) {
      return s.method() + (s.sampleSize() == null ? "" : ", " + s.sampleSize() + " people") + ": " + s.sample()
          + " (" + s.publisher() + ", " + s.year() + ")";
    }
    throw new IllegalStateException("unknown activity " + a);
  }

  private @Nullable LocalDate earliest(Collection<ActivityId> ids) {
    return ids.stream().map(this::dateOf).filter(d -> d != null).min(LocalDate::compareTo)
        .orElse(programme.period().start());
  }

  private @Nullable LocalDate dateOf(ActivityId id) {
    return dateOf(activities.get(id));
  }

  private LocalDate dateOf(Activity a) {
    if (a.period() != null) {
      return a.period().start();
    }
    if (a instanceof SourceStudy s) {
      return LocalDate.of(s.year(), 1, 1);
    }
    return programme.period().start();
  }

  static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
