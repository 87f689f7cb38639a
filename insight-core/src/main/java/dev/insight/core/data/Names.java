package dev.insight.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Shared validation of names and category lists. */
final class Names {
  private Names() {}

  static String checkName(String name) {
    checkNotNull(name, "name");
    checkArgument(!name.isBlank(), "variable name cannot be blank");
    return name;
  }

  static String labelOr(String label, String name) {
    return label == null || label.isBlank() ? name : label;
  }

  static List<Category> checkCategories(String name, List<Category> categories) {
    List<Category> copy = List.copyOf(categories);
    Set<String> seen = new HashSet<>();
    for (Category category : copy) {
      checkArgument(seen.add(category.code()),
          "variable %s: category code %s appears twice", name, category.code());
    }
    return copy;
  }

  static int indexOfCode(List<Category> categories, String code) {
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i).code().equals(code)) {
        return i;
      }
    }
    return -1;
  }
}
