package dev.insight.codeframe.coding;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.insight.codeframe.Code;
import dev.insight.codeframe.CodeId;
import dev.insight.codeframe.Codeframe;
import dev.insight.codeframe.Revision;
import dev.insight.core.data.Category;
import dev.insight.core.data.Dataset;
import dev.insight.core.data.MultiResponseVariable;
import dev.insight.core.data.RespondentId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of coding a set of units (comments or transcript segments) with a {@link Codeframe}: for each unit, the
 * codes it received, each with its {@link Provenance}. Produced alike by manual import, rules and learned models,
 * so every consumer (tables, agreement, recoding) reads one type. Immutable.
 *
 * <p>A unit in the coding with no assignment was looked at and given no code; a unit absent from the coding was not
 * coded at all (missing when the coding becomes a survey variable). A unit has at most one assignment per code, only
 * codable codes of the frame are assigned, and a none-code ({@link Code#isExclusive()}) is the unit's only code.
 */
public final class Coding {
  private final Codeframe codeframe;
  private final List<UnitId> units;
  private final Map<UnitId, List<Assignment>> byUnit;

  private Coding(Codeframe codeframe, List<UnitId> units, Map<UnitId, List<Assignment>> byUnit) {
    this.codeframe = codeframe;
    this.units = List.copyOf(units);
    this.byUnit = byUnit;
  }

  /**
   * A builder for a coding with this frame.
   *
   * @param codeframe the frame the codes come from
   * @return a new builder
   */
  public static Builder builder(Codeframe codeframe) {
    return new Builder(codeframe);
  }

  /**
   * The frame the codes come from.
   *
   * @return the frame
   */
  public Codeframe codeframe() {
    return codeframe;
  }

  /**
   * The units coded, in the order they were first added.
   *
   * @return an immutable list
   */
  public List<UnitId> units() {
    return units;
  }

  /**
   * Whether this unit was coded (possibly with no code).
   *
   * @param unit a unit
   * @return true when the unit is part of the coding
   */
  public boolean contains(UnitId unit) {
    return byUnit.containsKey(unit);
  }

  /**
   * The assignments of one unit, in the order they were made.
   *
   * @param unit a unit
   * @return an immutable list; empty for a unit coded with nothing or not coded at all
   */
  public List<Assignment> assignments(UnitId unit) {
    return byUnit.getOrDefault(unit, List.of());
  }

  /**
   * The codes of one unit, in the order they were assigned.
   *
   * @param unit a unit
   * @return a new set
   */
  public Set<CodeId> codes(UnitId unit) {
    Set<CodeId> codes = new LinkedHashSet<>();
    for (Assignment assignment : assignments(unit)) {
      codes.add(assignment.code());
    }
    return codes;
  }

  /**
   * The assignment of a code to a unit, if there is one.
   *
   * @param unit a unit
   * @param code a code
   * @return the assignment, or empty
   */
  public Optional<Assignment> assignment(UnitId unit, CodeId code) {
    return assignments(unit).stream().filter(a -> a.code().equals(code)).findFirst();
  }

  /**
   * Every assignment, unit by unit.
   *
   * @return a new list
   */
  public List<Assignment> assignments() {
    List<Assignment> all = new ArrayList<>();
    for (UnitId unit : units) {
      all.addAll(assignments(unit));
    }
    return all;
  }

  /**
   * The number of units each codable code was given to, in the frame's order of codable codes.
   *
   * @return a map from code to count, including zero counts
   */
  public Map<CodeId, Integer> counts() {
    Map<CodeId, Integer> counts = new LinkedHashMap<>();
    for (Code code : codeframe.codable()) {
      counts.put(code.id(), 0);
    }
    for (List<Assignment> list : byUnit.values()) {
      for (Assignment assignment : list) {
        counts.merge(assignment.code(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * For each codable code, how many units were given it by a person, by a rule and by a model (for a methods note:
   * "412 comments coded by people, 5,120 by the model at precision 0.9").
   *
   * @return a map from code to its counts, in the frame's order of codable codes, including zero counts
   */
  public Map<CodeId, SourceCounts> countsBySource() {
    Map<CodeId, int[]> counts = new LinkedHashMap<>();
    for (Code code : codeframe.codable()) {
      counts.put(code.id(), new int[3]);
    }
    for (List<Assignment> list : byUnit.values()) {
      for (Assignment assignment : list) {
        Provenance provenance = assignment.provenance();
        int kind = provenance instanceof Provenance.Human ? 0 : provenance instanceof Provenance.Rule ? 1 : 2;
        counts.get(assignment.code())[kind]++;
      }
    }
    Map<CodeId, SourceCounts> result = new LinkedHashMap<>();
    counts.forEach((code, c) -> result.put(code, new SourceCounts(c[0], c[1], c[2])));
    return result;
  }

  /**
   * How many units were coded (given a code or looked at and given none) by each kind of coder: a unit counts for
   * a person if any of its codes came from a person, else for rules if any came from a rule, else for a model;
   * units with no code count as {@code person} (someone looked at them).
   *
   * @return the counts
   */
  public SourceCounts unitsBySource() {
    int person = 0;
    int rule = 0;
    int model = 0;
    for (UnitId unit : units) {
      List<Assignment> list = byUnit.get(unit);
      if (list == null || list.isEmpty() || list.stream().anyMatch(a -> a.provenance() instanceof Provenance.Human)) {
        person++;
      } else if (list.stream().anyMatch(a -> a.provenance() instanceof Provenance.Rule)) {
        rule++;
      } else {
        model++;
      }
    }
    return new SourceCounts(person, rule, model);
  }

  /**
   * Counts by kind of coder.
   *
   * @param person by people
   * @param rule by rules
   * @param model by models
   */
  public record SourceCounts(int person, int rule, int model) {
    /**
     * Validates the counts.
     *
     * @param person by people
     * @param rule by rules
     * @param model by models
     */
    public SourceCounts {
      com.google.common.base.Preconditions.checkArgument(person >= 0 && rule >= 0 && model >= 0,
          "counts cannot be negative: %s, %s, %s", person, rule, model);
    }

    /**
     * The total.
     *
     * @return person + rule + model
     */
    public int total() {
      return person + rule + model;
    }
  }

  /**
   * The coding as survey variables for a dataset's respondents: units are matched to respondents by id; a
   * respondent whose comment was not coded is missing.
   *
   * @param name the name of the codes variable; the nets variable is named {@code name + "_nets"}
   * @param label the label of the codes variable (the question)
   * @param dataset the dataset whose rows the variables follow
   * @return the variables
   * @throws IllegalArgumentException when a coded unit is not a respondent of the dataset (naming it; nothing is
   *     silently dropped)
   */
  public CodingVariables toVariables(String name, String label, Dataset dataset) {
    List<RespondentId> rows = new ArrayList<>(dataset.rowCount());
    for (int row = 0; row < dataset.rowCount(); row++) {
      rows.add(dataset.id(row));
    }
    Set<String> known = rows.stream().map(RespondentId::value).collect(Collectors.toSet());
    List<UnitId> unknown = units.stream().filter(u -> !known.contains(u.value())).limit(5)
        .collect(Collectors.toList());
    checkArgument(unknown.isEmpty(), "coding of %s: unit(s) %s are not respondents of the dataset", name, unknown);
    return toVariables(name, label, rows);
  }

  /**
   * The coding as survey variables over respondents given in row order.
   *
   * @param name the name of the codes variable; the nets variable is named {@code name + "_nets"}
   * @param label the label of the codes variable
   * @param rows the respondents in row order; those not coded are missing
   * @return the variables
   */
  public CodingVariables toVariables(String name, String label, List<RespondentId> rows) {
    List<Code> codable = codeframe.codable();
    Map<CodeId, Integer> column = new HashMap<>();
    for (int i = 0; i < codable.size(); i++) {
      column.put(codable.get(i).id(), i);
    }
    List<BitSet> selected = new ArrayList<>(codable.size());
    for (int i = 0; i < codable.size(); i++) {
      selected.add(new BitSet(rows.size()));
    }
    BitSet answered = new BitSet(rows.size());
    for (int row = 0; row < rows.size(); row++) {
      UnitId unit = UnitId.of(rows.get(row));
      List<Assignment> list = byUnit.get(unit);
      if (list == null) {
        continue;
      }
      answered.set(row);
      for (Assignment assignment : list) {
        selected.get(column.get(assignment.code())).set(row);
      }
    }
    List<Category> options = codable.stream().map(c -> Category.of(c.id().value(), c.label()))
        .collect(Collectors.toList());
    MultiResponseVariable codes = MultiResponseVariable.of(name, label, options, selected, answered, rows.size());
    List<Code> nets = codeframe.nets();
    MultiResponseVariable netsVariable = null;
    if (!nets.isEmpty()) {
      List<BitSet> netBits = new ArrayList<>(nets.size());
      for (Code net : nets) {
        BitSet bits = new BitSet(rows.size());
        for (CodeId under : codeframe.codableUnder(net.id())) {
          bits.or(selected.get(column.get(under)));
        }
        netBits.add(bits);
      }
      List<Category> netOptions = nets.stream().map(c -> Category.of(c.id().value(), c.label()))
          .collect(Collectors.toList());
      netsVariable = MultiResponseVariable.of(name + "_nets", label + " (nets)", netOptions, netBits, answered,
          rows.size());
    }
    return new CodingVariables(codes, netsVariable);
  }

  /**
   * The dataset with this coding added as variables {@code name} (codes) and {@code name_nets} (nets, when the frame
   * has any).
   *
   * @param dataset the dataset
   * @param name the codes variable's name
   * @param label its label
   * @return a new dataset
   * @throws IllegalArgumentException as {@link #toVariables(String, String, Dataset)}
   */
  public Dataset addTo(Dataset dataset, String name, String label) {
    CodingVariables variables = toVariables(name, label, dataset);
    Dataset result = dataset.with(variables.codes());
    if (variables.nets() != null) {
      result = result.with(variables.nets());
    }
    return result;
  }

  /**
   * This coding carried over to the new frame of a revision: every code is replaced by its mapped code (two old
   * codes merged into one give one assignment, keeping the first's provenance).
   *
   * @param revision a revision whose old frame is this coding's frame
   * @return the recoded coding and the units to review (those coded with a code that was split)
   * @throws IllegalArgumentException when the revision starts from another frame
   */
  public Recoded recode(Revision revision) {
    checkArgument(revision.from().equals(codeframe), "coding uses codeframe %s %s but the revision starts from %s %s",
        codeframe.name(), codeframe.version(), revision.from().name(), revision.from().version());
    Builder builder = new Builder(revision.to());
    List<UnitId> review = new ArrayList<>();
    for (UnitId unit : units) {
      builder.unit(unit);
      boolean flagged = false;
      for (Assignment assignment : assignments(unit)) {
        CodeId target = revision.map(assignment.code());
        if (builder.lacks(unit, target)) {
          builder.assign(unit, target, assignment.provenance());
        }
        flagged |= revision.needsReview().contains(assignment.code());
      }
      if (flagged) {
        review.add(unit);
      }
    }
    return new Recoded(builder.build(), review);
  }

  @Override
  public String toString() {
    return "Coding[" + codeframe.name() + ", " + units.size() + " units]";
  }

  /**
   * A coding carried over to a revised frame.
   *
   * @param coding the coding with the new frame
   * @param toReview the units a coder should look at again, because one of their codes was split
   */
  public record Recoded(Coding coding, List<UnitId> toReview) {

    /**
     * Copies the list.
     *
     * @param coding the coding with the new frame
     * @param toReview the units a coder should look at again, because one of their codes was split
     */
    public Recoded {
      checkNotNull(coding, "coding");
      toReview = List.copyOf(toReview);
    }
  }

  /** Collects assignments into a {@link Coding}. Not thread-safe. */
  public static final class Builder {
    private final Codeframe codeframe;
    private final Map<UnitId, List<Assignment>> byUnit = new LinkedHashMap<>();

    private Builder(Codeframe codeframe) {
      this.codeframe = checkNotNull(codeframe, "codeframe");
    }

    /**
     * Adds a unit, which may then receive codes; a unit added and given no code was coded with nothing.
     *
     * @param unit the unit
     * @return this builder
     */
    public Builder unit(UnitId unit) {
      byUnit.computeIfAbsent(checkNotNull(unit, "unit"), u -> new ArrayList<>(2));
      return this;
    }

    /**
     * Whether the unit does not have this code yet.
     *
     * @param unit a unit
     * @param code a code
     * @return true when the code can still be assigned
     */
    public boolean lacks(UnitId unit, CodeId code) {
      List<Assignment> list = byUnit.get(unit);
      if (list == null) {
        return true;
      }
      for (Assignment assignment : list) {
        if (assignment.code().equals(code)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Gives a code to a unit (adding the unit if needed).
     *
     * @param unit the unit
     * @param code a codable code of the frame
     * @param provenance who or what gave it
     * @return this builder
     * @throws IllegalArgumentException when the code is not in the frame or not codable, or the unit already has it
     *     (the message names the unit and the code)
     */
    public Builder assign(UnitId unit, CodeId code, Provenance provenance) {
      return add(new Assignment(unit, code, provenance));
    }

    /**
     * Adds an assignment.
     *
     * @param assignment the assignment
     * @return this builder
     * @throws IllegalArgumentException as {@link #assign}
     */
    public Builder add(Assignment assignment) {
      CodeId code = assignment.code();
      Optional<Code> found = codeframe.find(code);
      checkArgument(found.isPresent(), "unit %s: unknown code %s (not in codeframe %s)", assignment.unit(), code,
          codeframe.name());
      checkArgument(found.get().codable(), "unit %s: %s is a net of codeframe %s, not a codable code",
          assignment.unit(), code, codeframe.name());
      checkArgument(lacks(assignment.unit(), code), "unit %s already has code %s", assignment.unit(), code);
      byUnit.computeIfAbsent(assignment.unit(), u -> new ArrayList<>(2)).add(assignment);
      return this;
    }

    /**
     * The coding.
     *
     * @return a new immutable coding
     * @throws IllegalArgumentException when a unit has a none-code together with another code (naming the unit and
     *     the codes)
     */
    public Coding build() {
      Map<UnitId, List<Assignment>> copy = new LinkedHashMap<>();
      for (Map.Entry<UnitId, List<Assignment>> entry : byUnit.entrySet()) {
        List<Assignment> list = entry.getValue();
        if (list.size() > 1) {
          for (Assignment assignment : list) {
            checkArgument(!codeframe.code(assignment.code()).isExclusive(),
                "unit %s: code %s excludes every other code, but the unit also has %s", entry.getKey(),
                assignment.code(), list.stream().map(Assignment::code).filter(c -> !c.equals(assignment.code()))
                    .collect(Collectors.toList()));
          }
        }
        copy.put(entry.getKey(), List.copyOf(list));
      }
      return new Coding(codeframe, new ArrayList<>(copy.keySet()), Collections.unmodifiableMap(copy));
    }
  }
}
