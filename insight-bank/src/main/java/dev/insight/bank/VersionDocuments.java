package dev.insight.bank;

import dev.insight.core.json.ProgrammeJson;
import dev.insight.core.programme.Programme;
import dev.insight.core.programme.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** One stored version of a programme: its JSON, when it was added, and what it holds. Never searched as an item. */
final class VersionDocuments {
  private VersionDocuments() {}

  static Document of(Programme programme, int version, Map<ItemKind, Integer> counts) {
    Document doc = new Document();
    doc.add(new StringField(Fields.DOC, Fields.VERSION_DOC, Field.Store.NO));
    doc.add(new StringField(Fields.PROGRAMME, programme.id().value(), Field.Store.YES));
    doc.add(new StoredField(Fields.PROGRAMME_TITLE, programme.title()));
    if (programme.place() != null) {
      doc.add(new StoredField(Fields.PLACE_NAME, programme.place()));
    }
    doc.add(new StringField(Fields.VISIBILITY, programme.visibility().name(), Field.Store.YES));
    doc.add(new StoredField(Fields.VERSION, version));
    doc.add(new StoredField(Fields.ADDED_AT, Instant.now().toString()));
    StringBuilder text = new StringBuilder();
    new TreeMap<>(counts).forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k.label()).append('=')
        .append(v));
    doc.add(new StoredField(Fields.COUNTS, text.toString()));
    doc.add(new StoredField(Fields.JSON, ProgrammeJson.write(programme).getBytes(StandardCharsets.UTF_8)));
    return doc;
  }

  static BankedProgramme banked(Document doc) {
    Map<ItemKind, Integer> counts = new EnumMap<>(ItemKind.class);
    for (String part : doc.get(Fields.COUNTS).split(",")) {
      if (!part.isEmpty()) {
        String[] kv = part.split("=");
        counts.put(ItemKind.of(kv[0]), Integer.parseInt(kv[1]));
      }
    }
    return new BankedProgramme(doc.get(Fields.PROGRAMME), doc.get(Fields.PROGRAMME_TITLE), doc.get(Fields.PLACE_NAME),
        Visibility.valueOf(doc.get(Fields.VISIBILITY)), doc.getField(Fields.VERSION).numericValue().intValue(),
        doc.get(Fields.ADDED_AT), counts);
  }

  static String json(Document doc) {
    BytesRef json = doc.getBinaryValue(Fields.JSON);
    return new String(json.bytes, json.offset, json.length, StandardCharsets.UTF_8);
  }
}
